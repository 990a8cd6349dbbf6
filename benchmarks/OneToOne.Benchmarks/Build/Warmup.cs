using System.Diagnostics;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// Roslyn, loaded from NuGet here, is JIT-compiled (tier 0 first) when this program starts, where a real build runs a
/// warm compiler server with precompiled code. Before the build-time benchmarks, every path they take runs a few times
/// so that the compiler's hot methods are at tier 1; otherwise the first benchmark pays for the JIT.
/// </summary>
public static class Warmup
{
    public static void Roslyn(int n, int rounds)
    {
        var clock = Stopwatch.StartNew();
        var user = Synthetic.LinkSources(n);
        var generated = Synthetic.GeneratedSources(user);
        var mvvm = Synthetic.Parse(Synthetic.MvvmSources(n), "ViewModel");
        for (var i = 0; i < rounds; i++)
        {
            Synthetic.Emit(Synthetic.Compilation(Synthetic.Parse(user, "Link").Concat(Synthetic.Parse(generated, "Generated"))));
            Synthetic.OneToOneDriver().RunGeneratorsAndUpdateCompilation(Synthetic.Compilation(Synthetic.Parse(user, "Link")), out var output, out _);
            Synthetic.Emit(output);
            Synthetic.MvvmDriver().RunGenerators(Synthetic.Compilation(mvvm));
        }

        Thread.Sleep(1000); // let the background tier-1 compilations finish
        Console.WriteLine($"// Roslyn warm-up: {rounds} rounds at N = {n}, {clock.Elapsed.TotalSeconds:F1} s");
    }
}
