using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// One link about to be made: the state before it is what a conflict is checked against. <see cref="Through"/> is the
/// followed method the link is made in (null: a plain assignment, <see cref="Operation"/> itself).
/// </summary>
internal readonly record struct LinkSite(
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
/// reporting uses <see cref="ConflictReporter"/>, on states that are the fixed point's.
/// </summary>
internal interface ILinkObserver
{
    /// <summary>Whether this observer reports (false while solving: no link site is described).</summary>
    bool Reports { get; }

    void BeforeLink(FlowState state, in LinkSite site);

    /// <summary>A lambda was met: solved as run repeatedly (<paramref name="repeated"/>), or to be analysed on its own (null).</summary>
    void LambdaMet(ControlFlowGraph graph, FlowSolver? repeated);

    /// <summary>A run of a loop's body begins (a body run without a graph): what it tells until it ends is held back.</summary>
    void LoopRunStarted();

    /// <summary>
    /// That run ended: <paramref name="last"/> when nothing new reached the loop's start again, so that it ran on the
    /// fixed point's state and what it told stands; otherwise it is dropped (a later run tells it again, on more).
    /// </summary>
    void LoopRunEnded(bool last);
}

/// <summary>The observer of the solving rounds: reports nothing.</summary>
internal sealed class NoReports : ILinkObserver
{
    public static readonly NoReports Instance = new();

    private NoReports()
    {
    }

    public bool Reports => false;

    public void BeforeLink(FlowState state, in LinkSite site)
    {
    }

    public void LambdaMet(ControlFlowGraph graph, FlowSolver? repeated)
    {
    }

    public void LoopRunStarted()
    {
    }

    public void LoopRunEnded(bool last)
    {
    }
}
