using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace OneToOne.Infrastructure;

/// <summary>
/// The reverse slot of a link whose principal this compilation cannot change (a type from another assembly, or
/// a closed generic): one slot per principal, kept in a <see cref="ConditionalWeakTable{TKey, TValue}"/>, so the
/// storage never keeps a principal alive. Written by the link protocol under its locks; read without a lock.
/// </summary>
/// <typeparam name="TPrincipal">The principal type.</typeparam>
/// <typeparam name="TDependent">The dependent type.</typeparam>
/// <remarks>
/// The first link of a principal allocates its slot (one small object plus the table's entry); later links,
/// moves and unlinks of that principal reuse it and allocate nothing.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WeakReverseStorage<TPrincipal, TDependent>
    where TPrincipal : class
    where TDependent : class
{
    private readonly ConditionalWeakTable<TPrincipal, Slot> _slots = new();
    private readonly ConditionalWeakTable<TPrincipal, Slot>.CreateValueCallback _create = static _ => new Slot();

    /// <summary>The dependent linked to <paramref name="principal"/>, or <see langword="null"/>.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The dependent, or <see langword="null"/>.</returns>
    public TDependent? Get(TPrincipal principal) =>
        _slots.TryGetValue(principal, out var slot) ? slot.Dependent : null;

    /// <summary>Sets the dependent linked to <paramref name="principal"/>. Called by the link protocol only.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="dependent">The dependent, or <see langword="null"/>.</param>
    public void Set(TPrincipal principal, TDependent? dependent)
    {
        if (dependent is null)
        {
            if (_slots.TryGetValue(principal, out var existing))
            {
                existing.Dependent = null;
            }

            return;
        }

        _slots.GetValue(principal, _create).Dependent = dependent;
    }

    private sealed class Slot
    {
        public TDependent? Dependent;
    }
}
