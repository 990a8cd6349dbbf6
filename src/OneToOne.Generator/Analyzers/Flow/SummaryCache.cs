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
/// never waits for itself. A summary that did not need its whole budget (no call cut short on the way: see
/// <see cref="CallReach"/>) is the summary at every budget from the depth it used, so each method is summarised
/// once in the common case. Followed: constructors (with their <c>: this(...)</c> and <c>: base(...)</c> calls),
/// static and instance methods that cannot be overridden, extension methods and local functions, declared in
/// this compilation with a body, when the receiver, a parameter or the result is of a type that takes part in a
/// link. Not followed: virtual, abstract, interface and delegate calls, and methods of other assemblies. A body made
/// of structured statements (see <see cref="OperationExtensions.IsStructured"/>), as most constructors, factories and
/// helpers are, is run from its operation tree without its control-flow graph.
/// </remarks>
/// <param name="compilation">The compilation whose methods are followed.</param>
/// <param name="resolver">Its links.</param>
/// <param name="withoutGraph">
/// Whether a body made of structured statements is run from its operation tree, without its graph (always, but for
/// the tests that check that both ways give the same summaries and the same warnings).
/// </param>
internal sealed class SummaryCache(Compilation compilation, LinkResolver resolver, bool withoutGraph = true)
{
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), Entry> _summaries = new(new MethodBudgetComparer());
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _followable = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodBody> _bodies = new(SymbolEqualityComparer.Default);

    /// <summary>A summary, how many levels of calls it followed, and whether a call was cut short by the budget.</summary>
    private sealed record Entry(MethodSummary Summary, int Depth, bool Truncated);

    /// <summary>
    /// A method's body, whether it compiles, whether it is made of structured statements (no graph needed), and its
    /// graph (made the first time a summary needs it).
    /// </summary>
    private sealed class MethodBody(IMethodBodyBaseOperation? operation, bool broken, bool structured)
    {
        private ControlFlowGraph? _graph;

        public IMethodBodyBaseOperation? Operation { get; } = operation;

        public bool Broken { get; } = broken;

        /// <summary>Whether it is made of structured statements (then it needs no graph).</summary>
        public bool Structured { get; } = structured;

        public ControlFlowGraph? Graph(CancellationToken cancellationToken) => _graph ??= Operation?.ControlFlowGraph(cancellationToken);
    }

    public LinkResolver Resolver { get; } = resolver;

    /// <summary>Whether a body made of structured statements is run without its graph (see the constructor).</summary>
    public bool WithoutGraph { get; } = withoutGraph;

    /// <summary>
    /// The summary of a call of <paramref name="target"/> from a body that may follow calls <paramref name="budget"/>
    /// levels deep; <see langword="null"/> when the call is not followed. What following it took is noted in
    /// <paramref name="reach"/> (the caller's own summary depends on it).
    /// </summary>
    public MethodSummary? Of(IMethodSymbol target, ControlFlowGraph? callingGraph, int budget, CallReach? reach, CancellationToken cancellationToken)
    {
        var method = Normalize(target);
        if (!IsFollowable(method))
        {
            return null;
        }

        if (budget <= 0)
        {
            reach?.Cut();
            return null;
        }

        var entry = Find(method, budget - 1);
        if (entry is null)
        {
            var calls = new CallReach();
            var summary = Compute(method, callingGraph, budget - 1, calls, cancellationToken);
            entry = _summaries.GetOrAdd((method, budget - 1), new Entry(summary, calls.Depth, calls.Truncated));
        }

        reach?.Followed(entry.Depth, entry.Truncated);
        return entry.Summary;
    }

    /// <summary>The summary at <paramref name="budget"/>: the one made at it, or one made at any budget that did not need more.</summary>
    private Entry? Find(IMethodSymbol method, int budget)
    {
        if (_summaries.TryGetValue((method, budget), out var exact))
        {
            return exact;
        }

        for (var other = 0; other < FlowBounds.CallDepth; other++)
        {
            if (other != budget && _summaries.TryGetValue((method, other), out var entry) && !entry.Truncated && entry.Depth <= budget)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The method a call names, as declared: not reduced to an extension call, not constructed from type arguments.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>Whether calls of <paramref name="method"/> (normalized) are followed at all.</summary>
    public bool IsFollowable(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) && // most calls: a library's method, nothing kept
        (_followable.TryGetValue(method, out var followable) ? followable : _followable.GetOrAdd(method, _computeFollowable ??= ComputeFollowable));

    private Func<IMethodSymbol, bool>? _computeFollowable; // made once, not per look-up

    private bool ComputeFollowable(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction) ||
            method.IsAbstract || method.IsExtern || method.IsVirtual || (method.IsOverride && !method.IsSealed) ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) ||
            !TakesPartInALink(method))
        {
            return false;
        }

        // The dearer checks last: most methods called take no part in a link.
        var implementation = method.PartialImplementationPart ?? method;
        return implementation.DeclaringSyntaxReferences.Length > 0 &&
               !LinkParser.IsGeneratedByUs(method) && !(method.ContainingType is { } type && LinkParser.IsGeneratedByUs(type));
    }

    /// <summary>Whether the receiver (or, for a constructor, the new object), a parameter or the result has a type that takes part in a link.</summary>
    private bool TakesPartInALink(IMethodSymbol method)
    {
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

    private MethodSummary Compute(IMethodSymbol method, ControlFlowGraph? callingGraph, int budget, CallReach reach, CancellationToken cancellationToken)
    {
        try
        {
            ControlFlowGraph? graph = null;
            IMethodBodyBaseOperation? structured = null;
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
                if (!_bodies.TryGetValue(method, out var body))
                {
                    body = _bodies.GetOrAdd(method, BodyOf(method, cancellationToken));
                }

                if (body.Operation is not { } operation || body.Broken ||
                    !LinkScan.HasLinkWork(operation, this, budget, reach, cancellationToken))
                {
                    return MethodSummary.Empty;
                }

                if (WithoutGraph && body.Structured)
                {
                    structured = operation; // most constructors, factories and helpers: run from the tree, without a graph
                }
                else if ((graph = body.Graph(cancellationToken)) is null)
                {
                    return MethodSummary.Empty;
                }
            }

            var context = new FlowContext(this, budget, reach, cancellationToken);
            var solver = structured is not null ? new FlowSolver(context, structured) : new FlowSolver(graph!, context, repeatedLambda: null);
            solver.Solve(new FlowState(context.Origins));

            return MethodSummary.From(method, solver.Exit, solver.Returned, context.Origins);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A body the analysis cannot summarise (an operation shape it does not expect): the call does nothing known.
            return MethodSummary.Empty;
        }
    }

    /// <summary>A body with an operation that does not compile: what it would do is not known.</summary>
    private static bool HasErrors(IOperation body) => body.AnyBelow(0, static (operation, _) => operation is IInvalidOperation);

    /// <summary>The operation of the method's body (a method, constructor or operator with a block or expression body).</summary>
    private MethodBody BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
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
                if (model.GetOperation(syntax, cancellationToken) is not IMethodBodyBaseOperation operation)
                {
                    break;
                }

                // One walk for most bodies: a structured body has no invalid operation (it would not be structured).
                var structured = operation.IsStructured();
                var broken = operation.Syntax.ContainsDiagnostics || (!structured && HasErrors(operation));
                return new MethodBody(operation, broken, structured && !broken);
            }
        }

        return new MethodBody(null, broken: false, structured: false);
    }

    private sealed class MethodBudgetComparer : System.Collections.Generic.IEqualityComparer<(IMethodSymbol Method, int Budget)>
    {
        public bool Equals((IMethodSymbol Method, int Budget) x, (IMethodSymbol Method, int Budget) y) =>
            x.Budget == y.Budget && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Budget) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Budget;
    }
}
