using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// On a compilation without any link the analyzers register nothing after their look-up of the attribute: no
/// action runs per type, attribute, method body or operation. With links, they run per attribute and per body.
/// </summary>
public class AnalyzerCostTests
{
    private static string Code(bool withLink) => $$"""
        using OneToOne;
        namespace App;
        public partial class User { }
        {{(withLink ? "[OneToOne(typeof(User))]" : "[System.Serializable]")}}
        public partial class Profile { public int Count { get; set; } }
        public class Service
        {
            public int Compute(int x) { var p = new Profile(); p.Count = x; return p.Count + 1; }
            public void Loop(Profile[] ps) { foreach (var p in ps) { p.Count++; } }
        }
        """;

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(DiagnosticAnalyzer analyzer, bool withLink)
    {
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(Code(withLink)));
        var withAnalyzers = output.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }

    private static int PerItemActions(AnalyzerTelemetryInfo t) =>
        t.SyntaxNodeActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.OperationActionsCount +
        t.OperationBlockActionsCount + t.OperationBlockStartActionsCount + t.CodeBlockActionsCount + t.CodeBlockStartActionsCount +
        t.SyntaxTreeActionsCount + t.SemanticModelActionsCount + t.CompilationEndActionsCount + t.CompilationActionsCount;

    [Fact]
    public async Task WithoutAnyLink_NeitherAnalyzerRegistersPerItemWork()
    {
        Assert.Equal(0, PerItemActions(await TelemetryAsync(new DeclarationAnalyzer(), withLink: false)));
        Assert.Equal(0, PerItemActions(await TelemetryAsync(new LinkFlowAnalyzer(), withLink: false)));
        Assert.Equal(0, PerItemActions(await TelemetryAsync(new JsonContextAnalyzer(), withLink: false)));
    }

    [Fact]
    public async Task WithALink_BothAnalyzersRun_AndNoneAtCompilationEnd()
    {
        var declaration = await TelemetryAsync(new DeclarationAnalyzer(), withLink: true);
        var flow = await TelemetryAsync(new LinkFlowAnalyzer(), withLink: true);
        Assert.True(PerItemActions(declaration) > 0);
        Assert.True(PerItemActions(flow) > 0);
        Assert.Equal(0, declaration.CompilationEndActionsCount);
        Assert.Equal(0, flow.CompilationEndActionsCount);
    }
}
