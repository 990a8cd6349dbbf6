using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// One link about to be made: the state before it is what a conflict is checked against. <see cref="Through"/> is the
/// followed method the link is made in (null: a plain assignment, <see cref="Operation"/> itself).
/// </summary>
internal sealed record LinkSite(
    LinkInfo Link,
    ValueSet Principals,
    ValueSet Dependents,
    IOperation Operation,
    SyntaxNode? PrincipalSyntax,
    IMethodSymbol? Through)
{
    /// <summary>Where a warning about it sits: the assignment, or the call without an object initializer that follows it.</summary>
    public Location Location => Through is null ? Operation.Syntax.GetLocation() : Describe.CallLocation(Operation);
}

/// <summary>
/// Owns the seam between solving and reporting: the transfer functions (<see cref="Evaluator"/>) tell an observer
/// about each link they are about to make and each lambda they have solved. Solving uses <see cref="NoReports"/>;
/// reporting uses <see cref="ConflictReporter"/>, on states that are already the fixed point.
/// </summary>
internal interface ILinkObserver
{
    /// <summary>Whether this observer reports (false while solving: no link site is described).</summary>
    bool Reports { get; }

    void BeforeLink(FlowState state, LinkSite site);

    /// <summary>A lambda was met: solved as run repeatedly (<paramref name="repeated"/>), or to be analysed on its own (null).</summary>
    void LambdaMet(ControlFlowGraph graph, FlowSolver? repeated);
}

/// <summary>The observer of the solving rounds: reports nothing.</summary>
internal sealed class NoReports : ILinkObserver
{
    public static readonly NoReports Instance = new();

    private NoReports()
    {
    }

    public bool Reports => false;

    public void BeforeLink(FlowState state, LinkSite site)
    {
    }

    public void LambdaMet(ControlFlowGraph graph, FlowSolver? repeated)
    {
    }
}
