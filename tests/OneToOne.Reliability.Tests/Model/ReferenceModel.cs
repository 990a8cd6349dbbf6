// The plain reference model of the link semantics (docs/atomicity.md, README), written from the rules only (no
// locks, no generated code): integers stand for objects, two arrays for the two sides of one link; and the one
// mapping of the real objects' exceptions to its outcomes (RealOutcome). Shared by the model-based tests
// (ModelBased/), the stale-slot tests of tests/OneToOne.Tests and the systematic concurrency tests
// (tests/OneToOne.Reliability.Coyote), which link this file.
using System;
using System.Collections.Generic;
using System.Linq;

namespace OneToOne.Reliability.Model;

/// <summary>What an operation did, as observable from outside.</summary>
public enum Outcome
{
    /// <summary>Returned normally (a link, a move, an unlink or a no-op).</summary>
    Ok,

    /// <summary>Threw <c>OneToOneViolationException</c> (OnConflict = Throw).</summary>
    Violation,

    /// <summary>Threw <see cref="ArgumentNullException"/> (<c>d.User = null</c> on a required link).</summary>
    ArgumentNull,

    /// <summary>Threw exactly <see cref="InvalidOperationException"/> (<c>p.Profile = null</c> on a required link).</summary>
    InvalidOperation,
}

/// <summary>
/// The outcome of an operation on the real objects (the generated setters, the ORM entry points) that threw: the one
/// mapping from the real objects' exceptions to the model's outcomes, for every suite that compares the two.
/// </summary>
public static class RealOutcome
{
    /// <summary>The outcome a link exception stands for; null for any other exception (which must escape).</summary>
    public static Outcome? Of(Exception e) => e switch
    {
        OneToOneViolationException => Outcome.Violation,
        ArgumentNullException => Outcome.ArgumentNull,
        _ when e.GetType() == typeof(InvalidOperationException) => Outcome.InvalidOperation,
        _ => null,
    };
}

/// <summary>The four assignments of the link semantics, the two ORM entry points, and direct storage writes.</summary>
public enum OpKind
{
    /// <summary><c>d.User = p</c> (link, move, conflict).</summary>
    SetForward,

    /// <summary><c>p.Profile = d</c> (the same operation).</summary>
    SetReverse,

    /// <summary><c>d.User = null</c> (unlink).</summary>
    ClearForward,

    /// <summary><c>p.Profile = null</c> (unlink the principal's dependent).</summary>
    ClearReverse,

    /// <summary><c>OneToOneLinks.DetachDependent(d)</c>: the ORM entry point; never throws.</summary>
    DetachDependent,

    /// <summary><c>OneToOneLinks.DetachPrincipal(p)</c>: the ORM entry point; never throws.</summary>
    DetachPrincipal,

    /// <summary>A tool writes d's forward slot directly (<c>d.__oneToOne_User = p</c>), bypassing the protocol.</summary>
    RawForward,

    /// <summary>A tool writes p's reverse slot directly (<c>p.__oneToOne_Profile = d</c>).</summary>
    RawReverse,

    /// <summary>A tool clears d's forward slot directly.</summary>
    RawClearForward,

    /// <summary>A tool clears p's reverse slot directly.</summary>
    RawClearReverse,
}

/// <summary>One link declaration as the rules see it: names for messages, the policy and <c>Required</c>.</summary>
/// <param name="Dependent">The dependent's name, lower case, used to name objects (<c>profile1</c>).</param>
/// <param name="Principal">The principal's name, lower case (<c>user0</c>).</param>
/// <param name="Navigation">The forward navigation (<c>User</c>).</param>
/// <param name="Reverse">The reverse accessor (<c>Profile</c>).</param>
/// <param name="Replace"><c>OnConflict = Replace</c>.</param>
/// <param name="Required"><c>Required = true</c>.</param>
public sealed record LinkSpec(string Dependent, string Principal, string Navigation, string Reverse, bool Replace, bool Required)
{
    /// <summary>Says an operation the way a user would type it: <c>profile1.User = user0</c>.</summary>
    public string Describe(OpKind kind, int dependent, int principal) => kind switch
    {
        OpKind.SetForward => $"{Dependent}{dependent}.{Navigation} = {Principal}{principal}",
        OpKind.SetReverse => $"{Principal}{principal}.{Reverse} = {Dependent}{dependent}",
        OpKind.ClearForward => $"{Dependent}{dependent}.{Navigation} = null",
        OpKind.ClearReverse => $"{Principal}{principal}.{Reverse} = null",
        OpKind.DetachDependent => $"DetachDependent({Dependent}{dependent})",
        OpKind.DetachPrincipal => $"DetachPrincipal({Principal}{principal})",
        OpKind.RawForward => $"{Dependent}{dependent}.__oneToOne_{Navigation} = {Principal}{principal}",
        OpKind.RawReverse => $"{Principal}{principal}.__oneToOne_{Reverse} = {Dependent}{dependent}",
        OpKind.RawClearForward => $"{Dependent}{dependent}.__oneToOne_{Navigation} = null",
        _ => $"{Principal}{principal}.__oneToOne_{Reverse} = null",
    };

