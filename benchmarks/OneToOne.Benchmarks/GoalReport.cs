using System.Reflection;
using BenchmarkDotNet.Reports;
using OneToOne.Benchmarks.Build;
using OneToOne.Benchmarks.Runtime;

namespace OneToOne.Benchmarks;

/// <summary>One goal line of the report: what is asked, what was measured, and whether it is met (null: for information).</summary>
public sealed record GoalLine(string Goal, string Measured, bool? Met);

/// <summary>
/// Marks a further stage of the quick and full runs: a public static method <c>IEnumerable&lt;GoalLine&gt; M(bool quick,
/// TextWriter output)</c> anywhere in this program. It is called after the build-time goals; it prints its own tables
/// to <c>output</c> and returns its goal lines, which the report lists with the others. A benchmark added in a file of
/// its own joins the report this way without any change here.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoalStageAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The goals, computed from the measurements of one run, each against its target. The run-time rows are read from
/// whatever the run-time benchmarks report: per benchmark category, the generated setter is the row whose method name
/// starts with <c>Generated</c> (or whose description is <c>OneToOne (generated)</c>), compared with the hand-written
/// one-lock setter (a row whose method or description names one lock) or else the category's baseline row.
/// </summary>
public sealed class GoalReport(bool quick)
{
    public Summary? Link { get; set; }
    public Summary? FirstLink { get; set; }
    public Summary? Read { get; set; }
    public List<Contention.Result> Contention { get; set; } = [];
    public List<Interleaved.Result> Interleaved { get; set; } = [];
    public List<BuildGoals.Size> Build { get; set; } = [];
    public Summary? Cold { get; set; }
    public Summary? Peer { get; set; }
    public Summary? IncrementalTimes { get; set; }
    public IncrementalChecks.Report? Incremental { get; set; }
    public List<GoalLine> Staged { get; } = [];

    /// <summary>
    /// Linear: the cost per link at the largest N is within this factor of the cost per link at N = 1,000, both divided
    /// by the same ratio for the compile of the program (whose cost per link does not depend on N): that control, measured
    /// in the same run, takes out the drift of a shared machine's load between the sizes.
    /// </summary>
    public const double LinearFactor = 1.5;

    /// <summary>Nothing measurable: under this share of the compile.</summary>
    public const double Unmeasurable = 0.01;

    private readonly List<GoalLine> _goals = [];

    /// <summary>Runs every <see cref="GoalStageAttribute"/> method of this program, each guarded like the other stages.</summary>
    public void RunStages(TextWriter output)
    {
        var stages = typeof(GoalReport).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(m => (Method: m, Stage: m.GetCustomAttribute<GoalStageAttribute>()))
            .Where(s => s.Stage is not null)
            .OrderBy(s => s.Stage!.Name, StringComparer.Ordinal);
        foreach (var (method, stage) in stages)
        {
            try
            {
                if (method.Invoke(null, [quick, output]) is IEnumerable<GoalLine> lines)
                {
                    Staged.AddRange(lines);
                }
            }
            catch (Exception e)
            {
                output.WriteLine($"// STAGE FAILED: {stage!.Name}: {(e as TargetInvocationException)?.InnerException ?? e}");
                Staged.Add(new GoalLine(stage.Name, "the stage failed (see above)", false));
            }
        }
    }

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("==================================================================================================");
        o.WriteLine($"OneToOne performance ({(quick ? "QUICK mode: few iterations and repetitions; ratios from one run" : "full run")})");
        o.WriteLine(Configs.Machine());
        o.WriteLine("==================================================================================================");

        PrintRuntime(o);
        PrintBuild(o);
        _goals.AddRange(Staged);

        o.WriteLine();
        o.WriteLine("Goals");
        foreach (var (goal, measured, met) in _goals)
        {
            o.WriteLine($"  [{(met is null ? "info" : met.Value ? " met" : "MISS")}] {goal}: {measured}");
        }

