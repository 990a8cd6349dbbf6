using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// The build-time goals, measured on fresh compilations: every timed step gets a compilation created for it (the
/// parsed files are shared, as the IDE shares them after an edit; no symbol is bound yet), so that each step pays for
/// the binding it causes, as it does in the IDE after every edit and in every build. A compilation reused across runs
/// has its symbols bound already and hides most of that cost.
/// <para>
/// What is timed, at each N (links of the form <c>[OneToOne(typeof(UserN))] partial class ProfileN</c>, one file each,
/// with ordinary methods beside them, plus one file with no link):
/// </para>
/// <list type="bullet">
/// <item>the floor generator (<see cref="FloorGenerator"/>) and the OneToOne generator, each in a driver of its own:
/// the first run (a new driver on a new compilation), and the re-run after an edit in one method body of the file with
/// no link (the same driver's second <c>RunGenerators</c>, on the edited compilation);</item>
/// <item>the compile of the result: emitting a new compilation of the user's files and the generator's output;</item>
/// <item>every analyzer of the OneToOne.Generator assembly together (found by reflection): all diagnostics of a new
/// compilation with the analyzers attached, against the compiler's diagnostics of a new compilation (binding every
/// method body, which the analysis does too); the difference is their cost, and Roslyn's telemetry gives the time of
/// their callbacks alone;</item>
/// <item>the same program without any <c>[OneToOne]</c> (same files, the attribute line replaced by a comment): the
/// compile and the analyzers' cost there.</item>
/// </list>
/// Times are the process's CPU time (all its threads), which the other work on a shared machine moves much less than
/// wall time; every compilation is built on one thread (<see cref="Synthetic.SingleThreadedCompilation"/>) and the
/// analyzers run without concurrent execution. Wall times are reported beside them. The steps are interleaved within
/// each repetition and the median of the repetitions is kept.
/// </summary>
public static class BuildGoals
{
    /// <summary>One measurement: process CPU time and wall time, in milliseconds.</summary>
    public readonly record struct Ms(double Cpu, double Wall)
    {
        public static Ms Median(IReadOnlyList<Ms> values) =>
            new(MedianOf(values.Select(v => v.Cpu)), MedianOf(values.Select(v => v.Wall)));

        public bool Measured => !double.IsNaN(Cpu);

        public static Ms operator -(Ms a, Ms b) => new(a.Cpu - b.Cpu, a.Wall - b.Wall);

        public override string ToString() => $"{Cpu:F0} ms";
    }

    public sealed record Size(
        int N,
        int Repetitions,
        Ms FloorFirst,
        Ms FloorRerun,
        Ms GeneratorFirst,
        Ms GeneratorRerun,
        int RegeneratedAfterUnrelatedEdit,
        int GeneratedFiles,
        Ms Compile,
        Ms Diagnostics,
        Ms DiagnosticsWithAnalyzers,
        double AnalyzerCallbacksMs,
        Ms NoLinksCompile,
        Ms NoLinksDiagnostics,
        Ms NoLinksDiagnosticsWithAnalyzers,
        double NoLinksAnalyzerCallbacksMs)
    {
        /// <summary>
        /// What the analyzers add to getting the compiler's diagnostics (their callbacks, and the work they make the
        /// compiler and Roslyn's analyzer driver do for them: compilation events, operation trees).
        /// </summary>
        public Ms Analyzers => DiagnosticsWithAnalyzers - Diagnostics;

        public Ms NoLinksAnalyzers => NoLinksDiagnosticsWithAnalyzers - NoLinksDiagnostics;
    }

    /// <summary>Every non-abstract <see cref="DiagnosticAnalyzer"/> with a <c>[DiagnosticAnalyzer]</c> attribute in the generator's assembly.</summary>
    public static IReadOnlyList<Type> AnalyzerTypes { get; } = FindAnalyzers();

