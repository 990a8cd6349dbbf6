using System.Threading;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns what one analysis shares across the graphs it solves (a body with its lambdas and local functions, or the
/// body of a method being summarised): the link resolver and summaries of the compilation, the table of abstract
/// objects, how many levels of calls it may still follow, and cancellation.
/// </summary>
internal sealed class FlowContext(SummaryCache summaries, int callBudget, CallReach? reach, CancellationToken cancellationToken)
{
    public LinkResolver Resolver => Summaries.Resolver;

    public SummaryCache Summaries { get; } = summaries;

    /// <summary>How many levels of methods the calls in this analysis are followed through.</summary>
    public int CallBudget { get; } = callBudget;

    /// <summary>What following calls took, when the analysis is a method's summary (null for a body being checked).</summary>
    public CallReach? Reach { get; } = reach;

    public Origins Origins { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

/// <summary>
/// What following the calls of one summary took: how many levels deep it went, and whether the budget cut a call
/// short. A summary not cut short is the same at every budget from its depth up.
/// </summary>
internal sealed class CallReach
{
    public int Depth { get; private set; }

    public bool Truncated { get; private set; }

    /// <summary>A followed call whose own summary went <paramref name="depth"/> levels deep.</summary>
    public void Followed(int depth, bool truncated)
    {
        Depth = System.Math.Max(Depth, depth + 1);
        Truncated |= truncated;
    }

    /// <summary>A call that would have been followed, had the budget allowed.</summary>
    public void Cut() => Truncated = true;
}
