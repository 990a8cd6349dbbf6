using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Analyzers;
using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.Generator;

/// <summary>
/// The generator and the flow analysis stop promptly when cancelled: a run on a large compilation is cancelled
/// part-way, and the time from the cancellation to the run giving up is measured (printed) and bounded.
/// </summary>
public class CancellationTests(ITestOutputHelper output)
{
    /// <summary>Generous: the machine may be loaded by parallel builds; an unresponsive run takes far longer.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void TheGeneratorStopsPromptly()
    {
        var options = TestCompiler.Options(LanguageVersion.Latest);
        var sources = LargePrograms.Pairs(10_000, withMethods: false);
        void Work(CancellationToken ct) =>
            TestCompiler.Driver(options).RunGenerators(TestCompiler.CreateLean(TestCompiler.Parse(options, sources)), ct);

        // Full runs first (the second one warm), each on its own compilation, to know how long one takes.
        Work(CancellationToken.None);
        var full = Stopwatch.StartNew();
        Work(CancellationToken.None);
        full.Stop();

        var (stop, completed, at) = CancelPartWay(full.Elapsed, Work);
        output.WriteLine($"generator, 10,000 links: a full run takes {full.ElapsedMilliseconds} ms; cancelled after {at.TotalMilliseconds:F0} ms, it stopped {stop.TotalMilliseconds:F0} ms later");
        Assert.False(completed, "every run finished before its cancellation: the test measured nothing");
        Assert.True(stop < Bound, $"the generator took {stop.TotalMilliseconds:F0} ms to stop");
    }

    [Theory]
    [InlineData(200, 60)] // many methods
    [InlineData(1, 800)] // one long method (the analysis of one body grows about quadratically with its length)
    public async Task TheFlowAnalysisStopsPromptly(int methods, int statements)
    {
        var options = TestCompiler.Options(LanguageVersion.Latest);
        var input = TestCompiler.CreateLean(TestCompiler.Parse(options, LargePrograms.FlowHeavy(methods, statements)));
        TestCompiler.Driver(options).RunGeneratorsAndUpdateCompilation(input, out var generated, out _);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, CancellationToken ct) =>
            compilation.WithAnalyzers([new LinkFlowAnalyzer()], new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                .GetAnalyzerDiagnosticsAsync(ct);

        // Compilations are cloned so no run reuses the bound trees of another.
        var full = Stopwatch.StartNew();
        var diagnostics = await Analyze(generated.Clone(), CancellationToken.None);
        full.Stop();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var (stop, completed, at) = CancelPartWay(full.Elapsed, ct => Analyze(generated.Clone(), ct).GetAwaiter().GetResult());
        output.WriteLine($"flow analysis, {methods} methods x {statements} statements: a full run takes {full.ElapsedMilliseconds} ms; cancelled after {at.TotalMilliseconds:F0} ms, it stopped {stop.TotalMilliseconds:F0} ms later");
        Assert.False(completed, "every run finished before its cancellation: the test measured nothing");
        Assert.True(stop < Bound, $"the flow analysis took {stop.TotalMilliseconds:F0} ms to stop");
    }

    /// <summary>
    /// Starts <paramref name="work"/> and cancels it after a third of <paramref name="full"/>; if it finished first
    /// (the machine's load varies), tries again earlier (a sixth, a twelfth...). Returns how long the cancelled run
    /// took to stop, whether every run completed instead, and when the cancellation came.
    /// </summary>
    private static (TimeSpan Stop, bool Completed, TimeSpan At) CancelPartWay(TimeSpan full, Action<CancellationToken> work)
    {
        for (var divisor = 3; divisor <= 96; divisor *= 2)
        {
            using var cts = new CancellationTokenSource();
            var stopped = new Stopwatch();
            var completed = false;
            var thread = new Thread(() =>
            {
                try
                {
                    work(cts.Token);
                    completed = true;
                }
                catch (OperationCanceledException)
                {
                }

                stopped.Stop();
            });
            thread.Start();
            Thread.Sleep(full / divisor);
            stopped.Start();
            cts.Cancel();
            thread.Join();
            if (!completed)
            {
                return (stopped.Elapsed, false, full / divisor);
            }
        }

        return (TimeSpan.Zero, true, TimeSpan.Zero);
    }
}
