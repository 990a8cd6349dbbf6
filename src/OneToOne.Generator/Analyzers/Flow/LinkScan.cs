using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the cheap checks made before any control-flow graph is built: one walk over a body's operations that looks
/// for link operations (assignments to a navigation or reverse accessor, the extension setter) and calls whose
/// summary links or unlinks something.
/// </summary>
internal static class LinkScan
{
    /// <summary>
    /// Whether a body is worth the flow analysis: two operations that link (an unlink never conflicts), or one that
    /// may run repeatedly (inside a loop, a lambda or a local function, or anywhere in a body with a <c>goto</c> that
    /// jumps back). One link made once cannot conflict with anything in the body: what a principal holds is known
    /// only from the links the body makes.
    /// </summary>
    public static bool WorthAnalysing(IOperation root, SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        var scan = new Scan(summaries, budget, cancellationToken);
        return root.AnyBelow(scan, static (operation, scan) => scan.IsEnough(operation)) || (scan.Links == 1 && scan.JumpsBack);
    }

    /// <summary>What <see cref="WorthAnalysing"/> has counted so far in a body.</summary>
    private sealed class Scan(SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        public int Links { get; private set; }

        public bool JumpsBack { get; private set; }

        /// <summary>Counts <paramref name="operation"/>; whether the body is worth analysing already.</summary>
        public bool IsEnough(IOperation operation)
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.GoTo } jump &&
                jump.Target.Locations.Length > 0 && jump.Target.Locations[0].SourceSpan.Start < jump.Syntax.SpanStart)
            {
                JumpsBack = true;
            }
            else if (IsLinkOperation(operation, summaries, budget, linksOnly: true, reach: null, cancellationToken))
            {
                Links++;
                return Links >= 2 || operation.MayRunRepeatedly();
            }

            return false;
        }
    }

    /// <summary>Whether a body links or unlinks anything, directly or through the calls it follows (a summary is worth computing).</summary>
    public static bool HasLinkWork(IOperation root, SummaryCache summaries, int budget, CallReach? reach, CancellationToken cancellationToken) =>
        root.AnyBelow(
            (Summaries: summaries, Budget: budget, Reach: reach, CancellationToken: cancellationToken),
            static (operation, scan) => IsLinkOperation(operation, scan.Summaries, scan.Budget, linksOnly: false, scan.Reach, scan.CancellationToken));

    /// <summary>
    /// Whether <paramref name="operation"/> links or unlinks (only links when <paramref name="linksOnly"/>): an
    /// assignment to a navigation or reverse accessor, the extension setter, or a followed call whose summary does.
    /// </summary>
    private static bool IsLinkOperation(IOperation operation, SummaryCache summaries, int budget, bool linksOnly, CallReach? reach, CancellationToken cancellationToken)
    {
        var resolver = summaries.Resolver;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                return resolver.Resolve(property.Property) is not null && !(linksOnly && assignment.Value.IsNullValue());
            case IInvocationOperation invocation when resolver.ResolveSetter(invocation.TargetMethod) is not null:
                return !(linksOnly && SetterValue(invocation) is { } value && value.IsNullValue());
            case IInvocationOperation invocation:
                return FollowedCallHasEffects(invocation.TargetMethod, summaries, budget, linksOnly, reach, cancellationToken);
            case IObjectCreationOperation { Constructor: { } constructor }:
                return FollowedCallHasEffects(constructor, summaries, budget, linksOnly, reach, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>The value an extension setter call assigns (its last argument).</summary>
    private static IOperation? SetterValue(IInvocationOperation invocation)
    {
        IArgumentOperation? last = null;
        foreach (var argument in invocation.Arguments)
        {
            if (last is null || (argument.Parameter?.Ordinal ?? 0) > (last.Parameter?.Ordinal ?? 0))
            {
                last = argument;
            }
        }

        return last?.Value;
    }

    private static bool FollowedCallHasEffects(IMethodSymbol target, SummaryCache summaries, int budget, bool linksOnly, CallReach? reach, CancellationToken cancellationToken)
    {
        if (target.MethodKind == MethodKind.LocalFunction)
        {
            // Its graph comes from the body's graph, built only if the body is analysed: count it as work.
            return budget > 0 && summaries.IsFollowable(SummaryCache.Normalize(target));
        }

        return summaries.Of(target, callingGraph: null, budget, reach, cancellationToken) is { } summary &&
               (linksOnly ? summary.Links.Length > 0 : summary.HasEffects);
    }
}
