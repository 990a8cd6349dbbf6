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
/// A copy costs nothing until it changes: the copy and the original share their three tables, and whichever writes to
/// one first copies that table (copy-on-write). The sets in the tables are immutable (<see cref="ValueSet"/>), so a
/// table copy shares them too. Most blocks write to the variables only, so most copies never copy the facts.
/// </remarks>
internal sealed class FlowState
{
    private Dictionary<VarKey, ValueSet> _vars;
    private Dictionary<FactKey, ValueSet> _facts;
    private ImmutableArray<DetachedKey> _detached; // a handful at most: an immutable array, shared by copies
    private Shared _shared;

    public FlowState()
        : this(new(), new(), ImmutableArray<DetachedKey>.Empty, Shared.None)
    {
    }

    private FlowState(Dictionary<VarKey, ValueSet> vars, Dictionary<FactKey, ValueSet> facts, ImmutableArray<DetachedKey> detached, Shared shared)
    {
        _vars = vars;
        _facts = facts;
        _detached = detached;
        _shared = shared;
    }

    /// <summary>Which tables another state may also hold (to be copied before a write).</summary>
    [Flags]
    private enum Shared
    {
        None = 0,
        Vars = 1,
        Facts = 2,
        All = Vars | Facts,
    }

    /// <summary>Per link and principal, the dependents it may hold. Read only: changes go through <see cref="SetFact"/> and <see cref="RemoveFact"/>.</summary>
    public IReadOnlyDictionary<FactKey, ValueSet> Facts => _facts;

    /// <summary>A must-set: a join keeps only what both sides hold. Read only: see <see cref="AddDetached"/>.</summary>
    public ImmutableArray<DetachedKey> Detached => _detached;

    public FlowState Clone()
    {
        _shared = Shared.All;
        return new FlowState(_vars, _facts, _detached, Shared.All);
    }

    public bool TryGetVar(VarKey key, out ValueSet values) => _vars.TryGetValue(key, out values!);

    public void SetVar(VarKey key, ValueSet values) => WritableVars()[key] = values;

    public void RemoveVar(VarKey key)
    {
        if (_vars.ContainsKey(key))
        {
            WritableVars().Remove(key);
        }
    }

    public bool TryGetFact(FactKey key, out ValueSet dependents) => _facts.TryGetValue(key, out dependents!);

    public void SetFact(FactKey key, ValueSet dependents) => WritableFacts()[key] = dependents;

