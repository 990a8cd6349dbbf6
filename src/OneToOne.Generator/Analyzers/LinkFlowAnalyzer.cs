using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Analyzers.Flow;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// OTO100 and OTO101: code that may link two different dependents to one principal, found by a forward data-flow
/// analysis of each body, over its operation tree when it is made of structured statements and over its control-flow
/// graph otherwise (<see cref="FlowSolver"/>, then <see cref="ConflictReporter"/>),
/// following the calls of this compilation through their summaries (<see cref="SummaryCache"/>). Cheap checks first
/// (<see cref="LinkScan"/>): a body with no link operation, or a single one made once, costs no graph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LinkFlowAnalyzer : DiagnosticAnalyzer
{
    private readonly bool _withoutGraph = true;

    /// <summary>The analyzer: a body made of structured statements is run from its operation tree, without a graph.</summary>
    public LinkFlowAnalyzer()
    {
    }

    /// <summary>With <paramref name="withoutGraph"/> false every body takes its graph: for the tests that check both ways warn alike.</summary>
    internal LinkFlowAnalyzer(bool withoutGraph) => _withoutGraph = withoutGraph;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DoubleLink, Descriptors.RepeatedLink);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(Naming.GeneratedNames.AttributeMetadataName);
            if (attributeType is null ||
                !LinkSyntax.AnyDeclaredIn(start.Compilation, start.CancellationToken) && !LinkSyntax.AnyInReferences(start.Compilation))
            {
                return; // no link declared here or in a referenced assembly: there is no link to find
            }

            // One per compilation, filled lazily by the bodies analysed: the summaries of the methods they call.
            var summaries = new SummaryCache(start.Compilation, new LinkResolver(attributeType), _withoutGraph);

            // A code-block action, not an operation-block one: Roslyn then builds no operation tree for a body that the
            // syntax shows cannot take part in a link (it names no linked type, navigation or reverse accessor).
            var names = LinkSyntax.AnyInReferences(start.Compilation) ? null : LinkSyntax.NamesIn(start.Compilation, start.CancellationToken) is { } named ? new Names(named) : null;
            start.RegisterCodeBlockAction(block => AnalyzeBlock(block, summaries, names));
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, SummaryCache summaries, Names? names)
    {
        if (names is not null && !names.MentionedIn(context.CodeBlock))
        {
            return; // the cheap, common case
        }

        if (context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken) is not { } block)
        {
            return;
        }

        {
            // A method's block hangs under its body operation: analyse the whole body.
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (root.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                    or OperationKind.FieldInitializer or OperationKind.PropertyInitializer) ||
                !LinkScan.WorthAnalysing(root, summaries, FlowBounds.CallDepth, context.CancellationToken))
            {
                return;
            }

            var flow = new FlowContext(summaries, FlowBounds.CallDepth, reach: null, context.CancellationToken);
            FlowSolver solver;
            if (summaries.WithoutGraph && root is IMethodBodyBaseOperation body && body.IsStructured())
            {
                solver = new FlowSolver(flow, body); // most bodies: run from the operation tree, no graph built
            }
            else if (root.ControlFlowGraph(context.CancellationToken) is { } graph)
            {
                solver = new FlowSolver(graph, flow, repeatedLambda: null);
            }
            else
            {
                return;
            }

            try
            {
                new ConflictReporter(flow, context.ReportDiagnostic).SolveAndReport(solver);
            }
            catch (System.InsufficientExecutionStackException)
            {
                // A body nested deeper than the stack allows (an else-if chain thousands of levels deep, which Roslyn
                // compiles): its analysis stops there; the warnings it found outside loops before stand.
            }
        }
    }

    /// <summary>
    /// The names a body must mention to take part in a link (see <see cref="LinkSyntax.NamesIn"/>), and which lengths
    /// they have: most identifiers are told apart by their length alone, without hashing their text.
    /// </summary>
    private sealed class Names(HashSet<string> names)
    {
        private readonly ulong _lengths = LengthsOf(names);

        /// <summary>
        /// Whether an identifier under <paramref name="node"/> is one of the names: a recursion that allocates nothing,
        /// down to <see cref="Flow.OperationExtensions.RecursionDepth"/> levels (below, Roslyn's iterator: a deep expression
        /// must not exhaust the stack).
        /// </summary>
        public bool MentionedIn(SyntaxNode node, int depth = 0)
        {
            if (depth >= Flow.OperationExtensions.RecursionDepth)
            {
                foreach (var token in node.DescendantTokens())
                {
                    if (IsName(token))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.IsNode ? MentionedIn(child.AsNode()!, depth + 1) : IsName(child.AsToken()))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsName(SyntaxToken token) =>
            token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken &&
            token.ValueText is var text && (_lengths & Bit(text.Length)) != 0 && names.Contains(text);

        private static ulong LengthsOf(HashSet<string> names)
        {
            ulong lengths = 0;
            foreach (var name in names)
            {
                lengths |= Bit(name.Length);
            }

            return lengths;
        }

        private static ulong Bit(int length) => 1UL << System.Math.Min(length, 63);
    }
}
