using Microsoft.CodeAnalysis.FlowAnalysis;
using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        for (var ancestor = operation.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="found"/> holds for an operation under <paramref name="root"/>, looked at in the order of
    /// Roslyn's <c>Descendants()</c> (each before its children), stopping at the first: a recursion over the child lists,
    /// which allocates nothing (the analysis walks every body it reads; an iterator per walk adds up).
    /// </summary>
    public static bool AnyBelow<TState>(this IOperation root, TState state, Func<IOperation, TState, bool> found) =>
        AnyBelow(root, state, found, depth: 0);

    /// <summary>How deep <see cref="AnyBelow{TState}(IOperation, TState, Func{IOperation, TState, bool})"/> recurses before it walks the rest with Roslyn's iterator (a deep expression must not exhaust the stack).</summary>
    public const int RecursionDepth = 64;

    private static bool AnyBelow<TState>(IOperation root, TState state, Func<IOperation, TState, bool> found, int depth)
    {
        if (depth >= RecursionDepth)
        {
            foreach (var operation in root.Descendants())
            {
                if (found(operation, state))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var child in root.ChildOperations)
        {
            if (found(child, state) || AnyBelow(child, state, found, depth + 1))
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
    /// Whether a method's body is made only of structured statements that the analysis runs from its operation tree
    /// (see <see cref="FlowSolver"/>): blocks, declarations, expression statements, <c>if</c>, <c>while</c>,
    /// <c>do</c>, <c>for</c>, <c>foreach</c> over one variable, <c>break</c>, <c>continue</c>, <c>return</c> and
    /// <c>throw</c>, with expressions that have no control flow of their own (no conditional or null-conditional
    /// operator, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>, <c>switch</c>, lambda or local function; object initializers
    /// only of members of the new object; patterns without <c>and</c>, <c>or</c> or lists). Roslyn's control-flow
    /// graph of such a body has a block where a statement branches and joins where the statements join, so running the
    /// statements in order, forking at each condition and joining after it, with a fixed point at each loop, gives the
    /// states the graph gives. Anything else (<c>try</c>, <c>using</c>, <c>goto</c>, <c>switch</c>, ...) takes the graph.
    /// </summary>
    public static bool IsStructured(this IMethodBodyBaseOperation body)
    {
        if ((body.BlockBody ?? body.ExpressionBody) is null || (body.BlockBody is not null && body.ExpressionBody is not null))
        {
            return false;
        }

        return !body.AnyBelow(0, static (operation, _) => !IsStructuredPart(operation));
    }

    /// <summary>Whether one operation may be part of a structured body (see <see cref="IsStructured"/>).</summary>
    private static bool IsStructuredPart(IOperation operation)
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
                or OperationKind.ArrayCreation or OperationKind.ArrayInitializer
                or OperationKind.IsType or OperationKind.IsPattern or OperationKind.ConstantPattern or OperationKind.DeclarationPattern
                or OperationKind.TypePattern or OperationKind.NegatedPattern or OperationKind.DiscardPattern
                or OperationKind.RecursivePattern or OperationKind.PropertySubpattern:
                return true;
            case OperationKind.ObjectCreation:
            case OperationKind.ObjectOrCollectionInitializer when operation.Parent is IObjectCreationOperation:
            case OperationKind.InstanceReference when operation.IsThis() || operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
            case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr) }:
            case OperationKind.Conditional when operation.Syntax is IfStatementSyntax:
            case OperationKind.Loop when operation is IWhileLoopOperation { ConditionIsUntil: false } or IForLoopOperation
                or IForEachLoopOperation { IsAsynchronous: false, LoopControlVariable: IVariableDeclaratorOperation }:
            case OperationKind.Branch when operation is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } jump && EnclosingLoop(jump) is not null:
            case OperationKind.Return:
            case OperationKind.Throw when operation.Syntax is ThrowStatementSyntax:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The loop a <c>break</c> or <c>continue</c> leaves or goes on with (null: it belongs to something else, a <c>switch</c>).</summary>
    public static ILoopOperation? EnclosingLoop(IBranchOperation jump)
    {
        foreach (var ancestor in jump.Ancestors())
        {
            if (ancestor is ILoopOperation loop &&
                (SymbolEqualityComparer.Default.Equals(jump.Target, loop.ExitLabel) || SymbolEqualityComparer.Default.Equals(jump.Target, loop.ContinueLabel)))
            {
                return loop;
            }
        }

        return null;
    }
}
