using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OneToOne.Benchmarks;
using OneToOne.Benchmarks.Build;
using OneToOne.Benchmarks.Runtime;

// Usage (see docs/performance.md):
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --quick        every goal, few iterations and repetitions (~5 min)
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --full         every goal with more repetitions, and the BenchmarkDotNet build suites
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --build-goals [REPETITIONS [N ...]]   the build-time goals only
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --contention 2 the contended table only (seconds per round)
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --interleaved   single-thread ratios, interleaved bursts
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --flow [REPETITIONS [N]]  the flow analysis's share only
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --flow-compare EARLIER/OneToOne.Generator.dll [REPETITIONS]  against an earlier build, in one run
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --flow-sdk [REPETITIONS]  the flow analysis against a compile with the SDK's own analyzers
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --linearity     cold generator run at N = 1,000 and 5,000, interleaved
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --write-project DIR 1000 [--hand-written]
//   dotnet run -c Release --project benchmarks/OneToOne.Benchmarks -- --filter '*Link*'   any BenchmarkDotNet arguments (full jobs)
if (args.Length >= 1 && args[0] == "--write-project")
{
    var n = args.Length >= 3 ? int.Parse(args[2]) : 1000;
    ProjectWriter.Write(Path.GetFullPath(args[1]), n, ProjectWriter.FindRepository(), handWritten: args.Contains("--hand-written"));
    Console.WriteLine($"wrote {n} links to {Path.GetFullPath(args[1])}");
    return 0;
}

if (args.Length >= 1 && args[0] == "--build-goals")
{
    // The build-time goals alone: --build-goals [REPETITIONS [N ...]]
    var repetitions = args.Length >= 2 ? int.Parse(args[1]) : 3;
    var sizes = args.Length >= 3 ? args.Skip(2).Select(int.Parse).ToArray() : [1000, 5000];
    BuildGoals.Run(200, 1, Console.Out); // warm-up: every path once, so that Roslyn's hot methods are compiled by the JIT
    var goals = new GoalReport(quick: true) { Build = BuildGoals.Run(sizes, _ => repetitions, Console.Out) };
    goals.Print(Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] is "--flow" or "--flow-compare" or "--flow-goals" or "--flow-sdk" && !FlowShare.IsSteady)
{
    return FlowShare.RunSteady(args, Console.Out); // measured in a process of its own, whose CPU time is its work
}

