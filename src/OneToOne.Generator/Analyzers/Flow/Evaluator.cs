using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the transfer function of one operation: which abstract objects each expression may evaluate to, and what
/// assignments to variables do to the state. Links and unlinks are in <c>Evaluator.Links.cs</c>, calls and
/// lambdas in <c>Evaluator.Calls.cs</c>, null checks of a principal in <c>Evaluator.Guards.cs</c>, statements run from
/// the operation tree (a body without a graph) in <c>Evaluator.Statements.cs</c>.
/// </summary>
internal sealed partial class Evaluator(FlowSolver solver, ILinkObserver observer)
{
    private FlowState _state = null!; // set by RunBlock or RunBody before any use

    private FlowContext Context => solver.Context;

    private Origins Origins => solver.Context.Origins;

    /// <summary>Runs a block's operations and its branch value on <paramref name="state"/>; returns the branch value's objects.</summary>
    public ValueSet? RunBlock(BasicBlock block, FlowState state)
    {
        _state = state;
        if (block.Kind == BasicBlockKind.Entry && solver.RepeatedLambda is { } lambda)
        {
            // Every run of a repeated lambda binds its parameters to new objects.
            foreach (var parameter in lambda.Parameters)
            {
                _state.SetVar(VarKey.Of(parameter), NewObject(parameter, parameter, static p => p.Name, OriginKind.Made));
            }
        }

        foreach (var operation in block.Operations)
        {
            Eval(operation);
        }

        return block.BranchValue is { } branch ? Eval(branch) : null;
    }

    /// <summary>What a variable holds; named after its symbol (<c>this</c> for the instance, keyed by its type).</summary>
    private ValueSet Get(VarKey key)
    {
        if (!_state.TryGetVar(key, out var values))
        {
            // Not assigned in this body: the value it came in with.
            values = Origins.Single(new AbstractValue(Origins.IncomingOf(key), Old: false));
            _state.SetVar(key, values);
        }

        return values;
    }

    /// <summary>A new object is made at <paramref name="site"/>: the previous one (if any) becomes old.</summary>
    private ValueSet NewObject<TArgument>(object site, TArgument argument, Func<TArgument, string> name, OriginKind kind)
    {
        var origin = Origins.Of(site, argument, name, kind);
        _state.Age(origin, Origins);
        return Origins.Single(new AbstractValue(origin, Old: false));
    }

