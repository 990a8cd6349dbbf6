using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using OneToOne.Benchmarks.Models;

namespace OneToOne.Benchmarks.Runtime;

/// <summary>
/// Single-thread link, move and unlink. Every benchmark does two operations (OperationsPerInvoke = 2) so that it
/// ends in the state it started from; the times are per operation.
/// <list type="bullet">
/// <item><c>LinkUnlink</c>: <c>d.User = p</c> then <c>d.User = null</c> (one link, one unlink).</item>
/// <item><c>Move</c>: <c>d.User = p2</c> then <c>d.User = p1</c> (each a move: the old principal is cleared).</item>
/// </list>
/// Baseline of each category: (a), the hand-written setter with the same checks and one lock; (e) is the same
/// setter with the striped locking of earlier versions of the library.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LinkBenchmarks
{
    private const string LinkUnlink = "LinkUnlink";
    private const string Move = "Move";

    private Profile _d = null!, _dMove = null!;
    private User _p1 = null!, _p2 = null!, _q1 = null!, _q2 = null!;
    private BoxLabel _xd = null!, _xdMove = null!;
    private Box<int> _x1 = null!, _x2 = null!, _y1 = null!, _y2 = null!;
    private HlProfile _ld = null!, _ldMove = null!;
    private HlUser _l1 = null!, _l2 = null!, _k1 = null!, _k2 = null!;
    private HwProfile _hd = null!, _hdMove = null!;
    private HwUser _h1 = null!, _h2 = null!, _g1 = null!, _g2 = null!;
    private PlainProfile _pd = null!, _pdMove = null!;
    private PlainUser _pp1 = null!, _pp2 = null!, _pq1 = null!, _pq2 = null!;
    private RegProfile _rd = null!, _rdMove = null!;
    private RegUser _r1 = null!, _r2 = null!, _s1 = null!, _s2 = null!;
    private EfContext _ef = null!;
    private EfProfile _ed = null!, _edMove = null!;
    private EfUser _e1 = null!, _e2 = null!, _f1 = null!, _f2 = null!;
    private EfContext _efBig = null!;
    private EfProfile _bd = null!;
    private EfUser _b1 = null!;

    /// <summary>How many other linked pairs the second EF context tracks (DetectChanges scans every tracked entity).</summary>
    public const int TrackedPairs = 1000;

    [GlobalSetup]
    public void Setup()
    {
        (_d, _p1, _p2) = (new Profile(), new User(), new User());
        (_dMove, _q1, _q2) = (new Profile(), new User(), new User());
        _dMove.User = _q1;

        (_xd, _x1, _x2) = (new BoxLabel(), new Box<int>(), new Box<int>());
        (_xdMove, _y1, _y2) = (new BoxLabel(), new Box<int>(), new Box<int>());
        _xdMove.Box = _y1;
        _xd.Box = _x1; // the first link of a weak principal allocates its slot: done here, measured separately
        _xd.Box = null;
        _xdMove.Box = _y2;
        _xdMove.Box = _y1;

        (_ld, _l1, _l2) = (new HlProfile(), new HlUser(), new HlUser());
        (_ldMove, _k1, _k2) = (new HlProfile(), new HlUser(), new HlUser());
        _ldMove.User = _k1;

        (_hd, _h1, _h2) = (new HwProfile(), new HwUser(), new HwUser());
        (_hdMove, _g1, _g2) = (new HwProfile(), new HwUser(), new HwUser());
        _hdMove.User = _g1;

        (_pd, _pp1, _pp2) = (new PlainProfile(), new PlainUser(), new PlainUser());
        (_pdMove, _pq1, _pq2) = (new PlainProfile(), new PlainUser(), new PlainUser());
        _pdMove.User = _pq1;

        (_rd, _r1, _r2) = (new RegProfile(), new RegUser(), new RegUser());
        (_rdMove, _s1, _s2) = (new RegProfile(), new RegUser(), new RegUser());
        _rdMove.User = _s1;

        _ef = new EfContext();
        (_ed, _e1, _e2) = (new EfProfile(), new EfUser(), new EfUser());
        (_edMove, _f1, _f2) = (new EfProfile(), new EfUser(), new EfUser());
        _edMove.User = _f1;
        _ef.AddRange(_e1, _e2, _f1, _f2);
        _ef.AddRange(_ed, _edMove);
        _ef.SaveChanges();

        _efBig = new EfContext();
        (_bd, _b1) = (new EfProfile(), new EfUser());
        _efBig.AddRange(_bd, _b1);
        for (var i = 0; i < TrackedPairs; i++)
        {
            _efBig.Add(new EfProfile { User = new EfUser() });
        }

        _efBig.SaveChanges();
        _bd.User = _b1;
        _efBig.ChangeTracker.DetectChanges();
        Check(_b1.Profile == _bd, "EF fix-up of a link with 1,000 tracked pairs");
        _bd.User = null;
        _efBig.ChangeTracker.DetectChanges();

        // Each implementation must do what it claims, or its number means nothing.
        EfDetectChangesLinkUnlink();
        EfDetectChangesMove();
        _ed.User = _e1;
        _ef.ChangeTracker.DetectChanges();
        Check(_e1.Profile == _ed && _ed.UserId == _e1.Id, "EF fix-up of a link");
        _ed.User = null;
        _ef.ChangeTracker.DetectChanges();
        Check(_e1.Profile is null && _ed.UserId is null, "EF fix-up of an unlink");
        _ef.Entry(_ed).Reference(e => e.User).CurrentValue = _e1;
        Check(_e1.Profile == _ed, "EF fix-up through the ReferenceEntry");
        _ef.Entry(_ed).Reference(e => e.User).CurrentValue = null;
        Check(_e1.Profile is null, "EF fix-up of an unlink through the ReferenceEntry");
        Check(_f1.Profile == _edMove, "EF move");
        _d.User = _p1;
        Check(_p1.Profile == _d, "generated link");
        _d.User = null;
        _xd.Box = _x1;
        Check(_x1.Label == _xd, "generated link, external principal");
        _xd.Box = null;
        _ld.User = _l1;
        Check(_l1.Profile == _ld, "hand-written one-lock link");
        _ld.User = null;
        _hd.User = _h1;
        Check(_h1.Profile == _hd, "hand-written link");
        _hd.User = null;
        _rd.User = _r1;
        Check(_r1.Profile == _rd, "registry link");
        _rd.User = null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ef.Dispose();
        _efBig.Dispose();
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark set-up: " + what + " did not hold");
        }
    }

    // ---- Link + unlink ----

    [Benchmark(OperationsPerInvoke = 2, Description = "OneToOne (generated)"), BenchmarkCategory(LinkUnlink)]
    public void GeneratedLinkUnlink()
    {
        _d.User = _p1;
        _d.User = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "OneToOne, reverse side"), BenchmarkCategory(LinkUnlink)]
    public void GeneratedReverseLinkUnlink()
    {
        _p1.Profile = _d;
        _p1.Profile = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "OneToOne, external principal (weak)"), BenchmarkCategory(LinkUnlink)]
    public void ExternalLinkUnlink()
    {
        _xd.Box = _x1;
        _xd.Box = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Baseline = true, Description = "(a) hand-written, same checks + one lock"), BenchmarkCategory(LinkUnlink)]
    public void HandWrittenLinkUnlink()
    {
        _ld.User = _l1;
        _ld.User = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(e) hand-written, same checks + stripes"), BenchmarkCategory(LinkUnlink)]
    public void StripedLinkUnlink()
    {
        _hd.User = _h1;
        _hd.User = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(b) plain field stores"), BenchmarkCategory(LinkUnlink)]
    public void PlainLinkUnlink()
    {
        _pd.User = _pp1;
        _pd.User = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(c) EF Core, setter + DetectChanges"), BenchmarkCategory(LinkUnlink)]
    public void EfDetectChangesLinkUnlink()
    {
        _ed.User = _e1;
        _ef.ChangeTracker.DetectChanges();
        _ed.User = null;
        _ef.ChangeTracker.DetectChanges();
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(c) EF Core, DetectChanges, 1,000 more pairs tracked"), BenchmarkCategory(LinkUnlink)]
    public void EfDetectChangesTracked1000LinkUnlink()
    {
        _bd.User = _b1;
        _efBig.ChangeTracker.DetectChanges();
        _bd.User = null;
        _efBig.ChangeTracker.DetectChanges();
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(c) EF Core, ReferenceEntry.CurrentValue"), BenchmarkCategory(LinkUnlink)]
    public void EfEntryLinkUnlink()
    {
        _ef.Entry(_ed).Reference(e => e.User).CurrentValue = _e1;
        _ef.Entry(_ed).Reference(e => e.User).CurrentValue = null;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(d) Dictionary registry + lock"), BenchmarkCategory(LinkUnlink)]
    public void RegistryLinkUnlink()
    {
        _rd.User = _r1;
        _rd.User = null;
    }

    // ---- Move ----

    [Benchmark(OperationsPerInvoke = 2, Description = "OneToOne (generated)"), BenchmarkCategory(Move)]
    public void GeneratedMove()
    {
        _dMove.User = _q2;
        _dMove.User = _q1;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "OneToOne, external principal (weak)"), BenchmarkCategory(Move)]
    public void ExternalMove()
    {
        _xdMove.Box = _y2;
        _xdMove.Box = _y1;
    }

    [Benchmark(OperationsPerInvoke = 2, Baseline = true, Description = "(a) hand-written, same checks + one lock"), BenchmarkCategory(Move)]
    public void HandWrittenMove()
    {
        _ldMove.User = _k2;
        _ldMove.User = _k1;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(e) hand-written, same checks + stripes"), BenchmarkCategory(Move)]
    public void StripedMove()
    {
        _hdMove.User = _g2;
        _hdMove.User = _g1;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(b) plain field stores"), BenchmarkCategory(Move)]
    public void PlainMove()
    {
        _pdMove.User = _pq2;
        _pdMove.User = _pq1;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(c) EF Core, setter + DetectChanges"), BenchmarkCategory(Move)]
    public void EfDetectChangesMove()
    {
        _edMove.User = _f2;
        _ef.ChangeTracker.DetectChanges();
        _edMove.User = _f1;
        _ef.ChangeTracker.DetectChanges();
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "(d) Dictionary registry + lock"), BenchmarkCategory(Move)]
    public void RegistryMove()
    {
        _rdMove.User = _s2;
        _rdMove.User = _s1;
    }
}

/// <summary>
/// The first link of a new principal: allocates the principal (both rows) and, for a principal this compilation
/// cannot change, its weak slot. The difference of the allocation columns is the weak storage's cost per principal.
/// </summary>
[MemoryDiagnoser]
public class FirstLinkBenchmarks
{
    private Profile _d = null!;
    private BoxLabel _xd = null!;

    [GlobalSetup]
    public void Setup() => (_d, _xd) = (new Profile(), new BoxLabel());

    [Benchmark(Baseline = true, Description = "new User + link + unlink (member storage)")]
    public void MemberPrincipal()
    {
        _d.User = new User();
        _d.User = null;
    }

    [Benchmark(Description = "new Box<int> + link + unlink (weak storage)")]
    public void ExternalPrincipal()
    {
        _xd.Box = new Box<int>();
        _xd.Box = null;
    }
}
