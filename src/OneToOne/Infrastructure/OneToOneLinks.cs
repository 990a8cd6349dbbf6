using System;
using System.ComponentModel;

namespace OneToOne.Infrastructure;

/// <summary>
/// The link protocol, written once for every link: the generated setters of the forward navigation and the
/// reverse accessor call these two methods. See <c>docs/atomicity.md</c> for why it is atomic.
/// </summary>
/// <remarks>
/// Every write to a storage slot happens while the lock stripes of all objects the operation reads or writes are
/// held (two-phase locking over at most four objects, taken in a global order). The objects to lock are read
/// before locking and checked again once locked; if another operation changed them in between, the locks are
/// released and the operation starts over. All checks run before the first write, so an operation that throws
/// has changed nothing. Reads of a navigation are plain field reads and take no lock.
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
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/> and the link is required.</exception>
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
    /// <exception cref="InvalidOperationException"><paramref name="dependent"/> is <see langword="null"/>, the link is required and the principal has a dependent.</exception>
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

    private static void Link<TDependent, TPrincipal, TLink>(TDependent dependent, TPrincipal principal)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal>
    {
        var link = default(TLink);
        while (true)
        {
            // Who else is involved: the dependent's current principal and the principal's current dependent.
            var oldPrincipal = link.GetPrincipal(dependent);
            var oldDependent = link.GetDependent(principal);
            var stripes = new StripeSet(dependent, principal, oldPrincipal, oldDependent);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(link.GetPrincipal(dependent), oldPrincipal) ||
                    !ReferenceEquals(link.GetDependent(principal), oldDependent))
                {
                    continue; // changed before we held the locks: release (finally) and start over
                }

                if (ReferenceEquals(oldPrincipal, principal))
                {
                    return; // already linked to each other: a no-op
                }

                // Every check comes before the first write (strong exception guarantee).
                if (oldDependent is not null && link.OnConflict != OneToOneConflict.Replace)
                {
                    throw Violation(link, principal, oldDependent, dependent);
                }

                if (oldDependent is not null)
                {
                    link.SetPrincipal(oldDependent, null); // Replace: the other dependent loses its principal
                }

                if (oldPrincipal is not null)
                {
                    link.SetDependent(oldPrincipal, null); // the dependent moves away from its old principal
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
            throw new ArgumentNullException(
                "value",
                $"{link.DependentName}.{link.NavigationName} is required: it cannot be set to null. Link the {link.DependentName} to another {link.PrincipalName} instead.");
        }

        while (true)
        {
            var oldPrincipal = link.GetPrincipal(dependent);
            var stripes = new StripeSet(dependent, oldPrincipal, null, null);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(link.GetPrincipal(dependent), oldPrincipal))
                {
                    continue;
                }

                if (oldPrincipal is null)
                {
                    return; // not linked: a no-op
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
            var stripes = new StripeSet(principal, oldDependent, null, null);
            stripes.Enter();
            try
            {
                if (!ReferenceEquals(link.GetDependent(principal), oldDependent))
                {
                    continue;
                }

                if (oldDependent is null)
                {
                    return; // no dependent: a no-op, also for a required link
                }

                if (link.Required)
                {
                    throw new InvalidOperationException(
                        $"{link.PrincipalName}.{link.ReverseName} cannot be set to null: {link.DependentName}.{link.NavigationName} is required, so the {link.DependentName} cannot lose its {link.PrincipalName}. Link the {link.DependentName} to another {link.PrincipalName} instead.");
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

    private static OneToOneViolationException Violation<TDependent, TPrincipal, TLink>(
        TLink link, TPrincipal principal, TDependent existing, TDependent rejected)
        where TDependent : class
        where TPrincipal : class
        where TLink : struct, IOneToOneLink<TDependent, TPrincipal> =>
        new(principal, existing, rejected,
            OneToOneViolationException.FormatMessage(link.PrincipalName, link.DependentName, link.NavigationName, link.ReverseName));
}
