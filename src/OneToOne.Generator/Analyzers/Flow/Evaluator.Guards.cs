using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>A branch condition that tests whether a principal holds a dependent: on which edge it holds none.</summary>
internal readonly record struct NullGuard(LinkInfo Link, ValueSet Principals, bool NullWhenTrue);

/// <summary>
/// Owns the recognition of a check that a principal is free (<c>p.Profile is null</c>, <c>p.Profile == null</c>, their
/// negations, <c>p.GetProfile() is null</c>) and the reads that look at the state without changing it.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>The guard a branch condition makes, read on the state after the condition ran.</summary>
    public NullGuard? GuardOf(IOperation condition)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when GuardOf(not.Operand) is { } inner:
                return inner with { NullWhenTrue = !inner.NullWhenTrue };
            case IIsPatternOperation { Value: var value, Pattern: var pattern } when ReverseRead(value) is var (link, principals):
                return pattern switch
                {
                    IConstantPatternOperation constant when constant.Value.IsNullValue() => new NullGuard(link, principals, true),
                    INegatedPatternOperation { Pattern: IConstantPatternOperation constant } when constant.Value.IsNullValue() => new NullGuard(link, principals, false),
                    IRecursivePatternOperation or IDeclarationPatternOperation or ITypePatternOperation => new NullGuard(link, principals, false), // is { } old
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var read = binary.RightOperand.IsNullValue() ? ReverseRead(binary.LeftOperand)
                         : binary.LeftOperand.IsNullValue() ? ReverseRead(binary.RightOperand)
                         : null;
                return read is var (l, p) ? new NullGuard(l, p, binary.OperatorKind == BinaryOperatorKind.Equals) : null;
            default:
                return null;
        }
    }

    /// <summary>On the edge where the guard says the principal holds nothing, no earlier dependent can conflict.</summary>
    public static FlowState Guarded(FlowState state, NullGuard? guard, bool conditionValue)
    {
        if (guard is { } g && g.NullWhenTrue == conditionValue && g.Principals.Count == 1)
        {
            state.RemoveFact(new FactKey(g.Link, g.Principals.First()));
        }

        return state;
    }

    /// <summary><c>p.Profile</c>, read: the link and the principal's objects (without evaluating anything again).</summary>
    private (LinkInfo, ValueSet)? ReverseRead(IOperation operation)
    {
        operation = operation.WithoutConversions();
        if (operation is IPropertyReferenceOperation property &&
            Context.Resolver.Resolve(property.Property) is { IsForward: false } end &&
            Peek(property.Instance) is { } principals)
        {
            return (end.Link, principals);
        }

        // u.GetProfile(), the extension getter.
        if (operation is IInvocationOperation invocation &&
            Context.Resolver.ResolveGetter(invocation.TargetMethod) is { } getter &&
            Peek(Receiver(invocation)) is { } receivers)
        {
            return (getter.Link, receivers);
        }

        return null;
    }

    /// <summary>The objects a variable-like operation holds, read without changing the state.</summary>
    private ValueSet? Peek(IOperation? operation) => operation switch
    {
        IFlowCaptureReferenceOperation r => Lookup(VarKey.Of(r.Id)),
        ILocalReferenceOperation l => Lookup(VarKey.Of(l.Local)),
        IParameterReferenceOperation p => Lookup(VarKey.Of(p.Parameter)),
        IFieldReferenceOperation f when f.Instance.IsThis() => Lookup(VarKey.Of(f.Field)),
        IPropertyReferenceOperation p when p.Instance.IsThis() => Lookup(VarKey.Of(p.Property)),
        IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } i => Lookup(VarKey.Of(i.Type!)),
        IConversionOperation c => Peek(c.Operand),
        _ => null,
    };

    private ValueSet? Lookup(VarKey key) => _state.TryGetVar(key, out var values) ? values : null;
}
