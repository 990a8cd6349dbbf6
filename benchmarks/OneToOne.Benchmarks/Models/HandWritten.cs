// The baselines of the run-time table, written by hand.
using System.Runtime.CompilerServices;

namespace OneToOne.Benchmarks.Models;

// ---------------------------------------------------------------------------------------------------------------
// (a) The baseline of the run-time table: what a careful developer writes by hand for one pair of types. A
// bidirectional setter with the same checks as the generated code (conflict, move, no-op) and ONE lock for the
// whole link (a static object), so it is atomic too. No generic protocol, no struct accessor, no stale-slot checks.
// ---------------------------------------------------------------------------------------------------------------

public sealed class HlUser
{
    internal HlProfile? _profile;

    public HlProfile? Profile
    {
        get => _profile;
        set
        {
            if (value is null) OneLockLinks.UnlinkPrincipal(this);
            else OneLockLinks.Link(value, this);
        }
    }
}

public sealed class HlProfile
{
    internal HlUser? _user;

    public HlUser? User
    {
        get => _user;
        set
        {
            if (value is null) OneLockLinks.UnlinkDependent(this);
            else OneLockLinks.Link(this, value);
        }
    }
}

internal static class OneLockLinks
{
    private static readonly object Gate = new();

    public static void Link(HlProfile d, HlUser p)
    {
        lock (Gate)
        {
            var oldP = d._user;
            if (ReferenceEquals(oldP, p))
            {
                return;
            }

            if (p._profile is not null)
            {
                throw new InvalidOperationException("HlUser already has a HlProfile.");
            }

            if (oldP is not null)
            {
                oldP._profile = null;
            }

            d._user = p;
            p._profile = d;
        }
    }

    public static void UnlinkDependent(HlProfile d)
    {
        lock (Gate)
        {
            var oldP = d._user;
            if (oldP is null)
            {
                return;
            }

            d._user = null;
            oldP._profile = null;
        }
    }

