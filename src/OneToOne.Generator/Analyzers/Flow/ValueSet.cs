using System;
using System.Collections;
using System.Collections.Generic;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the sets of abstract objects a state holds (what a variable may hold, the dependents a principal may hold):
/// immutable, so that a copy of a state shares them and a change makes a new set, and small (a join past
/// <see cref="FlowBounds.ValuesPerSet"/> objects makes them one), so a sorted array serves every operation the
/// analysis makes with less work and memory than a hash set.
/// </summary>
internal sealed class ValueSet : IEnumerable<AbstractValue>
{
    public static readonly ValueSet Empty = new(Array.Empty<AbstractValue>());

    private readonly AbstractValue[] _items; // sorted (see Compare), no duplicates

    private ValueSet(AbstractValue[] items) => _items = items;

    /// <summary>The set of one object (<see cref="Origins.Single"/> shares it within an analysis).</summary>
    public static ValueSet Of(AbstractValue value) => new([value]);

    public int Count => _items.Length;

    /// <summary>The first object (the only one, where callers use it).</summary>
    public AbstractValue First() => _items[0];

    public bool Contains(AbstractValue value) => IndexOf(value) >= 0;

    public bool IsSupersetOf(ValueSet other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        foreach (var value in other._items)
        {
            if (IndexOf(value) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This set with the objects of <paramref name="other"/>: one of the two when it holds the other.</summary>
    public ValueSet Union(ValueSet other)
    {
        if (IsSupersetOf(other))
        {
            return this;
        }

        if (other.IsSupersetOf(this))
        {
            return other;
        }

        var merged = new List<AbstractValue>(_items.Length + other._items.Length);
        int i = 0, j = 0;
        while (i < _items.Length || j < other._items.Length)
        {
            var order = i == _items.Length ? 1 : j == other._items.Length ? -1 : Compare(_items[i], other._items[j]);
            merged.Add(order <= 0 ? _items[i] : other._items[j]);
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return new ValueSet(merged.ToArray());
    }

    /// <summary>This set without <paramref name="value"/> (itself when it does not hold it).</summary>
    public ValueSet Without(AbstractValue value)
    {
        var index = IndexOf(value);
        if (index < 0)
        {
            return this;
        }

        if (_items.Length == 1)
        {
            return Empty;
        }

        var items = new AbstractValue[_items.Length - 1];
        Array.Copy(_items, 0, items, 0, index);
        Array.Copy(_items, index + 1, items, index, _items.Length - index - 1);
        return new ValueSet(items);
    }

    /// <summary>This set with <paramref name="replaced"/> taken out and <paramref name="by"/> put in.</summary>
    public ValueSet Replace(AbstractValue replaced, AbstractValue by) => Without(replaced).Union(Of(by));

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<AbstractValue> IEnumerable<AbstractValue>.GetEnumerator() => ((IEnumerable<AbstractValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private int IndexOf(AbstractValue value)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>By origin, the current object before the old ones: the order of the source, as messages list them.</summary>
    private static int Compare(AbstractValue x, AbstractValue y) =>
        x.Origin != y.Origin ? x.Origin.CompareTo(y.Origin) : x.Old.CompareTo(y.Old);

    /// <summary>Enumerates without allocating.</summary>
    public struct Enumerator(AbstractValue[] items)
    {
        private int _index = -1;

        public readonly AbstractValue Current => items[_index];

        public bool MoveNext() => ++_index < items.Length;
    }
}
