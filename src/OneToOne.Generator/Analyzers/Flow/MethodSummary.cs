using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

        Slot? SlotOf(AbstractValue value)
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

        var returns = ImmutableArray.CreateBuilder<Slot>();
        if (returned is { Count: > 0 })
        {
            foreach (var value in returned.OrderBy(v => v.Origin).ThenBy(v => v.Old))
            {
                if (SlotOf(value) is not { } slot)
                {
                    returns.Clear();
                    break;
                }

                returns.Add(slot);
            }
        }

        // Objects the method makes matter to the caller only when they are returned or linked to the caller's objects.
        bool Visible(Slot slot) => slot.Kind != SlotKind.Made || returns.Contains(slot);

        var links = ImmutableArray.CreateBuilder<LinkEffect>();
        var cleared = ImmutableArray.CreateBuilder<(LinkInfo, Slot)>();
        foreach (var pair in exit.Facts.OrderBy(p => p.Key.Principal.Origin).ThenBy(p => p.Key.Principal.Old))
        {
            if (SlotOf(pair.Key.Principal) is not { } principal)
            {
                continue;
            }

            if (pair.Value.Count == 0)
            {
                if (Visible(principal))
                {
                    cleared.Add((pair.Key.Link, principal));
                }

                continue;
            }

            var dependents = ImmutableArray.CreateBuilder<Slot>();
            var unknown = false;
            foreach (var dependent in pair.Value.OrderBy(v => v.Origin).ThenBy(v => v.Old))
            {
                if (SlotOf(dependent) is { } slot)
                {
                    dependents.Add(slot);
                }
                else
                {
                    unknown = true;
                }
            }

            if (Visible(principal) || dependents.Any(Visible))
            {
                links.Add(new LinkEffect(pair.Key.Link, principal, dependents.ToImmutable(), unknown));
            }
        }

        var detached = ImmutableArray.CreateBuilder<(LinkInfo, Slot)>();
        foreach (var key in exit.Detached.OrderBy(d => d.Dependent.Origin))
        {
            if (SlotOf(key.Dependent) is { } slot && slot.Kind != SlotKind.Made)
            {
                detached.Add((key.Link, slot));
            }
        }

        if (links.Count + cleared.Count + detached.Count > FlowBounds.SummaryEffects)
        {
            return Empty; // too much to follow: the method does nothing known
        }

        return links.Count + cleared.Count + detached.Count + returns.Count == 0
            ? Empty
            : new MethodSummary(links.ToImmutable(), cleared.ToImmutable(), detached.ToImmutable(), returns.ToImmutable());
    }
}
