using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// An abstract object: where it came from (<see cref="Origin"/>, an index into <see cref="Origins"/>) and whether
/// it is the object made by the current run of that place or one made by an earlier run (<see cref="Old"/>, the
/// summary of every earlier iteration of a loop or run of a lambda).
/// </summary>
internal readonly record struct AbstractValue(int Origin, bool Old);

/// <summary>A variable of the analysis: a local, parameter, field or property of <c>this</c>, or a flow capture.</summary>
internal readonly struct VarKey : IEquatable<VarKey>
{
    private readonly ISymbol? _symbol;
    private readonly CaptureId _capture;

    private VarKey(ISymbol? symbol, CaptureId capture)
    {
        _symbol = symbol;
        _capture = capture;
    }

    public static VarKey Of(ISymbol symbol) => new(symbol, default);

    public static VarKey Of(CaptureId capture) => new(null, capture);

    public ISymbol? Symbol => _symbol;

    public bool IsCapture => _symbol is null;

    public CaptureId Capture => _capture;

    public bool Equals(VarKey other) =>
        _symbol is null ? other._symbol is null && _capture.Equals(other._capture) : SymbolEqualityComparer.Default.Equals(_symbol, other._symbol);

    public override bool Equals(object? obj) => obj is VarKey other && Equals(other);

    public override int GetHashCode() => _symbol is null ? _capture.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(_symbol);
}

/// <summary>What "principal p may hold dependent d" is keyed by: the link and the principal's abstract object.</summary>
internal readonly record struct FactKey(LinkInfo Link, AbstractValue Principal);

/// <summary>"Dependent d is linked to no principal through this link", on every path.</summary>
internal readonly record struct DetachedKey(LinkInfo Link, AbstractValue Dependent);

/// <summary>
/// Owns the lattice of the analysis: the state at one program point, its copy, its join and the ageing of objects
/// made again by a loop. Per variable, the abstract objects it may hold; per link and principal, the dependents that
/// may be linked to it on some path reaching this point (an empty set: known to hold none; no entry: nothing known);
/// and the dependents known to be linked to nothing on every path (what a method summary reports as an unlink).
/// </summary>
/// <remarks>
/// A copy costs nothing until it changes: the copy and the original share their three tables. The variables are an
/// array by the number the analysis gives each (<see cref="VarTable"/>), which whichever state writes to first copies
/// (copy-on-write), so copying them is copying an array of references, and a join walks two arrays without hashing a
/// symbol. The facts (a handful: the links a body makes) are a small array, copied the same way, so that copying them
/// copies no hash table; the unlinks are an immutable array. The sets in the tables are immutable
/// (<see cref="ValueSet"/>), so a table copy shares them too.
/// </remarks>
internal sealed class FlowState
{
    private readonly VarTable _table;
    private ValueSet?[] _vars; // by the variable's number in the analysis's table; null: nothing known of it yet
    private KeyValuePair<FactKey, ValueSet>[] _facts; // the first _factCount entries, in no particular order
    private int _factCount;
    private ImmutableArray<DetachedKey> _detached; // a handful at most: an immutable array, shared by copies
    private bool _varsShared; // another state holds the same array: copy it before a write
    private bool _factsShared; // the same for the facts

    /// <summary>The empty state of one analysis, whose variables <paramref name="origins"/> numbers.</summary>
    public FlowState(Origins origins)
        : this(origins.Variables, [], [], 0, ImmutableArray<DetachedKey>.Empty, shared: false)
    {
    }

    private FlowState(VarTable table, ValueSet?[] vars, KeyValuePair<FactKey, ValueSet>[] facts, int factCount, ImmutableArray<DetachedKey> detached, bool shared)
    {
        _table = table;
        _vars = vars;
        _facts = facts;
        _factCount = factCount;
        _detached = detached;
        _varsShared = shared;
        _factsShared = shared;
    }

    /// <summary>Per link and principal, the dependents it may hold. Read only: changes go through <see cref="SetFact"/> and <see cref="RemoveFact"/>.</summary>
    public ArraySegment<KeyValuePair<FactKey, ValueSet>> Facts => new(_facts, 0, _factCount);

    /// <summary>A must-set: a join keeps only what both sides hold. Read only: see <see cref="AddDetached"/>.</summary>
    public ImmutableArray<DetachedKey> Detached => _detached;

