using OneToOne.Infrastructure;

namespace OneToOne.Reliability.Coyote;

/// <summary>The ways <see cref="CopiedProtocol"/> can be broken on purpose.</summary>
internal enum Breakage
{
    /// <summary>A faithful copy of the real protocol: the control, which must pass.</summary>
    None,

    /// <summary>The slots are read before the lock is taken and not read again under it (a check-then-act race).</summary>
    ReadBeforeLock,

    /// <summary>The dependent leaves its old principal before the conflict check (a write before a check).</summary>
    WriteBeforeCheck,

    /// <summary>Unlinking takes no lock.</summary>
    UnlockedUnlink,
}

/// <summary>
/// A copy of <c>src/OneToOne/Infrastructure/OneToOneLinks.cs</c> (the link and unlink paths, with its own lock per
/// link), line for line, except where <see cref="Broken"/> says otherwise. It exists only to show that the
/// systematic tests can fail: the real protocol is tested directly, through the generated setters.
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
        var early = Broken == Breakage.ReadBeforeLock ? Read(link, dependent, principal) : default;
        lock (CopiedGate<TLink>.Lock)
        {
            var (oldPrincipal, oldDependent) = Broken == Breakage.ReadBeforeLock ? early : Read(link, dependent, principal);
            if (ReferenceEquals(oldPrincipal, principal))
            {
                return;
            }

            if (Broken == Breakage.WriteBeforeCheck && oldPrincipal is not null)
            {
                link.SetDependent(oldPrincipal, null);
            }

            if (oldDependent is not null)
            {
                if (link.OnConflict != OneToOneConflict.Replace)
                {
                    throw new OneToOneViolationException(principal, oldDependent, dependent, "conflict");
                }

                link.SetPrincipal(oldDependent, null);
            }

            if (oldPrincipal is not null)
            {
                link.SetDependent(oldPrincipal, null);
            }

            link.SetPrincipal(dependent, principal);
            link.SetDependent(principal, dependent);
        }
    }

    // The live partners of the two objects (a stale slot counts as empty), as the real protocol reads them.
    private static (TPrincipal? OldPrincipal, TDependent? OldDependent) Read<TDependent, TPrincipal, TLink>(TLink link, TDependent dependent, TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var oldPrincipal = link.GetPrincipal(dependent);
        if (oldPrincipal is not null && !ReferenceEquals(link.GetDependent(oldPrincipal), dependent))
        {
            oldPrincipal = null;
        }

        if (ReferenceEquals(oldPrincipal, principal))
        {
            return (oldPrincipal, null);
        }

        var oldDependent = link.GetDependent(principal);
        if (oldDependent is not null && !ReferenceEquals(link.GetPrincipal(oldDependent), principal))
        {
            oldDependent = null;
        }

        return (oldPrincipal, oldDependent);
    }

    private static void UnlinkDependent<TDependent, TPrincipal, TLink>(TDependent dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (Broken == Breakage.UnlockedUnlink)
        {
            UnlinkDependentUnlocked<TDependent, TPrincipal, TLink>(dependent);
            return;
        }

        lock (CopiedGate<TLink>.Lock)
        {
            UnlinkDependentUnlocked<TDependent, TPrincipal, TLink>(dependent);
        }
    }

    private static void UnlinkDependentUnlocked<TDependent, TPrincipal, TLink>(TDependent dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        var oldPrincipal = link.GetPrincipal(dependent);
        if (oldPrincipal is not null && !ReferenceEquals(link.GetDependent(oldPrincipal), dependent))
        {
            link.SetPrincipal(dependent, null);
            return;
        }

        if (link.Required)
        {
            throw new ArgumentNullException("value", "required");
        }

        if (oldPrincipal is null)
        {
            return;
        }

        link.SetPrincipal(dependent, null);
        link.SetDependent(oldPrincipal, null);
    }

    private static void UnlinkPrincipal<TDependent, TPrincipal, TLink>(TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (Broken == Breakage.UnlockedUnlink)
        {
            UnlinkPrincipalUnlocked<TDependent, TPrincipal, TLink>(principal);
            return;
        }

        lock (CopiedGate<TLink>.Lock)
        {
            UnlinkPrincipalUnlocked<TDependent, TPrincipal, TLink>(principal);
        }
    }

    private static void UnlinkPrincipalUnlocked<TDependent, TPrincipal, TLink>(TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        var oldDependent = link.GetDependent(principal);
        if (oldDependent is null)
        {
            return;
        }

        if (!ReferenceEquals(link.GetPrincipal(oldDependent), principal))
        {
            link.SetDependent(principal, null);
            return;
        }

        if (link.Required)
        {
            throw new InvalidOperationException("required");
        }

        link.SetPrincipal(oldDependent, null);
        link.SetDependent(principal, null);
    }
}

/// <summary>A copy of the internal <c>LinkGate</c>: one private lock per link.</summary>
internal static class CopiedGate<TLink>
    where TLink : struct
{
    public static readonly object Lock = new();
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