    private ValueSet? Eval(IOperation? operation)
    {
        // A body nested deeper than the stack allows stops the analysis of that body (see LinkFlowAnalyzer), not the compiler.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (operation)
        {
            case null:
                return null;
            case { ConstantValue.HasValue: true }:
                return null; // a constant (null among them): no object, and nothing in it runs
            case IBinaryOperation binary:
                Binary(binary);
                return null;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment);
            case IDeconstructionAssignmentOperation deconstruction:
                Deconstruct(deconstruction);
                return null;
            case IFlowCaptureOperation { Value: IPropertyReferenceOperation property } capture
                when solver.IsAssignedCapture(capture.Id) && Context.Resolver.Resolve(property.Property) is { } end:
                // The target of a link whose value has control flow (b.User = flag ? u : w): remember which link and
                // which instance, for the assignment that follows in a later block.
                solver.LinkTargets[capture.Id] = (end, property);
                SetCapture(capture.Id, Eval(property.Instance));
                return null;
            case IFlowCaptureOperation capture:
                SetCapture(capture.Id, Eval(capture.Value));
                return null;
            case IFlowCaptureReferenceOperation reference:
                return _state.TryGetVar(VarKey.Of(reference.Id), out var values) ? values : null;
            case ILocalReferenceOperation { Local.Type.IsValueType: true } or IParameterReferenceOperation { Parameter.Type.IsValueType: true }:
                return null; // a number or a struct: never a dependent or a principal
            case ILocalReferenceOperation local:
                return Get(VarKey.Of(local.Local));
            case IParameterReferenceOperation parameter:
                return Get(VarKey.Of(parameter.Parameter));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                return Get(VarKey.Of(instance.Type!));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                return _receiver;
            case IFieldReferenceOperation field when field.Instance.IsThis():
                return Get(VarKey.Of(field.Field));
            case IPropertyReferenceOperation property when property.Instance.IsThis() && property.Arguments.Length == 0 &&
                                                           Context.Resolver.Resolve(property.Property) is null:
                return Get(VarKey.Of(property.Property));
            case IPropertyReferenceOperation property when property.Arguments.Length == 0 && Context.Resolver.Resolve(property.Property) is { } end:
                // p.Profile read: the dependent the principal holds, when the analysis knows it; u.User read: unknown.
                var holders = Eval(property.Instance);
                return end.IsForward ? null : DependentsOf(end.Link, holders);
            case IPropertyReferenceOperation { Arguments.Length: > 0 } indexer:
                EvalChildren(indexer);
                return Element(indexer, indexer.Arguments.Select(a => a.Value));
            case IArrayElementReferenceOperation element:
                Eval(element.ArrayReference);
                foreach (var index in element.Indices)
                {
                    Eval(index);
                }

                return Element(element, element.Indices);
            case IPropertyReferenceOperation { Instance: { } owner } member when member.Type is { IsReferenceType: true }:
                return Member(member.Property, owner);
            case IFieldReferenceOperation { Instance: { } owner } member when member.Type is { IsReferenceType: true }:
                return Member(member.Field, owner);
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case IObjectCreationOperation creation:
                return Creation(creation);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda } delegateCreation:
                Lambda(lambda, delegateCreation);
                return null;
            case IIsPatternOperation pattern:
                Pattern(pattern);
                return null;
            default:
                EvalChildren(operation);
                return null;
        }
    }

    /// <summary>
    /// <c>a + b + c + ...</c>: the operands in order. A long chain is deep on its left, so it is walked down its left
    /// operands and back up through their parents, not by recursion.
    /// </summary>
    private void Binary(IBinaryOperation binary)
    {
        IOperation leftmost = binary;
        while (leftmost is IBinaryOperation { ConstantValue.HasValue: false } inner)
        {
            leftmost = inner.LeftOperand;
        }

        Eval(leftmost);
        for (var node = leftmost.Parent; node is IBinaryOperation up; node = node.Parent)
        {
            Eval(up.RightOperand);
            if (node == binary)
            {
                break;
            }
        }
    }

    private void EvalChildren(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            Eval(child);
        }
    }

    private void SetCapture(CaptureId id, ValueSet? values)
    {
        if (values is null)
        {
            _state.RemoveVar(VarKey.Of(id));
        }
        else
        {
            _state.SetVar(VarKey.Of(id), values); // the state's sets are never changed in place: shared, not copied
        }
    }

    /// <summary>
    /// An element reached through an indexer: a temporary, a different one on each run of a loop, unless every index
    /// is a constant (then it may well be the same element each time: nothing is known).
    /// </summary>
    private ValueSet? Element(IOperation element, IEnumerable<IOperation> indices) =>
        element.Type is { IsReferenceType: true } && indices.Any(i => !i.ConstantValue.HasValue)
            ? NewObject(element, element, static e => "an element of " + e.Syntax, OriginKind.Temporary)
            : null;

    /// <summary>Another object's member: a temporary that is the same while that object is, and changes with it.</summary>
    private ValueSet? Member(ISymbol member, IOperation owner)
    {
        var owners = Eval(owner);
        if (owners is null)
        {
            return null;
        }

        var result = ValueSet.Empty;
        foreach (var value in owners)
        {
            var derived = Origins.Derived(member, value.Origin, (Owner: Origins.Name(value), Member: member.Name), static names => names.Owner + "." + names.Member);
            result = result.Union(Origins.Single(new AbstractValue(derived, value.Old)));
        }

        return result;
    }

    private ValueSet? Assign(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IFlowCaptureReferenceOperation target && solver.LinkTargets.TryGetValue(target.Id, out var captured))
        {
            var capturedInstance = _state.TryGetVar(VarKey.Of(target.Id), out var values) ? values : null;
            var assignedValue = Eval(assignment.Value);
            LinkAssignment(captured.End, capturedInstance, assignedValue, captured.Property.Instance, assignment.Value, assignment);
            return assignedValue;
        }

        if (assignment.Target is IPropertyReferenceOperation { Arguments.Length: 0 } property && Context.Resolver.Resolve(property.Property) is { } end)
        {
            var instance = Eval(property.Instance);
            var value = Eval(assignment.Value);
            LinkAssignment(end, instance, value, property.Instance, assignment.Value, assignment);
            return value;
        }

        var assigned = Eval(assignment.Value);
        var tracked = assignment.Target.Type is { IsReferenceType: true };
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local:
                AssignLocal(local.Local, assigned, assignment);
                break;
            case IParameterReferenceOperation parameter when tracked:
                _state.SetVar(VarKey.Of(parameter.Parameter), Named(assigned) ?? NewObject(assignment, (ISymbol)parameter.Parameter, static s => s.Name, OriginKind.Made));
                break;
            case IFieldReferenceOperation field when tracked && field.Instance.IsThis():
                _state.SetVar(VarKey.Of(field.Field), Named(assigned) ?? NewObject(assignment, (ISymbol)field.Field, static s => s.Name, OriginKind.Made));
                break;
            case IPropertyReferenceOperation other when tracked && other.Instance.IsThis() && other.Arguments.Length == 0:
                _state.SetVar(VarKey.Of(other.Property), Named(assigned) ?? NewObject(assignment, (ISymbol)other.Property, static s => s.Name, OriginKind.Made));
                break;
            default:
                EvalChildren(assignment.Target);
                break;
        }

        return assigned;
    }

    /// <summary>A local assigned <paramref name="values"/> at <paramref name="site"/> (by an assignment or its declaration).</summary>
    private void AssignLocal(ILocalSymbol local, ValueSet? values, IOperation site)
    {
        if (local.Type is { IsReferenceType: true })
        {
            _state.SetVar(VarKey.Of(local), Named(values) ?? NewObject(site, (ISymbol)local, static s => s.Name, OriginKind.Made));
        }
    }

    /// <summary>
    /// What a variable assigned <paramref name="values"/> holds: the same objects (the set is shared: a state's sets
    /// are never changed in place), unless the analysis cannot name them (a temporary, nothing known): then the
    /// variable holds an object of its own, made by the assignment.
    /// </summary>
    private ValueSet? Named(ValueSet? values)
    {
        if (values is null)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (Origins.Kind(value.Origin) == OriginKind.Temporary)
            {
                return null;
            }
        }

        return values;
    }

    /// <summary><c>var (a, b) = ...</c> and <c>foreach (var (a, b) in ...)</c>: each variable holds a new object.</summary>
    private void Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        Eval(deconstruction.Value);
        foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            if (local.Local.Type is { IsReferenceType: true })
            {
                var symbol = local.Local;
                _state.SetVar(VarKey.Of(symbol), NewObject((deconstruction, symbol), symbol, static s => s.Name, OriginKind.Made));
            }
        }
    }

    /// <summary><c>x is Profile p</c>, <c>u.Profile is { } old</c>: the declared variable holds the tested object.</summary>
    private void Pattern(IIsPatternOperation pattern)
    {
        var tested = Eval(pattern.Value);
        foreach (var part in pattern.Pattern.DescendantsAndSelf())
        {
            var declared = part switch
            {
                IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                _ => null,
            };
            if (declared is ILocalSymbol local)
            {
                _state.SetVar(VarKey.Of(local), (part == pattern.Pattern ? Named(tested) : null) ?? NewObject(part, local, static l => l.Name, OriginKind.Made));
            }
        }
    }

    private static SyntaxNode? PlainSyntax(IOperation? operation) => operation is { IsImplicit: false } ? operation.Syntax : null;
}
