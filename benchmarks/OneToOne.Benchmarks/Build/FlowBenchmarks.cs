using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Benchmarks.Build;

/// <summary>What kind of program the flow analysis runs on.</summary>
public enum FlowProgram
{
    /// <summary>N links, each with constructors that link, a chained constructor, a factory, helpers that link and unlink, and a method using them all in a loop.</summary>
    LinkHeavy,

    /// <summary>N files of ordinary code, the runtime library referenced, no link.</summary>
    NoLinks,
}

/// <summary>
/// The flow analysis (OTO100/OTO101, with the method summaries it computes for the calls it follows) on a fresh
/// compilation per run, as a build sees it: every method body bound and every diagnostic asked for. The baseline
/// attaches a do-nothing analyzer (the cost of attaching any analyzer at all); the difference is the flow
/// analysis's own cost, and <see cref="FlowShare"/> reports it as a share of that compile, also in a build with
/// the SDK's code analysis (<see cref="FlowBuild"/>).
/// Run: <c>dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --filter '*FlowBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class FlowBenchmarks
{
    [Params(FlowProgram.LinkHeavy, FlowProgram.NoLinks)]
    public FlowProgram Program { get; set; }

    [Params(200)]
    public int N { get; set; }

    private List<SyntaxTree> _trees = null!;

    [GlobalSetup]
    public void Setup() => _trees = FlowShare.Trees(Program, N);

    [Benchmark(Baseline = true)]
    public int CompileWithoutFlow() => FlowShare.Diagnose(FlowShare.Fresh(_trees), new NoOpAnalyzer(operations: false)).Length;

    [Benchmark]
    public int CompileWithFlow() => FlowShare.Diagnose(FlowShare.Fresh(_trees), new LinkFlowAnalyzer()).Length;
}

/// <summary>What else a build runs next to the flow analysis.</summary>
public enum FlowBuild
{
    /// <summary>
    /// The compiler alone: the baseline attaches an analyzer that asks for nothing, so every operation tree the flow
    /// analysis needs is its own cost.
    /// </summary>
    CompilerAlone,

    /// <summary>
    /// A build with the .NET SDK's code analysis, on by default: its analyzers ask for the operation tree of every
    /// body (stood for by an analyzer that does exactly that and nothing else), so the flow analysis shares those
    /// trees and adds its graphs and its own work.
    /// </summary>
    WithCodeAnalysis,
}

/// <summary>The flow analysis's share of a compile, measured on fresh compilations, the variants interleaved.</summary>
public static class FlowShare
{
    /// <summary>
    /// One program in one kind of build: the median wall time, and the least CPU time of the process (every thread,
    /// the garbage collector's too) over the repetitions, which a machine loaded by other work distorts much less
    /// than wall time (load only ever adds to it). The goals are read on CPU time: what a build costs a build server.
    /// </summary>
    public sealed record Report(FlowProgram Program, FlowBuild Build, int N, double CompileMs, double WithFlowMs, double CompileCpuMs, double WithFlowCpuMs, double CompileMb, double WithFlowMb, int Warnings, double PairedCpuShare, double OwnCpuShare, double OwnCpuMs)
    {
        public double AddedMs => WithFlowMs - CompileMs;

        public double Share => AddedMs / CompileMs;

        public double AddedCpuMs => WithFlowCpuMs - CompileCpuMs;

        public double CpuShare => AddedCpuMs / CompileCpuMs;

        /// <summary>The share in bytes allocated: a measure of work that load on the machine does not change.</summary>
        public double MemoryShare => (WithFlowMb - CompileMb) / CompileMb;
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    // One thread: the process's CPU time is then the work done, not the spinning of idle pool threads.
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

