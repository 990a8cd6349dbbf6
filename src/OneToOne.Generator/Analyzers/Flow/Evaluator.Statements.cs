using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the run of a body from its operation tree, without a control-flow graph (only for a body made of structured
/// statements: see <see cref="OperationExtensions.IsStructured"/>). Statements run in order; a condition forks the
/// state into its two edges, with what its guard says on each, and they join where the statements join; a loop runs
/// until the state at its start stops growing (the fixed point the graph's back edge gives), each run of a loop
/// variable binding a new object; <c>break</c>, <c>continue</c>, <c>return</c> and <c>throw</c> carry the state to
/// where they go. The last run of each statement is on the fixed point's state, so the observer is told as the run
/// goes and keeps only what a loop's last run told it. The state at the start of each loop is kept on the solver, so
/// that a loop inside another starts each of its outer loop's runs from what it reached before.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>Whether no path reaches the statement being run (after a jump, a <c>return</c> or a <c>throw</c>).</summary>
    private bool _dead;

    /// <summary>The loops around the statement being run, innermost last, with the states their jumps carry.</summary>
    private List<LoopExits>? _loops;

    /// <summary>The states a loop's <c>break</c> (and its own exit test) and <c>continue</c> carry, joined.</summary>
    private sealed class LoopExits(ILoopOperation loop)
    {
        public ILoopOperation Loop { get; } = loop;

        public FlowState? Break { get; private set; }

        public FlowState? Continue { get; private set; }

        public void Clear() => (Break, Continue) = (null, null);

        /// <summary>A state that leaves the loop (given up by the caller).</summary>
        public void Leave(FlowState state, Origins origins) => Break = Join(Break, state, origins);

        /// <summary>A state that goes on with the next run (given up by the caller).</summary>
        public void GoOn(FlowState state, Origins origins) => Continue = Join(Continue, state, origins);

        private static FlowState Join(FlowState? target, FlowState state, Origins origins)
        {
            if (target is null)
            {
                return state;
            }

            target.JoinFrom(state, origins);
            return target;
        }
    }

    /// <summary>Runs a structured body on <paramref name="state"/>; what it returns and the state at its end go to the solver.</summary>
    public void RunBody(IMethodBodyBaseOperation body, FlowState state)
    {
        _state = state;
        _dead = false;
        if (body is IConstructorBodyOperation { Initializer: { } initializer })
        {
            Eval(initializer);
        }

        Run((body.BlockBody ?? body.ExpressionBody)!);
        if (!_dead)
        {
            solver.ReachExit(_state);
        }
    }

    private void Run(IOperation statement)
    {
        if (_dead)
        {
            return; // no path reaches it
        }

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // an else-if chain thousands long

        switch (statement)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    Run(inner);
                }

                break;
            case IReturnOperation @return:
                if (@return.ReturnedValue is { } value)
                {
                    solver.NoteReturned(Eval(value));
                }

                solver.ReachExit(_state);
                _dead = true;
                break;
            case IThrowOperation thrown:
                Eval(thrown.Exception);
                _dead = true; // no handler: a body with try takes the graph
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if ((declarator.Initializer ?? declaration.Initializer) is { } initial)
                        {
                            AssignLocal(declarator.Symbol, Eval(initial.Value), declarator);
                        }
                    }
                }

                break;
            case IConditionalOperation branch:
                If(branch);
                break;
            case ILoopOperation loop:
                Loop(loop);
                break;
            case IBranchOperation jump:
                Jump(jump);
                break;
            default:
                Eval(statement);
                break;
        }
    }

    private void If(IConditionalOperation branch)
    {
        var otherwise = Test(branch.Condition);
        Run(branch.WhenTrue);
        var (afterTrue, trueDead) = (_state, _dead);
        (_state, _dead) = otherwise is null ? (afterTrue, true) : (otherwise, false);
        if (branch.WhenFalse is { } whenFalse)
        {
            Run(whenFalse);
        }

        JoinHere(afterTrue, trueDead);
    }

    /// <summary>
    /// Runs a condition: the state goes on along its true edge (dead when it is the constant <c>false</c>); the state
    /// of its false edge is returned (null when it is the constant <c>true</c>). Each edge gets what the guard says.
    /// </summary>
    private FlowState? Test(IOperation condition)
    {
        Eval(condition);
        var guard = GuardOf(condition);
        var constant = condition.ConstantValue is { HasValue: true, Value: bool value } ? value : (bool?)null;
        var whenFalse = constant == true ? null : Guarded(_state.Clone(), guard, false);
        if (constant == false)
        {
            _dead = true;
        }
        else
        {
            _state = Guarded(_state, guard, true);
        }

        return whenFalse;
    }

    /// <summary>Joins a state that reaches this point from elsewhere into the current one.</summary>
    private void JoinHere(FlowState? other, bool otherDead)
    {
        if (otherDead || other is null)
        {
            return;
        }

        if (_dead)
        {
            (_state, _dead) = (other, false);
        }
        else
        {
            _state.JoinFrom(other, Origins);
        }
    }

    private void Jump(IBranchOperation jump)
    {
        var loop = OperationExtensions.EnclosingLoop(jump);
        foreach (var exits in _loops!)
        {
            if (exits.Loop == loop)
            {
                if (jump.BranchKind == BranchKind.Break)
                {
                    exits.Leave(_state, Origins);
                }
                else
                {
                    exits.GoOn(_state, Origins);
                }
            }
        }

        _dead = true;
    }

    /// <summary>
    /// A loop: the state at its start is the join of the state that enters it and the states its runs end with, so
    /// its body runs until that stops growing (at most <see cref="FlowBounds.FixedPointRounds"/> times).
    /// </summary>
    private void Loop(ILoopOperation loop)
    {
        switch (loop)
        {
            case IForLoopOperation { Before: var before }:
                foreach (var statement in before)
                {
                    Run(statement);
                }

                break;
            case IForEachLoopOperation forEach:
                Eval(forEach.Collection);
                break;
        }

        if (_dead)
        {
            return;
        }

        FlowState head;
        if (solver.LoopStarts.TryGetValue(loop, out var known))
        {
            known.JoinFrom(_state, Origins);
            head = known;
        }
        else
        {
            solver.LoopStarts[loop] = head = _state;
        }

        var exits = new LoopExits(loop);
        (_loops ??= new()).Add(exits);
        for (var run = 1; ; run++)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            observer.LoopRunStarted();
            (_state, _dead) = (head.Clone(), false);
            exits.Clear();
            RunOnce(loop, exits);

            // The last run: nothing new reaches the start again, so this run was on the fixed point's state.
            var last = _dead || !head.JoinFrom(_state, Origins) || run == FlowBounds.FixedPointRounds;
            observer.LoopRunEnded(last);
            if (last)
            {
                break;
            }
        }

        _loops.RemoveAt(_loops.Count - 1);
        (_state, _dead) = exits.Break is { } after ? (after, false) : (_state, true);
    }

    /// <summary>One run of a loop from its start: the test, the body, what <c>continue</c> carries, the step.</summary>
    private void RunOnce(ILoopOperation loop, LoopExits exits)
    {
        FlowState? leaves;
        switch (loop)
        {
            case IWhileLoopOperation { ConditionIsTop: true, Condition: { } condition }:
                leaves = Test(condition);
                break;
            case IForLoopOperation { Condition: { } condition }:
                leaves = Test(condition);
                break;
            case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable }:
                leaves = _state.Clone(); // no next element
                AssignLocal(variable.Symbol, null, variable); // each run binds the variable to a new object
                break;
            default:
                leaves = null; // for (;;), or a do loop, which tests at the end
                break;
        }

        if (leaves is not null)
        {
            exits.Leave(leaves, Origins);
        }

        Run(loop.Body);
        JoinHere(exits.Continue, otherDead: false);
        if (_dead)
        {
            return;
        }

        switch (loop)
        {
            case IForLoopOperation { AtLoopBottom: var step }:
                foreach (var statement in step)
                {
                    Run(statement);
                }

                break;
            case IWhileLoopOperation { ConditionIsTop: false, Condition: { } condition }:
                if (Test(condition) is { } left)
                {
                    exits.Leave(left, Origins);
                }

                break;
        }

        if (!_dead)
        {
            _state.Collect(FlowSolver.NoCaptures, block: -1, Origins);
        }
    }
}
