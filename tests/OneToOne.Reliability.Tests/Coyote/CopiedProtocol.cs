using System.Runtime.CompilerServices;
using OneToOne.Infrastructure;

namespace OneToOne.Reliability.Coyote;

/// <summary>The ways <see cref="CopiedProtocol"/> can be broken on purpose.</summary>
internal enum Breakage
{
    /// <summary>A faithful copy of the real protocol: the control, which must pass.</summary>
    None,

    /// <summary>After taking the locks, the protocol does not read the two slots again (no re-validation).</summary>
    NoRevalidation,

    /// <summary>The dependent leaves its old principal before the conflict check (a write before a check).</summary>
    WriteBeforeCheck,
}

/// <summary>
/// A copy of <c>src/OneToOne/Infrastructure/OneToOneLinks.cs</c> (with copies of its internal <c>LockStripes</c> and
/// <c>StripeSet</c>), line for line, except where <see cref="Broken"/> says otherwise. It exists only to show that
/// the systematic tests can fail: the real protocol is tested directly, through the generated setters.
/// </summary>
internal static class CopiedProtocol
{
    public static Breakage Broken { get; set; }

    public static void SetPrincipal<TDependent, TPrincipal, TLink>(TDependent dependent, TPrincipal? principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (principal is null)
        {
            UnlinkDependent<TDependent, TPrincipal, TLink>(dependent);
        }
        else
        {
            Link<TDependent, TPrincipal, TLink>(dependent, principal);
        }
    }

    public static void SetDependent<TDependent, TPrincipal, TLink>(TPrincipal principal, TDependent? dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (dependent is null)
        {
            UnlinkPrincipal<TDependent, TPrincipal, TLink>(principal);
        }
        else
        {
            Link<TDependent, TPrincipal, TLink>(dependent, principal);
        }
    }

