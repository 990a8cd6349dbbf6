using BenchmarkDotNet.Reports;
using OneToOne.Benchmarks.Build;
using OneToOne.Benchmarks.Runtime;

namespace OneToOne.Benchmarks;

/// <summary>The performance goals, computed from the summaries of one run, each against its goal.</summary>
public sealed class GoalReport(bool quick)
{
    public Summary? Link { get; set; }
    public Summary? FirstLink { get; set; }
    public Summary? Read { get; set; }
    public List<Contention.Result> Contention { get; set; } = [];
    public List<Interleaved.Result> Interleaved { get; set; } = [];
    public Summary? Cold { get; set; }
    public Summary? Peer { get; set; }
    public Summary? IncrementalTimes { get; set; }
    public IncrementalChecks.Report? Incremental { get; set; }
    public List<AnalyzerChecks.Report> Analyzers { get; set; } = [];

    private readonly List<(string Goal, string Measured, bool? Met)> _goals = [];

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("==================================================================================================");
        o.WriteLine($"OneToOne performance goals ({(quick ? "QUICK mode: few iterations, N = 200/1,000; indicative only" : "full run")})");
        o.WriteLine(Configs.Machine());
        o.WriteLine("==================================================================================================");

        PrintRuntime(o);
        if (Interleaved.Count > 0)
        {
            Runtime.Interleaved.Print(Interleaved, o);
            foreach (var kind in new[] { "link + unlink", "move" })
            {
                var gen = Interleaved.First(r => r.Implementation.StartsWith(kind + ": OneToOne (generated)", StringComparison.Ordinal)).NsPerOp;
                var a = Interleaved.First(r => r.Implementation.StartsWith(kind + ": (a)", StringComparison.Ordinal)).NsPerOp;
                _goals.Add(($"{kind}, interleaved: generated within 1.5x of (a)", $"{gen / a:F2}x ({gen:F1} ns vs {a:F1} ns)", gen / a <= 1.5));
            }
        }

        Runtime.Contention.Print(Contention, o);
        PrintBuild(o);
        if (Analyzers.Count > 0)
        {
            AnalyzerChecks.Print(Analyzers, o);
            foreach (var a in Analyzers)
            {
                _goals.Add(($"analyzers: DeclarationAnalyzer + LinkFlowAnalyzer add to a build (beyond a do-nothing analyzer), vs emitting, N = {a.N:N0}", $"{a.AddedMs / a.EmitMs:P1} ({a.AddedMs:F0} ms vs {a.EmitMs:F0} ms; DeclarationAnalyzer alone {a.DeclarationMs - a.NoOpMs:F0} ms, LinkFlowAnalyzer alone {a.FlowMs - a.NoOpMs:F0} ms)", null));
            }
        }

