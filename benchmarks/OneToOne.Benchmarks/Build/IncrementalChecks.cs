using System.Diagnostics;
using Microsoft.CodeAnalysis;
using OneToOne.Generator;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// What the incremental benchmarks rely on, checked on the same synthetic program with step tracking on (the
/// generator's tests assert the same on a small program: tests/OneToOne.Generator.Tests/IncrementalTests.cs), and the
/// re-run time as the driver itself reports it (GeneratorDriver.GetTimingInfo, tracking off).
/// </summary>
public static class IncrementalChecks
{
    private static readonly string[] NamedSteps =
    [
        OneToOneGenerator.Steps.Links,
        OneToOneGenerator.Steps.Clashes,
        OneToOneGenerator.Steps.ValidLinks,
        OneToOneGenerator.Steps.JsonLinks,
        OneToOneGenerator.Steps.EfCoreLinks,
    ];

    public sealed record Report(
        int N,
        bool UnrelatedAllCachedOrUnchanged,
        int UnrelatedRegenerated,
        string UnrelatedReasons,
        int DependentChangedLinks,
        int DependentRegenerated,
        string DependentChangedFiles,
        int LinkFiles,
        double UnrelatedDriverMs,
        double DependentDriverMs,
        double ColdDriverMs,
        double FloorUnrelatedMs,
        double MvvmUnrelatedMs,
        double TypeLookupsMs);

    public static Report Run(int n, int repetitions)
    {
        var sources = Synthetic.LinkSources(n);
        var trees = Synthetic.Parse(sources, "Link");
        var compilation = Synthetic.Compilation(trees);
        var unrelatedNew = Synthetic.Parse(Synthetic.UnrelatedSource(3), trees[^1].FilePath);
        var middle = n / 2;
        var dependentNew = Synthetic.Parse(Synthetic.LinkSource(middle, reverse: "Renamed"), trees[middle].FilePath);

        // 1. Unrelated edit: every named step Cached or Unchanged, no source regenerated.
        var tracked = Synthetic.OneToOneDriver(trackSteps: true).RunGenerators(compilation);
        var afterUnrelated = tracked.RunGenerators(compilation.ReplaceSyntaxTree(trees[^1], unrelatedNew)).GetRunResult().Results.Single();
        var reasons = NamedSteps
            .SelectMany(step => afterUnrelated.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => (step, o.Reason)) : [(step, (IncrementalStepRunReason)(-1))])
            .ToList();
        var allCached = reasons.All(r => r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var summary = string.Join(", ", reasons.GroupBy(r => $"{r.step}:{r.Reason}").Select(g => $"{g.Key} x{g.Count()}"));
        var regenerated = CountRegenerated(afterUnrelated);

        // 2. Edit of one dependent: one link changes, one source is regenerated.
        var afterDependent = tracked.RunGenerators(compilation.ReplaceSyntaxTree(trees[middle], dependentNew)).GetRunResult().Results.Single();
        var changedLinks = afterDependent.TrackedSteps[OneToOneGenerator.Steps.ValidLinks]
            .SelectMany(r => r.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var dependentRegenerated = CountRegenerated(afterDependent);
        var before = afterUnrelated.GeneratedSources.ToDictionary(g => g.HintName, g => g.SourceText.ToString());
        var changedFiles = afterDependent.GeneratedSources
            .Where(g => !before.TryGetValue(g.HintName, out var old) || old != g.SourceText.ToString())
            .Select(g => $"{g.HintName} ({g.SourceText.Length / 1024.0:F0} KB)")
            .ToList();
        var linkFiles = afterDependent.GeneratedSources.Length;

        // 3. The driver's own timing, tracking off (as in the IDE and the compiler), median of the repetitions.
        var coldTimes = new List<double>();
        var unrelatedTimes = new List<double>();
        var dependentTimes = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var cold = Synthetic.OneToOneDriver().RunGenerators(Synthetic.Compilation(trees));
            coldTimes.Add(GeneratorMs(cold));
            var edited = compilation;
            var driver = cold;
            edited = edited.ReplaceSyntaxTree(trees[^1], unrelatedNew);
            driver = driver.RunGenerators(edited);
            unrelatedTimes.Add(GeneratorMs(driver));
            edited = edited.ReplaceSyntaxTree(trees[middle], dependentNew);
            driver = driver.RunGenerators(edited);
            dependentTimes.Add(GeneratorMs(driver));
        }

        // 4. For comparison, the same unrelated edit under (a) the floor of any FAWMN generator with a semantic
        //    transform, (b) CommunityToolkit.Mvvm's [ObservableProperty] generator on N view models; and (c) what the
        //    2 x N GetTypeByMetadataName look-ups that LinkParser.Parse makes per re-run (JsonIgnoreAttribute and
        //    EF Core's ModelBuilder, once per link) cost on a fresh compilation.
        var floorTimes = new List<double>();
        var mvvmTimes = new List<double>();
        var lookupTimes = new List<double>();
        var mvvmTrees = Synthetic.Parse(Synthetic.MvvmSources(n), "ViewModel");
        var mvvmCompilation = Synthetic.Compilation(mvvmTrees);
        var mvvmUnrelatedNew = Synthetic.Parse(Synthetic.UnrelatedSource(3), mvvmTrees[^1].FilePath);
        var floor = CSharpGeneratorDriverFor(new FloorGenerator());
        var mvvm = Synthetic.MvvmDriver();
        for (var i = 0; i < repetitions; i++)
        {
            var f = floor.RunGenerators(compilation).RunGenerators(compilation.ReplaceSyntaxTree(trees[^1], unrelatedNew));
            floorTimes.Add(GeneratorMs(f));
            var m = mvvm.RunGenerators(mvvmCompilation).RunGenerators(mvvmCompilation.ReplaceSyntaxTree(mvvmTrees[^1], mvvmUnrelatedNew));
            mvvmTimes.Add(GeneratorMs(m));
            var fresh = compilation.WithAssemblyName("Fresh" + i); // a new compilation: no symbol or look-up cached yet
            fresh.GetTypeByMetadataName("System.Object"); // the compilation's own set-up, not the look-ups
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < n; k++)
            {
                fresh.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
                fresh.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
            }

            lookupTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Report(n, allCached, regenerated, summary, changedLinks, dependentRegenerated, string.Join(", ", changedFiles), linkFiles,
            Median(unrelatedTimes), Median(dependentTimes), Median(coldTimes),
            Median(floorTimes), Median(mvvmTimes), Median(lookupTimes));
    }