if (args.Length >= 2 && args[0] == "--flow-goals")
{
    foreach (var goal in FlowShare.SteadyGoals(quick: args[1] == "quick", Console.Out))
    {
        Console.WriteLine(string.Join("\t", FlowShare.GoalPrefix, goal.Goal, goal.Measured, goal.Met ?? false));
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "--flow-sdk")
{
    FlowShare.AgainstSdkAnalyzers(args.Length >= 2 ? int.Parse(args[1]) : 9, Console.Out);
    return 0;
}

if (args.Length >= 2 && args[0] == "--flow-compare")
{
    FlowShare.Compare(args[1], args.Length >= 3 ? int.Parse(args[2]) : 15, Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] == "--flow")
{
    var repetitions = args.Length >= 2 ? int.Parse(args[1]) : 15;
    var n = args.Length >= 3 ? int.Parse(args[2]) : 200;
    FlowShare.Run(20, 1); // warm-up
    FlowShare.Print(FlowShare.Run(n, repetitions), Console.Out);
    foreach (var statements in new[] { 400, 1600 })
    {
        Console.WriteLine($"one long method, {statements} statements: {FlowShare.LongMethod(statements, repetitions).AddedCpuMs:F0} ms CPU added");
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "--linearity")
{
    Warmup.Roslyn(500, rounds: 3);
    var repetitions = args.Length >= 2 ? int.Parse(args[1]) : 7;
    foreach (var shared in new[] { false, true })
    {
        foreach (var (n, ms, mb) in IncrementalChecks.Linearity([1000, 5000], repetitions, shared))
        {
            Console.WriteLine($"cold generator run, {(shared ? "N dependents of one principal" : "N pairs")}, N = {n}: {ms:F1} ms (driver timing, median), {mb:F1} MB allocated");
        }
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "--interleaved")
{
    Interleaved.Print(Interleaved.Run(rounds: args.Length >= 2 ? int.Parse(args[1]) : 200), Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] == "--contention")
{
    var seconds = args.Length >= 2 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    Contention.Print(Contention.RunAll(TimeSpan.FromSeconds(seconds), rounds: 3), Console.Out);
    return 0;
}

var quick = args.Contains("--quick");
var full = args.Contains("--full");
if (!quick && !full)
{
    BenchmarkSwitcher.FromAssembly(typeof(Configs).Assembly).Run(args, Configs.Runtime(quick: false));
    return 0;
}

var clock = Stopwatch.StartNew();
var report = new GoalReport(quick);
Console.WriteLine(Configs.Machine());

// Each stage prints what it measured as soon as it has it, and a failing stage does not lose the others.
void Stage(string name, Action run)
{
    try
    {
        run();
    }
    catch (Exception e)
    {
        Console.WriteLine($"// STAGE FAILED: {name}: {e}");
    }
}

// Run time first, while the heap holds no Roslyn compilation. The interleaved bursts first: they also bring every
// setter to tier-1 code before BenchmarkDotNet's cases start (in process, the JIT state is shared).
Stage("interleaved", () => { report.Interleaved = Interleaved.Run(rounds: quick ? 60 : 300); Interleaved.Print(report.Interleaved, Console.Out); });
Stage("link", () => report.Link = BenchmarkRunner.Run<LinkBenchmarks>(Configs.Runtime(quick)));
Stage("first link", () => report.FirstLink = BenchmarkRunner.Run<FirstLinkBenchmarks>(Configs.Runtime(quick)));
Stage("read", () => report.Read = BenchmarkRunner.Run<ReadBenchmarks>(Configs.Runtime(quick)));
Stage("contention", () => { report.Contention = Contention.RunAll(TimeSpan.FromMilliseconds(quick ? 300 : 2000), rounds: quick ? 2 : 3); Contention.Print(report.Contention, Console.Out); });

// Build time: the goals on fresh compilations at N = 1,000 and 5,000 (quick: 3 repetitions at 1,000 and 1 at 5,000).
Stage("warm-up", () => BuildGoals.Run(200, quick ? 1 : 2, Console.Out)); // every path, so that Roslyn's hot methods are JIT-compiled
Stage("build goals", () => report.Build = BuildGoals.Run([1000, 5000], n => quick ? (n <= 1000 ? 3 : 1) : (n <= 1000 ? 7 : 3), Console.Out, noLinksUpTo: quick ? 1000 : int.MaxValue));
if (!quick)
{
    // Not in quick mode: minutes of work, and the goals above already cover what they show.
    ColdBuildBenchmarks.Sizes = [100, 1000, 5000];
    PeerGeneratorBenchmarks.Sizes = [1000, 5000];
    IncrementalBenchmarks.Sizes = [1000];
    Stage("incremental checks", () => { report.Incremental = IncrementalChecks.Run(1000, repetitions: 20); IncrementalChecks.Print(report.Incremental, Console.Out); });
    Stage("cold build", () => report.Cold = BenchmarkRunner.Run<ColdBuildBenchmarks>(Configs.Build(quick)));
    Stage("peer", () => report.Peer = BenchmarkRunner.Run<PeerGeneratorBenchmarks>(Configs.Build(quick)));
    Stage("incremental", () => report.IncrementalTimes = BenchmarkRunner.Run<IncrementalBenchmarks>(Configs.Runtime(quick)));
}

// Further stages in files of their own (methods marked [GoalStage]).
report.RunStages(Console.Out);

report.Print(Console.Out);
Console.WriteLine($"\nTotal: {clock.Elapsed.TotalSeconds:F0} s");
return 0;

namespace OneToOne.Benchmarks
{
    public static class Configs
    {
        /// <summary>
        /// Run-time benchmarks, in process (see docs/performance.md). Quick: 3 warm-ups and 5 iterations of ~60 ms.
        /// Full: 6 warm-ups and 20 iterations of ~250 ms (BenchmarkDotNet's default job stretches to 100 iterations on
        /// a noisy machine, which this one is; the fixed counts keep the full run near 15 minutes).
        /// </summary>
        public static IConfig Runtime(bool quick)
        {
            var job = Job.Default.WithToolchain(InProcess);
            job = quick
                ? job.WithWarmupCount(3).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(60)).WithId("Quick")
                : job.WithWarmupCount(6).WithIterationCount(20).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Full");
            return Common(job);
        }

        /// <summary>
        /// Build-time benchmarks: each invocation is a whole cold build (0.05 to 10 s), so a monitoring job with one
        /// invocation per iteration. Quick: 1 warm-up, 3 iterations. Full: 1 warm-up, 5 iterations.
        /// </summary>
        public static IConfig Build(bool quick)
        {
            var job = Job.Default.WithToolchain(InProcess)
                .WithStrategy(RunStrategy.Monitoring)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(1)
                .WithIterationCount(quick ? 3 : 5)
                .WithId(quick ? "QuickBuild" : "FullBuild");
            return Common(job);
        }

        /// <summary>In process, with room for the N = 5,000 builds (the default in-process time-out is 5 minutes a case).</summary>
        private static readonly InProcessEmitToolchain InProcess = new(TimeSpan.FromMinutes(60), logOutput: true);

        private static IConfig Common(Job job) =>
            DefaultConfig.Instance
                .AddJob(job.AsDefault())
                .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile)
                .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));

        public static string Machine()
        {
            var cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
            return $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average at start: {load}";
        }
    }
}
