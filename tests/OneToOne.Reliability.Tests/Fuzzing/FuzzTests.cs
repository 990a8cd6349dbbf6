using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.Fuzzing;

/// <summary>
/// Fuzzed inputs for the generator and the analyzers: mutated compilations (see <see cref="Mutator"/>) built from the
/// seeds, with a fixed seed. For each: no exception escapes, no CS8784/CS8785/AD0001, the run finishes within its
/// bound, and when the mutated declarations are still valid (no compiler error in user code, no OTO0xx error) the
/// generated code has no error and no warning.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutated compilations per run: 10,000 by default, ONETOONE_FUZZ_ITERATIONS for a longer run.</summary>
    public static int Iterations { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ONETOONE_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 10_000;

    /// <summary>The fixed seed: the same mutants on every machine; ONETOONE_FUZZ_SEED to explore others.</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ONETOONE_FUZZ_SEED"), out var s) ? s : 20_251_123;

    /// <summary>The bound of one compilation (generator and every analyzer): generous, the machine may be loaded.</summary>
    public static readonly TimeSpan PerCompilation = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Basic")]
    [InlineData("Shapes")]
    [InlineData("Global")]
    [InlineData("Extensions")]
    [InlineData("Declarations")]
    public void EachSeedIsAValidProgram(string name)
    {
        var seed = Seeds.All.Single(s => s.Name == name);
        var result = TestCompiler.Run(TestCompiler.Options(seed.Version), [seed.Source], PerCompilation);
        Assert.Null(result.Crash);
        Assert.Empty(result.UserErrors);
        Assert.Empty(result.OneToOneErrors);
        Assert.Empty(result.GeneratedProblems);
        Assert.NotEmpty(result.Generated);
    }

    [Fact]
    public void MutatedCompilationsNeverCrashHangOrGenerateBrokenCode()
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var suspicious = new ConcurrentBag<(int Iteration, string Detail, string Mutations, string Source)>();
        var failures = new ConcurrentBag<(int Iteration, string Kind, string Detail, string Mutations, string Source)>();
        var valid = 0;
        var withOneToOneErrors = 0;
        var generatedSomething = 0;
        var ticks = new long[Iterations];
        var generatedIdsWhenInvalid = new ConcurrentDictionary<string, int>();
        var knownCrashes = new ConcurrentDictionary<string, int>();

        Parallel.For(0, Iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (name, source, version) = Seeds.All[i % Seeds.All.Count];
            var options = TestCompiler.Options(version);
            // The same mutants on every run and machine (not HashCode.Combine: it is seeded per process).
            var mutator = new Mutator(new Random(unchecked((Seed * 1_000_003) + i)));
            var (text, mutations) = name == "Declarations" ? mutator.MutateDeclarations(source, options) : mutator.Mutate(source, options);
            var result = TestCompiler.Run(options, [text], PerCompilation);
            ticks[i] = result.Elapsed.Ticks;
            if (result.Crash is not null && FoundBugs.Match(result.Crash) is { } bug)
            {
                knownCrashes.AddOrUpdate(bug, 1, (_, c) => c + 1);
                return;
            }

            if (result.Crash is not null)
            {
                failures.Add((i, "crash", result.Crash, $"{name}: {mutations}", text));
                return;
            }

            if (result.TimedOut)
            {
                failures.Add((i, "timeout", $"not finished in {PerCompilation.TotalSeconds} s", $"{name}: {mutations}", text));
                return;
            }

            if (!result.OneToOneErrors.IsEmpty)
            {
                Interlocked.Increment(ref withOneToOneErrors);
            }

            if (!result.Generated.IsEmpty)
            {
                Interlocked.Increment(ref generatedSomething);
            }

            if (result.Valid)
            {
                Interlocked.Increment(ref valid);
                if (!result.GeneratedProblems.IsEmpty)
                {
                    failures.Add((i, "generated code does not compile", string.Join("\n", result.GeneratedProblems.Take(5)), $"{name}: {mutations}", text));
                }
            }
            else
            {
                if (result.OneToOneErrors.IsEmpty && result.GeneratedProblems.Any(d => d.Severity == DiagnosticSeverity.Error) && suspicious.Count < 20)
                {
                    // Not a failure (the user's code has errors), but worth a look: kept for reading.
                    suspicious.Add((i, string.Join("\n", result.GeneratedProblems.Take(3).Concat(result.UserErrors.Take(3))), $"{name}: {mutations}", text));
                }

                foreach (var id in result.GeneratedProblems.Select(d => d.Id).Distinct())
                {
                    generatedIdsWhenInvalid.AddOrUpdate(id, 1, (_, c) => c + 1);
                }
            }
        });

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var examples = Path.Combine(AppContext.BaseDirectory, "fuzz-generated-errors-in-invalid-code");
        Directory.CreateDirectory(examples);
        foreach (var f in suspicious)
        {
            File.WriteAllText(Path.Combine(examples, $"{f.Iteration:D6}.cs.txt"), $"// {f.Mutations}\n/* {f.Detail} */\n{f.Source}");
        }

        var sorted = ticks.Order().ToArray();
        TimeSpan Percentile(double q) => TimeSpan.FromTicks(sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)]);
        output.WriteLine($"{Iterations:N0} mutated compilations (seed {Seed}) in {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores, {cpu.TotalSeconds:F0} s of CPU ({cpu.TotalMilliseconds / Iterations:F1} ms of CPU per compilation)");
        output.WriteLine($"  valid declarations (generated code compile-checked): {valid:N0}; with OTO0xx errors: {withOneToOneErrors:N0}; generated at least one file: {generatedSomething:N0}");
        output.WriteLine($"  per compilation: median {Percentile(0.5).TotalMilliseconds:F0} ms, p99 {Percentile(0.99).TotalMilliseconds:F0} ms, max {sorted[^1] / TimeSpan.TicksPerMillisecond} ms (bound {PerCompilation.TotalSeconds} s)");
        output.WriteLine($"  problems in generated files when user code was invalid (expected: they follow from the user's error): {string.Join(", ", generatedIdsWhenInvalid.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} x{kv.Value}"))}");
        output.WriteLine($"  crashes of open, reported bugs (FoundBugs.cs): {(knownCrashes.IsEmpty ? "none" : string.Join(", ", knownCrashes.Select(kv => $"{kv.Key} x{kv.Value}")))}");
        output.WriteLine($"  failures: {failures.Count}");

        if (!failures.IsEmpty)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
            Directory.CreateDirectory(folder);
            foreach (var f in failures.OrderBy(f => f.Iteration).Take(50))
            {
                File.WriteAllText(Path.Combine(folder, $"{f.Iteration:D6}-{f.Kind.Replace(' ', '-')}.cs"), $"// {f.Kind}: {f.Mutations}\n/* {f.Detail} */\n{f.Source}");
            }

            var first = failures.OrderBy(f => f.Iteration).First();
            Assert.Fail($"{failures.Count} failures (written to {folder}); by kind: " +
                        string.Join(", ", failures.GroupBy(f => f.Kind).Select(g => $"{g.Key} x{g.Count()}")) +
                        $"\nfirst: iteration {first.Iteration}, {first.Kind} ({first.Mutations})\n{first.Detail}\n--- source ---\n{first.Source}");
        }

        Assert.True(valid > Iterations / 20, $"only {valid} mutants kept valid declarations: the compile check of generated code tested little");
    }
}
