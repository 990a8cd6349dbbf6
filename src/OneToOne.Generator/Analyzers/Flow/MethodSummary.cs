using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>Which object of a call an effect is about.</summary>
internal enum SlotKind
{
    /// <summary>The receiver (<c>this</c>; for a constructor, the new object).</summary>
    This,

    /// <summary>The argument of parameter <see cref="Slot.Index"/>.</summary>
    Parameter,

    /// <summary>An object the method makes (object <see cref="Slot.Index"/> of its analysis): a new one on every call.</summary>
    Made,

    /// <summary>A variable of the caller that a local function uses (<see cref="Slot.Symbol"/>).</summary>
    Captured,
}

/// <summary>One object of a call, as a summary names it.</summary>
internal readonly record struct Slot(SlotKind Kind, int Index, bool Old, string Name, ISymbol? Symbol = null);

/// <summary>After the call, principal <see cref="Principal"/> may hold one of <see cref="Dependents"/> (or an object the summary cannot name).</summary>
internal sealed record LinkEffect(LinkInfo Link, Slot Principal, ImmutableArray<Slot> Dependents, bool AlsoUnknown);

/// <summary>
/// Owns what a call of one method does to links, in terms of its receiver, its arguments and the objects it makes:
/// which principals it leaves holding which dependents, which principals it leaves holding none, which dependents it
/// leaves linked to nothing, and which of those objects it returns. Derived from the state at the method's exit.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(ImmutableArray<LinkEffect>.Empty, ImmutableArray<(LinkInfo, Slot)>.Empty, ImmutableArray<(LinkInfo, Slot)>.Empty, ImmutableArray<Slot>.Empty);

    private MethodSummary(ImmutableArray<LinkEffect> links, ImmutableArray<(LinkInfo, Slot)> clearedPrincipals, ImmutableArray<(LinkInfo, Slot)> detachedDependents, ImmutableArray<Slot> returns)
    {
        Links = links;
        ClearedPrincipals = clearedPrincipals;
        DetachedDependents = detachedDependents;
        Returns = returns;
    }

    public ImmutableArray<LinkEffect> Links { get; }

    /// <summary>Principals left holding no dependent of the link.</summary>
    public ImmutableArray<(LinkInfo Link, Slot Principal)> ClearedPrincipals { get; }

    /// <summary>Dependents left linked to no principal through the link.</summary>
    public ImmutableArray<(LinkInfo Link, Slot Dependent)> DetachedDependents { get; }

    /// <summary>The objects the method may return; empty when it returns nothing the summary can name.</summary>
    public ImmutableArray<Slot> Returns { get; }

    /// <summary>Whether a call links or unlinks anything the summary can name.</summary>
    public bool HasEffects => Links.Length > 0 || ClearedPrincipals.Length > 0 || DetachedDependents.Length > 0;

    /// <summary>
    /// The summary of <paramref name="method"/> from the state at its exit (null when no path returns) and the
    /// objects its <c>return</c> statements give back.
    /// </summary>
    public static MethodSummary From(IMethodSymbol method, FlowState? exit, ValueSet? returned, Origins origins)
    {
        if (exit is null || (exit.Facts.Count == 0 && exit.Detached.IsEmpty && returned is not { Count: > 0 }))
        {
            return Empty; // no link, no unlink, nothing returned: nothing a caller needs to know
        }

        // The sets are sorted by origin already; the tables are put in the same order, so that a summary does not
        // depend on the order a table was filled in.
        var returns = ImmutableArray<Slot>.Empty;
        if (returned is { Count: > 0 })
        {
            var builder = ImmutableArray.CreateBuilder<Slot>(returned.Count);
            foreach (var value in returned)
            {
                if (SlotOf(value, method, origins) is not { } slot)
                {
                    builder = null;
                    break;
                }

                builder.Add(slot);
            }

            returns = builder?.MoveToImmutable() ?? ImmutableArray<Slot>.Empty;
        }

        ImmutableArray<LinkEffect>.Builder? links = null;
        ImmutableArray<(LinkInfo, Slot)>.Builder? cleared = null;
        if (exit.Facts.Count > 0)
        {
            var facts = new KeyValuePair<FactKey, ValueSet>[exit.Facts.Count];
            var next = 0;
            foreach (var pair in exit.Facts)
            {
                facts[next++] = pair;
            }

            Array.Sort(facts, ByPrincipal);
            foreach (var pair in facts)
            {
                if (SlotOf(pair.Key.Principal, method, origins) is not { } principal)
                {
                    continue;
                }

                if (pair.Value.Count == 0)
                {
                    if (Visible(principal, returns))
                    {
                        (cleared ??= ImmutableArray.CreateBuilder<(LinkInfo, Slot)>()).Add((pair.Key.Link, principal));
                    }

                    continue;
                }

                var dependents = ImmutableArray.CreateBuilder<Slot>(pair.Value.Count);
                var unknown = false;
                var anyVisible = Visible(principal, returns);
                foreach (var dependent in pair.Value)
                {
                    if (SlotOf(dependent, method, origins) is { } slot)
                    {
                        dependents.Add(slot);
                        anyVisible |= Visible(slot, returns);
                    }
                    else
                    {
                        unknown = true;
                    }
                }

                if (anyVisible)
                {
                    (links ??= ImmutableArray.CreateBuilder<LinkEffect>()).Add(new LinkEffect(pair.Key.Link, principal, dependents.ToImmutable(), unknown));
                }
            }
        }

        ImmutableArray<(LinkInfo, Slot)>.Builder? detached = null;
        if (!exit.Detached.IsEmpty)
        {
            // Stable by the dependent's origin (an insertion sort of a handful).
            var keys = new DetachedKey[exit.Detached.Length];
            exit.Detached.CopyTo(keys);
            for (var i = 1; i < keys.Length; i++)
            {
                var key = keys[i];
                var j = i - 1;
                for (; j >= 0 && keys[j].Dependent.Origin > key.Dependent.Origin; j--)
                {
                    keys[j + 1] = keys[j];
                }

                keys[j + 1] = key;
            }

            foreach (var key in keys)
            {
                if (SlotOf(key.Dependent, method, origins) is { Kind: not SlotKind.Made } slot)
                {
                    (detached ??= ImmutableArray.CreateBuilder<(LinkInfo, Slot)>()).Add((key.Link, slot));
                }
            }
        }

        var effects = (links?.Count ?? 0) + (cleared?.Count ?? 0) + (detached?.Count ?? 0);
        if (effects > FlowBounds.SummaryEffects)
        {
            return Empty; // too much to follow: the method does nothing known
        }

        return effects + returns.Length == 0
            ? Empty
            : new MethodSummary(
                links?.ToImmutable() ?? ImmutableArray<LinkEffect>.Empty,
                cleared?.ToImmutable() ?? ImmutableArray<(LinkInfo, Slot)>.Empty,
                detached?.ToImmutable() ?? ImmutableArray<(LinkInfo, Slot)>.Empty,
                returns);
    }

    /// <summary>By the principal's origin, the current object before the old one (the order of the source).</summary>
    private static readonly Comparison<KeyValuePair<FactKey, ValueSet>> ByPrincipal = static (x, y) =>
        x.Key.Principal.Origin != y.Key.Principal.Origin
            ? x.Key.Principal.Origin.CompareTo(y.Key.Principal.Origin)
            : x.Key.Principal.Old.CompareTo(y.Key.Principal.Old);

    /// <summary>Objects the method makes matter to the caller only when they are returned or linked to the caller's objects.</summary>
    private static bool Visible(Slot slot, ImmutableArray<Slot> returns) => slot.Kind != SlotKind.Made || returns.Contains(slot);

    /// <summary>How a summary names an object of the method's analysis: null when the caller cannot know it.</summary>
    private static Slot? SlotOf(AbstractValue value, IMethodSymbol method, Origins origins)
    {
        switch (origins.Kind(value.Origin))
        {
            case OriginKind.Made when origins.Key(value.Origin) is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation:
                return new Slot(SlotKind.Made, value.Origin, value.Old, origins.Name(value.Origin));
            case OriginKind.Incoming when !value.Old && origins.Key(value.Origin) is VarKey { Symbol: var symbol }:
                return symbol switch
                {
                    IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method) && parameter.RefKind == RefKind.None =>
                        new Slot(SlotKind.Parameter, parameter.Ordinal, false, parameter.Name),
                    INamedTypeSymbol when !method.IsStatic => new Slot(SlotKind.This, 0, false, "this"),
                    ILocalSymbol or IParameterSymbol when method.MethodKind == MethodKind.LocalFunction =>
                        new Slot(SlotKind.Captured, 0, false, symbol.Name, symbol),
                    _ => null,
                };
            default:
                return null;
        }
    }
}
