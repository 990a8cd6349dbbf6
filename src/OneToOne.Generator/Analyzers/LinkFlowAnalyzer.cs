using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Analyzers.Flow;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// OTO100 and OTO101: code that may link two different dependents to one principal, found by a forward data-flow
/// analysis over each body's control-flow graph (<see cref="GraphSolver"/>, then <see cref="ConflictReporter"/>),
/// following the calls of this compilation through their summaries (<see cref="SummaryCache"/>). Cheap checks first
/// (<see cref="LinkScan"/>): a body with no link operation, or a single one made once, costs no graph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LinkFlowAnalyzer : DiagnosticAnalyzer
{
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
            var summaries = new SummaryCache(start.Compilation, new LinkResolver(attributeType));
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, summaries));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, SummaryCache summaries)
    {
        var analysed = new HashSet<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            // A method's block hangs under its body operation: analyse each whole body once.
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (!analysed.Add(root) ||
                root.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                    or OperationKind.FieldInitializer or OperationKind.PropertyInitializer) ||
                !LinkScan.WorthAnalysing(root, summaries, FlowBounds.CallDepth, context.CancellationToken))
            {
                continue;
            }

            var flow = new FlowContext(summaries, FlowBounds.CallDepth, context.CancellationToken);
            var solver = new GraphSolver(context.GetControlFlowGraph(block), flow, repeatedLambda: null);
            solver.Solve(new FlowState());
            new ConflictReporter(flow, context.ReportDiagnostic).Report(solver);
        }
    }
}