    public void RemoveFact(FactKey key)
    {
        if (_facts.ContainsKey(key))
        {
            WritableFacts().Remove(key);
        }
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

    /// <summary>The principals of <paramref name="link"/> that may hold <paramref name="dependent"/> (null: none).</summary>
    public List<FactKey>? PrincipalsHolding(LinkInfo link, AbstractValue dependent)
    {
        List<FactKey>? holding = null;
        foreach (var pair in _facts)
        {
            if (pair.Key.Link == link && pair.Value.Contains(dependent))
            {
                (holding ??= new()).Add(pair.Key);
            }
        }

        return holding;
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
        if (!ReferenceEquals(_vars, other._vars) && Join(_vars, other._vars, origins) is { } vars)
        {
            _vars = vars;
            _shared &= ~Shared.Vars;
            changed = true;
        }

        if (!ReferenceEquals(_facts, other._facts) && Join(_facts, other._facts, origins) is { } facts)
        {
            _facts = facts;
            _shared &= ~Shared.Facts;
            changed = true;
        }

        if (_detached != other._detached && Keep(_detached, other._detached.Contains) is { } kept)
        {
            _detached = kept;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// <paramref name="into"/> joined with <paramref name="from"/>: null when that adds nothing; otherwise a table of
    /// its own (a copy of <paramref name="into"/>, which may be shared, is made before the first change).
    /// </summary>
    private static Dictionary<TKey, ValueSet>? Join<TKey>(Dictionary<TKey, ValueSet> into, Dictionary<TKey, ValueSet> from, Origins origins)
        where TKey : notnull
    {
        Dictionary<TKey, ValueSet>? result = null;
        foreach (var pair in from)
        {
            if (!into.TryGetValue(pair.Key, out var set))
            {
                (result ??= new(into))[pair.Key] = pair.Value;
                continue;
            }

            if (ReferenceEquals(set, pair.Value))
            {
                continue; // one set shared by both states: nothing to add
            }

            // A set already standing for many objects absorbs whatever joins it: the join stays stable.
            if (origins.ManyOf(pair.Key) is { } manyOrigin && set.Contains(new AbstractValue(manyOrigin, Old: false)))
            {
                if (set.Count != 1)
                {
                    (result ??= new(into))[pair.Key] = origins.Single(new AbstractValue(manyOrigin, Old: false));
                }

                continue;
            }

            if (set.IsSupersetOf(pair.Value))
            {
                continue;
            }

            var merged = set.Union(pair.Value);
            (result ??= new(into))[pair.Key] = merged.Count > FlowBounds.ValuesPerSet
                ? origins.Single(new AbstractValue(origins.MakeMany(pair.Key), Old: false))
                : merged;
        }

        return result;
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
        if (Replaced(_vars, current, old) is { } replacedVars)
        {
            _vars = replacedVars;
            _shared &= ~Shared.Vars;
        }

        if (Replaced(_facts, current, old) is { } replacedFacts)
        {
            _facts = replacedFacts;
            _shared &= ~Shared.Facts;
        }

        List<FactKey>? moved = null;
        foreach (var key in _facts.Keys)
        {
            if (key.Principal == current)
            {
                (moved ??= new()).Add(key);
            }
        }

        if (moved is not null)
        {
            var facts = WritableFacts();
            foreach (var key in moved)
            {
                var dependents = facts[key];
                facts.Remove(key);
                var oldKey = key with { Principal = old };
                facts[oldKey] = facts.TryGetValue(oldKey, out var existing) ? existing.Union(dependents) : dependents;
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
    /// <paramref name="sets"/> with every set that holds <paramref name="current"/> holding <paramref name="old"/>
    /// instead: a table of its own, or null when no set holds it.
    /// </summary>
    private static Dictionary<TKey, ValueSet>? Replaced<TKey>(Dictionary<TKey, ValueSet> sets, AbstractValue current, AbstractValue old)
        where TKey : notnull
    {
        List<TKey>? keys = null;
        foreach (var pair in sets)
        {
            if (pair.Value.Contains(current))
            {
                (keys ??= new()).Add(pair.Key);
            }
        }

        if (keys is null)
        {
            return null;
        }

        var result = new Dictionary<TKey, ValueSet>(sets);
        foreach (var key in keys)
        {
            result[key] = sets[key].Replace(current, old);
        }

        return result;
    }

    /// <summary>
    /// Forgets what can no longer matter at the end of a block: flow captures that no later block reads, and facts and
    /// unlinks about objects that no variable holds any more and that cannot be reached again. Keeps the state (and so
    /// each copy and join) as small as what is live, which keeps the analysis of a long method linear.
    /// </summary>
    public void Collect(Dictionary<CaptureId, int> onlyBlockOf, int block, Origins origins)
    {
        List<VarKey>? deadCaptures = null;
        foreach (var key in _vars.Keys)
        {
            if (key.IsCapture && onlyBlockOf.TryGetValue(key.Capture, out var only) && only == block)
            {
                (deadCaptures ??= new()).Add(key);
            }
        }

        if (deadCaptures is not null)
        {
            var vars = WritableVars();
            foreach (var key in deadCaptures)
            {
                vars.Remove(key);
            }
        }

        if (_facts.Count == 0 && _detached.IsEmpty)
        {
            return;
        }

        List<FactKey>? deadFacts = null;
        foreach (var key in _facts.Keys)
        {
            if (!Reachable(key.Principal, origins))
            {
                (deadFacts ??= new()).Add(key);
            }
        }

        if (deadFacts is not null)
        {
            var facts = WritableFacts();
            foreach (var key in deadFacts)
            {
                facts.Remove(key);
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

        foreach (var set in _vars.Values)
        {
            if (set.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<VarKey, ValueSet> WritableVars()
    {
        if ((_shared & Shared.Vars) != 0)
        {
            _vars = new(_vars);
            _shared &= ~Shared.Vars;
        }

        return _vars;
    }

    private Dictionary<FactKey, ValueSet> WritableFacts()
    {
        if ((_shared & Shared.Facts) != 0)
        {
            _facts = new(_facts);
            _shared &= ~Shared.Facts;
        }

        return _facts;
    }

    /// <summary>The keys of <paramref name="keys"/> that <paramref name="keep"/> accepts; null when it accepts them all.</summary>
    private static ImmutableArray<DetachedKey>? Keep(ImmutableArray<DetachedKey> keys, Func<DetachedKey, bool> keep)
    {
        ImmutableArray<DetachedKey>.Builder? kept = null;
        for (var i = 0; i < keys.Length; i++)
        {
            if (kept is null && !keep(keys[i]))
            {
                kept = ImmutableArray.CreateBuilder<DetachedKey>(keys.Length);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(keys[j]);
                }
            }
            else if (kept is not null && keep(keys[i]))
            {
                kept.Add(keys[i]);
            }
        }

        return kept?.ToImmutable();
    }
}
