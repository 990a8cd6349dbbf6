using System;
using System.ComponentModel;

namespace OneToOne.Infrastructure;

/// <summary>
/// The link protocol, written once for every link: the generated setters of the forward navigation and the
/// reverse accessor call <see cref="SetPrincipal{TDependent, TPrincipal, TLink}"/> and
/// <see cref="SetDependent{TDependent, TPrincipal, TLink}"/>; an ORM integration calls
/// <see cref="DetachDependent{TDependent, TPrincipal, TLink}"/> and
/// <see cref="DetachPrincipal{TDependent, TPrincipal, TLink}"/>. See <c>docs/atomicity.md</c> for why it is atomic.
/// </summary>
/// <remarks>
/// <para>
/// Every operation of one link declaration runs under that declaration's lock (<see cref="LinkGate{TLink}"/>):
/// it reads the slots it relies on, checks, and writes, all while holding the lock, so it is atomic with respect
/// to every other operation of the same link. All checks run before the first write, so an operation that
/// throws has changed nothing. Reads of a navigation are plain field reads and take no lock.
/// </para>
/// <para>
/// A slot is <em>live</em> when its partner points back (<c>d.User == p</c> and <c>p.Profile == d</c>), and
/// <em>stale</em> otherwise: a tool that writes the storage directly (an ORM's fix-up) can leave one. The protocol
/// treats a stale slot as empty: it never clears or overwrites the partner's slot through it, and it repairs
/// (clears or overwrites) the stale slot itself when the operation writes that object anyway.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OneToOneLinks
{
    /// <summary>
    /// The forward setter: <c>dependent.Navigation = principal</c>. Links, moves or (with
    /// <see langword="null"/>) unlinks.
    /// </summary>
    /// <typeparam name="TDependent">The dependent type.</typeparam>
    /// <typeparam name="TPrincipal">The principal type.</typeparam>
    /// <typeparam name="TLink">The generated accessor of the link's storage.</typeparam>
    /// <param name="dependent">The dependent whose navigation is assigned.</param>
    /// <param name="principal">The new principal, or <see langword="null"/> to unlink.</param>
    /// <exception cref="OneToOneViolationException">The principal already has another dependent and the link's policy is <see cref="OneToOneConflict.Throw"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>, the link is required and the dependent's slot is not stale.</exception>
    public static void SetPrincipal<TDependent, TPrincipal, TLink>(TDependent dependent, TPrincipal? principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (dependent is null)
        {
            throw new ArgumentNullException(nameof(dependent));
        }

        if (principal is null)
        {
            UnlinkDependent<TDependent, TPrincipal, TLink>(dependent);
        }
        else
        {
            Link<TDependent, TPrincipal, TLink>(dependent, principal);
        }
    }

    /// <summary>
    /// The reverse setter: <c>principal.Reverse = dependent</c>. The same operation as the forward setter, or
    /// (with <see langword="null"/>) unlinks the principal's dependent.
    /// </summary>
    /// <typeparam name="TDependent">The dependent type.</typeparam>
    /// <typeparam name="TPrincipal">The principal type.</typeparam>
    /// <typeparam name="TLink">The generated accessor of the link's storage.</typeparam>
    /// <param name="principal">The principal whose reverse accessor is assigned.</param>
    /// <param name="dependent">The new dependent, or <see langword="null"/> to unlink.</param>
    /// <exception cref="OneToOneViolationException">The principal already has another dependent and the link's policy is <see cref="OneToOneConflict.Throw"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="dependent"/> is <see langword="null"/>, the link is required and the principal has a dependent that points back at it.</exception>
    public static void SetDependent<TDependent, TPrincipal, TLink>(TPrincipal principal, TDependent? dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (principal is null)
        {
            throw new ArgumentNullException(nameof(principal));
        }

        if (dependent is null)
        {
            UnlinkPrincipal<TDependent, TPrincipal, TLink>(principal);
        }
        else
        {
            Link<TDependent, TPrincipal, TLink>(dependent, principal);
        }
    }

    /// <summary>
    /// For an ORM integration (an entity deleted or detached): removes every trace of <paramref name="dependent"/>'s
    /// link. Clears the dependent's forward slot, and the reverse slot of the principal it names only if that slot
    /// still points back at <paramref name="dependent"/>. Ignores <see cref="OneToOneAttribute.Required"/>, never
    /// throws, and is atomic with respect to every other operation of the link.
    /// </summary>
    /// <typeparam name="TDependent">The dependent type.</typeparam>
    /// <typeparam name="TPrincipal">The principal type.</typeparam>
    /// <typeparam name="TLink">The generated accessor of the link's storage.</typeparam>
    /// <param name="dependent">The dependent to detach; <see langword="null"/> does nothing.</param>
    public static void DetachDependent<TDependent, TPrincipal, TLink>(TDependent dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (dependent is null)
        {
            return;
        }

        var link = default(TLink);
        lock (LinkGate<TLink>.Lock)
        {
            var principal = link.GetPrincipal(dependent);
            if (principal is null)
            {
                return;
            }

            if (ReferenceEquals(link.GetDependent(principal), dependent))
            {
                link.SetDependent(principal, null);
            }

            link.SetPrincipal(dependent, null);
        }
    }

    /// <summary>
    /// For an ORM integration (an entity deleted or detached): removes every trace of <paramref name="principal"/>'s
    /// link. Clears the principal's reverse slot, and the forward slot of the dependent it names only if that slot
    /// still points back at <paramref name="principal"/>. Ignores <see cref="OneToOneAttribute.Required"/>, never
    /// throws, and is atomic with respect to every other operation of the link.
    /// </summary>
    /// <typeparam name="TDependent">The dependent type.</typeparam>
    /// <typeparam name="TPrincipal">The principal type.</typeparam>
    /// <typeparam name="TLink">The generated accessor of the link's storage.</typeparam>
    /// <param name="principal">The principal to detach; <see langword="null"/> does nothing.</param>
    public static void DetachPrincipal<TDependent, TPrincipal, TLink>(TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        if (principal is null)
        {
            return;
        }

        var link = default(TLink);
        lock (LinkGate<TLink>.Lock)
        {
            var dependent = link.GetDependent(principal);
            if (dependent is null)
            {
                return;
            }

            if (ReferenceEquals(link.GetPrincipal(dependent), principal))
            {
                link.SetPrincipal(dependent, null);
            }

            link.SetDependent(principal, null);
        }
    }

    private static void Link<TDependent, TPrincipal, TLink>(TDependent dependent, TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        lock (LinkGate<TLink>.Lock)
        {
            // The dependent's current principal, if that principal still points back (live); a stale slot counts
            // as empty and is overwritten below.
            var oldPrincipal = link.GetPrincipal(dependent);
            if (oldPrincipal is not null && !ReferenceEquals(link.GetDependent(oldPrincipal), dependent))
            {
                oldPrincipal = null;
            }

            if (ReferenceEquals(oldPrincipal, principal))
            {
                return; // already linked to each other: a no-op
            }

            // The principal's current dependent, if it still points back (live); likewise.
            var oldDependent = link.GetDependent(principal);
            if (oldDependent is not null && !ReferenceEquals(link.GetPrincipal(oldDependent), principal))
            {
                oldDependent = null;
            }

            // Every check comes before the first write (strong exception guarantee).
            if (oldDependent is not null)
            {
                if (link.OnConflict != OneToOneConflict.Replace)
                {
                    throw Violation(link, principal, oldDependent, dependent);
                }

                link.SetPrincipal(oldDependent, null); // Replace: the other dependent loses its principal
            }

            if (oldPrincipal is not null)
            {
                link.SetDependent(oldPrincipal, null); // the dependent moves away from its old principal
            }

            link.SetPrincipal(dependent, principal);
            link.SetDependent(principal, dependent);
        }
    }

    private static void UnlinkDependent<TDependent, TPrincipal, TLink>(TDependent dependent)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        lock (LinkGate<TLink>.Lock)
        {
            var oldPrincipal = link.GetPrincipal(dependent);
            if (oldPrincipal is not null && !ReferenceEquals(link.GetDependent(oldPrincipal), dependent))
            {
                // Stale: no link to break, whatever Required says. Repair the slot; the principal is not touched.
                link.SetPrincipal(dependent, null);
                return;
            }

            if (link.Required)
            {
                throw RequiredForward<TDependent, TPrincipal, TLink>(link);
            }

            if (oldPrincipal is null)
            {
                return; // not linked: a no-op
            }

            link.SetPrincipal(dependent, null);
            link.SetDependent(oldPrincipal, null);
        }
    }

    private static void UnlinkPrincipal<TDependent, TPrincipal, TLink>(TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        lock (LinkGate<TLink>.Lock)
        {
            var oldDependent = link.GetDependent(principal);
            if (oldDependent is null)
            {
                return; // no dependent: a no-op, also for a required link
            }

            if (!ReferenceEquals(link.GetPrincipal(oldDependent), principal))
            {
                // Stale: the principal has no dependent really. Repair the slot; the dependent is not touched.
                link.SetDependent(principal, null);
                return;
            }

            if (link.Required)
            {
                throw RequiredReverse<TDependent, TPrincipal, TLink>(link);
            }

            link.SetPrincipal(oldDependent, null);
            link.SetDependent(principal, null);
        }
    }

    private static ArgumentNullException RequiredForward<TDependent, TPrincipal, TLink>(TLink link)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal> =>
        new("value", OneToOneViolationException.FormatRequiredForwardMessage(link.PrincipalName, link.DependentName, link.NavigationName));

    private static InvalidOperationException RequiredReverse<TDependent, TPrincipal, TLink>(TLink link)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal> =>
        new(OneToOneViolationException.FormatRequiredReverseMessage(link.PrincipalName, link.DependentName, link.NavigationName, link.ReverseName));

    private static OneToOneViolationException Violation<TDependent, TPrincipal, TLink>(
        TLink link, TPrincipal principal, TDependent existing, TDependent rejected)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal> =>
        new(principal, existing, rejected,
            OneToOneViolationException.FormatMessage(link.PrincipalName, link.DependentName, link.NavigationName, link.ReverseName));
}

/// <summary>
/// The lock of one link declaration: one private object per generated accessor struct. Every write of that link's
/// storage happens while it is held; user code never sees it and never runs while it is held.
/// </summary>
/// <typeparam name="TLink">The generated accessor struct of the link.</typeparam>
internal static class LinkGate<TLink>
    where TLink : struct
{
    /// <summary>The lock object. A static field of a class generic over a struct: the JIT reads it directly.</summary>
    internal static readonly object Lock = new();
}
