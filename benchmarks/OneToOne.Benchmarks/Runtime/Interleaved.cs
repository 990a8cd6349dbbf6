using System.Diagnostics;
using System.Runtime.CompilerServices;
using OneToOne.Benchmarks.Models;

namespace OneToOne.Benchmarks.Runtime;

/// <summary>
/// The single-thread ratios again, measured interleaved: every round runs each implementation for a short burst, in a
/// rotating order, and the median burst is kept. On a shared machine whose load drifts during a run (as the one these
/// numbers come from), this keeps the ratios honest where sequential BenchmarkDotNet cases can each catch a different
/// load. Each burst is one loop of plain calls (no delegate per operation); times are per operation.
/// </summary>
public static class Interleaved
{
    public sealed record Result(string Implementation, double NsPerOp);

    private const int OpsPerBurst = 20_000; // operations per burst (each loop iteration does 2)

    public static List<Result> Run(int rounds)
    {
        var g = (d: new Profile(), p1: new User(), p2: new User());
        var gm = (d: new Profile(), p1: new User(), p2: new User());
        gm.d.User = gm.p1;
        var l = (d: new HlProfile(), p1: new HlUser(), p2: new HlUser());
        var lm = (d: new HlProfile(), p1: new HlUser(), p2: new HlUser());
        lm.d.User = lm.p1;
        var h = (d: new HwProfile(), p1: new HwUser(), p2: new HwUser());
        var hm = (d: new HwProfile(), p1: new HwUser(), p2: new HwUser());
        hm.d.User = hm.p1;
        var x = (d: new BoxLabel(), p1: new Box<int>(), p2: new Box<int>());
        x.d.Box = x.p1;
        x.d.Box = null;
        var pl = (d: new PlainProfile(), p1: new PlainUser());
        var r = (d: new RegProfile(), p1: new RegUser());

        var cases = new (string Name, Func<long> Burst)[]
        {
            ("link + unlink: OneToOne (generated)", () => GeneratedLinkUnlink(g.d, g.p1)),
            ("link + unlink: (a) hand-written, same checks + one lock", () => OneLockLinkUnlink(l.d, l.p1)),
            ("link + unlink: (e) hand-written, same checks + stripes", () => HandLinkUnlink(h.d, h.p1)),
            ("link + unlink: (b) plain field stores", () => PlainLinkUnlink(pl.d, pl.p1)),
            ("link + unlink: (d) Dictionary registry + lock", () => RegistryLinkUnlink(r.d, r.p1)),
            ("link + unlink: OneToOne, external principal (weak)", () => ExternalLinkUnlink(x.d, x.p1)),
            ("move: OneToOne (generated)", () => GeneratedMove(gm.d, gm.p1, gm.p2)),
            ("move: (a) hand-written, same checks + one lock", () => OneLockMove(lm.d, lm.p1, lm.p2)),
            ("move: (e) hand-written, same checks + stripes", () => HandMove(hm.d, hm.p1, hm.p2)),
        };

        var samples = cases.Select(_ => new List<double>()).ToArray();
        for (var warm = 0; warm < 30; warm++)
        {
            foreach (var c in cases) c.Burst();
        }

        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var i = (k + round) % cases.Length;
                clock.Restart();
                var ops = cases[i].Burst();
                samples[i].Add(clock.Elapsed.TotalNanoseconds / ops);
            }
        }

        return cases.Select((c, i) => new Result(c.Name, Median(samples[i]))).ToList();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long GeneratedLinkUnlink(Profile d, User p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p;
            d.User = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long OneLockLinkUnlink(HlProfile d, HlUser p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p;
            d.User = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long OneLockMove(HlProfile d, HlUser p1, HlUser p2)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p2;
            d.User = p1;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long HandLinkUnlink(HwProfile d, HwUser p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p;
            d.User = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long PlainLinkUnlink(PlainProfile d, PlainUser p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p;
            d.User = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long RegistryLinkUnlink(RegProfile d, RegUser p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p;
            d.User = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ExternalLinkUnlink(BoxLabel d, Box<int> p)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.Box = p;
            d.Box = null;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long GeneratedMove(Profile d, User p1, User p2)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p2;
            d.User = p1;
        }

        return OpsPerBurst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long HandMove(HwProfile d, HwUser p1, HwUser p2)
    {
        for (var i = 0; i < OpsPerBurst / 2; i++)
        {
            d.User = p2;
            d.User = p1;
        }

        return OpsPerBurst;
    }

    public static void Print(List<Result> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Run time, single thread, interleaved bursts (median of the rounds; robust to load drift)");
        output.WriteLine($"| {"case",-56} | {"ns/op",7} | {"vs (a)",6} |");
        output.WriteLine($"|{new string('-', 58)}|--------:|-------:|");
        foreach (var r in results)
        {
            var prefix = r.Implementation[..(r.Implementation.IndexOf(':') + 1)];
            var a = results.First(x => x.Implementation.StartsWith(prefix, StringComparison.Ordinal) && x.Implementation.Contains("(a)", StringComparison.Ordinal)).NsPerOp;
            output.WriteLine($"| {r.Implementation,-56} | {r.NsPerOp,7:F2} | {r.NsPerOp / a,6:F2} |");
        }
    }
}
