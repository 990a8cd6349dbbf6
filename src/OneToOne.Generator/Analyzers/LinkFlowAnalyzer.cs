using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Analyzers.Flow;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// OTO100 and OTO101: code that may link two different dependents to one principal, found by a forward
/// data-flow analysis over each body's control-flow graph (<see cref="BodyAnalysis"/>). Cheap checks first: a
/// body with no link operation, or a single one outside any loop or lambda, costs no flow analysis.
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
            if (attributeType is null)
            {
                return; // the runtime library is not referenced: there is no link to find
            }

            var resolver = new LinkResolver(attributeType);
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, resolver));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, LinkResolver resolver)
    {
        var analysed = new System.Collections.Generic.HashSet<IOperation>();
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
                !WorthAnalysing(root, resolver))
            {
                continue;
            }

            var graph = context.GetControlFlowGraph(block);
            BodyAnalysis.AnalyzeAndReport(graph, new FlowContext(resolver, context.ReportDiagnostic, context.CancellationToken));
        }
    }

    /// <summary>Two link operations, or one inside a loop, lambda or local function.</summary>
    private static bool WorthAnalysing(IOperation root, LinkResolver resolver)
    {
        var count = 0;
        foreach (var operation in root.Descendants())
        {
            if ((operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && resolver.Resolve(property.Property) is not null) ||
                (operation is IInvocationOperation invocation && resolver.ResolveSetter(invocation.TargetMethod) is not null))
            {
                count++;
                if (count >= 2 || operation.Ancestors().Any(a => a is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

internal static class OperationExtensions
{
    public static System.Collections.Generic.IEnumerable<IOperation> Ancestors(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }
}
