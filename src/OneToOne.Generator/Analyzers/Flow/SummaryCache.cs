using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the method summaries of one compilation: which calls are followed, and the summary of each followed method,
/// computed lazily the first time a body being analysed calls it and kept for the rest of the compilation.
/// </summary>
/// <remarks>
/// A summary is computed with a budget of levels: the summary of a method at budget <c>k</c> follows the calls in
/// it with the summaries at budget <c>k - 1</c>, and one at budget 0 follows no call. A body being analysed uses
/// budget <see cref="FlowBounds.CallDepth"/> - 1 for what it calls. So recursion and mutual recursion end (each
/// level has a smaller budget), the result does not depend on which method was asked for first, and a summary
/// never waits for itself. Followed: constructors (with their <c>: this(...)</c> and <c>: base(...)</c> calls),
/// static and instance methods that cannot be overridden, extension methods and local functions, declared in
/// this compilation with a body, when the receiver, a parameter or the result is of a type that takes part in a
/// link. Not followed: virtual, abstract, interface and delegate calls, and methods of other assemblies.
/// </remarks>
internal sealed class SummaryCache(Compilation compilation, LinkResolver resolver)
{
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), MethodSummary> _summaries = new(new MethodBudgetComparer());
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _followable = new(SymbolEqualityComparer.Default);

    public LinkResolver Resolver { get; } = resolver;

    /// <summary>
    /// The summary of a call of <paramref name="target"/> from a body that may follow calls <paramref name="budget"/>
    /// levels deep; <see langword="null"/> when the call is not followed.
    /// </summary>
    public MethodSummary? Of(IMethodSymbol target, ControlFlowGraph? callingGraph, int budget, CancellationToken cancellationToken)
    {
        if (budget <= 0)
        {
            return null;
        }

        var method = Normalize(target);
        if (!IsFollowable(method))
        {
            return null;
        }

        var key = (method, budget - 1);
        if (_summaries.TryGetValue(key, out var summary))
        {
            return summary;
        }

        summary = Compute(method, callingGraph, budget - 1, cancellationToken);
        return _summaries.GetOrAdd(key, summary);
    }

    /// <summary>The method a call names, as declared: not reduced to an extension call, not constructed from type arguments.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>Whether calls of <paramref name="method"/> (normalized) are followed at all.</summary>
    public bool IsFollowable(IMethodSymbol method) => _followable.GetOrAdd(method, ComputeFollowable);

    private bool ComputeFollowable(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction) ||
            method.IsAbstract || method.IsExtern || method.IsVirtual || (method.IsOverride && !method.IsSealed) ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) ||
            LinkParser.IsGeneratedByUs(method) || (method.ContainingType is { } type && LinkParser.IsGeneratedByUs(type)))
        {
            return false;
        }

        var implementation = method.PartialImplementationPart ?? method;
        if (implementation.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        if ((!method.IsStatic || method.MethodKind == MethodKind.Constructor) && Resolver.IsLinkType(method.ContainingType))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (Resolver.IsLinkType(parameter.Type))
            {
                return true;
            }
        }

        return Resolver.IsLinkType(method.ReturnType);
    }

    private MethodSummary Compute(IMethodSymbol method, ControlFlowGraph? callingGraph, int budget, CancellationToken cancellationToken)
    {
        try
        {
            ControlFlowGraph? graph;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                if (callingGraph is null)
                {
                    return MethodSummary.Empty;
                }

                graph = callingGraph.GetLocalFunctionControlFlowGraphInScope(method, cancellationToken);
            }
            else
            {
                if (BodyOf(method, cancellationToken) is not { } body || HasErrors(body) ||
                    !LinkScan.HasLinkWork(body, this, budget, cancellationToken))
                {
                    return MethodSummary.Empty;
                }

                graph = body switch
                {
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                    IMethodBodyOperation ordinary => ControlFlowGraph.Create(ordinary, cancellationToken),
                    _ => null,
                };
                if (graph is null)
                {
                    return MethodSummary.Empty;
                }
            }

            var context = new FlowContext(this, budget, cancellationToken);
            var solver = new GraphSolver(graph, context, repeatedLambda: null);
            solver.Solve(new FlowState());
            return MethodSummary.From(method, solver.Exit, solver.Returned, context.Origins);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A body the analysis cannot summarise (an operation shape it does not expect): the call does nothing known.
            return MethodSummary.Empty;
        }
    }

    /// <summary>A body that does not compile: what it would do is not known.</summary>
    private static bool HasErrors(IOperation body) =>
        body.Syntax.ContainsDiagnostics || body.Descendants().Any(operation => operation is IInvalidOperation);

    /// <summary>The operation of the method's body (a method, constructor or operator with a block or expression body).</summary>
    private IMethodBodyBaseOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null })
            {
#pragma warning disable RS1030 // The body of a method called from the body being analysed: no analysis context offers it.
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                return model.GetOperation(syntax, cancellationToken) as IMethodBodyBaseOperation;
            }
        }

        return null;
    }

    private sealed class MethodBudgetComparer : System.Collections.Generic.IEqualityComparer<(IMethodSymbol Method, int Budget)>
    {
        public bool Equals((IMethodSymbol Method, int Budget) x, (IMethodSymbol Method, int Budget) y) =>
            x.Budget == y.Budget && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Budget) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Budget;
    }
}
