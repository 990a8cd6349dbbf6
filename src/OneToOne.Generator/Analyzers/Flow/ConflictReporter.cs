using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using OneToOne.Generator.Diagnostics;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns reporting: on the fixed point's states (a replay of a solved graph, or the last run of each statement of a body
/// run without a graph), before each link
/// checks whether the principal may already hold a different dependent (OTO100) or one made by an earlier run of the
/// same loop or lambda (OTO101). Also analyses the local functions and the lambdas of the graph. Also owns the
/// diagnostic properties the code fix reads.
/// </summary>
internal sealed class ConflictReporter(FlowContext context, Action<Diagnostic> report) : ILinkObserver
{
    /// <summary>Diagnostic property: the principal expression as written (absent when it is not a plain name or member access).</summary>
    public const string PropertyPrincipal = "Principal";

    /// <summary>Diagnostic property: the reverse accessor's name.</summary>
    public const string PropertyReverse = "Reverse";

    /// <summary>Diagnostic property: the dependent type's name.</summary>
    public const string PropertyDependent = "Dependent";

    private readonly HashSet<(Location, string)> _reported = new();

    /// <summary>For a body run without a graph: what each run of the loops around the current statement found, innermost last.</summary>
    private readonly List<List<Diagnostic>> _loopRuns = new();

    public bool Reports => true;

    /// <summary>Analyses a body from an empty state and reports, then its graph's local functions.</summary>
    public void SolveAndReport(FlowSolver solver)
    {
        solver.SolveTelling(new FlowState(context.Origins), this);
        ReportLocalFunctions(solver);
    }

    /// <summary>Reports on a solved graph (its states are used up: the replay runs on them), then on its local functions.</summary>
    private void Report(FlowSolver solved)
    {
        solved.Replay(this);
        ReportLocalFunctions(solved);
    }

    private void ReportLocalFunctions(FlowSolver solver)
    {
        if (solver.Graph is not { } graph)
        {
            return; // a body run from its operation tree has no local function
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            SolveAndReport(new FlowSolver(graph.GetLocalFunctionControlFlowGraph(localFunction, context.CancellationToken), context, repeatedLambda: null));
        }
    }

    public void LambdaMet(ControlFlowGraph graph, FlowSolver? repeated)
    {
        if (repeated is null)
        {
            SolveAndReport(new FlowSolver(graph, context, repeatedLambda: null));
        }
        else
        {
            Report(repeated);
        }
    }

    public void LoopRunStarted() => _loopRuns.Add(new List<Diagnostic>());

    public void LoopRunEnded(bool last)
    {
        var run = _loopRuns[_loopRuns.Count - 1];
        _loopRuns.RemoveAt(_loopRuns.Count - 1);
        if (last)
        {
            foreach (var diagnostic in run)
            {
                Report(diagnostic);
            }
        }
    }

    public void BeforeLink(FlowState state, in LinkSite site)
    {
        var link = site.Link;
        if (link.Replace)
        {
            return;
        }

        var origins = context.Origins;
        foreach (var principal in site.Principals)
        {
            if (!state.TryGetFact(new FactKey(link, principal), out var existing))
            {
                continue;
            }

            List<AbstractValue>? conflicting = null; // rare: made only when there is a conflict
            foreach (var earlier in existing)
            {
                if (Conflicts(earlier, site.Dependents))
                {
                    (conflicting ??= new()).Add(earlier);
                }
            }

            if (conflicting is null)
            {
                continue;
            }

            // For the code fix: the principal as written, when it is a plain name or member access, and the reverse accessor.
            var principalSyntax = site.PrincipalSyntax;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(PropertyReverse, link.Reverse)
                .Add(PropertyDependent, link.Dependent.Name)
                .Add(PropertyPrincipal, principalSyntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax ? principalSyntax.ToString() : null);
            var through = site.Through is { } method ? Describe.Method(method) : "'" + link.Member + "'";
            if (conflicting.All(c => c.Old))
            {
                Report(Diagnostic.Create(
                    Descriptors.RepeatedLink, site.Location, properties,
                    origins.Name(principal), link.Dependent.Name, through, Describe.InLoop(site.Operation) ? "loop" : "lambda"));
            }
            else
            {
                var names = EarlierNames(conflicting, link);
                Report(Diagnostic.Create(
                    Descriptors.DoubleLink, site.Location, properties,
                    origins.Name(principal), link.Dependent.Name, names, origins.Name(site.Dependents.First()), through));
            }

            return;
        }
    }

    /// <summary>
    /// Whether the earlier dependent <paramref name="earlier"/> conflicts with the one being linked: it must not be
    /// provably the same object. A temporary's identity is unknown, except that a run of a loop gets a different one
    /// than the runs before: it conflicts only with itself from an earlier run.
    /// </summary>
    private bool Conflicts(AbstractValue earlier, ValueSet dependents)
    {
        if (dependents.Count == 1 && dependents.Contains(earlier))
        {
            return false;
        }

        var origins = context.Origins;
        var temporary = origins.Kind(earlier.Origin) == OriginKind.Temporary;
        var sameFromThisRun = false;
        foreach (var dependent in dependents)
        {
            temporary |= origins.Kind(dependent.Origin) == OriginKind.Temporary;
            sameFromThisRun |= !dependent.Old && dependent.Origin == earlier.Origin;
        }

        return !temporary || (earlier.Old && sameFromThisRun);
    }

    /// <summary>The earlier dependents (not those of earlier runs) as the message lists them.</summary>
    private string EarlierNames(List<AbstractValue> conflicting, LinkInfo link) =>
        string.Join(", ", conflicting.Where(c => !c.Old).Select(c => Earlier(c, link)).Distinct().Take(FlowBounds.NamesInMessage));

    /// <summary>An earlier dependent as the message names it, with the call it was linked through.</summary>
    private string Earlier(AbstractValue value, LinkInfo link) =>
        context.Origins.Through(value.Origin, link) is { } through
            ? $"'{context.Origins.Name(value)}', linked through {Describe.Method(through)}"
            : $"'{context.Origins.Name(value)}'";

    private void Report(Diagnostic diagnostic)
    {
        if (_loopRuns.Count > 0)
        {
            _loopRuns[_loopRuns.Count - 1].Add(diagnostic); // kept only if this run of the loop turns out to be its last
        }
        else if (_reported.Add((diagnostic.Location, diagnostic.Id)))
        {
            report(diagnostic);
        }
    }
}