    public static void UnlinkPrincipal(HlUser p)
    {
        lock (Gate)
        {
            var oldD = p._profile;
            if (oldD is null)
            {
                return;
            }

            oldD._user = null;
            p._profile = null;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// (e) The striped design of earlier versions of the runtime library: a bidirectional setter with the same checks (conflict, move, no-op) and the
// striped atomicity mechanism (256 lock stripes by identity hash, taken in ascending order, read - lock -
// validate - write, retry), specialised by hand for one pair of types. Kept to show what striping costs and buys
// (docs/atomicity.md).
// ---------------------------------------------------------------------------------------------------------------

public sealed class HwUser
{
    internal HwProfile? _profile;

    public HwProfile? Profile
    {
        get => _profile;
        set
        {
            if (value is null) HandLinks.UnlinkPrincipal(this);
            else HandLinks.Link(value, this);
        }
    }
}

public sealed class HwProfile
{
    internal HwUser? _user;

    public HwUser? User
    {
        get => _user;
        set
        {
            if (value is null) HandLinks.UnlinkDependent(this);
            else HandLinks.Link(this, value);
        }
    }
}

internal static class HandLinks
{
    public static void Link(HwProfile d, HwUser p)
    {
        while (true)
        {
            var oldP = d._user;
            var oldD = p._profile;
            var stripes = new HandStripeSet(d, p, oldP, oldD);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(d._user, oldP) || !ReferenceEquals(p._profile, oldD))
                {
                    continue;
                }

                if (ReferenceEquals(oldP, p))
                {
                    return;
                }

                if (oldD is not null)
                {
                    throw new InvalidOperationException("HwUser already has a HwProfile.");
                }

                if (oldP is not null)
                {
                    oldP._profile = null;
                }

                d._user = p;
                p._profile = d;
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }

    public static void UnlinkDependent(HwProfile d)
    {
        while (true)
        {
            var oldP = d._user;
            var stripes = new HandStripeSet(d, oldP, null, null);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(d._user, oldP))
                {
                    continue;
                }

                if (oldP is null)
                {
                    return;
                }

                d._user = null;
                oldP._profile = null;
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }

    public static void UnlinkPrincipal(HwUser p)
    {
        while (true)
        {
            var oldD = p._profile;
            var stripes = new HandStripeSet(p, oldD, null, null);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(p._profile, oldD))
                {
                    continue;
                }

                if (oldD is null)
                {
                    return;
                }

                oldD._user = null;
                p._profile = null;
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }
}

/// <summary>A copy of the runtime's lock stripes (internal there): 256 objects, stripe = identity hash &amp; 255.</summary>
internal static class HandStripes
{
    public const int Count = 256;
    private static readonly object[] Stripes = Enumerable.Range(0, Count).Select(_ => new object()).ToArray();

    public static int IndexOf(object? value) => value is null ? -1 : RuntimeHelpers.GetHashCode(value) & (Count - 1);

    public static void Enter(int index) => Monitor.Enter(Stripes[index]);

    public static void Exit(int index) => Monitor.Exit(Stripes[index]);
}

/// <summary>A copy of the runtime's StripeSet: up to four stripes, sorted, no repeats, no allocation.</summary>
internal struct HandStripeSet
{
    private int _s0, _s1, _s2, _s3;
    private int _count;

    public HandStripeSet(object? a, object? b, object? c, object? d)
    {
        _s0 = _s1 = _s2 = _s3 = -1;
        _count = 0;
        Add(HandStripes.IndexOf(a));
        Add(HandStripes.IndexOf(b));
        Add(HandStripes.IndexOf(c));
        Add(HandStripes.IndexOf(d));
    }

    public readonly void Enter()
    {
        for (var i = 0; i < _count; i++) HandStripes.Enter(Get(i));
    }

    public readonly void Exit()
    {
        for (var i = _count - 1; i >= 0; i--) HandStripes.Exit(Get(i));
    }

    private void Add(int stripe)
    {
        if (stripe < 0) return;
        for (var i = 0; i < _count; i++)
        {
            var current = Get(i);
            if (current == stripe) return;
            if (current > stripe)
            {
                for (var j = _count; j > i; j--) Set(j, Get(j - 1));
                Set(i, stripe);
                _count++;
                return;
            }
        }

        Set(_count, stripe);
        _count++;
    }

    private readonly int Get(int i) => i switch { 0 => _s0, 1 => _s1, 2 => _s2, _ => _s3 };

    private void Set(int i, int value)
    {
        switch (i)
        {
            case 0: _s0 = value; break;
            case 1: _s1 = value; break;
            case 2: _s2 = value; break;
            default: _s3 = value; break;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// (b) The physical floor: no checks, no locks. Linking writes the two slots (and clears the old principal's slot on
// a move, or the pair would be wrong after a move even on one thread). Not safe for conflicts or threads.
// ---------------------------------------------------------------------------------------------------------------

public sealed class PlainUser
{
    internal PlainProfile? _profile;

    public PlainProfile? Profile => _profile;
}

public sealed class PlainProfile
{
    private PlainUser? _user;

    public PlainUser? User
    {
        get => _user;
        set
        {
            var old = _user;
            if (old is not null) old._profile = null;
            _user = value;
            if (value is not null) value._profile = this;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// (d) The naive bookkeeping: two dictionaries (by reference) behind one lock, with the same checks.
// ---------------------------------------------------------------------------------------------------------------

public sealed class LinkRegistry<TDependent, TPrincipal>
    where TDependent : class
    where TPrincipal : class
{
    private readonly object _gate = new();
    private readonly Dictionary<TDependent, TPrincipal> _forward = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TPrincipal, TDependent> _reverse = new(ReferenceEqualityComparer.Instance);

    public TPrincipal? GetPrincipal(TDependent dependent)
    {
        lock (_gate) return _forward.GetValueOrDefault(dependent);
    }

    public TDependent? GetDependent(TPrincipal principal)
    {
        lock (_gate) return _reverse.GetValueOrDefault(principal);
    }

    public void SetPrincipal(TDependent dependent, TPrincipal? principal)
    {
        lock (_gate)
        {
            _forward.TryGetValue(dependent, out var oldPrincipal);
            if (ReferenceEquals(oldPrincipal, principal))
            {
                return;
            }

            if (principal is not null && _reverse.ContainsKey(principal))
            {
                throw new InvalidOperationException("The principal already has a dependent.");
            }

            if (oldPrincipal is not null)
            {
                _reverse.Remove(oldPrincipal);
            }

            if (principal is null)
            {
                _forward.Remove(dependent);
                return;
            }

            _forward[dependent] = principal;
            _reverse[principal] = dependent;
        }
    }
}

public sealed class RegUser
{
    public RegProfile? Profile => RegProfile.Registry.GetDependent(this);
}

public sealed class RegProfile
{
    public static readonly LinkRegistry<RegProfile, RegUser> Registry = new();

    public RegUser? User
    {
        get => Registry.GetPrincipal(this);
        set => Registry.SetPrincipal(this, value);
    }
}
