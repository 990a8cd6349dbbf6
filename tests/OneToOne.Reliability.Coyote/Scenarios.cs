using System.Text;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;
using OneToOne.Reliability.Models;
using OneToOne.Reliability.Model;

namespace OneToOne.Reliability.Coyote;

/// <summary>
/// A scenario builds, for one schedule, pools of real objects linked at random (serially), then the test body runs
/// 2 to 4 random operations at once and checks the end state. Every choice goes through Coyote's controlled
/// <see cref="Generator"/>, so a schedule, its objects and its operations replay from Coyote's trace.
/// </summary>
internal sealed record Scenario(string Name, string Description, Func<Generator, ILinkFixture[]> Create)
{
    private static readonly LinkSpec ProfileSpec = new("profile", "user", "User", "Profile", Replace: false, Required: false);
    private static readonly LinkSpec BadgeSpec = new("badge", "user", "Holder", "Badge", Replace: true, Required: false);
    private static readonly LinkSpec PassportSpec = new("passport", "user", "Account", "Passport", Replace: false, Required: true);
    private static readonly LinkSpec PersonSpec = new("person", "person", "Mentor", "Mentee", Replace: false, Required: false);
    private static readonly LinkSpec NoteSpec = new("note", "builder", "Builder", "Note", Replace: false, Required: false);
    private static readonly LinkSpec CrateSpec = new("crate", "box", "Box", "Crate", Replace: true, Required: false);
    private static readonly LinkSpec ItemSpec = new("item", "holder", "Holder", "Item", Replace: false, Required: false);
    private static readonly LinkSpec ItemReplaceSpec = new("item", "holder", "Holder", "Item", Replace: true, Required: false);

    /// <summary>The scenarios over the real protocol and the generated code.</summary>
    public static IReadOnlyList<Scenario> Real { get; } =
    [
        new("throw-member", "Profile.User / User.Profile: OnConflict = Throw, member storage", g =>
        {
            var (users, profiles) = (Pool(g, () => new User()), Pool(g, () => new Profile()));
            return [Linked(g, Profiles(profiles, users))];
        }),
        new("replace-member", "Badge.Holder / User.Badge: OnConflict = Replace, member storage", g =>
        {
            var (users, badges) = (Pool(g, () => new User()), Pool(g, () => new Badge()));
            return [Linked(g, Badges(badges, users))];
        }),
        new("required-member", "Passport.Account / User.Passport: Required = true, member storage", g =>
        {
            // Required: every passport is created linked (C# 'required'), to distinct users.
            var users = Enumerable.Range(0, 3).Select(_ => new User()).ToArray();
            var first = g.NextInteger(3);
            var passports = Enumerable.Range(0, 2).Select(i => new Passport { Account = users[(first + i) % 3] }).ToArray();
            return [new LinkFixture<Passport, User>(PassportSpec, passports, users, d => d.Account, (d, p) => d.Account = p!, p => p.Passport, (p, d) => p.Passport = d, detach: true)];
        }),
        new("self-link", "Person.Mentor / Person.Mentee: a self link, one pool in both roles", g =>
        {
            var people = Pool(g, () => new Person());
            return [Linked(g, new LinkFixture<Person, Person>(PersonSpec, people, people, d => d.Mentor, (d, p) => d.Mentor = p, p => p.Mentee, (p, d) => p.Mentee = d, detach: true))];
        }),
        new("throw-weak-external", "Note.Builder / StringBuilder.Note: a principal from another assembly, weak storage, Throw", g =>
        {
            var (builders, notes) = (Pool(g, () => new StringBuilder()), Pool(g, () => new Note()));
            return [Linked(g, new LinkFixture<Note, StringBuilder>(NoteSpec, notes, builders, d => d.Builder, (d, p) => d.Builder = p, p => p.Note, (p, d) => p.Note = d, detach: true))];
        }),
        new("replace-weak-generic", "Crate.Box / Box<int>.Crate: a closed generic principal, weak storage, Replace", g =>
        {
            var (boxes, crates) = (Pool(g, () => new Box<int>()), Pool(g, () => new Crate()));
            return [Linked(g, new LinkFixture<Crate, Box<int>>(CrateSpec, crates, boxes, d => d.Box, (d, p) => d.Box = p, p => p.Crate, (p, d) => p.Crate = d, detach: true))];
        }),
        new("two-links-one-principal", "Profile and Badge on the same users at once (Throw and Replace side by side)", g =>
        {
            var users = Pool(g, () => new User());
            var (profiles, badges) = (Pool(g, () => new Profile()), Pool(g, () => new Badge()));
            return [Linked(g, Profiles(profiles, users)), Linked(g, Badges(badges, users))];
        }),
    ];

