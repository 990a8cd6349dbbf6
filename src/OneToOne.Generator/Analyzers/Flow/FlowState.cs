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

    public bool Equals(VarKey other) =>
        _symbol is null ? other._symbol is null && _capture.Equals(other._capture) : SymbolEqualityComparer.Default.Equals(_symbol, other._symbol);

    public override bool Equals(object? obj) => obj is VarKey other && Equals(other);

    public override int GetHashCode() => _symbol is null ? _capture.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(_symbol);
}

/// <summary>What "principal p may hold dependent d" is keyed by: the link and the principal's abstract object.</summary>
internal readonly record struct FactKey(LinkInfo Link, AbstractValue Principal);

/// <summary>
/// The state at one program point: which abstract objects each variable may hold, and, per link and principal,
/// which dependents may already be linked to it on some path reaching this point.
/// </summary>
internal sealed class FlowState
{
    public Dictionary<VarKey, HashSet<AbstractValue>> Vars { get; } = new();

    public Dictionary<FactKey, HashSet<AbstractValue>> Facts { get; } = new();

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

        return copy;
    }

    /// <summary>Merges <paramref name="other"/> into this state (may-analysis: union). Returns whether anything changed.</summary>
    public bool JoinFrom(FlowState other)
    {
        var changed = Join(Vars, other.Vars);
        changed |= Join(Facts, other.Facts);
        return changed;
    }

    private static bool Join<TKey>(Dictionary<TKey, HashSet<AbstractValue>> into, Dictionary<TKey, HashSet<AbstractValue>> from)
        where TKey : notnull
    {
        var changed = false;
        foreach (var pair in from)
        {
            if (!into.TryGetValue(pair.Key, out var set))
            {
                into[pair.Key] = new HashSet<AbstractValue>(pair.Value);
                changed = true;
            }
            else
            {
                foreach (var value in pair.Value)
                {
                    changed |= set.Add(value);
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// The place <paramref name="origin"/> runs again: the object it made before becomes an "old" object, wherever
    /// the state mentions it, so the new object it is about to make is a different one.
    /// </summary>
    public void Age(int origin)
    {
        var current = new AbstractValue(origin, Old: false);
        var old = new AbstractValue(origin, Old: true);
        foreach (var set in Vars.Values.Concat(Facts.Values))
        {
            if (set.Remove(current))
            {
                set.Add(old);
            }
        }

        foreach (var key in Facts.Keys.Where(k => k.Principal == current).ToList())
        {
            var moved = Facts[key];
            Facts.Remove(key);
            var oldKey = key with { Principal = old };
            if (Facts.TryGetValue(oldKey, out var existing))
            {
                existing.UnionWith(moved);
            }
            else
            {
                Facts[oldKey] = moved;
            }
        }
    }
}

/// <summary>Where each abstract object comes from, with a name for messages. Shared by a body and its lambdas.</summary>
internal sealed class Origins
{
    private readonly Dictionary<object, int> _ids = new();
    private readonly List<string> _names = new();

    public int Of(object key, Func<string> name)
    {
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _names.Count;
            _ids[key] = id;
            _names.Add(name());
        }

        return id;
    }

    public string Name(AbstractValue value) => _names[value.Origin];
}