    /// <summary>Whether <paramref name="kind"/> writes the storage directly, bypassing the protocol.</summary>
    public static bool IsRaw(OpKind kind) => kind >= OpKind.RawForward;
}

/// <summary>
/// The state of one link over a pool of principals and a pool of dependents: <see cref="Forward"/>[d] is the
/// index of d's principal (-1: none), <see cref="Reverse"/>[p] the index of p's dependent. For a self link both
/// pools are one pool of objects, and the two arrays are still the two roles.
/// </summary>
public sealed class LinkState : IEquatable<LinkState>
{
    public LinkState(LinkSpec spec, int dependents, int principals)
    {
        Spec = spec;
        Forward = Enumerable.Repeat(-1, dependents).ToArray();
        Reverse = Enumerable.Repeat(-1, principals).ToArray();
    }

    private LinkState(LinkSpec spec, int[] forward, int[] reverse)
    {
        Spec = spec;
        Forward = forward;
        Reverse = reverse;
    }

    public LinkSpec Spec { get; }

    public int[] Forward { get; }

    public int[] Reverse { get; }

    public LinkState Clone() => new(Spec, (int[])Forward.Clone(), (int[])Reverse.Clone());

    /// <summary>
    /// Applies one operation as the rules say, and returns its outcome. An operation that throws changes nothing.
    /// A slot is live when its partner points back, stale otherwise (left by a tool that wrote the storage
    /// directly); an operation treats a stale slot as empty, never writes the partner through it, and repairs it
    /// when the operation acts on that object.
    /// </summary>
    public Outcome Apply(OpKind kind, int dependent, int principal)
    {
        switch (kind)
        {
            case OpKind.SetForward:
            case OpKind.SetReverse:
                return Link(dependent, principal); // the same operation through either side
            case OpKind.ClearForward:
            {
                var p0 = Forward[dependent];
                if (p0 >= 0 && Reverse[p0] != dependent)
                {
                    Forward[dependent] = -1; // stale: repaired, whatever Required says; p0 untouched
                    return Outcome.Ok;
                }

                if (Spec.Required)
                {
                    return Outcome.ArgumentNull; // required: nothing changed
                }

                if (p0 >= 0)
                {
                    Forward[dependent] = -1;
                    Reverse[p0] = -1;
                }

                return Outcome.Ok; // a no-op when not linked
            }

            case OpKind.ClearReverse:
            {
                var d = Reverse[principal];
                if (d < 0)
                {
                    return Outcome.Ok; // a no-op when it has none, required or not
                }

                if (Forward[d] != principal)
                {
                    Reverse[principal] = -1; // stale: repaired; d untouched
                    return Outcome.Ok;
                }

                if (Spec.Required)
                {
                    return Outcome.InvalidOperation; // required: nothing changed
                }

                Forward[d] = -1;
                Reverse[principal] = -1;
                return Outcome.Ok;
            }

            case OpKind.DetachDependent:
            {
                var p0 = Forward[dependent];
                if (p0 >= 0 && Reverse[p0] == dependent)
                {
                    Reverse[p0] = -1;
                }

                Forward[dependent] = -1;
                return Outcome.Ok;
            }

            case OpKind.DetachPrincipal:
            {
                var d = Reverse[principal];
                if (d >= 0 && Forward[d] == principal)
                {
                    Forward[d] = -1;
                }

                Reverse[principal] = -1;
                return Outcome.Ok;
            }

            case OpKind.RawForward:
                Forward[dependent] = principal;
                return Outcome.Ok;
            case OpKind.RawReverse:
                Reverse[principal] = dependent;
                return Outcome.Ok;
            case OpKind.RawClearForward:
                Forward[dependent] = -1;
                return Outcome.Ok;
            default:
                Reverse[principal] = -1;
                return Outcome.Ok;
        }
    }