    /// <summary>
    /// The generator's cold run at each size as the driver itself times it (GeneratorDriver.GetTimingInfo), the sizes
    /// interleaved, median of the repetitions; with the bytes the process allocated meanwhile (a work measure that the
    /// machine's load does not move).
    /// </summary>
    public static List<(int N, double Ms, double MB)> Linearity(int[] sizes, int repetitions, bool sharedPrincipal = false)
    {
        var trees = sizes.ToDictionary(n => n, n => Synthetic.Parse(sharedPrincipal ? Synthetic.SharedPrincipalSources(n) : Synthetic.LinkSources(n), "Link"));
        var ms = sizes.ToDictionary(n => n, _ => new List<double>());
        var mb = sizes.ToDictionary(n => n, _ => new List<double>());
        for (var i = 0; i < repetitions; i++)
        {
            foreach (var n in sizes)
            {
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var driver = Synthetic.OneToOneDriver().RunGenerators(Synthetic.Compilation(trees[n]));
                mb[n].Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6);
                ms[n].Add(GeneratorMs(driver));
            }
        }

        return sizes.Select(n => (n, Median(ms[n]), Median(mb[n]))).ToList();
    }

    private static GeneratorDriver CSharpGeneratorDriverFor(IIncrementalGenerator generator) =>
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: Synthetic.ParseOptions);

    private static int CountRegenerated(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    private static double GeneratorMs(GeneratorDriver driver) =>
        driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds;

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    public static void Print(Report r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Incremental generator at N = {r.N} links (step tracking on for the checks, off for the times)");
        output.WriteLine($"  unrelated edit: every named step Cached/Unchanged: {(r.UnrelatedAllCachedOrUnchanged ? "yes" : "NO")} ({r.UnrelatedReasons}); sources regenerated: {r.UnrelatedRegenerated}");
        output.WriteLine($"  edit of one dependent: links changed: {r.DependentChangedLinks}; source outputs re-run: {r.DependentRegenerated} of {r.LinkFiles} files; files whose text changed: {r.DependentChangedFiles}");
        output.WriteLine($"  generator time reported by the driver (median): cold {r.ColdDriverMs:F2} ms, re-run after the unrelated edit {r.UnrelatedDriverMs:F3} ms, after the dependent edit {r.DependentDriverMs:F3} ms");
        output.WriteLine($"  same unrelated edit, for comparison: floor of any ForAttributeWithMetadataName generator with a semantic transform {r.FloorUnrelatedMs:F3} ms; CommunityToolkit.Mvvm [ObservableProperty] on {r.N} classes {r.MvvmUnrelatedMs:F3} ms");
        output.WriteLine($"  2 x {r.N} GetTypeByMetadataName look-ups (JsonIgnoreAttribute, ModelBuilder: LinkParser.Parse does them once per link) on a fresh compilation: {r.TypeLookupsMs:F3} ms");
    }
}
