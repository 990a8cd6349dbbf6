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
    public Dictionary<VarKey, HashSet<AbstractValue>> Vars { get; } = new();

    public Dictionary<FactKey, HashSet<AbstractValue>> Facts { get; } = new();

    /// <summary>A must-set: a join keeps only what both sides hold.</summary>
    public HashSet<DetachedKey> Detached { get; } = new();

    public FlowState Clone()
    {
        var copy = new FlowState();
        foreach (var pair in Vars)
        {
            copy.Vars[pair.Key] = new HashSet<AbstractValue>(pair.Value);
        }

        foreach (var pair in Facts)
        {
            copy.Facts[pair.Key] = new HashSet<AbstractValue>(pair.Value);
        }

        copy.Detached.UnionWith(Detached);
        return copy;
    }

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

    private static bool Join<TKey>(Dictionary<TKey, HashSet<AbstractValue>> into, Dictionary<TKey, HashSet<AbstractValue>> from, Origins origins)
        where TKey : notnull
    {
        var changed = false;
        foreach (var pair in from)
        {
            if (!into.TryGetValue(pair.Key, out var set))
            {
                into[pair.Key] = new HashSet<AbstractValue>(pair.Value);
                changed = true;
                continue;
            }

            // A set already standing for many objects absorbs whatever joins it: the join stays stable.
            if (origins.ManyOf(pair.Key) is { } manyOrigin && set.Contains(new AbstractValue(manyOrigin, Old: false)))
            {
                var wasOnlyMany = set.Count == 1;
                set.Clear();
                set.Add(new AbstractValue(manyOrigin, Old: false));
                changed |= !wasOnlyMany;
                continue;
            }

            var grew = false;
            foreach (var value in pair.Value)
            {
                grew |= set.Add(value);
            }

            if (set.Count > FlowBounds.ValuesPerSet)
            {
                set.Clear();
                set.Add(new AbstractValue(origins.MakeMany(pair.Key), Old: false));
                grew = true;
            }

            changed |= grew;
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
        foreach (var set in Vars.Values)
        {
            Replace(set, current, old);
        }

        List<FactKey>? moved = null;
        foreach (var pair in Facts)
        {
            Replace(pair.Value, current, old);
            if (pair.Key.Principal == current)
            {
                (moved ??= new()).Add(pair.Key);
            }
        }

        if (moved is not null)
        {
            foreach (var key in moved)
            {
                var dependents = Facts[key];
                Facts.Remove(key);
                var oldKey = key with { Principal = old };
                if (Facts.TryGetValue(oldKey, out var existing))
                {
                    existing.UnionWith(dependents);
                }
                else
                {
                    Facts[oldKey] = dependents;
                }
            }
        }

        // An old object is one of many: what was known of the current one for sure is not known of all of them.
        Detached.RemoveWhere(d => d.Dependent == current);
    }

    private static void Replace(HashSet<AbstractValue> set, AbstractValue current, AbstractValue old)
    {
        if (set.Remove(current))
        {
            set.Add(old);
        }
    }

    /// <summary>
    /// Forgets what can no longer matter at the end of a block: flow captures that no later block reads, and facts and
    /// unlinks about objects that no variable holds any more and that cannot be reached again. Keeps the state (and so
    /// each copy and join) as small as what is live, which keeps the analysis of a long method linear.
    /// </summary>
    public void Collect(Func<CaptureId, bool> captureIsDead, Origins origins)
    {
        List<VarKey>? deadCaptures = null;
        foreach (var key in Vars.Keys)
        {
            if (key.IsCapture && captureIsDead(key.Capture))
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

        var held = new HashSet<AbstractValue>();
        foreach (var set in Vars.Values)
        {
            held.UnionWith(set);
        }

        bool Reachable(AbstractValue value) => held.Contains(value) || origins.IsReachableWithoutVariable(value.Origin);

        List<FactKey>? deadFacts = null;
        foreach (var key in Facts.Keys)
        {
            if (!Reachable(key.Principal))
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

        Detached.RemoveWhere(d => !Reachable(d.Dependent));
    }
}