    public FlowState Clone()
    {
        _varsShared = true;
        _factsShared = true;
        return new FlowState(_table, _vars, _facts, _factCount, _detached, shared: true);
    }

    public bool TryGetVar(VarKey key, out ValueSet values)
    {
        var index = _table.IndexOf(key);
        values = index >= 0 && index < _vars.Length ? _vars[index]! : null!;
        return values is not null;
    }

    public void SetVar(VarKey key, ValueSet values)
    {
        var index = _table.Number(key);
        WritableVars(index + 1)[index] = values;
    }

    public void RemoveVar(VarKey key)
    {
        var index = _table.IndexOf(key);
        if (index >= 0 && index < _vars.Length && _vars[index] is not null)
        {
            WritableVars(0)[index] = null;
        }
    }

    public bool TryGetFact(FactKey key, out ValueSet dependents)
    {
        var index = IndexOfFact(key);
        dependents = index >= 0 ? _facts[index].Value : null!;
        return index >= 0;
    }

    public void SetFact(FactKey key, ValueSet dependents)
    {
        var index = IndexOfFact(key);
        if (index < 0)
        {
            WritableFacts(1)[_factCount++] = new KeyValuePair<FactKey, ValueSet>(key, dependents);
        }
        else if (!ReferenceEquals(_facts[index].Value, dependents))
        {
            WritableFacts(0)[index] = new KeyValuePair<FactKey, ValueSet>(key, dependents);
        }
    }

    public void RemoveFact(FactKey key)
    {
        var index = IndexOfFact(key);
        if (index >= 0)
        {
            RemoveFactAt(index);
        }
    }

    /// <summary>Removes the fact at <paramref name="index"/>; the last takes its place (the order means nothing).</summary>
    private void RemoveFactAt(int index)
    {
        var facts = WritableFacts(0);
        facts[index] = facts[_factCount - 1];
        facts[--_factCount] = default;
    }

    private int IndexOfFact(FactKey key)
    {
        for (var index = 0; index < _factCount; index++)
        {
            if (_facts[index].Key == key)
            {
                return index;
            }
        }

        return -1;
    }

    public void AddDetached(DetachedKey key)
    {
        if (!_detached.Contains(key))
        {
            _detached = _detached.Add(key);
        }
    }

    public void RemoveDetached(DetachedKey key)
    {
        _detached = _detached.Remove(key); // itself when the key is not there
    }

    /// <summary>No principal of <paramref name="link"/> holds <paramref name="dependent"/> any more.</summary>
    public void Unhold(LinkInfo link, AbstractValue dependent)
    {
        for (var index = 0; index < _factCount; index++)
        {
            var pair = _facts[index];
            if (pair.Key.Link == link && pair.Value.Contains(dependent))
            {
                WritableFacts(0)[index] = new KeyValuePair<FactKey, ValueSet>(pair.Key, pair.Value.Without(dependent));
            }
        }
    }