        var judged = _goals.Where(g => g.Met is not null).ToList();
        o.WriteLine($"  {judged.Count(g => g.Met == true)} of {judged.Count} goals met");
    }

    private void PrintBuild(TextWriter o)
    {
        if (Build.Count > 0)
        {
            BuildGoals.Print(Build, o);
            PrintBuildGoals();
        }

        PrintColdAndPeer(o);
        if (Incremental is { } inc)
        {
            IncrementalChecks.Print(inc, o);
            _goals.Add(new("incremental: unrelated edit, every named step Cached/Unchanged", $"{(inc.UnrelatedAllCachedOrUnchanged ? "yes" : "no")} ({inc.UnrelatedReasons})", inc.UnrelatedAllCachedOrUnchanged));
            _goals.Add(new("incremental: edit of one dependent", $"{inc.DependentChangedLinks} link model changed; files whose text changed: {inc.DependentChangedFiles}; source outputs re-run: {inc.DependentRegenerated}", null));
        }
    }

    private void PrintBuildGoals()
    {
        var at1000 = Build.FirstOrDefault(s => s.N == 1000) ?? Build.OrderBy(s => s.N).First();
        var largest = Build.OrderBy(s => s.N).Last();
        var n = $"N = {at1000.N:N0}";

        // 1. Generator.
        var rerun = at1000.GeneratorRerun.Cpu / at1000.FloorRerun.Cpu;
        _goals.Add(new(
            $"generator: re-run after an unrelated edit within 3x of the floor generator, {n}",
            $"{rerun:F2}x ({at1000.GeneratorRerun.Cpu:F0} ms vs floor {at1000.FloorRerun.Cpu:F0} ms; wall {at1000.GeneratorRerun.Wall:F0} vs {at1000.FloorRerun.Wall:F0} ms)",
            rerun <= 3));
        var first = at1000.GeneratorFirst.Cpu / at1000.Compile.Cpu;
        _goals.Add(new(
            $"generator: first run under 5% of the compile, {n}",
            $"{first:P1} ({at1000.GeneratorFirst.Cpu:F0} ms vs compile {at1000.Compile.Cpu:F0} ms; wall {at1000.GeneratorFirst.Wall / at1000.Compile.Wall:P1}); first run {at1000.GeneratorFirst.Cpu / at1000.FloorFirst.Cpu:F1}x the floor's ({at1000.FloorFirst.Cpu:F0} ms)",
            first < 0.05));
        if (largest.N > at1000.N)
        {
            var control = PerLink(largest, at1000, s => s.Compile.Cpu);
            var firstLinear = PerLink(largest, at1000, s => s.GeneratorFirst.Cpu) / control;
            var rerunLinear = PerLink(largest, at1000, s => s.GeneratorRerun.Cpu) / control;
            _goals.Add(new(
                $"generator: linear to N = {largest.N:N0} (cost per link at {largest.N:N0} within {LinearFactor}x of at {at1000.N:N0}, relative to the compile's, first run and re-run)",
                $"first run {firstLinear:F2}x ({at1000.GeneratorFirst.Cpu:F0} -> {largest.GeneratorFirst.Cpu:F0} ms), re-run {rerunLinear:F2}x ({at1000.GeneratorRerun.Cpu:F0} -> {largest.GeneratorRerun.Cpu:F0} ms); " +
                $"at N = {largest.N:N0}: re-run {largest.GeneratorRerun.Cpu / largest.FloorRerun.Cpu:F2}x the floor, first run {largest.GeneratorFirst.Cpu / largest.Compile.Cpu:P1} of the compile; control: the compile's own cost per link {control:F2}x (raw, uncorrected: first run {firstLinear * control:F2}x, re-run {rerunLinear * control:F2}x)",
                firstLinear <= LinearFactor && rerunLinear <= LinearFactor));
        }
        else
        {
            _goals.Add(new("generator: linear to N = 5,000", $"not measured (sizes: {string.Join(", ", Build.Select(s => s.N))})", false));
        }

        _goals.Add(new(
            "generator: 0 sources regenerated after an unrelated edit",
            string.Join("; ", Build.Select(s => $"N = {s.N:N0}: {s.RegeneratedAfterUnrelatedEdit} of {s.GeneratedFiles}")),
            Build.All(s => s.RegeneratedAfterUnrelatedEdit == 0)));

        // 2. Analyzers.
        var analyzers = at1000.Analyzers.Cpu / at1000.Compile.Cpu;
        _goals.Add(new(
            $"analyzers ({string.Join(" + ", BuildGoals.AnalyzerTypes.Select(t => t.Name))}): together under 3% of the compile, {n}",
            $"{analyzers:P1} ({at1000.Analyzers.Cpu:F0} ms vs compile {at1000.Compile.Cpu:F0} ms; their callbacks alone {at1000.AnalyzerCallbacksMs:F0} ms = {at1000.AnalyzerCallbacksMs / at1000.Compile.Cpu:P1}; wall {at1000.Analyzers.Wall / at1000.Compile.Wall:P1})",
            analyzers < 0.03));
        if (largest.N > at1000.N)
        {
            // The added time of a few per cent is the difference of two measurements of seconds: judged on the larger of it
            // and the callbacks' own time, so that noise in the difference cannot hide the analyzers' cost.
            var control = PerLink(largest, at1000, s => s.Compile.Cpu);
            var linear = PerLink(largest, at1000, s => Math.Max(s.Analyzers.Cpu, s.AnalyzerCallbacksMs)) / control;
            _goals.Add(new(
                $"analyzers: linear to N = {largest.N:N0} (cost per link within {LinearFactor}x, relative to the compile's)",
                $"{linear:F2}x ({at1000.Analyzers.Cpu:F0} -> {largest.Analyzers.Cpu:F0} ms added; callbacks {at1000.AnalyzerCallbacksMs:F0} -> {largest.AnalyzerCallbacksMs:F0} ms); at N = {largest.N:N0}: {largest.Analyzers.Cpu / largest.Compile.Cpu:P1} of the compile; raw, uncorrected by the compile's {control:F2}x: {linear * control:F2}x",
                linear <= LinearFactor));
        }
        else
        {
            _goals.Add(new("analyzers: linear to N = 5,000", $"not measured (sizes: {string.Join(", ", Build.Select(s => s.N))})", false));
        }

        var noLinks = Build.Where(s => s.NoLinksCompile.Measured).ToList();
        var worst = noLinks.Count == 0 ? double.NaN : noLinks.Max(s => Math.Max(s.NoLinksAnalyzers.Cpu, s.NoLinksAnalyzerCallbacksMs) / s.NoLinksCompile.Cpu);
        _goals.Add(new(
            $"analyzers: nothing measurable on a compilation without [OneToOne] (under {Unmeasurable:P0} of its compile, added time and callbacks alike)",
            noLinks.Count == 0 ? "not measured" : string.Join("; ", noLinks.Select(s => $"N = {s.N:N0}: added {s.NoLinksAnalyzers.Cpu:F0} ms = {s.NoLinksAnalyzers.Cpu / s.NoLinksCompile.Cpu:P1} of compile {s.NoLinksCompile.Cpu:F0} ms, callbacks {s.NoLinksAnalyzerCallbacksMs:F1} ms")),
            worst < Unmeasurable));

        static double PerLink(BuildGoals.Size large, BuildGoals.Size small, Func<BuildGoals.Size, double> cost) =>
            cost(large) / large.N / (cost(small) / small.N);
    }

    private void PrintColdAndPeer(TextWriter o)
    {
        var sizes = Rows(Cold).Select(r => r.N).Distinct().OrderBy(n => n).ToList();
        if (sizes.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Build time (BenchmarkDotNet): a build of N links from parsed text, each invocation on new compilations (parse + compile + emit in memory)");
            o.WriteLine($"| {"N",6} | {"hand-written ms",15} | {"with generator ms",17} | {"overhead",8} | {"generator alone ms",18} | {"MB alloc (gen alone)",20} |");
            o.WriteLine("|-------:|----------------:|------------------:|---------:|-------------------:|---------------------:|");
            foreach (var n in sizes)
            {
                var hw = Mean(Cold, "HandWritten", n) / 1e6;
                var wg = Mean(Cold, "WithGenerator", n) / 1e6;
                var go = Mean(Cold, "GeneratorOnly", n) / 1e6;
                o.WriteLine($"| {n,6} | {hw,15:F1} | {wg,17:F1} | {(wg - hw) / hw,8:P1} | {go,18:F1} | {Bytes(Cold, "GeneratorOnly", n) / 1e6,20:F1} |");
                _goals.Add(new($"BenchmarkDotNet: with the generator vs the hand-written equivalent, N = {n:N0}", $"{(wg - hw) / hw:P1} ({wg:F0} ms vs {hw:F0} ms)", null));
            }
        }

        var peer = Rows(Peer).Select(r => r.N).Distinct().OrderBy(n => n).ToList();
        if (peer.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Build time: peer generator, first run alone on N annotated classes (new driver, new compilation)");
            o.WriteLine($"| {"N",6} | {"Mvvm [ObservableProperty] ms",28} | {"OneToOne ms",11} | {"ratio",5} |");
            o.WriteLine("|-------:|-----------------------------:|------------:|------:|");
            foreach (var n in peer)
            {
                var mvvm = Mean(Peer, "MvvmGenerator", n);
                var oto = Mean(Peer, "OneToOneGenerator", n);
                o.WriteLine($"| {n,6} | {mvvm / 1e6,28:F1} | {oto / 1e6,11:F1} | {oto / mvvm,5:F2} |");
                _goals.Add(new($"peer: OneToOne vs CommunityToolkit.Mvvm per annotated class, N = {n:N0}", $"{oto / mvvm:F2}x", null));
            }
        }

        if (Rows(IncrementalTimes).Any())
        {
            _goals.Add(new(
                "BenchmarkDotNet: re-run after an edit at N = 1,000 (new compilation with one file replaced + driver re-run)",
                $"unrelated edit {Mean(IncrementalTimes, "UnrelatedEdit") / 1e6:F1} ms, dependent edit {Mean(IncrementalTimes, "DependentEdit") / 1e6:F1} ms",
                null));
        }
    }

    private void PrintRuntime(TextWriter o)
    {
        foreach (var category in Rows(Link).Select(r => r.Category).Distinct())
        {
            var rows = Rows(Link).Where(r => r.Category == category).ToList();
            var generated = rows.FirstOrDefault(IsGenerated);
            var reference = rows.FirstOrDefault(IsOneLock) ?? rows.FirstOrDefault(r => r.Baseline);
            o.WriteLine();
            o.WriteLine($"Run time, single thread, {(category.Length == 0 ? "link" : category)} (per operation)");
            o.WriteLine($"| {"implementation",-50} | {"ns/op",8} | {"vs ref.",7} | {"vs generated",12} | {"B/op",5} |");
            o.WriteLine($"|{new string('-', 52)}|---------:|--------:|-------------:|------:|");
            foreach (var r in rows)
            {
                o.WriteLine($"| {r.Description + (r == reference ? " (ref.)" : ""),-50} | {r.Mean,8:F2} | {r.Mean / (reference?.Mean ?? double.NaN),7:F2} | {r.Mean / (generated?.Mean ?? double.NaN),12:F2} | {r.Bytes,5} |");
            }

            if (generated is null)
            {
                continue;
            }

            if (reference is not null && reference != generated)
            {
                var ratio = generated.Mean / reference.Mean;
                _goals.Add(new($"link protocol, {category}: generated within 1.5x of \"{reference.Description}\", single thread", $"{ratio:F2}x ({generated.Mean:F1} ns vs {reference.Mean:F1} ns)", ratio <= 1.5));
            }

            _goals.Add(new($"link protocol, {category}: generated allocates 0 B/op", $"{generated.Bytes} B", generated.Bytes == 0));
            foreach (var other in rows.Where(r => r != generated && r != reference))
            {
                _goals.Add(new($"link protocol, {category}: generated vs \"{other.Description}\"", $"{generated.Mean / other.Mean:F2}x ({generated.Mean:F1} ns vs {other.Mean:F1} ns), {other.Bytes} B/op there", null));
            }
        }

        var member = Rows(FirstLink).FirstOrDefault(r => r.Method == "MemberPrincipal");
        var external = Rows(FirstLink).FirstOrDefault(r => r.Method == "ExternalPrincipal");
        if (member is not null && external is not null)
        {
            _goals.Add(new("external principal: allocation of its first link (weak slot + table entry)", $"{external.Bytes - member.Bytes} B per new principal, then 0 B", null));
        }

        var reads = Rows(Read).ToList();
        if (reads.Count > 0)
        {
            var auto = reads.FirstOrDefault(r => r.Baseline) ?? reads[0];
            o.WriteLine();
            o.WriteLine("Reads (per read)");
            o.WriteLine($"| {"getter",-50} | {"ns/read",8} | {"vs " + auto.Method,12} | {"B/op",5} |");
            o.WriteLine($"|{new string('-', 52)}|---------:|-------------:|------:|");
            foreach (var r in reads)
            {
                o.WriteLine($"| {r.Description,-50} | {r.Mean,8:F3} | {r.Mean / auto.Mean,12:F2} | {r.Bytes,5} |");
            }

            foreach (var r in reads.Where(r => r.Method is "Forward" or "Reverse"))
            {
                var ratio = r.Mean / auto.Mean;
                _goals.Add(new($"reads stay plain field reads: {r.Description} vs {auto.Description} (within noise: <= 1.10x)", $"{ratio:F2}x", ratio <= 1.10));
            }
        }

        if (Interleaved.Count > 0)
        {
            Runtime.Interleaved.Print(Interleaved, o);
            foreach (var kind in Interleaved.Select(r => r.Implementation.Split(": ", 2)[0]).Distinct())
            {
                var rows = Interleaved.Where(r => r.Implementation.StartsWith(kind + ": ", StringComparison.Ordinal)).ToList();
                var gen = rows.FirstOrDefault(r => r.Implementation.Contains("OneToOne (generated)", StringComparison.Ordinal));
                var reference = rows.FirstOrDefault(r => IsOneLockName(r.Implementation)) ?? rows.FirstOrDefault(r => r.Implementation.Contains("(a)", StringComparison.Ordinal));
                if (gen is not null && reference is not null)
                {
                    _goals.Add(new($"link protocol, {kind}, interleaved bursts: generated vs \"{reference.Implementation.Split(": ", 2)[1]}\"", $"{gen.NsPerOp / reference.NsPerOp:F2}x ({gen.NsPerOp:F1} ns vs {reference.NsPerOp:F1} ns)", null));
                }
            }
        }

        if (Contention.Count > 0)
        {
            Runtime.Contention.Print(Contention, o);
            foreach (var scenario in Contention.Select(c => c.Scenario).Distinct())
            {
                var rows = Contention.Where(c => c.Scenario == scenario).ToList();
                var gen = rows.FirstOrDefault(c => c.Threads == 2 && c.Implementation.StartsWith("OneToOne (", StringComparison.Ordinal));
                var reference = rows.FirstOrDefault(c => c.Threads == 2 && IsOneLockName(c.Implementation))
                    ?? rows.FirstOrDefault(c => c.Threads == 2 && c.Implementation.StartsWith("(a)", StringComparison.Ordinal));
                if (gen is null)
                {
                    continue;
                }

                var judged = scenario.Contains("disjoint", StringComparison.OrdinalIgnoreCase) && reference is not null;
                _goals.Add(new(
                    $"contended, {scenario}, 2 threads: generated {(judged ? "not below" : "vs")} \"{reference?.Implementation ?? "(no reference)"}\"",
                    reference is null
                        ? $"{gen.OpsPerSecond / 1e6:F1} Mops/s, {gen.BytesPerOp:F1} B/op"
                        : $"{gen.OpsPerSecond / 1e6:F1} vs {reference.OpsPerSecond / 1e6:F1} Mops/s ({gen.OpsPerSecond / reference.OpsPerSecond:F2}x), {gen.BytesPerOp:F1} B/op",
                    judged ? gen.OpsPerSecond >= reference!.OpsPerSecond : null));
            }

            var held = Contention.All(c => c.Violations == 0);
            _goals.Add(new("contended: invariants held after every round of every scenario", held ? "yes" : "NO", held));
        }
    }

    private static bool IsGenerated(Row r) =>
        r.Method.StartsWith("Generated", StringComparison.Ordinal) || r.Description == "OneToOne (generated)";

    private static bool IsOneLock(Row r) => IsOneLockName(r.Method) || IsOneLockName(r.Description);

    private static bool IsOneLockName(string name) =>
        name.Contains("OneLock", StringComparison.OrdinalIgnoreCase) || name.Contains("one lock", StringComparison.OrdinalIgnoreCase) || name.Contains("one-lock", StringComparison.OrdinalIgnoreCase);

    private sealed record Row(string Method, string Description, string Category, bool Baseline, int N, double Mean, long Bytes);

    private static IEnumerable<Row> Rows(Summary? summary) =>
        summary is null
            ? []
            : summary.Reports
                .Where(r => r.ResultStatistics is not null)
                .Select(r => new Row(
                    r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                    r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                    string.Join(", ", r.BenchmarkCase.Descriptor.Categories),
                    r.BenchmarkCase.Descriptor.Baseline,
                    r.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value is int n ? n : 0,
                    r.ResultStatistics!.Mean,
                    r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1));

    private static double Mean(Summary? summary, string method, int n = 0) =>
        Rows(summary).FirstOrDefault(r => r.Method == method && (n == 0 || r.N == n))?.Mean ?? double.NaN;

    private static long Bytes(Summary? summary, string method, int n = 0) =>
        Rows(summary).FirstOrDefault(r => r.Method == method && (n == 0 || r.N == n))?.Bytes ?? -1;
}
