using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// What the OneToOne analyzers add to a build of the synthetic program of N links, in memory. Each variant takes a new
/// compilation of the user's files plus the generator's output (nothing bound yet) and asks for every diagnostic, as a
/// build does: binding every method body, with the given analyzers attached. The variant with a do-nothing analyzer
/// is the cost of attaching any analyzer at all (Roslyn's analyzer driver and its compilation events); the
/// difference to it is the analyzer's own cost. Emitting the compilation is measured for scale. Median of the
/// repetitions, the variants interleaved.
/// </summary>
public static class AnalyzerChecks
{
    public sealed record Report(int N, double EmitMs, double BindMs, double NoOpMs, double DeclarationMs, double FlowMs, double BothMs)
    {
        public double AddedMs => BothMs - NoOpMs;
    }

    public static List<Report> Run(IEnumerable<int> sizes, int repetitions) => sizes.Select(n => Run(n, repetitions)).ToList();

    private static Report Run(int n, int repetitions)
    {
        var trees = Synthetic.Parse(Synthetic.LinkSources(n), "Link");
        var variants = new (string Name, Func<DiagnosticAnalyzer[]>? Analyzers)[]
        {
            ("bind", null),
            ("noop", () => [new NoOpAnalyzer()]),
            ("declaration", () => [new DeclarationAnalyzer()]),
            ("flow", () => [new LinkFlowAnalyzer()]),
            ("both", () => [new DeclarationAnalyzer(), new LinkFlowAnalyzer()]),
        };
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var emit = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var compilation = Generated(trees);
            var clock = Stopwatch.StartNew();
            Synthetic.Emit(compilation);
            emit.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var (name, analyzers) in variants)
            {
                compilation = Generated(trees);
                clock.Restart();
                ImmutableArray<Diagnostic> diagnostics;
                if (analyzers is null)
                {
                    diagnostics = compilation.GetDiagnostics();
                }
                else
                {
                    var withAnalyzers = compilation.WithAnalyzers(
                        ImmutableArray.Create(analyzers()),
                        new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
                    diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                }

                times[name].Add(clock.Elapsed.TotalMilliseconds);
                if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("OTO", StringComparison.Ordinal) || d.Id == "AD0001") is { } unexpected)
                {
                    throw new InvalidOperationException($"{name}: unexpected diagnostic on a clean program: {unexpected}");
                }
            }
        }

        return new Report(n, Median(emit), Median(times["bind"]), Median(times["noop"]), Median(times["declaration"]), Median(times["flow"]), Median(times["both"]));
    }

    /// <summary>A new compilation holding the user's files and the generator's output, nothing bound yet.</summary>
    private static Compilation Generated(List<SyntaxTree> trees)
    {
        Synthetic.OneToOneDriver().RunGeneratorsAndUpdateCompilation(Synthetic.Compilation(trees), out var output, out _);
        return output;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    public static void Print(IReadOnlyList<Report> reports, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Analyzers on N links (in memory, median; all diagnostics of a new compilation: binding + the analyzers attached)");
        output.WriteLine("|      N | emit ms | bind ms | + do-nothing analyzer | + DeclarationAnalyzer | + LinkFlowAnalyzer | + both | both - do-nothing | vs emit |");
        output.WriteLine("|-------:|--------:|--------:|----------------------:|----------------------:|-------------------:|-------:|------------------:|--------:|");
        foreach (var r in reports)
        {
            output.WriteLine($"| {r.N,6} | {r.EmitMs,7:F0} | {r.BindMs,7:F0} | {r.NoOpMs,21:F0} | {r.DeclarationMs,21:F0} | {r.FlowMs,18:F0} | {r.BothMs,6:F0} | {r.AddedMs,17:F0} | {r.AddedMs / r.EmitMs,7:P1} |");
        }
    }

    /// <summary>
    /// Subscribes to what the OneToOne analyzers subscribe to (named types; operation blocks, from a compilation start)
    /// and does nothing. Instantiated by the benchmark only, never loaded by a compiler.
    /// </summary>
#pragma warning disable RS1001 // no [DiagnosticAnalyzer]: no compiler should ever discover this analyzer
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // release tracking: this descriptor is never reported, and never shipped
        private static readonly DiagnosticDescriptor Never = new("BENCH000", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
                start.RegisterOperationBlockAction(static _ => { });
            });
        }
    }
}