    /// <summary>
    /// Merges <paramref name="other"/> into this state (may-analysis: union). Returns whether anything changed. A set
    /// that grows past <see cref="FlowBounds.ValuesPerSet"/> objects becomes one temporary standing for all of them
    /// (never in conflict with anything but itself from an earlier run), so that a variable joined from many
    /// branches does not make every later step slower.
    /// </summary>
    public bool JoinFrom(FlowState other, Origins origins)
    {
        var changed = false;
        if (!ReferenceEquals(_vars, other._vars) && JoinVars(_vars, other._vars, origins) is { } vars)
        {
            _vars = vars;
            _varsShared = false;
            changed = true;
        }

        if (!ReferenceEquals(_facts, other._facts))
        {
            for (var index = 0; index < other._factCount; index++)
            {
                var pair = other._facts[index];
                TryGetFact(pair.Key, out var set);
                if (JoinSets(set, pair.Value, pair.Key, origins) is { } joined)
                {
                    SetFact(pair.Key, joined);
                    changed = true;
                }
            }
        }

        if (_detached != other._detached && Kept(_detached, other._detached) is { } kept)
        {
            _detached = kept;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// The variables of <paramref name="into"/> joined with those of <paramref name="from"/>: null when that adds
    /// nothing; otherwise an array of its own (see <see cref="JoinSets{TKey}"/> for what a join of two sets makes).
    /// </summary>
    private ValueSet?[]? JoinVars(ValueSet?[] into, ValueSet?[] from, Origins origins)
    {
        ValueSet?[]? result = null;
        for (var index = 0; index < from.Length; index++)
        {
            if (from[index] is not { } incoming)
            {
                continue;
            }

            var set = index < into.Length ? into[index] : null;
            if (JoinSets(set, incoming, _table[index], origins) is { } joined)
            {
                if (result is null)
                {
                    result = new ValueSet?[Math.Max(into.Length, from.Length)];
                    Array.Copy(into, result, into.Length);
                }

                result[index] = joined;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="set"/> (null: none yet) joined with <paramref name="incoming"/>, held by <paramref name="key"/>:
    /// null when that adds nothing. Past <see cref="FlowBounds.ValuesPerSet"/> objects, one temporary stands for all.
    /// </summary>
    private static ValueSet? JoinSets<TKey>(ValueSet? set, ValueSet incoming, TKey key, Origins origins)
        where TKey : notnull
    {
        if (set is null)
        {
            return incoming;
        }

        if (ReferenceEquals(set, incoming))
        {
            return null; // one set shared by both states: nothing to add
        }

        // A set already standing for many objects absorbs whatever joins it: the join stays stable.
        if (origins.ManyOf(key) is { } manyOrigin && set.Contains(new AbstractValue(manyOrigin, Old: false)))
        {
            return set.Count != 1 ? origins.Single(new AbstractValue(manyOrigin, Old: false)) : null;
        }

        if (set.IsSupersetOf(incoming))
        {
            return null;
        }

        var merged = set.Union(incoming);
        return merged.Count > FlowBounds.ValuesPerSet
            ? origins.Single(new AbstractValue(origins.MakeMany(key), Old: false))
            : merged;
    }

    /// <summary>
    /// The place <paramref name="origin"/> runs again: the object it made before becomes an "old" object, wherever
    /// the state mentions it, so the new object it is about to make is a different one. Objects derived from it
    /// (its members) age with it.
    /// </summary>
    public void Age(int origin, Origins origins)
    {
        if (origins.MadeFirstTime(origin))
        {
            return; // no state can hold an object of a place that never ran before: nothing to scan
        }

        AgeOne(origin);
        foreach (var derived in origins.DerivedFrom(origin))
        {
            Age(derived, origins);
        }
    }

    private void AgeOne(int origin)
    {
        var current = new AbstractValue(origin, Old: false);
        var old = new AbstractValue(origin, Old: true);
        for (var index = 0; index < _vars.Length; index++)
        {
            if (_vars[index] is { } set && set.Contains(current))
            {
                WritableVars(0)[index] = set.Replace(current, old);
            }
        }

        // The dependents the facts name, then the principals.
        List<KeyValuePair<FactKey, ValueSet>>? moved = null;
        for (var index = 0; index < _factCount; index++)
        {
            var pair = _facts[index];
            if (pair.Value.Contains(current))
            {
                pair = new KeyValuePair<FactKey, ValueSet>(pair.Key, pair.Value.Replace(current, old));
                WritableFacts(0)[index] = pair;
            }

            if (pair.Key.Principal == current)
            {
                (moved ??= new()).Add(pair);
            }
        }

        if (moved is not null)
        {
            foreach (var pair in moved)
            {
                RemoveFact(pair.Key);
                var oldKey = pair.Key with { Principal = old };
                SetFact(oldKey, TryGetFact(oldKey, out var existing) ? existing.Union(pair.Value) : pair.Value);
            }
        }

        // An old object is one of many: what was known of the current one for sure is not known of all of them.
        List<DetachedKey>? forgotten = null;
        foreach (var key in _detached)
        {
            if (key.Dependent == current)
            {
                (forgotten ??= new()).Add(key);
            }
        }

        if (forgotten is not null)
        {
            _detached = _detached.RemoveRange(forgotten);
        }
    }

    /// <summary>
    /// Forgets what can no longer matter at the end of a block: flow captures that no later block reads, and facts and
    /// unlinks about objects that no variable holds any more and that cannot be reached again. Keeps the state (and so
    /// each copy and join) as small as what is live, which keeps the analysis of a long method linear.
    /// </summary>
    public void Collect(Dictionary<CaptureId, int> onlyBlockOf, int block, Origins origins)
    {
        if (onlyBlockOf.Count > 0)
        {
            for (var index = 0; index < _vars.Length; index++)
            {
                if (_vars[index] is not null && _table[index] is { IsCapture: true } key &&
                    onlyBlockOf.TryGetValue(key.Capture, out var only) && only == block)
                {
                    WritableVars(0)[index] = null;
                }
            }
        }

        if (_factCount == 0 && _detached.IsEmpty)
        {
            return;
        }

        for (var index = _factCount - 1; index >= 0; index--)
        {
            if (!Reachable(_facts[index].Key.Principal, origins))
            {
                RemoveFactAt(index); // the last takes its place: it has been looked at already
            }
        }

        List<DetachedKey>? deadUnlinks = null;
        foreach (var key in _detached)
        {
            if (!Reachable(key.Dependent, origins))
            {
                (deadUnlinks ??= new()).Add(key);
            }
        }

        if (deadUnlinks is not null)
        {
            _detached = _detached.RemoveRange(deadUnlinks);
        }
    }

    /// <summary>Whether an object may still be read: a variable holds it, or it can be read again without one.</summary>
    private bool Reachable(AbstractValue value, Origins origins)
    {
        if (origins.IsReachableWithoutVariable(value.Origin))
        {
            return true;
        }

        foreach (var set in _vars)
        {
            if (set is not null && set.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The variables' array, this state's own (copied if shared) and at least <paramref name="length"/> long.</summary>
    private ValueSet?[] WritableVars(int length)
    {
        if (_varsShared || _vars.Length < length)
        {
            // Room for every variable the analysis has numbered so far, and a few more when it grows: the next ones
            // rarely need another copy.
            var needed = Math.Max(length, _table.Count);
            var vars = new ValueSet?[needed <= _vars.Length ? _vars.Length : needed + 4];
            Array.Copy(_vars, vars, _vars.Length);
            _vars = vars;
            _varsShared = false;
        }

        return _vars;
    }

    /// <summary>The facts' array, this state's own (copied if shared) with room for <paramref name="extra"/> more.</summary>
    private KeyValuePair<FactKey, ValueSet>[] WritableFacts(int extra)
    {
        if (_factsShared || _factCount + extra > _facts.Length)
        {
            var facts = new KeyValuePair<FactKey, ValueSet>[Math.Max(_facts.Length, _factCount + extra + 2)];
            Array.Copy(_facts, facts, _factCount);
            _facts = facts;
            _factsShared = false;
        }

        return _facts;
    }

    /// <summary>The keys of <paramref name="keys"/> that <paramref name="other"/> holds too; null when it holds them all.</summary>
    private static ImmutableArray<DetachedKey>? Kept(ImmutableArray<DetachedKey> keys, ImmutableArray<DetachedKey> other)
    {
        ImmutableArray<DetachedKey>.Builder? kept = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var keep = other.Contains(keys[i]);
            if (kept is null && !keep)
            {
                kept = ImmutableArray.CreateBuilder<DetachedKey>(keys.Length);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(keys[j]);
                }
            }
            else if (kept is not null && keep)
            {
                kept.Add(keys[i]);
            }
        }

        return kept?.ToImmutable();
    }
}

/// <summary>
/// Owns the numbering of the variables of one analysis (its body, lambdas and local functions): a state keeps what
/// each variable holds in an array by that number, so that a copy or a join of states is a walk over an array.
/// </summary>
internal sealed class VarTable
{
    private readonly Dictionary<VarKey, int> _numbers = new();
    private readonly List<VarKey> _keys = new();

    public int Count => _keys.Count;

    public VarKey this[int number] => _keys[number];

    /// <summary>The variable's number; -1 when no state of the analysis has held anything in it.</summary>
    public int IndexOf(VarKey key) => _numbers.TryGetValue(key, out var number) ? number : -1;

    /// <summary>The variable's number, given the first time it is asked for.</summary>
    public int Number(VarKey key)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _keys.Count;
            _numbers[key] = number;
            _keys.Add(key);
        }

        return number;
    }
}
