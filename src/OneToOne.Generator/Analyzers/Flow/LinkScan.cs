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
    /// Whether a body is worth the flow analysis: two link operations, or one that may run repeatedly (inside a loop,
    /// a lambda or a local function, or anywhere in a body with a <c>goto</c> that jumps back). One link made once
    /// cannot conflict with anything in the body.
    /// </summary>
    public static bool WorthAnalysing(IOperation root, SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        var count = 0;
        var jumpsBack = false;
        foreach (var operation in root.Descendants())
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.GoTo } jump &&
                jump.Target.Locations.Length > 0 && jump.Target.Locations[0].SourceSpan.Start < jump.Syntax.SpanStart)
            {
                jumpsBack = true;
            }
            else if (IsLinkOperation(operation, summaries, budget, cancellationToken))
            {
                count++;
                if (count >= 2 || operation.MayRunRepeatedly())
                {
                    return true;
                }
            }
        }

        return count == 1 && jumpsBack;
    }

    /// <summary>Whether a body links or unlinks anything, directly or through the calls it follows (a summary is worth computing).</summary>
    public static bool HasLinkWork(IOperation root, SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        foreach (var operation in root.Descendants())
        {
            if (IsLinkOperation(operation, summaries, budget, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLinkOperation(IOperation operation, SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        var resolver = summaries.Resolver;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }:
                return resolver.Resolve(property.Property) is not null;
            case IInvocationOperation invocation:
                return resolver.ResolveSetter(invocation.TargetMethod) is not null ||
                       FollowedCallHasEffects(invocation.TargetMethod, summaries, budget, cancellationToken);
            case IObjectCreationOperation { Constructor: { } constructor }:
                return FollowedCallHasEffects(constructor, summaries, budget, cancellationToken);
            default:
                return false;
        }
    }

    private static bool FollowedCallHasEffects(IMethodSymbol target, SummaryCache summaries, int budget, CancellationToken cancellationToken)
    {
        if (budget <= 0 || !summaries.IsFollowable(SummaryCache.Normalize(target)))
        {
            return false;
        }

        if (target.MethodKind == MethodKind.LocalFunction)
        {
            // Its graph comes from the body's graph, built only if the body is analysed: count it as work.
            return true;
        }

        return summaries.Of(target, callingGraph: null, budget, cancellationToken) is { HasEffects: true };
    }
}