    private static Type[] FindAnalyzers()
    {
        Type?[] types;
        try
        {
            types = typeof(OneToOneGenerator).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        return types
            .OfType<Type>()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>
    /// Measures each size. <paramref name="noLinksUpTo"/>: the program without links is measured at the sizes up to this
    /// one only (the quick run measures it at N = 1,000, where the goal is judged, and spares the minutes at 5,000).
    /// </summary>
    public static List<Size> Run(IReadOnlyList<int> sizes, Func<int, int> repetitions, TextWriter log, int noLinksUpTo = int.MaxValue) =>
        sizes.Select(n => Run(n, repetitions(n), log, withoutLinks: n <= noLinksUpTo)).ToList();

    public static Size Run(int n, int repetitions, TextWriter log, bool withoutLinks = true)
    {
        var clock = Stopwatch.StartNew();
        var sources = Synthetic.LinkSources(n);
        var user = Synthetic.Parse(sources, "Link");
        var noLinks = Synthetic.Parse(Synthetic.LinkSources(n, linked: false), "Link");
        var unrelatedOld = user[^1];
        var unrelatedNew = Synthetic.Parse(Synthetic.UnrelatedSource(3), unrelatedOld.FilePath);

        // The generator's output, parsed once as ordinary files: the compile of the result. The timed steps below
        // check what they produce (the result compiles without a warning; the analyzers report nothing on it).
        var generatedResult = Synthetic.OneToOneDriver().RunGenerators(Synthetic.Compilation(user)).GetRunResult();
        if (generatedResult.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException("the generator reported: " + string.Join("; ", generatedResult.Diagnostics.Take(3)));
        }

        var generated = generatedResult.GeneratedTrees
            .Select((t, i) => Synthetic.Parse(t.GetText().ToString(), $"Generated{i}.cs"))
            .ToList();
        var result = user.Concat(generated).ToList();
        var regenerated = RegeneratedAfterUnrelatedEdit(user, unrelatedOld, unrelatedNew);

        var floorFirst = new List<Ms>();
        var floorRerun = new List<Ms>();
        var genFirst = new List<Ms>();
        var genRerun = new List<Ms>();
        var compile = new List<Ms>();
        var diagnostics = new List<Ms>();
        var withAnalyzers = new List<Ms>();
        var callbacks = new List<double>();
        var noLinksCompile = new List<Ms>();
        var noLinksDiagnostics = new List<Ms>();
        var noLinksWithAnalyzers = new List<Ms>();
        var noLinksCallbacks = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            foreach (var (generator, first, rerun) in new[] { (Floor(), floorFirst, floorRerun), (Synthetic.OneToOneDriver(), genFirst, genRerun) })
            {
                var compilation = Fresh(user);
                var driver = generator;
                first.Add(Time(() => driver = driver.RunGenerators(compilation)));
                var edited = compilation.ReplaceSyntaxTree(unrelatedOld, unrelatedNew);
                Prepare(edited);
                rerun.Add(Time(() => driver = driver.RunGenerators(edited)));
            }

            compile.Add(TimeFresh(result, c => Synthetic.Emit(c, check: true)));
            diagnostics.Add(TimeFresh(result, c => CheckCompiler(c.GetDiagnostics(), "with links")));
            withAnalyzers.Add(TimeFresh(result, c => Check(AnalyzerDiagnostics(c, Analyzers()), "with links", callbacks)));
            if (withoutLinks)
            {
                noLinksCompile.Add(TimeFresh(noLinks, c => Synthetic.Emit(c, check: true)));
                noLinksDiagnostics.Add(TimeFresh(noLinks, c => CheckCompiler(c.GetDiagnostics(), "without links")));
                noLinksWithAnalyzers.Add(TimeFresh(noLinks, c => Check(AnalyzerDiagnostics(c, Analyzers()), "without links", noLinksCallbacks)));
            }
        }

        var size = new Size(
            n,
            repetitions,
            Ms.Median(floorFirst),
            Ms.Median(floorRerun),
            Ms.Median(genFirst),
            Ms.Median(genRerun),
            regenerated,
            generated.Count,
            Ms.Median(compile),
            Ms.Median(diagnostics),
            Ms.Median(withAnalyzers),
            MedianOf(callbacks),
            Ms.Median(noLinksCompile),
            Ms.Median(noLinksDiagnostics),
            Ms.Median(noLinksWithAnalyzers),
            MedianOf(noLinksCallbacks));
        log.WriteLine($"// build goals at N = {n:N0}: {repetitions} repetitions, {clock.Elapsed.TotalSeconds:F0} s");
        Print([size], log); // as soon as measured: a run stopped later keeps this size's numbers
        return size;
    }

    private static GeneratorDriver Floor() =>
        CSharpGeneratorDriver.Create([new FloorGenerator().AsSourceGenerator()], parseOptions: Synthetic.ParseOptions);

    /// <summary>
    /// A new compilation of <paramref name="trees"/>, with its references resolved (as the IDE's compilation after an
    /// edit inherits them) and nothing else: no symbol of the user's code is bound.
    /// </summary>
    private static CSharpCompilation Fresh(IEnumerable<SyntaxTree> trees)
    {
        var compilation = Synthetic.SingleThreadedCompilation(trees);
        Prepare(compilation);
        return compilation;
    }

    private static void Prepare(Compilation compilation) => _ = compilation.ObjectType;

    private static Ms TimeFresh(IEnumerable<SyntaxTree> trees, Action<CSharpCompilation> step)
    {
        var compilation = Fresh(trees);
        return Time(() => step(compilation));
    }

    private static Ms Time(Action step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        step();
        var elapsed = wall.Elapsed.TotalMilliseconds;
        return new Ms((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, elapsed);
    }

    /// <summary>
    /// The analyzers' diagnostics on <paramref name="compilation"/>, as a build asks for them; with the time the
    /// analyzers' own callbacks took (Roslyn's analyzer telemetry, as <c>-reportanalyzer</c> shows it).
    /// </summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, double CallbacksMs) AnalyzerDiagnostics(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        // The analysis result: the analyzers' diagnostics after binding every method body of the compilation (as a
        // build does; the compiler's own diagnostics are checked by the emit), with the time of each analyzer's callbacks.
        var analysis = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        var diagnostics = analysis.GetAllDiagnostics();
        var callbacks = analysis.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);
        return (diagnostics, callbacks);
    }