        o.WriteLine();
        o.WriteLine("Goals");
        foreach (var (goal, measured, met) in _goals)
        {
            o.WriteLine($"  [{(met is null ? "info" : met.Value ? " met" : "MISS")}] {goal}: {measured}");
        }
    }

    private void PrintRuntime(TextWriter o)
    {
        foreach (var (category, generated) in new[] { ("LinkUnlink", "GeneratedLinkUnlink"), ("Move", "GeneratedMove") })
        {
            var prefix = category == "LinkUnlink" ? "LinkUnlink" : "Move";
            var a = Mean(Link, "HandWritten" + prefix);
            var g = Mean(Link, generated);
            o.WriteLine();
            o.WriteLine($"Run time, single thread, {(category == "LinkUnlink" ? "link + unlink" : "move")} (per operation)");
            o.WriteLine($"| {"implementation",-46} | {"ns/op",8} | {"vs (a)",7} | {"vs generated",12} | {"B/op",5} |");
            o.WriteLine($"|{new string('-', 48)}|---------:|--------:|-------------:|------:|");
            foreach (var r in Rows(Link).Where(r => r.Method.EndsWith(prefix, StringComparison.Ordinal)))
            {
                o.WriteLine($"| {r.Description,-46} | {r.Mean,8:F2} | {r.Mean / a,7:F2} | {r.Mean / g,12:F2} | {r.Bytes,5} |");
            }

            _goals.Add(($"{category}: generated within 1.5x of (a) hand-written same checks + stripes", $"{g / a:F2}x ({g:F1} ns vs {a:F1} ns)", g / a <= 1.5));
            _goals.Add(($"{category}: generated allocates 0 B/op", $"{Bytes(Link, generated)} B", Bytes(Link, generated) == 0));
            var efHere = category == "LinkUnlink"
                ? Math.Min(Mean(Link, "EfDetectChangesLinkUnlink"), Mean(Link, "EfEntryLinkUnlink"))
                : Mean(Link, "EfDetectChangesMove");
            _goals.Add(($"{category}: at least 100x faster than (c) EF Core fix-up (fastest EF row: 3 entities tracked)", $"{efHere / g:F0}x ({efHere:F0} ns vs {g:F1} ns); (a) itself is {efHere / a:F0}x", efHere / g >= 100));
            if (category == "LinkUnlink" && Mean(Link, "EfDetectChangesTracked1000LinkUnlink") is var big && !double.IsNaN(big))
            {
                _goals.Add(($"{category}: vs (c) EF Core DetectChanges with 1,000 more pairs tracked", $"{big / g:F0}x ({big:F0} ns)", null));
            }
            _goals.Add(($"{category}: vs (b) plain field stores", $"{g / Mean(Link, "Plain" + prefix):F1}x slower", null));
            _goals.Add(($"{category}: vs (d) Dictionary registry + lock", $"{Mean(Link, "Registry" + prefix) / g:F1}x faster", null));
            var x = Mean(Link, "External" + prefix);
            _goals.Add(($"{category}: external principal (weak storage) vs (a)", $"{x / a:F2}x, {Bytes(Link, "External" + prefix)} B/op", null));
        }

        var member = Rows(FirstLink).FirstOrDefault(r => r.Method == "MemberPrincipal");
        var external = Rows(FirstLink).FirstOrDefault(r => r.Method == "ExternalPrincipal");
        if (member is not null && external is not null)
        {
            o.WriteLine();
            o.WriteLine("First link of a new principal (allocates the principal; the weak storage also its slot)");
            o.WriteLine($"| {"case",-46} | {"ns/op",8} | {"B/op",5} |");
            o.WriteLine($"|{new string('-', 48)}|---------:|------:|");
            o.WriteLine($"| {member.Description,-46} | {member.Mean,8:F1} | {member.Bytes,5} |");
            o.WriteLine($"| {external.Description,-46} | {external.Mean,8:F1} | {external.Bytes,5} |");
            _goals.Add(("external principal: allocation of its first link (weak slot + table entry)", $"{external.Bytes - member.Bytes} B per new principal, then 0 B", null));
        }

        var auto = Mean(Read, "AutoProperty");
        o.WriteLine();
        o.WriteLine("Reads (per read, loop over 1,024 objects)");
        o.WriteLine($"| {"getter",-46} | {"ns/read",8} | {"vs auto",7} | {"B/op",5} |");
        o.WriteLine($"|{new string('-', 48)}|---------:|--------:|------:|");
        foreach (var r in Rows(Read))
        {
            o.WriteLine($"| {r.Description,-46} | {r.Mean,8:F3} | {r.Mean / auto,7:F2} | {r.Bytes,5} |");
        }

        foreach (var m in new[] { "Forward", "Reverse" })
        {
            var ratio = Mean(Read, m) / auto;
            _goals.Add(($"read {m.ToLowerInvariant()} getter 1.0x an auto-property (met within noise: <= 1.10)", $"{ratio:F2}x", ratio <= 1.10));
        }

        _goals.Add(("read reverse getter of an external principal (weak table lookup) vs auto-property", $"{Mean(Read, "ExternalReverse") / auto:F1}x", null));

        foreach (var scenario in Contention.Select(c => c.Scenario).Distinct())
        {
            var generated = Contention.Where(c => c.Scenario == scenario && c.Implementation.StartsWith("OneToOne (", StringComparison.Ordinal)).ToList();
            var one = generated.FirstOrDefault(c => c.Threads == 1);
            var two = generated.FirstOrDefault(c => c.Threads == 2);
            if (one is not null && two is not null)
            {
                _goals.Add(($"contended, {scenario}: generated, 2 threads vs 1 thread", $"{two.OpsPerSecond / 1e6:F1} vs {one.OpsPerSecond / 1e6:F1} Mops/s ({two.OpsPerSecond / one.OpsPerSecond:F2}x), {two.BytesPerOp:F1} B/op, invariants {(generated.All(c => c.Violations == 0) ? "held" : "BROKEN")}", generated.All(c => c.Violations == 0)));
            }
        }

        _goals.Add(("contended: invariants held after every round of every scenario", Contention.All(c => c.Violations == 0) ? "yes" : "NO", Contention.All(c => c.Violations == 0)));
    }

    private void PrintBuild(TextWriter o)
    {
        var sizes = Rows(Cold).Select(r => r.N).Distinct().OrderBy(n => n).ToList();
        o.WriteLine();
        o.WriteLine("Build time: cold compile of N links (parse + compile + emit in memory, Roslyn 4.14)");
        o.WriteLine($"| {"N",6} | {"hand-written ms",15} | {"with generator ms",17} | {"overhead",8} | {"generator alone ms",18} | {"MB alloc (gen alone)",20} |");
        o.WriteLine("|-------:|----------------:|------------------:|---------:|-------------------:|---------------------:|");
        foreach (var n in sizes)
        {
            var hw = Mean(Cold, "HandWritten", n) / 1e6;
            var wg = Mean(Cold, "WithGenerator", n) / 1e6;
            var go = Mean(Cold, "GeneratorOnly", n) / 1e6;
            o.WriteLine($"| {n,6} | {hw,15:F1} | {wg,17:F1} | {(wg - hw) / hw,8:P1} | {go,18:F1} | {Bytes(Cold, "GeneratorOnly", n) / 1e6,20:F1} |");
        }

        if (sizes.Contains(1000))
        {
            var hw = Mean(Cold, "HandWritten", 1000);
            var wg = Mean(Cold, "WithGenerator", 1000);
            _goals.Add(("build: the generator adds under 5% to compiling at N = 1,000", $"{(wg - hw) / hw:P1} ({wg / 1e6:F0} ms vs {hw / 1e6:F0} ms)", (wg - hw) / hw < 0.05));
            var max = sizes.Max();
            if (max != 1000)
            {
                var factor = (double)max / 1000;
                var alone = Mean(Cold, "GeneratorOnly", max) / Mean(Cold, "GeneratorOnly", 1000);
                var whole = Mean(Cold, "WithGenerator", max) / wg;
                _goals.Add(($"build: linear, N = {max:N0} costs under {factor * 1.1:F1}x N = 1,000 (generator alone)", $"{alone:F2}x (whole build with generator: {whole:F2}x)", alone < factor * 1.1));
            }
            else
            {
                var min = sizes.Min();
                var factor = 1000.0 / min;
                var alone = Mean(Cold, "GeneratorOnly", 1000) / Mean(Cold, "GeneratorOnly", min);
                _goals.Add(($"build: linear, N = 1,000 costs under {factor * 1.1:F1}x N = {min} (generator alone; quick mode)", $"{alone:F2}x", alone < factor * 1.1));
            }
        }

        o.WriteLine();
        o.WriteLine("Build time: peer generator, generator run alone on N annotated classes");
        o.WriteLine($"| {"N",6} | {"Mvvm [ObservableProperty] ms",28} | {"OneToOne ms",11} | {"ratio",5} | {"Mvvm MB",7} | {"OneToOne MB",11} |");
        o.WriteLine("|-------:|-----------------------------:|------------:|------:|--------:|------------:|");
        foreach (var n in Rows(Peer).Select(r => r.N).Distinct().OrderBy(n => n))
        {
            var mvvm = Mean(Peer, "MvvmGenerator", n);
            var oto = Mean(Peer, "OneToOneGenerator", n);
            o.WriteLine($"| {n,6} | {mvvm / 1e6,28:F1} | {oto / 1e6,11:F1} | {oto / mvvm,5:F2} | {Bytes(Peer, "MvvmGenerator", n) / 1e6,7:F1} | {Bytes(Peer, "OneToOneGenerator", n) / 1e6,11:F1} |");
            _goals.Add(($"build: not slower than CommunityToolkit.Mvvm per annotated class, N = {n:N0}", $"{oto / mvvm:F2}x", oto / mvvm <= 1.0));
        }

        if (Incremental is { } inc)
        {
            IncrementalChecks.Print(inc, o);
            var unrelated = Mean(IncrementalTimes, "UnrelatedEdit") / 1e6;
            var dependent = Mean(IncrementalTimes, "DependentEdit") / 1e6;
            o.WriteLine($"  BenchmarkDotNet (new compilation with one file replaced + driver re-run): unrelated edit {unrelated:F2} ms, dependent edit {dependent:F2} ms; allocated {Bytes(IncrementalTimes, "UnrelatedEdit") / 1e6:F1} / {Bytes(IncrementalTimes, "DependentEdit") / 1e6:F1} MB");
            _goals.Add(("incremental: unrelated edit, every named step Cached/Unchanged and no source regenerated", $"{(inc.UnrelatedAllCachedOrUnchanged ? "yes" : "no")}, {inc.UnrelatedRegenerated} regenerated", inc.UnrelatedAllCachedOrUnchanged && inc.UnrelatedRegenerated == 0));
            _goals.Add(("incremental: edit of one dependent regenerates only that link", $"{inc.DependentChangedLinks} link model changed; files whose text changed: {inc.DependentChangedFiles}; source outputs re-run: {inc.DependentRegenerated} (the link's, and the compilation-wide JSON modifier's, which collects every link)", inc.DependentChangedLinks == 1 && !inc.DependentChangedFiles.Contains(',')));
            _goals.Add(("incremental: re-run after an unrelated edit at N = 1,000 under 1 ms", $"{inc.UnrelatedDriverMs:F2} ms (driver timing); {unrelated:F2} ms edit + re-run (BenchmarkDotNet)", inc.UnrelatedDriverMs < 1));
        }
    }

    private sealed record Row(string Method, string Description, int N, double Mean, long Bytes);

    private static IEnumerable<Row> Rows(Summary? summary) =>
        summary is null
            ? []
            : summary.Reports
                .Where(r => r.ResultStatistics is not null)
                .Select(r => new Row(
                    r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                    r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                    r.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value is int n ? n : 0,
                    r.ResultStatistics!.Mean,
                    r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1));

    private static double Mean(Summary? summary, string method, int n = 0) =>
        Rows(summary).FirstOrDefault(r => r.Method == method && (n == 0 || r.N == n))?.Mean ?? double.NaN;

    private static long Bytes(Summary? summary, string method, int n = 0) =>
        Rows(summary).FirstOrDefault(r => r.Method == method && (n == 0 || r.N == n))?.Bytes ?? -1;
}