    private static void Link<TDependent, TPrincipal, TLink>(TDependent dependent, TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        while (true)
        {
            var oldPrincipal = link.GetPrincipal(dependent);
            var oldDependent = link.GetDependent(principal);
            var stripes = new CopiedStripeSet(dependent, principal, oldPrincipal, oldDependent);
            stripes.Enter();
            try
            {
                if (Broken != Breakage.NoRevalidation &&
                    (!ReferenceEquals(link.GetPrincipal(dependent), oldPrincipal) ||
                     !ReferenceEquals(link.GetDependent(principal), oldDependent)))
                {
                    continue;
                }

                if (ReferenceEquals(oldPrincipal, principal))
                {
                    return;
                }

                if (Broken == Breakage.WriteBeforeCheck && oldPrincipal is not null)
                {
                    link.SetDependent(oldPrincipal, null); // too early: the conflict check below may still throw
                }

                if (oldDependent is not null && link.OnConflict != OneToOneConflict.Replace)
                {
                    throw new OneToOneViolationException(principal, oldDependent, dependent, "conflict");
                }

                if (oldDependent is not null)
                {
                    link.SetPrincipal(oldDependent, null);
                }

                if (oldPrincipal is not null)
                {
                    link.SetDependent(oldPrincipal, null);
                }

                link.SetPrincipal(dependent, principal);
                link.SetDependent(principal, dependent);
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }

    private static void UnlinkDependent<TDependent, TPrincipal, TLink>(TDependent dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        if (link.Required)
        {
            throw new ArgumentNullException("value");
        }

        while (true)
        {
            var oldPrincipal = link.GetPrincipal(dependent);
            var stripes = new CopiedStripeSet(dependent, oldPrincipal, null, null);
            stripes.Enter();
            try
            {
                if (Broken != Breakage.NoRevalidation && !ReferenceEquals(link.GetPrincipal(dependent), oldPrincipal))
                {
                    continue;
                }

                if (oldPrincipal is null)
                {
                    return;
                }

                link.SetPrincipal(dependent, null);
                link.SetDependent(oldPrincipal, null);
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }

    private static void UnlinkPrincipal<TDependent, TPrincipal, TLink>(TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        while (true)
        {
            var oldDependent = link.GetDependent(principal);
            var stripes = new CopiedStripeSet(principal, oldDependent, null, null);
            stripes.Enter();
            try
            {
                if (Broken != Breakage.NoRevalidation && !ReferenceEquals(link.GetDependent(principal), oldDependent))
                {
                    continue;
                }

                if (oldDependent is null)
                {
                    return;
                }

                if (link.Required)
                {
                    throw new InvalidOperationException("required");
                }

                link.SetPrincipal(oldDependent, null);
                link.SetDependent(principal, null);
                return;
            }
            finally
            {
                stripes.Exit();
            }
        }
    }
}

/// <summary>A copy of the internal <c>LockStripes</c> and <c>StripeSet</c>: 256 private locks, taken in ascending order.</summary>
internal struct CopiedStripeSet
{
    private static readonly object[] Stripes = Enumerable.Range(0, 256).Select(_ => new object()).ToArray();
    private readonly int[] _sorted;

    public CopiedStripeSet(object? a, object? b, object? c, object? d) =>
        _sorted = new[] { a, b, c, d }.Where(o => o is not null).Select(o => RuntimeHelpers.GetHashCode(o!) & 255).Distinct().Order().ToArray();

    public readonly void Enter()
    {
        foreach (var s in _sorted)
        {
            Monitor.Enter(Stripes[s]);
        }
    }

    public readonly void Exit()
    {
        for (var i = _sorted.Length - 1; i >= 0; i--)
        {
            Monitor.Exit(Stripes[_sorted[i]]);
        }
    }
}

/// <summary>A principal of the copied protocol: a plain field for its reverse slot.</summary>
internal sealed class Holder
{
    public Item? ItemSlot;
}

/// <summary>A dependent of the copied protocol: a plain field for its forward slot.</summary>
internal sealed class Item
{
    public Holder? HolderSlot;

    public Holder? Holder
    {
        get => HolderSlot;
        set => CopiedProtocol.SetPrincipal<Item, Holder, ThrowAccess>(this, value);
    }

    public Holder? HolderReplacing
    {
        get => HolderSlot;
        set => CopiedProtocol.SetPrincipal<Item, Holder, ReplaceAccess>(this, value);
    }
}

/// <summary>The accessor the generator would emit, written by hand, OnConflict = Throw.</summary>
internal readonly struct ThrowAccess : IOneToOneLink<Item, Holder>
{
    public Holder? GetPrincipal(Item dependent) => dependent.HolderSlot;

    public void SetPrincipal(Item dependent, Holder? principal) => dependent.HolderSlot = principal;

    public Item? GetDependent(Holder principal) => principal.ItemSlot;

    public void SetDependent(Holder principal, Item? dependent) => principal.ItemSlot = dependent;

    public OneToOneConflict OnConflict => OneToOneConflict.Throw;

    public bool Required => false;

    public string DependentName => "Item";

    public string PrincipalName => "Holder";

    public string NavigationName => "Holder";

    public string ReverseName => "Item";
}

/// <summary>The same accessor with OnConflict = Replace.</summary>
internal readonly struct ReplaceAccess : IOneToOneLink<Item, Holder>
{
    public Holder? GetPrincipal(Item dependent) => dependent.HolderSlot;

    public void SetPrincipal(Item dependent, Holder? principal) => dependent.HolderSlot = principal;

    public Item? GetDependent(Holder principal) => principal.ItemSlot;

    public void SetDependent(Holder principal, Item? dependent) => principal.ItemSlot = dependent;

    public OneToOneConflict OnConflict => OneToOneConflict.Replace;

    public bool Required => false;

    public string DependentName => "Item";

    public string PrincipalName => "Holder";

    public string NavigationName => "Holder";

    public string ReverseName => "Item";
}