    private static readonly MetadataReference[] References =
        Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location))
            .ToArray();

    /// <summary>The flow analysis's goals, as a stage of the quick and full runs.</summary>
    [GoalStage("flow analysis")]
    public static IEnumerable<GoalLine> Goals(bool quick, TextWriter output)
    {
        if (!IsSteady)
        {
            // Measured in a steady process of its own (see RunSteady); its goal lines come back as tab-separated lines.
            var lines = new List<GoalLine>();
            var code = RunSteady(["--flow-goals", quick ? "quick" : "full"], output, line =>
            {
                var parts = line.Split('\t');
                if (parts.Length == 4 && parts[0] == GoalPrefix)
                {
                    lines.Add(new GoalLine(parts[1], parts[2], bool.Parse(parts[3])));
                    return true;
                }

                return false;
            });
            if (code != 0 || lines.Count == 0)
            {
                throw new InvalidOperationException($"the flow analysis's measuring process failed (exit code {code})");
            }

            return lines;
        }

        return SteadyGoals(quick, output);
    }

    /// <summary>The first field of a goal line the measuring process writes for the process that started it.</summary>
    public const string GoalPrefix = "flow-goal";

    /// <summary>The flow analysis's goals, measured in this (steady) process.</summary>
    public static IEnumerable<GoalLine> SteadyGoals(bool quick, TextWriter output)
    {
        WarmUp();
        var reports = Run(quick ? 100 : 200, quick ? 7 : 15);
        Print(reports, output);
        var heavy = reports.Single(r => r.Program == FlowProgram.LinkHeavy && r.Build == FlowBuild.WithCodeAnalysis);
        var heavyAlone = reports.Single(r => r.Program == FlowProgram.LinkHeavy && r.Build == FlowBuild.CompilerAlone);
        var none = reports.Single(r => r.Program == FlowProgram.NoLinks && r.Build == FlowBuild.CompilerAlone);
        var (shortMethod, longMethod) = (LongMethod(400, quick ? 3 : 5), LongMethod(1600, quick ? 3 : 5));
        output.WriteLine($"One long method: {shortMethod.Statements} statements {shortMethod.AddedCpuMs:F0} ms CPU, {longMethod.Statements} statements {longMethod.AddedCpuMs:F0} ms CPU");
        var growth = longMethod.AddedCpuMs / longMethod.Statements / (shortMethod.AddedCpuMs / shortMethod.Statements);

        // The goal is read against the compile a project runs: with the SDK's own analyzers on, as .NET projects build
        // by default. Without an SDK to load them from, the stricter stand-in decides.
        var sdk = SdkShare(quick ? 9 : 15, output);
        var share = sdk ?? heavy.OwnCpuShare;
        return
        [
            new GoalLine("flow analysis of one long method: linear in its length (per statement at 1,600 vs 400 < 1.5x)",
                $"{growth:F2}x ({shortMethod.AddedCpuMs:F0} ms CPU at 400, {longMethod.AddedCpuMs:F0} ms at 1,600)", growth < 1.5),
            new GoalLine("flow analysis under 3% of compiling link-heavy code (CPU of its own callbacks against the rest of the compile, least of each; a compile with the SDK's own analyzers, as a project builds by default)",
                $"{(sdk is { } onSdk ? $"{onSdk:P1} with the SDK's analyzers; " : "no SDK found: the stand-in decides; ")}stand-ins: {heavy.OwnCpuShare:P1} with a no-op operation analyzer (N = {heavy.N}), {heavyAlone.OwnCpuShare:P1} with the compiler alone, building the operation trees it asks for; by difference of whole compiles: median {heavy.PairedCpuShare:P1}, least {heavy.CpuShare:P1}; bytes allocated {heavy.MemoryShare:P1}", share < 0.03),
            new GoalLine("flow analysis: nothing measurable without links (< 1%, CPU of its own callbacks and bytes allocated, compiler alone)",
                $"CPU {none.OwnCpuShare:P2}, bytes {none.MemoryShare:P1}", none.OwnCpuShare < 0.01 && none.MemoryShare < 0.01),
        ];
    }

    /// <summary>
    /// One method of <paramref name="statements"/> link statements in branches, loops and switches (a few links,
    /// the same principal and dependents again and again): what the flow analysis adds to compiling it, CPU time.
    /// </summary>
    public static (int Statements, double AddedCpuMs) LongMethod(int statements, int repetitions)
    {
        var source = new StringBuilder("""
            using OneToOne;
            namespace Long;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            [OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge")]
            public partial class Badge { }
            public static class Work
            {
                private static int s0() => 0;
                private static int s1() => 1;
                private static int s2() => 2;
                public static void Run(User[] users, Profile[] profiles, Badge b)
                {
                    var u = users[0]; var p = profiles[0]; var q = profiles[1];

            """);
        for (var s = 0; s < statements; s++)
        {
            source.Append((s % 6) switch
            {
                0 => "        p.User = u;\n",
                1 => $"        if (u.Profile is null) {{ q.User = u; }} else {{ u = users[{s % 5}]; }}\n",
                2 => $"        for (var i{s} = 0; i{s} < 2; i{s}++) {{ b.Holder = u; u.Badge = null; }}\n",
                3 => "        u.Profile = null;\n",
                4 => $"        switch (s{s % 3}()) {{ case 0: p = profiles[1]; break; default: q.User = null; break; }}\n",
                _ => $"        u = users[{s % 7}];\n",
            });
        }

        source.Append("    }\n}\n");
        var trees = Trees([source.ToString()]);
        var without = new List<double>();
        var with = new List<double>();
        Diagnose(Fresh(trees), new LinkFlowAnalyzer()); // warm-up
        Diagnose(Fresh(trees), new NoOpAnalyzer(operations: false));
        for (var i = 0; i < repetitions; i++)
        {
            without.Add(Time(() => Diagnose(Fresh(trees), new NoOpAnalyzer(operations: false))).CpuMs);
            with.Add(Time(() => Diagnose(Fresh(trees), new LinkFlowAnalyzer())).CpuMs);
        }

        return (statements, with.Min() - without.Min());
    }

    public static List<Report> Run(int n, int repetitions) =>
        [.. Run(FlowProgram.LinkHeavy, n, repetitions), .. Run(FlowProgram.NoLinks, n, repetitions)];

    /// <summary>Both kinds of build of one program, the four compiles of a repetition interleaved.</summary>
    public static IEnumerable<Report> Run(FlowProgram program, int n, int repetitions)
    {
        var trees = Trees(program, n);
        // Fresh analyzers for every compile; the flow analysis wrapped by a timer of its own callbacks.
        Func<(DiagnosticAnalyzer[] Analyzers, CallbackTimer? Timer)>[] variants =
        [
            () => ([new NoOpAnalyzer(operations: false)], null),
            () => TimedAfter(new LinkFlowAnalyzer(), bindFirst: false),
            () => ([new NoOpAnalyzer(operations: true)], null),
            () => TimedAfter(new LinkFlowAnalyzer(), bindFirst: true, new NoOpAnalyzer(operations: true)),
        ];
        var wall = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        var mb = variants.Select(_ => new List<double>()).ToArray();
        var callbacks = variants.Select(_ => new List<double>()).ToArray();
        var rest = variants.Select(_ => new List<double>()).ToArray();
        var warnings = new int[variants.Length];
        foreach (var variant in variants)
        {
            Diagnose(Fresh(trees), variant().Analyzers); // warm-up: every variant's code compiled by the JIT before any is timed
        }

        for (var i = 0; i < repetitions; i++)
        {
            // Forward, then backward: no variant always runs first, or right after another.
            for (var step = 0; step < variants.Length; step++)
            {
                var v = i % 2 == 0 ? step : variants.Length - 1 - step;
                var (analyzers, timer) = variants[v]();
                var (ms, cpuMs, megabytes, diagnostics) = Measured(trees, analyzers);
                warnings[v] = diagnostics.Count(d => d.Id.StartsWith("OTO", StringComparison.Ordinal));
                mb[v].Add(megabytes);
                wall[v].Add(ms);
                cpu[v].Add(cpuMs);
                if (timer is not null)
                {
                    callbacks[v].Add(timer.CpuMs);
                    rest[v].Add(cpuMs - timer.CpuMs);
                }
            }
        }

        Report Of(FlowBuild build, int baseline, int with) =>
            new(program, build, n, Median(wall[baseline]), Median(wall[with]), cpu[baseline].Min(), cpu[with].Min(), Median(mb[baseline]), Median(mb[with]), warnings[with], PairedShare(cpu[baseline], cpu[with]), OwnShare(callbacks[with], rest[with]), Median(callbacks[with]));

        return [Of(FlowBuild.CompilerAlone, 0, 1), Of(FlowBuild.WithCodeAnalysis, 2, 3)];
    }

    /// <summary><paramref name="flow"/> behind a timer of its callbacks, after <paramref name="others"/>.</summary>
    private static (DiagnosticAnalyzer[] Analyzers, CallbackTimer? Timer) TimedAfter(DiagnosticAnalyzer flow, bool bindFirst, params DiagnosticAnalyzer[] others)
    {
        var timer = new CallbackTimer(flow, bindFirst);
        return ([.. others, timer], timer);
    }

    /// <summary>
    /// The flow analysis as it is against an earlier build of it (<paramref name="earlierGenerator"/>, the path of its
    /// <c>OneToOne.Generator.dll</c>, loaded in a context of its own), in one process, the six compiles of a repetition
    /// interleaved (each analyzer in both kinds of build, and both baselines), so that both are measured under the same
    /// load: CPU time (least and median) and bytes allocated (median) added to each baseline.
    /// </summary>
    public static void Compare(string earlierGenerator, int repetitions, TextWriter output)
    {
        var earlier = new System.Runtime.Loader.AssemblyLoadContext("earlier flow analysis").LoadFromAssemblyPath(Path.GetFullPath(earlierGenerator));
        var earlierType = earlier.GetType(typeof(LinkFlowAnalyzer).FullName!) ?? throw new InvalidOperationException($"no {typeof(LinkFlowAnalyzer).FullName} in {earlierGenerator}");
        DiagnosticAnalyzer Earlier() => (DiagnosticAnalyzer)Activator.CreateInstance(earlierType)!;
        var trees = Trees(FlowProgram.LinkHeavy, 200);
        // The flow analyses behind timers of their own callbacks (see CallbackTimer).
        (string Name, Func<(DiagnosticAnalyzer[] Analyzers, CallbackTimer? Timer)> Make)[] variants =
        [
            ("compiler alone", () => ([new NoOpAnalyzer(operations: false)], null)),
            ("compiler alone, earlier", () => TimedAfter(Earlier(), bindFirst: false)),
            ("compiler alone, this one", () => TimedAfter(new LinkFlowAnalyzer(), bindFirst: false)),
            ("with code analysis", () => ([new NoOpAnalyzer(operations: true)], null)),
            ("with code analysis, earlier", () => TimedAfter(Earlier(), bindFirst: true, new NoOpAnalyzer(operations: true))),
            ("with code analysis, this one", () => TimedAfter(new LinkFlowAnalyzer(), bindFirst: true, new NoOpAnalyzer(operations: true))),
        ];
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        var mb = variants.Select(_ => new List<double>()).ToArray();
        var callbacks = variants.Select(_ => new List<double>()).ToArray();
        var rest = variants.Select(_ => new List<double>()).ToArray();
        WarmUp();
        foreach (var variant in variants)
        {
            Diagnose(Fresh(trees), variant.Make().Analyzers); // warm-up
        }

        for (var i = 0; i < repetitions; i++)
        {
            for (var step = 0; step < variants.Length; step++)
            {
                var v = i % 2 == 0 ? step : variants.Length - 1 - step;
                var (analyzers, timer) = variants[v].Make();
                var measured = Measured(trees, analyzers);
                cpu[v].Add(measured.CpuMs);
                mb[v].Add(measured.Megabytes);
                if (timer is not null)
                {
                    callbacks[v].Add(timer.CpuMs);
                    rest[v].Add(measured.CpuMs - timer.CpuMs);
                }
            }
        }

        output.WriteLine($"Each variant compiled {repetitions} times, interleaved (forward, then backward). Own callbacks: the least CPU time of the flow analysis's callbacks against the least of the rest of its compiles. By difference: of the least CPU times, and the median of the repetitions' own shares. Bytes: medians.");
        output.WriteLine("| build | flow analysis | its own callbacks' CPU | CPU added by difference, least | by difference, median of the repetitions | bytes allocated added |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var baseline in new[] { 0, 3 })
        {
            foreach (var with in new[] { baseline + 1, baseline + 2 })
            {
                var least = (cpu[with].Min() - cpu[baseline].Min()) / cpu[baseline].Min();
                var median = PairedShare(cpu[baseline], cpu[with]);
                var memory = (Median(mb[with]) - Median(mb[baseline])) / Median(mb[baseline]);
                output.WriteLine($"| {variants[baseline].Name} | {(with == baseline + 1 ? "earlier" : "this one")} | {OwnShare(callbacks[with], rest[with]):P2} | {least:P1} | {median:P1} | {memory:P1} |");
            }
        }
    }

    /// <summary>
    /// The flow analysis's own callbacks against a compile with the .NET SDK's own code analysis: its analyzers
    /// (found next to the running runtime, in the newest SDK's <c>Sdks/Microsoft.NET.Sdk/analyzers</c>), each rule
    /// in its default state, as a project's build runs them by default. Link-heavy code, 200 files; the least of each
    /// over the repetitions. Prints one line; nothing when no SDK is found.
    /// </summary>
    public static void AgainstSdkAnalyzers(int repetitions, TextWriter output) => SdkShare(repetitions, output);

    /// <summary>
    /// The flow analysis's own callbacks against a compile with the SDK's own C# analyzers (see
    /// <see cref="AgainstSdkAnalyzers"/>); null, with a line saying why, when no SDK is found.
    /// </summary>
    public static double? SdkShare(int repetitions, TextWriter output)
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var analyzers = Directory.Exists(Path.Combine(root, "sdk"))
            ? Directory.GetDirectories(Path.Combine(root, "sdk"))
                .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(Directory.Exists)
                .OrderBy(d => d, StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        if (analyzers is null)
        {
            output.WriteLine($"no .NET SDK found under {root}: the comparison with the SDK's analyzers is skipped");
            return null;
        }

        var types = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(file => System.Reflection.Assembly.LoadFrom(Path.Combine(analyzers, file)))
            .SelectMany(LoadableTypes)
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) &&
                           type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .ToList();
        DiagnosticAnalyzer[] Sdk() => types.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToArray();

        var trees = Trees(FlowProgram.LinkHeavy, 200);
        var callbacks = new List<double>();
        var rest = new List<double>();
        var alone = new List<double>();
        Diagnose(Fresh(trees), [.. Sdk(), new LinkFlowAnalyzer()]); // warm-up
        for (var i = 0; i < repetitions; i++)
        {
            var timer = new CallbackTimer(new LinkFlowAnalyzer(), bindFirst: true);
            var with = Measured(trees, [.. Sdk(), timer]);
            callbacks.Add(timer.CpuMs);
            rest.Add(with.CpuMs - timer.CpuMs);
            alone.Add(Measured(trees, Sdk()).CpuMs);
        }

        output.WriteLine($"Against a compile with the SDK's {types.Count} C# analyzers ({analyzers}), link-heavy code, N = 200, {repetitions} repetitions: " +
                         $"the flow analysis's own callbacks {OwnShare(callbacks, rest):P2} ({callbacks.Min():F0} of {rest.Min():F0} ms, least of each); " +
                         $"that compile without the flow analysis {alone.Min():F0} ms, least");
        return OwnShare(callbacks, rest);
    }

    /// <summary>The types of an assembly that load here (the SDK's code fixes need Roslyn's workspaces, which this program does not).</summary>
    private static IEnumerable<Type> LoadableTypes(System.Reflection.Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (System.Reflection.ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    public static void Print(IEnumerable<Report> reports, TextWriter output)
    {
        output.WriteLine("| program | build | N | its own callbacks' CPU, against the rest of the compile (least of each) | compile, CPU (ms, least) | with the flow analysis, CPU (ms, least) | share by difference, CPU: least | by difference, median of the repetitions | by difference, wall | bytes allocated | OTO100/101 |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            output.WriteLine($"| {r.Program} | {r.Build} | {r.N} | **{r.OwnCpuShare:P2}** ({r.OwnCpuMs:F0} ms, median) | {r.CompileCpuMs:F0} | {r.WithFlowCpuMs:F0} | {r.CpuShare:P1} | {r.PairedCpuShare:P1} | {r.Share:P1} | {r.MemoryShare:P1} ({r.WithFlowMb - r.CompileMb:F0} of {r.CompileMb:F0} MB) | {r.Warnings} |");
        }
    }

    /// <summary>Whether this process measures steadily (see <see cref="RunSteady"/>).</summary>
    public static bool IsSteady => Environment.GetEnvironmentVariable(SteadyVariable) == "1";

    private const string SteadyVariable = "ONETOONE_BENCHMARK_STEADY";

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/>, in a process whose CPU time is the work it does:
    /// the JIT compiles each method once and fully (with tiered compilation, Roslyn's hot methods are compiled again on
    /// background threads during the first dozen compiles), idle thread-pool threads do not spin, and the garbage
    /// collector runs no background thread. On this shared machine the same compile varied by a third in CPU time
    /// without these settings. Each line of the child's output goes to <paramref name="output"/>, but for those that
    /// <paramref name="consume"/> takes. Returns its exit code.
    /// </summary>
    public static int RunSteady(string[] arguments, TextWriter output, Func<string, bool>? consume = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) is "dotnet")
        {
            start.ArgumentList.Add(typeof(FlowShare).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[SteadyVariable] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "0";
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (consume?.Invoke(line) != true)
            {
                output.WriteLine(line);
            }
        }

        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>Every variant once on a small program: the code of each compiled by the JIT before anything is timed.</summary>
    private static void WarmUp()
    {
        var small = Trees(FlowProgram.LinkHeavy, 20);
        Diagnose(Fresh(small), new NoOpAnalyzer(operations: true), new LinkFlowAnalyzer());
        Diagnose(Fresh(small), new NoOpAnalyzer(operations: false));
    }

    /// <summary>
    /// The share of the flow analysis's own callbacks: the least of their CPU times over the repetitions against the
    /// least of the rest of the same compiles. CPU time on this virtual machine includes the spells when the host runs
    /// something else (they are not reported to it as stolen time), and only ever adds to the work: the least of a
    /// dozen repetitions is the work itself.
    /// </summary>
    private static double OwnShare(List<double> callbacks, List<double> rest) => callbacks.Min() / rest.Min();

    /// <summary>
    /// The median over the repetitions of each one's own share: what the second compile of a repetition added to its
    /// first, measured back to back. A slow spell of the machine slows both, so it moves this much less than it moves
    /// either time.
    /// </summary>
    private static double PairedShare(List<double> baseline, List<double> with) =>
        Median(baseline.Zip(with, (b, w) => (w - b) / b).ToList());

    /// <summary>One compile of a fresh compilation with <paramref name="analyzers"/>: its times, the bytes it allocated, its diagnostics.</summary>
    private static (double WallMs, double CpuMs, double Megabytes, ImmutableArray<Diagnostic> Diagnostics) Measured(List<SyntaxTree> trees, DiagnosticAnalyzer[] analyzers)
    {
        // From a collected heap, so that no compile pays for another's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var (wallMs, cpuMs) = Time(() => diagnostics = Diagnose(Fresh(trees), analyzers));
        return (wallMs, cpuMs, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6, diagnostics);
    }

    private static (double WallMs, double CpuMs) Time(Action run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>The program's files and, for links, the generator's output, parsed once.</summary>
    public static List<SyntaxTree> Trees(FlowProgram program, int n) =>
        Trees(Enumerable.Range(0, n).Select(i => program == FlowProgram.LinkHeavy ? LinkHeavySource(i) : PlainSource(i)).ToList());

    /// <summary>The sources and the generator's output, parsed once.</summary>
    public static List<SyntaxTree> Trees(List<string> sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, $"File{i}.cs", Encoding.UTF8)).ToList();
        CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(Fresh(trees), out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the benchmark program does not compile: " + string.Join("; ", errors));
        }

        // Parsed again, so that no run sees a tree a previous compilation has bound.
        return output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ParseOptions, t.FilePath)).ToList();
    }

    /// <summary>A new compilation of the trees: nothing bound yet.</summary>
    public static CSharpCompilation Fresh(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create("FlowBenchmark", trees, References, Options);

    public static ImmutableArray<Diagnostic> Diagnose(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        compilation.WithAnalyzers(
                ImmutableArray.Create(analyzers),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Link <paramref name="i"/> and the code that uses it: constructors, a factory, helpers, a loop. Safe code: no OTO100/OTO101.</summary>
    public static string LinkHeavySource(int i) => $$"""
        using System.Collections.Generic;
        using OneToOne;
        namespace Heavy{{i}};

        public partial class Owner { public string Name { get; set; } = ""; }

        [OneToOne(typeof(Owner))]
        public partial class Card
        {
            public Card() { }
            public Card(Owner owner) { Owner = owner; }
            public Card(Owner owner, string label) : this(owner) { Label = label; }
            public string Label { get; set; } = "";
        }

        public static class Cards
        {
            public static Card For(Owner owner) => new Card(owner, owner.Name);
            public static void Attach(Card card, Owner owner) => card.Owner = owner;
            public static void Detach(Card card) { card.Owner = null; }
            public static void Free(Owner owner) { owner.Card = null; }
            public static void Move(Card card, Owner to) { Detach(card); Attach(card, to); }

            public static List<Card> Run(List<Owner> owners, Owner spare)
            {
                var made = new List<Card>();
                foreach (var owner in owners)
                {
                    var card = new Card(owner, "x");
                    Detach(card);
                    var other = For(owner);
                    Free(owner);
                    Attach(card, owner);
                    if (owner.Card is { } old) old.Owner = null;
                    var third = new Card { Owner = owner, Label = "y" };
                    Move(third, spare);
                    spare.Card = null;
                    made.Add(card);
                    made.Add(other);
                }

                return made;
            }
        }
        """;

    /// <summary>Ordinary code of the same size: classes, loops, calls; no link.</summary>
    public static string PlainSource(int i) => $$"""
        using System.Collections.Generic;
        namespace Plain{{i}};

        public class Owner { public string Name { get; set; } = ""; public Card? Card { get; set; } }

        public class Card
        {
            public Card() { }
            public Card(Owner owner) { Owner = owner; }
            public Card(Owner owner, string label) : this(owner) { Label = label; }
            public Owner? Owner { get; set; }
            public string Label { get; set; } = "";
        }

        public static class Cards
        {
            public static Card For(Owner owner) => new Card(owner, owner.Name);
            public static void Attach(Card card, Owner owner) => card.Owner = owner;
            public static void Detach(Card card) { card.Owner = null; }

            public static List<Card> Run(List<Owner> owners, Owner spare)
            {
                var made = new List<Card>();
                foreach (var owner in owners)
                {
                    var card = new Card(owner, "x");
                    Detach(card);
                    var other = For(owner);
                    owner.Card = null;
                    Attach(card, owner);
                    if (owner.Card is { } old) old.Owner = null;
                    var third = new Card { Owner = owner, Label = "y" };
                    spare.Card = null;
                    made.Add(card);
                    made.Add(other);
                }

                return made;
            }
        }
        """;

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>
/// An analyzer that does nothing: with <c>operations</c>, it asks for the operation tree of every body (an
/// operation-block action), as the .NET SDK's code analysis does; without, it asks for nothing (the cost of
/// attaching any analyzer). Instantiated by the benchmark only, never loaded by a compiler.
/// </summary>
#pragma warning disable RS1001 // no [DiagnosticAnalyzer]: no compiler should ever discover this analyzer
public sealed class NoOpAnalyzer(bool operations) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
#pragma warning disable RS2008 // release tracking: this descriptor is never reported, and never shipped
    private static readonly DiagnosticDescriptor Never = new("BENCH001", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (operations)
            {
                start.RegisterOperationBlockAction(_ => { });
            }
        });
    }
}