    /// <summary>The scenarios over <see cref="CopiedProtocol"/> (the protocol's copy, broken on purpose or not).</summary>
    public static IReadOnlyList<Scenario> Copied { get; } =
    [
        new("copy-throw", "Item.Holder / Holder.Item through CopiedProtocol, OnConflict = Throw", g =>
        {
            var (holders, items) = (Pool(g, () => new Holder()), Pool(g, () => new Item()));
            return [Linked(g, new LinkFixture<Item, Holder>(ItemSpec, items, holders, d => d.Holder, (d, p) => d.Holder = p, p => p.ItemSlot,
                (p, d) => CopiedProtocol.SetDependent<Item, Holder, ThrowAccess>(p, d)))];
        }),
        new("copy-replace", "Item.Holder / Holder.Item through CopiedProtocol, OnConflict = Replace", g =>
        {
            var (holders, items) = (Pool(g, () => new Holder()), Pool(g, () => new Item()));
            return [Linked(g, new LinkFixture<Item, Holder>(ItemReplaceSpec, items, holders, d => d.HolderReplacing, (d, p) => d.HolderReplacing = p, p => p.ItemSlot,
                (p, d) => CopiedProtocol.SetDependent<Item, Holder, ReplaceAccess>(p, d)))];
        }),
    ];

    private static LinkFixture<Profile, User> Profiles(Profile[] profiles, User[] users) =>
        new(ProfileSpec, profiles, users, d => d.User, (d, p) => d.User = p, p => p.Profile, (p, d) => p.Profile = d, detach: true);

    private static LinkFixture<Badge, User> Badges(Badge[] badges, User[] users) =>
        new(BadgeSpec, badges, users, d => d.Holder, (d, p) => d.Holder = p, p => p.Badge, (p, d) => p.Badge = d, detach: true);

    /// <summary>2 or 3 objects: small pools, so that operations collide.</summary>
    private static T[] Pool<T>(Generator g, Func<T> create) => Enumerable.Range(0, 2 + g.NextInteger(2)).Select(_ => create()).ToArray();

    /// <summary>Links some dependents to free principals, serially, before the concurrent part.</summary>
    private static ILinkFixture Linked(Generator g, ILinkFixture fixture)
    {
        for (var d = 0; d < fixture.Dependents; d++)
        {
            if (g.NextBoolean())
            {
                var p = g.NextInteger(fixture.Principals);
                if (fixture.Observe().Reverse[p] < 0)
                {
                    fixture.Do(OpKind.SetForward, d, p);
                }
            }
        }

        return fixture;
    }

    /// <summary>
    /// The body of one schedule: set up, run 2 to 4 operations as concurrent controlled tasks, then check the invariant
    /// (both sides agree, no principal has two dependents) and serializability (the outcomes and the end state
    /// are those of some serial order of the same operations, by the reference model).
    /// </summary>
    public async Task RunOnce()
    {
        // The serial set-up runs without interleaving points (no other task exists yet): fewer steps per schedule.
        SchedulingPoint.Suppress();
        var g = Generator.Create();
        var fixtures = Create(g);
        var initial = fixtures.Select(f => f.Observe()).ToArray();
        var count = 2 + g.NextInteger(3);
        var ops = new ModelOp[count];
        for (var i = 0; i < count; i++)
        {
            var link = g.NextInteger(fixtures.Length);
            ops[i] = new ModelOp(link, (OpKind)g.NextInteger(fixtures[link].OperationKinds), g.NextInteger(fixtures[link].Dependents), g.NextInteger(fixtures[link].Principals));
        }

        SchedulingPoint.Resume();
        Specification.Assert(initial.All(s => s.IsConsistent()), $"{Name}: the serial set-up is already inconsistent: {string.Join(" || ", initial.AsEnumerable())}");

        var outcomes = new Outcome[count];
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            tasks[i] = Task.Run(() =>
            {
                var op = ops[index];
                outcomes[index] = fixtures[op.Link].Do(op.Kind, op.Dependent, op.Principal);
            });
        }

        // One await each: Task.WhenAll(params ReadOnlySpan<Task>) is newer than Coyote 1.7's rewriter.
        foreach (var task in tasks)
        {
            await task;
        }

        // The checks read without interleaving: nothing runs concurrently with them any more.
        SchedulingPoint.Suppress();
        var observed = fixtures.Select(f => f.Observe()).ToArray();
        var consistent = observed.All(s => s.IsConsistent());
        var order = consistent ? Serializability.FindSerialOrder(initial, ops, outcomes, observed) : null;
        SchedulingPoint.Resume();

        if (!consistent || order is null)
        {
            var report = new StringBuilder();
            report.AppendLine(!consistent ? $"{Name}: the invariant is broken (the two sides disagree)" : $"{Name}: no serial order of the operations explains what happened");
            report.AppendLine($"  before: {string.Join(" || ", initial.AsEnumerable())}");
            for (var i = 0; i < count; i++)
            {
                var op = ops[i];
                report.AppendLine($"  thread {i}: {fixtures[op.Link].Spec.Describe(op.Kind, op.Dependent, op.Principal)} -> {outcomes[i]}");
            }

            report.Append($"  after:  {string.Join(" || ", observed.AsEnumerable())}");
            Specification.Assert(false, report.ToString());
        }
    }
}