    private Outcome Link(int dependent, int principal)
    {
        var p0 = Forward[dependent];
        if (p0 >= 0 && Reverse[p0] != dependent)
        {
            p0 = -1; // stale: counts as empty
        }

        if (p0 == principal)
        {
            return Outcome.Ok; // already linked to each other
        }

        var d2 = Reverse[principal];
        if (d2 >= 0 && Forward[d2] != principal)
        {
            d2 = -1; // stale: counts as empty
        }

        if (d2 >= 0)
        {
            if (!Spec.Replace)
            {
                return Outcome.Violation; // Throw: nothing changed
            }

            Forward[d2] = -1; // Replace: d2 loses its principal
        }

        if (p0 >= 0)
        {
            Reverse[p0] = -1; // the dependent moves
        }

        Forward[dependent] = principal;
        Reverse[principal] = dependent;
        return Outcome.Ok;
    }

    /// <summary>The dependents whose forward slot is stale (names a principal that does not point back).</summary>
    public IEnumerable<int> StaleForward() =>
        Enumerable.Range(0, Forward.Length).Where(d => Forward[d] >= 0 && Reverse[Forward[d]] != d);

    /// <summary>The principals whose reverse slot is stale (names a dependent that does not point back).</summary>
    public IEnumerable<int> StaleReverse() =>
        Enumerable.Range(0, Reverse.Length).Where(p => Reverse[p] >= 0 && Forward[Reverse[p]] != p);

    /// <summary>The invariant on the model itself: both sides agree; so no principal has two dependents.</summary>
    public bool IsConsistent() =>
        Forward.Select((p, d) => (p, d)).All(x => x.p < 0 || Reverse[x.p] == x.d) &&
        Reverse.Select((d, p) => (d, p)).All(x => x.d < 0 || Forward[x.d] == x.p);

    public bool Equals(LinkState? other) =>
        other is not null && Forward.AsSpan().SequenceEqual(other.Forward) && Reverse.AsSpan().SequenceEqual(other.Reverse);

    public override bool Equals(object? obj) => Equals(obj as LinkState);

    public override int GetHashCode() => HashCode.Combine(string.Join(",", Forward), string.Join(",", Reverse));

    /// <summary>Says the state the way a user reads it: <c>profile0.User=user1 profile1.User=null | user0.Profile=null ...</c>.</summary>
    public override string ToString() =>
        string.Join(" ", Forward.Select((p, d) => $"{Spec.Dependent}{d}.{Spec.Navigation}={(p < 0 ? "null" : Spec.Principal + p)}")) +
        " | " +
        string.Join(" ", Reverse.Select((d, p) => $"{Spec.Principal}{p}.{Spec.Reverse}={(d < 0 ? "null" : Spec.Dependent + d)}"));
}

/// <summary>One operation of a concurrent or sequential run: which link (index into a list of states) and what.</summary>
public readonly record struct ModelOp(int Link, OpKind Kind, int Dependent, int Principal);

/// <summary>Serializability: is what a concurrent run did what some serial order of the same operations does?</summary>
public static class Serializability
{
    /// <summary>
    /// Searches every order of <paramref name="ops"/> (at most a handful) for one that, applied to
    /// <paramref name="initial"/> by the reference model, gives each operation its observed outcome and ends in
    /// <paramref name="observed"/>. Returns that order, or <see langword="null"/> when none exists.
    /// </summary>
    public static int[]? FindSerialOrder(IReadOnlyList<LinkState> initial, IReadOnlyList<ModelOp> ops, IReadOnlyList<Outcome> outcomes, IReadOnlyList<LinkState> observed)
    {
        foreach (var order in Permutations(Enumerable.Range(0, ops.Count).ToArray(), 0))
        {
            var states = initial.Select(s => s.Clone()).ToArray();
            var matches = true;
            foreach (var i in order)
            {
                var op = ops[i];
                if (states[op.Link].Apply(op.Kind, op.Dependent, op.Principal) != outcomes[i])
                {
                    matches = false;
                    break;
                }
            }

            if (matches && states.Select((s, i) => s.Equals(observed[i])).All(x => x))
            {
                return order;
            }
        }

        return null;
    }

    private static IEnumerable<int[]> Permutations(int[] items, int from)
    {
        if (from >= items.Length - 1)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var p in Permutations(items, from + 1))
            {
                yield return p;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
