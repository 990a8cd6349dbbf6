using System.Runtime.CompilerServices;
using System.Threading;

namespace OneToOne.Infrastructure;

/// <summary>
/// A fixed pool of lock objects. An object is guarded by the stripe its identity hash falls into; an operation
/// locks the stripes of every object it reads or writes, always in ascending stripe order, so two operations
/// never wait on each other in a cycle (no deadlock), and operations on disjoint objects mostly take disjoint
/// stripes (they run in parallel). The pool is private to this library: user code never holds these locks,
/// and no user code runs while they are held.
/// </summary>
internal static class LockStripes
{
    private const int Count = 256; // a power of two
    private static readonly object[] Stripes = Create();

    private static object[] Create()
    {
        var stripes = new object[Count];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new object();
        }

        return stripes;
    }

    /// <summary>The stripe index guarding <paramref name="value"/>, or -1 for <see langword="null"/>.</summary>
    public static int IndexOf(object? value) =>
        value is null ? -1 : RuntimeHelpers.GetHashCode(value) & (Count - 1);

    public static void Enter(int index) => Monitor.Enter(Stripes[index]);

    public static void Exit(int index) => Monitor.Exit(Stripes[index]);
}

/// <summary>
/// The set of at most four stripes one link operation needs (dependent, principal, the dependent's old
/// principal, the principal's old dependent), sorted and without repeats. A struct: taking it allocates nothing.
/// </summary>
internal struct StripeSet
{
    private int _s0, _s1, _s2, _s3;
    private int _count;

    public StripeSet(object? a, object? b, object? c, object? d)
    {
        _s0 = _s1 = _s2 = _s3 = -1;
        _count = 0;
        Add(LockStripes.IndexOf(a));
        Add(LockStripes.IndexOf(b));
        Add(LockStripes.IndexOf(c));
        Add(LockStripes.IndexOf(d));
    }

    /// <summary>Locks every stripe of the set, lowest index first.</summary>
    public readonly void Enter()
    {
        for (var i = 0; i < _count; i++)
        {
            LockStripes.Enter(Get(i));
        }
    }

    /// <summary>Unlocks every stripe of the set, in the reverse order.</summary>
    public readonly void Exit()
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            LockStripes.Exit(Get(i));
        }
    }

    // Insertion into a sorted list of at most four, skipping -1 (null) and repeats.
    private void Add(int stripe)
    {
        if (stripe < 0)
        {
            return;
        }

        for (var i = 0; i < _count; i++)
        {
            var current = Get(i);
            if (current == stripe)
            {
                return;
            }

            if (current > stripe)
            {
                // Shift the tail right by one, then insert.
                for (var j = _count; j > i; j--)
                {
                    Set(j, Get(j - 1));
                }

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