    private static void Check((ImmutableArray<Diagnostic> Diagnostics, double CallbacksMs) run, string program, List<double>? callbacks)
    {
        if (run.Diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning || d.Id.StartsWith("OTO", StringComparison.Ordinal) || d.Id == "AD0001") is { } unexpected)
        {
            throw new InvalidOperationException($"the analyzers, on the synthetic program {program}: unexpected diagnostic on a clean program: {unexpected}");
        }

        callbacks?.Add(run.CallbacksMs);
    }

    private static void CheckCompiler(ImmutableArray<Diagnostic> diagnostics, string program)
    {
        if (diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning) is { } unexpected)
        {
            throw new InvalidOperationException($"the synthetic program {program} did not compile cleanly: {unexpected}");
        }
    }

    /// <summary>
    /// Sources the OneToOne generator produces again (output steps New or Modified) when the same driver re-runs on the
    /// compilation after the unrelated edit; with step tracking on, outside the timed runs.
    /// </summary>
    private static int RegeneratedAfterUnrelatedEdit(List<SyntaxTree> user, SyntaxTree unrelatedOld, SyntaxTree unrelatedNew)
    {
        var compilation = Fresh(user);
        var driver = Synthetic.OneToOneDriver(trackSteps: true).RunGenerators(compilation);
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelatedOld, unrelatedNew)).GetRunResult().Results.Single();
        return result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    public static void Print(IReadOnlyList<Size> sizes, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("Build time on fresh compilations (process CPU ms, median of the repetitions; wall ms in brackets)");
        o.WriteLine($"  analyzers of the package, found by reflection: {string.Join(", ", AnalyzerTypes.Select(t => t.Name))}");
        o.WriteLine("| N      | floor first | floor re-run | OneToOne first    | OneToOne re-run   | regen. | compile (emit) | compiler diagnostics        | + analyzers (callbacks) | no links: compile | no links: + analyzers (callbacks) |");
        o.WriteLine("|-------:|------------:|-------------:|------------------:|------------------:|-------:|---------------:|----------------------------:|------------------------:|------------------:|----------------------------------:|");
        foreach (var s in sizes)
        {
            o.WriteLine(
                $"| {s.N,6} | {C(s.FloorFirst),11} | {C(s.FloorRerun),12} | {C(s.GeneratorFirst) + $" {s.GeneratorFirst.Cpu / s.FloorFirst.Cpu,4:F1}x",17} | {C(s.GeneratorRerun) + $" {s.GeneratorRerun.Cpu / s.FloorRerun.Cpu,4:F1}x",17} | " +
                $"{s.RegeneratedAfterUnrelatedEdit,6} | {C(s.Compile),14} | {C(s.Diagnostics),27} | {C(s.Analyzers) + $" ({s.AnalyzerCallbacksMs:F0})",23} | {(s.NoLinksCompile.Measured ? C(s.NoLinksCompile) : "-"),17} | {(s.NoLinksCompile.Measured ? C(s.NoLinksAnalyzers) + $" ({s.NoLinksAnalyzerCallbacksMs:F0})" : "-"),33} |");
        }

        foreach (var s in sizes)
        {
            o.WriteLine(
                $"  N = {s.N:N0} ({s.Repetitions} repetitions, {s.GeneratedFiles} generated files): generator first run {Share(s.GeneratorFirst, s.Compile)} of the compile, re-run {Share(s.GeneratorRerun, s.Compile)}; " +
                $"analyzers {Share(s.Analyzers, s.Compile)} of the compile (their callbacks alone {s.AnalyzerCallbacksMs / s.Compile.Cpu:P1})" +
                (s.NoLinksCompile.Measured ? $"; without links {Share(s.NoLinksAnalyzers, s.NoLinksCompile)} (callbacks {s.NoLinksAnalyzerCallbacksMs:F1} ms)" : "; without links: not measured at this size"));
        }

        static string C(Ms m) => $"{m.Cpu:F0} [{m.Wall:F0}]";
        static string Share(Ms part, Ms whole) => $"{part.Cpu / whole.Cpu:P1} [wall {part.Wall / whole.Wall:P1}]";
    }
}
