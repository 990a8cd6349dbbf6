using System.Threading;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns what one analysis shares across the graphs it solves (a body with its lambdas and local functions, or the
/// body of a method being summarised): the link resolver and summaries of the compilation, the table of abstract
/// objects, how many levels of calls it may still follow, and cancellation.
/// </summary>
internal sealed class FlowContext(SummaryCache summaries, int callBudget, CancellationToken cancellationToken)
{
    public LinkResolver Resolver => Summaries.Resolver;

    public SummaryCache Summaries { get; } = summaries;

    /// <summary>How many levels of methods the calls in this analysis are followed through.</summary>
    public int CallBudget { get; } = callBudget;

    public Origins Origins { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
