using System;
using System.Collections.Generic;
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
internal sealed class FlowState
{
    /// <remarks>
    /// The sets in a state are immutable (<see cref="ValueSet"/>): a change puts a new set in, so a copy of the state
    /// shares them and costs three dictionary copies whatever the sets hold.
    /// </remarks>
    public FlowState()
    {
        Vars = new();
        Facts = new();
        Detached = new();
    }

    private FlowState(FlowState other)
    {
        Vars = new(other.Vars);
        Facts = new(other.Facts);
        Detached = new(other.Detached);
    }

    public Dictionary<VarKey, ValueSet> Vars { get; }

    public Dictionary<FactKey, ValueSet> Facts { get; }

    /// <summary>A must-set: a join keeps only what both sides hold.</summary>
    public HashSet<DetachedKey> Detached { get; }

    public FlowState Clone() => new(this);

    /// <summary>
    /// Merges <paramref name="other"/> into this state (may-analysis: union). Returns whether anything changed. A set
    /// that grows past <see cref="FlowBounds.ValuesPerSet"/> objects becomes one temporary standing for all of them
    /// (never in conflict with anything but itself from an earlier run), so that a variable joined from many
    /// branches does not make every later step slower.
    /// </summary>
    public bool JoinFrom(FlowState other, Origins origins)
    {
        var changed = Join(Vars, other.Vars, origins);
        changed |= Join(Facts, other.Facts, origins);
        var before = Detached.Count;
        Detached.IntersectWith(other.Detached);
        return changed | Detached.Count != before;
    }

    private static bool Join<TKey>(Dictionary<TKey, ValueSet> into, Dictionary<TKey, ValueSet> from, Origins origins)
        where TKey : notnull
    {
        var changed = false;
        foreach (var pair in from)
        {
            if (!into.TryGetValue(pair.Key, out var set))
            {
                into[pair.Key] = pair.Value;
                changed = true;
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
                    into[pair.Key] = origins.Single(new AbstractValue(manyOrigin, Old: false));
                    changed = true;
                }

                continue;
            }

            if (set.IsSupersetOf(pair.Value))
            {
                continue;
            }

            var merged = set.Union(pair.Value);
            into[pair.Key] = merged.Count > FlowBounds.ValuesPerSet
                ? origins.Single(new AbstractValue(origins.MakeMany(pair.Key), Old: false))
                : merged;
            changed = true;
        }

        return changed;
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
        Replace(Vars, current, old);
        Replace(Facts, current, old);

        List<FactKey>? moved = null;
        foreach (var key in Facts.Keys)
        {
            if (key.Principal == current)
            {
                (moved ??= new()).Add(key);
            }
        }

        if (moved is not null)
        {
            foreach (var key in moved)
            {
                var dependents = Facts[key];
                Facts.Remove(key);
                var oldKey = key with { Principal = old };
                Facts[oldKey] = Facts.TryGetValue(oldKey, out var existing) ? existing.Union(dependents) : dependents;
            }
        }

        // An old object is one of many: what was known of the current one for sure is not known of all of them.
        Detached.RemoveWhere(d => d.Dependent == current);
    }

    /// <summary>Every set of <paramref name="sets"/> that holds <paramref name="current"/> holds <paramref name="old"/> instead.</summary>
    private static void Replace<TKey>(Dictionary<TKey, ValueSet> sets, AbstractValue current, AbstractValue old)
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
            return;
        }

        foreach (var key in keys)
        {
            sets[key] = sets[key].Replace(current, old);
        }
    }

    /// <summary>
    /// Forgets what can no longer matter at the end of a block: flow captures that no later block reads, and facts and
    /// unlinks about objects that no variable holds any more and that cannot be reached again. Keeps the state (and so
    /// each copy and join) as small as what is live, which keeps the analysis of a long method linear.
    /// </summary>
    public void Collect(Dictionary<CaptureId, int> onlyBlockOf, int block, Origins origins)
    {
        List<VarKey>? deadCaptures = null;
        foreach (var key in Vars.Keys)
        {
            if (key.IsCapture && onlyBlockOf.TryGetValue(key.Capture, out var only) && only == block)
            {
                (deadCaptures ??= new()).Add(key);
            }
        }

        if (deadCaptures is not null)
        {
            foreach (var key in deadCaptures)
            {
                Vars.Remove(key);
            }
        }

        if (Facts.Count == 0 && Detached.Count == 0)
        {
            return;
        }

        List<FactKey>? deadFacts = null;
        foreach (var key in Facts.Keys)
        {
            if (!Reachable(key.Principal, origins))
            {
                (deadFacts ??= new()).Add(key);
            }
        }

        if (deadFacts is not null)
        {
            foreach (var key in deadFacts)
            {
                Facts.Remove(key);
            }
        }

        List<DetachedKey>? deadUnlinks = null;
        foreach (var key in Detached)
        {
            if (!Reachable(key.Dependent, origins))
            {
                (deadUnlinks ??= new()).Add(key);
            }
        }

        if (deadUnlinks is not null)
        {
            Detached.ExceptWith(deadUnlinks);
        }
    }

    /// <summary>Whether an object may still be read: a variable holds it, or it can be read again without one.</summary>
    private bool Reachable(AbstractValue value, Origins origins)
    {
        if (origins.IsReachableWithoutVariable(value.Origin))
        {
            return true;
        }

        foreach (var set in Vars.Values)
        {
            if (set.Contains(value))
            {
                return true;
            }
        }

        return false;
    }
}
