// These tests write the storage directly between assignments, which the flow analysis cannot see: the links it
// reports as second links are links over stale slots here, which succeed by design.
#pragma warning disable OTO100
using System.Reflection;
using System.Text;
using OneToOne.Reliability.Model;
using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>
/// Stale slots: a tool that writes the storage directly (an ORM's fix-up) can leave <c>p.Profile == d</c> while
/// <c>d.User != p</c>, or the reverse. Every operation treats such a slot as empty, never clears or overwrites a link
/// between two other objects through it, and repairs the slot of the object it acts on. Checked exhaustively: every
/// state of two dependents and two principals (3^4 = 81 shapes, consistent and stale), every operation through both
/// sides and both ORM entry points, on every kind of link (Throw, Replace, Required, a self link, an external
/// principal with weak storage).
/// </summary>
public class StaleSlotTests
{
    private static readonly OpKind[] Operations =
    [
        OpKind.SetForward, OpKind.SetReverse, OpKind.ClearForward, OpKind.ClearReverse, OpKind.DetachDependent, OpKind.DetachPrincipal,
    ];

    public static TheoryData<string> Links { get; } = new() { "Profile", "Badge", "Passport", "Mentor", "Note" };

    [Theory]
    [MemberData(nameof(Links))]
    public void EveryOperationOnEveryStaleShapeTouchesNoOtherLinkAndRepairsItsOwnSlots(string link)
    {
        var failures = new List<string>();
        var cases = 0;
        foreach (var initial in AllStates(Harness.Create(link).Spec))
        {
            foreach (var kind in Operations)
            {
                for (var d = 0; d < 2; d++)
                {
                    for (var p = 0; p < 2; p++)
                    {
                        if ((kind is OpKind.ClearForward or OpKind.DetachDependent && p > 0) ||
                            (kind is OpKind.ClearReverse or OpKind.DetachPrincipal && d > 0))
                        {
                            continue; // these operations name one object only
                        }

                        cases++;
                        var failure = Check(link, initial, kind, d, p);
                        if (failure is not null)
                        {
                            failures.Add(failure);
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(81 * (4 + 4 + 2 + 2 + 2 + 2), cases);
    }

    /// <summary>Runs one operation on real objects in <paramref name="initial"/>'s shape; the first broken rule, or null.</summary>
    private static string? Check(string link, LinkState initial, OpKind kind, int d, int p)
    {
        var harness = Harness.Create(link);
        harness.Write(initial);
        var before = harness.Read();
        var what = $"{initial.Spec.Describe(kind, d, p)} on [{before}]";
        if (!before.Equals(initial))
        {
            return $"{what}: the direct writes did not take ({before})";
        }

        var expected = before.Clone();
        var expectedOutcome = expected.Apply(kind, d, p);
        var outcome = harness.Run(kind, d, p);
        var after = harness.Read();
        if (outcome != expectedOutcome || !after.Equals(expected))
        {
            return $"{what}: expected {expectedOutcome} and [{expected}], got {outcome} and [{after}]";
        }

        // The rules again, independently of the model.
        if (outcome != Outcome.Ok)
        {
            return after.Equals(before) ? null : $"{what}: threw {outcome} but changed [{after}]";
        }

        // Who may change: the objects the operation names, and the live partners they leave.
        var dependents = new HashSet<int>();
        var principals = new HashSet<int>();
        if (kind is OpKind.SetForward or OpKind.SetReverse or OpKind.ClearForward or OpKind.DetachDependent)
        {
            dependents.Add(d);
            if (IsLiveForward(before, d))
            {
                principals.Add(before.Forward[d]);
            }
        }

        if (kind is OpKind.SetForward or OpKind.SetReverse or OpKind.ClearReverse or OpKind.DetachPrincipal)
        {
            principals.Add(p);
            if (IsLiveReverse(before, p))
            {
                dependents.Add(before.Reverse[p]);
            }
        }

        for (var i = 0; i < 2; i++)
        {
            if (!dependents.Contains(i) && after.Forward[i] != before.Forward[i])
            {
                return $"{what}: touched the slot of dependent {i}, which it had no business with: [{after}]";
            }

            if (!principals.Contains(i) && after.Reverse[i] != before.Reverse[i])
            {
                return $"{what}: touched the slot of principal {i}, which it had no business with: [{after}]";
            }
        }

        // No new stale slot; the object acted on holds no stale slot afterwards.
        if (!after.StaleForward().All(before.StaleForward().Contains) || !after.StaleReverse().All(before.StaleReverse().Contains))
        {
            return $"{what}: left a new stale slot: [{after}]";
        }

        var repaired = kind switch
        {
            OpKind.SetForward or OpKind.SetReverse => after.Forward[d] == p && after.Reverse[p] == d,
            OpKind.ClearForward or OpKind.DetachDependent => after.Forward[d] == -1,
            _ => after.Reverse[p] == -1,
        };
        if (!repaired)
        {
            return $"{what}: the object acted on was not left empty or linked: [{after}]";
        }

        // When every stale slot was on the objects acted on, both sides agree everywhere afterwards.
        var staleElsewhere = before.StaleForward().Any(x => !dependents.Contains(x)) || before.StaleReverse().Any(x => !principals.Contains(x));
        return staleElsewhere || after.IsConsistent() ? null : $"{what}: both sides do not agree afterwards: [{after}]";
    }

    private static bool IsLiveForward(LinkState s, int d) => s.Forward[d] >= 0 && s.Reverse[s.Forward[d]] == d;

    private static bool IsLiveReverse(LinkState s, int p) => s.Reverse[p] >= 0 && s.Forward[s.Reverse[p]] == p;

    private static IEnumerable<LinkState> AllStates(LinkSpec spec)
    {
        for (var code = 0; code < 81; code++)
        {
            var state = new LinkState(spec, 2, 2);
            var c = code;
            for (var i = 0; i < 2; i++)
            {
                state.Forward[i] = c % 3 - 1;
                c /= 3;
                state.Reverse[i] = c % 3 - 1;
                c /= 3;
            }

            yield return state;
        }
    }

    // ---- The example that started it, and the shapes an ORM leaves, spelled out ----

    [Fact]
    public void TidyingADeletedDependentDoesNotUnlinkItsSuccessor()
    {
        // An ORM deleted p: it cleared u's side and left p.User == u. Then p2 was linked to u.
        var u = new User();
        var p = new Profile { User = u };
        var storage = new RawStorage<Profile, User>("User");
        storage.WriteReverse(u, null);
        var p2 = new Profile { User = u };

        p.User = null; // tidying the deleted object

        Assert.Null(p.User);
        Assert.Same(u, p2.User);
        Assert.Same(p2, u.Profile);
    }

    [Fact]
    public void TheStaleFieldWrittenByReflectionCountsAsEmpty()
    {
        // The same shape, written into the hidden field itself as a reflection-based tool would.
        var u = new User();
        var p = new Profile();
        var field = typeof(Profile).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Single(f => f.Name.StartsWith("__oneToOne_", StringComparison.Ordinal) && f.FieldType == typeof(User));
        field.SetValue(p, u); // p.User == u, u.Profile == null
        var p2 = new Profile();

        u.Profile = p2; // links: the stale p does not make u "taken"
        Assert.Same(u, p2.User);
        Assert.Same(p2, u.Profile);

        p.User = null;
        Assert.Null(p.User);
        Assert.Same(p2, u.Profile);
    }

    [Fact]
    public void AStaleReverseSlotDoesNotMakeThePrincipalTaken()
    {
        // u.Profile == p while p.User is null (the ORM cleared the dependent's side only).
        var u = new User();
        var p = new Profile { User = u };
        var storage = new RawStorage<Profile, User>("User");
        storage.WriteForward(p, null);
        var p2 = new Profile();

        p2.User = u; // no OneToOneViolationException: u has no dependent really

        Assert.Same(p2, u.Profile);
        Assert.Same(u, p2.User);
        Assert.Null(p.User);
    }

    [Fact]
    public void MovingAwayFromAStalePrincipalLeavesItsLiveLinkAlone()
    {
        // p.User == u (stale) while u is really linked to p2.
        var u = new User();
        var p = new Profile();
        var p2 = new Profile { User = u };
        var storage = new RawStorage<Profile, User>("User");
        storage.WriteForward(p, u);
        var u2 = new User();

        p.User = u2; // a move away from u, which does not point back: u keeps p2

        Assert.Same(u2, p.User);
        Assert.Same(p, u2.Profile);
        Assert.Same(p2, u.Profile);
        Assert.Same(u, p2.User);
    }

    [Fact]
    public void AStaleSlotOnTheReverseSideIsRepairedByUnlinking()
    {
        var u = new User();
        var p = new Profile { User = u };
        var p2 = new Profile();
        var storage = new RawStorage<Profile, User>("User");
        storage.WriteForward(p, null);
        storage.WriteForward(p2, u); // u.Profile == p (stale), p2.User == u (stale)

        u.Profile = null;

        Assert.Null(u.Profile);
        Assert.Null(p.User);
        Assert.Same(u, p2.User); // not u's dependent: not touched through u's stale slot
    }

    [Fact]
    public void ARequiredDeletedDependentCanBeTidiedWithoutAnException()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        var storage = new RawStorage<Passport, User>("Account");
        storage.WriteReverse(u, null); // the ORM deleted the passport and cleared u's side
        var successor = new Passport { Account = u };

        passport.Account = null!; // stale: no link to break, so no ArgumentNullException

        Assert.Null(passport.Account);
        Assert.Same(successor, u.Passport);
        Assert.Same(u, successor.Account);
    }

    [Fact]
    public void ARequiredPrincipalWithAStaleSlotCanBeTidiedWithoutAnException()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        var storage = new RawStorage<Passport, User>("Account");
        storage.WriteForward(passport, null); // the ORM deleted u and cleared the passport's side

        u.Passport = null; // stale: counts as empty, so no InvalidOperationException

        Assert.Null(u.Passport);
        Assert.Null(passport.Account);
    }

    [Fact]
    public void TheWeakStorageOfAnExternalPrincipalHasTheSameRules()
    {
        var builder = new StringBuilder();
        var note = new Note { Builder = builder };
        var storage = new RawStorage<Note, StringBuilder>("Builder");
        storage.WriteReverse(builder, null); // note.Builder == builder, builder.Note == null
        var note2 = new Note { Builder = builder };

        note.Builder = null;

        Assert.Null(note.Builder);
        Assert.Same(note2, builder.Note);
        Assert.Same(builder, note2.Builder);

        storage.WriteForward(note2, null); // builder.Note == note2 (stale)
        var note3 = new Note();
        builder.Note = note3;
        Assert.Same(note3, builder.Note);
        Assert.Same(builder, note3.Builder);
        Assert.Null(note2.Builder);
    }

    [Fact]
    public void RepairingStaleSlotsAllocatesNothing()
    {
        var (u, u2) = (new User(), new User());
        var (p, p2) = (new Profile(), new Profile());
        var builder = new StringBuilder();
        var (n, n2) = (new Note(), new Note());
        var storage = new RawStorage<Profile, User>("User");
        var notes = new RawStorage<Note, StringBuilder>("Builder");
        n.Builder = builder; // the weak slot of the builder exists from here on
        n.Builder = null;

        void Cycle()
        {
            storage.WriteForward(p, u); // stale forward slot
            p2.User = u;                // links over it
            p.User = null;              // repairs it, leaves p2 alone
            storage.WriteForward(p, u2);
            u.Profile = null;
            u2.Profile = null;          // stale reverse? no: u2's slot is empty; a no-op
            p.User = null;              // repairs p
            n.Builder = builder;
            notes.WriteForward(n, null); // stale weak reverse slot
            n2.Builder = builder;        // links over it
            n2.Builder = null;
        }

        for (var i = 0; i < 1000; i++)
        {
            Cycle();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Cycle();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Null(u.Profile);
        Assert.Null(p2.User);
    }

    /// <summary>Two dependents and two principals of one link, written directly and driven through the real members.</summary>
    private abstract class Harness
    {
        public abstract LinkSpec Spec { get; }

        public abstract void Write(LinkState state);

        public abstract LinkState Read();

        public abstract Outcome Run(OpKind kind, int dependent, int principal);

        public static Harness Create(string link) => link switch
        {
            "Profile" => new Of<Profile, User>(
                new("profile", "user", "User", "Profile", Replace: false, Required: false), "User",
                [new(), new()], [new(), new()], (d, p) => d.User = p, (p, d) => p.Profile = d, d => d.User, p => p.Profile),
            "Badge" => new Of<Badge, User>(
                new("badge", "user", "Holder", "Badge", Replace: true, Required: false), "Holder",
                [new(), new()], [new(), new()], (d, p) => d.Holder = p, (p, d) => p.Badge = d, d => d.Holder, p => p.Badge),
            "Passport" => new Of<Passport, User>(
                new("passport", "user", "Account", "Passport", Replace: false, Required: true), "Account",
                [new() { Account = new User() }, new() { Account = new User() }], [new(), new()], (d, p) => d.Account = p!, (p, d) => p.Passport = d, d => d.Account, p => p.Passport),
            "Mentor" => MentorHarness(),
            "Note" => new Of<Note, StringBuilder>(
                new("note", "builder", "Builder", "Note", Replace: false, Required: false), "Builder",
                [new(), new()], [new(), new()], (d, p) => d.Builder = p, (p, d) => p.Note = d, d => d.Builder, p => p.Note),
            _ => throw new ArgumentOutOfRangeException(nameof(link)),
        };

        private static Harness MentorHarness()
        {
            var people = new[] { new Person(), new Person() };
            return new Of<Person, Person>(
                new("person", "person", "Mentor", "Mentee", Replace: false, Required: false), "Mentor",
                people, people, (d, p) => d.Mentor = p, (p, d) => p.Mentee = d, d => d.Mentor, p => p.Mentee);
        }

        private sealed class Of<TD, TP>(
            LinkSpec spec, string navigation, TD[] dependents, TP[] principals,
            Action<TD, TP?> setForward, Action<TP, TD?> setReverse, Func<TD, TP?> getForward, Func<TP, TD?> getReverse) : Harness
            where TD : class
            where TP : class
        {
            private readonly RawStorage<TD, TP> _storage = new(navigation);

            public override LinkSpec Spec => spec;

            public override void Write(LinkState state)
            {
                for (var i = 0; i < 2; i++)
                {
                    _storage.WriteForward(dependents[i], state.Forward[i] < 0 ? null : principals[state.Forward[i]]);
                    _storage.WriteReverse(principals[i], state.Reverse[i] < 0 ? null : dependents[state.Reverse[i]]);
                }
            }

            public override LinkState Read()
            {
                var state = new LinkState(spec, 2, 2);
                for (var i = 0; i < 2; i++)
                {
                    state.Forward[i] = Array.IndexOf(principals, getForward(dependents[i])); // -1 for null
                    state.Reverse[i] = Array.IndexOf(dependents, getReverse(principals[i]));
                }

                return state;
            }

            public override Outcome Run(OpKind kind, int dependent, int principal)
            {
                var (d, p) = (dependents[dependent], principals[principal]);
                try
                {
                    switch (kind)
                    {
                        case OpKind.SetForward: setForward(d, p); break;
                        case OpKind.SetReverse: setReverse(p, d); break;
                        case OpKind.ClearForward: setForward(d, null); break;
                        case OpKind.ClearReverse: setReverse(p, null); break;
                        case OpKind.DetachDependent: _storage.DetachDependent(d); break;
                        case OpKind.DetachPrincipal: _storage.DetachPrincipal(p); break;
                        default: throw new ArgumentOutOfRangeException(nameof(kind));
                    }

                    return Outcome.Ok;
                }
                catch (Exception e) when (RealOutcome.Of(e) is { } outcome)
                {
                    return outcome;
                }
            }
        }
    }
}
