using Microsoft.CodeAnalysis.FlowAnalysis;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>Owns the small walks over operation trees that the flow analysis needs.</summary>
internal static class OperationExtensions
{
    /// <summary>The operations around <paramref name="operation"/>, innermost first.</summary>
    public static IEnumerable<IOperation> Ancestors(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }

    /// <summary>Whether the operation runs inside a loop, a lambda or a local function of its body (it may run repeatedly).</summary>
    public static bool MayRunRepeatedly(this IOperation operation)
    {
        foreach (var ancestor in operation.Ancestors())
        {
            if (ancestor is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation without the implicit conversions around it.</summary>
    public static IOperation WithoutImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation without any conversion around it.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>A <c>null</c> literal or <c>default</c>, possibly converted.</summary>
    public static bool IsNullValue(this IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: null } ||
        (value is IConversionOperation conversion && conversion.Operand.IsNullValue()) ||
        value is IDefaultValueOperation;

    /// <summary><c>this</c> (the containing type's instance).</summary>
    public static bool IsThis(this IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>The control-flow graph of a body or an initializer (null for any other operation).</summary>
    public static ControlFlowGraph? ControlFlowGraph(this IOperation root, System.Threading.CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body, cancellationToken),
        IBlockOperation body => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body, cancellationToken),
        IFieldInitializerOperation initializer => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(initializer, cancellationToken),
        IPropertyInitializerOperation initializer => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(initializer, cancellationToken),
        _ => null,
    };

    /// <summary>
    /// Whether a method's body runs straight through: made only of statements and expressions that Roslyn's
    /// control-flow graph keeps in one block, in the order of the source (no branch, loop, conditional or
    /// null-conditional expression, lambda, local function, initializer list, pattern, try or using), with a
    /// <c>return</c> only as its last statement. Its graph would be that one block, so the analysis runs the
    /// statements once, in order, without building it (see <see cref="GraphSolver.SolveStraightLine"/>).
    /// </summary>
    public static bool IsStraightLine(this IMethodBodyBaseOperation body)
    {
        if ((body.BlockBody ?? body.ExpressionBody) is not { } block || (body.BlockBody is not null && body.ExpressionBody is not null))
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            switch (operation.Kind)
            {
                case OperationKind.Block or OperationKind.ExpressionStatement or OperationKind.Empty
                    or OperationKind.VariableDeclarationGroup or OperationKind.VariableDeclaration or OperationKind.VariableDeclarator or OperationKind.VariableInitializer
                    or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.Increment or OperationKind.Decrement
                    or OperationKind.Invocation or OperationKind.Argument or OperationKind.Conversion
                    or OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference or OperationKind.PropertyReference
                    or OperationKind.ArrayElementReference or OperationKind.Literal or OperationKind.DefaultValue or OperationKind.Unary
                    or OperationKind.TypeOf or OperationKind.NameOf or OperationKind.SizeOf
                    or OperationKind.InterpolatedString or OperationKind.InterpolatedStringText or OperationKind.Interpolation
                    or OperationKind.ArrayCreation or OperationKind.ArrayInitializer:
                    continue;
                case OperationKind.ObjectCreation when operation is IObjectCreationOperation { Initializer: null }:
                case OperationKind.InstanceReference when operation.IsThis():
                case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr) }:
                case OperationKind.Return when operation.Parent == block && block.Operations[block.Operations.Length - 1] == operation:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
