using System.Text;
using OneToOne.Reliability.Model;
using OneToOne.Reliability.Models;

namespace OneToOne.Reliability.Tests.ModelBased;

/// <summary>The links of <see cref="World"/>, in the order of <see cref="World.Specs"/>.</summary>
public enum Link
{
    Profile,
    Badge,
    Passport,
    Mentor,
    Note,
}

/// <summary>One step of a sequence: which link, which assignment, on which objects. Its text is the C# a user would write.</summary>
public readonly record struct Step(Link Link, OpKind Kind, int Dependent, int Principal)
{
    public override string ToString() => World.Specs[(int)Link].Describe(Kind, Dependent, Principal);
}

/// <summary>
/// Small pools of real objects of the generated classes, linked through five links that share objects: users are
/// the principal of Profile (Throw), Badge (Replace) and Passport (Required); people are both sides of a self
/// link; string builders are an external principal (weak storage). Read through the real getters only.
/// </summary>
public sealed class World
{
    public static readonly LinkSpec[] Specs =
    [
        new("profile", "user", "User", "Profile", Replace: false, Required: false),
        new("badge", "user", "Holder", "Badge", Replace: true, Required: false),
        new("passport", "user", "Account", "Passport", Replace: false, Required: true),
        new("person", "person", "Mentor", "Mentee", Replace: false, Required: false),
        new("note", "builder", "Builder", "Note", Replace: false, Required: false),
    ];

    public const int Users = 3;
    public const int Dependents = 3;

    public readonly User[] UserPool = Enumerable.Range(0, Users).Select(_ => new User()).ToArray();
    public readonly Profile[] Profiles = Enumerable.Range(0, Dependents).Select(_ => new Profile()).ToArray();
    public readonly Badge[] Badges = Enumerable.Range(0, Dependents).Select(_ => new Badge()).ToArray();
    public readonly Passport[] Passports;
    public readonly Person[] People = Enumerable.Range(0, 3).Select(_ => new Person()).ToArray();
    public readonly StringBuilder[] Builders = Enumerable.Range(0, 2).Select(_ => new StringBuilder()).ToArray();
    public readonly Note[] Notes = Enumerable.Range(0, 3).Select(_ => new Note()).ToArray();

    public World()
    {
        // A required link starts linked: passport i belongs to user i.
        Passports = [new Passport { Account = UserPool[0] }, new Passport { Account = UserPool[1] }];
    }

    /// <summary>The reference model's starting point for this world.</summary>
    public LinkState[] InitialModel()
    {
        var states = Enumerable.Range(0, Specs.Length).Select(i => new LinkState(Specs[i], DependentCount((Link)i), PrincipalCount((Link)i))).ToArray();
        var passports = states[(int)Link.Passport];
        passports.Forward[0] = 0;
        passports.Forward[1] = 1;
        passports.Reverse[0] = 0;
        passports.Reverse[1] = 1;
        return states;
    }

    public int DependentCount(Link link) => link switch
    {
        Link.Profile => Profiles.Length,
        Link.Badge => Badges.Length,
        Link.Passport => Passports.Length,
        Link.Mentor => People.Length,
        _ => Notes.Length,
    };

    public int PrincipalCount(Link link) => link switch
    {
        Link.Mentor => People.Length,
        Link.Note => Builders.Length,
        _ => UserPool.Length,
    };

    /// <summary>Runs a step on the real objects; returns its outcome and the exception, if one of the link's own was thrown.</summary>
    public (Outcome Outcome, Exception? Exception) Run(Step step)
    {
        try
        {
            var (d, p) = (step.Dependent, step.Principal);
            if (step.Kind >= OpKind.DetachDependent)
            {
                switch (step.Link)
                {
                    case Link.Profile: Storage<Profile, User>.Run(step.Kind, Profiles[d], UserPool[p]); break;
                    case Link.Badge: Storage<Badge, User>.Run(step.Kind, Badges[d], UserPool[p]); break;
                    case Link.Passport: Storage<Passport, User>.Run(step.Kind, Passports[d], UserPool[p]); break;
                    case Link.Mentor: Storage<Person, Person>.Run(step.Kind, People[d], People[p]); break;
                    default: Storage<Note, StringBuilder>.Run(step.Kind, Notes[d], Builders[p]); break;
                }

                return (Outcome.Ok, null);
            }

            switch (step.Link, step.Kind)
            {
                case (Link.Profile, OpKind.SetForward): Profiles[d].User = UserPool[p]; break;
                case (Link.Profile, OpKind.SetReverse): UserPool[p].Profile = Profiles[d]; break;
                case (Link.Profile, OpKind.ClearForward): Profiles[d].User = null; break;
                case (Link.Profile, OpKind.ClearReverse): UserPool[p].Profile = null; break;
                case (Link.Badge, OpKind.SetForward): Badges[d].Holder = UserPool[p]; break;
                case (Link.Badge, OpKind.SetReverse): UserPool[p].Badge = Badges[d]; break;
                case (Link.Badge, OpKind.ClearForward): Badges[d].Holder = null; break;
                case (Link.Badge, OpKind.ClearReverse): UserPool[p].Badge = null; break;
                case (Link.Passport, OpKind.SetForward): Passports[d].Account = UserPool[p]; break;
                case (Link.Passport, OpKind.SetReverse): UserPool[p].Passport = Passports[d]; break;
                case (Link.Passport, OpKind.ClearForward): Passports[d].Account = null!; break;
                case (Link.Passport, OpKind.ClearReverse): UserPool[p].Passport = null; break;
                case (Link.Mentor, OpKind.SetForward): People[d].Mentor = People[p]; break;
                case (Link.Mentor, OpKind.SetReverse): People[p].Mentee = People[d]; break;
                case (Link.Mentor, OpKind.ClearForward): People[d].Mentor = null; break;
                case (Link.Mentor, OpKind.ClearReverse): People[p].Mentee = null; break;
                case (Link.Note, OpKind.SetForward): Notes[d].Builder = Builders[p]; break;
                case (Link.Note, OpKind.SetReverse): Builders[p].Note = Notes[d]; break;
                case (Link.Note, OpKind.ClearForward): Notes[d].Builder = null; break;
                default: Builders[p].Note = null; break;
            }

            return (Outcome.Ok, null);
        }
        catch (Exception e) when (RealOutcome.Of(e) is { } outcome)
        {
            return (outcome, e);
        }
    }

    /// <summary>Reads every object's navigation and reverse accessor (the real getters) into model states.</summary>
    public LinkState[] Observe() =>
    [
        Read(Link.Profile, Profiles, UserPool, d => d.User, p => p.Profile),
        Read(Link.Badge, Badges, UserPool, d => d.Holder, p => p.Badge),
        Read(Link.Passport, Passports, UserPool, d => d.Account, p => p.Passport),
        Read(Link.Mentor, People, People, d => d.Mentor, p => p.Mentee),
        Read(Link.Note, Notes, Builders, d => d.Builder, p => p.Note),
    ];

    /// <summary>The object a step names as principal or dependent, to compare with an exception's properties.</summary>
    public object Dependent(Link link, int i) => link switch
    {
        Link.Profile => Profiles[i],
        Link.Badge => Badges[i],
        Link.Passport => Passports[i],
        Link.Mentor => People[i],
        _ => Notes[i],
    };

    public object Principal(Link link, int i) => link switch
    {
        Link.Mentor => People[i],
        Link.Note => Builders[i],
        _ => UserPool[i],
    };

    /// <summary>
    /// What a tool that bypasses the protocol does (an ORM's fix-up writes the storage directly), and the ORM entry
    /// points: through the generated accessor struct, found by scanning the assembly as the EF Core integration does.
    /// </summary>
    private static class Storage<TD, TP>
        where TD : class
        where TP : class
    {
        private static readonly Type LinkType = typeof(World).Assembly.GetTypes()
            .Single(t => t.IsValueType && typeof(OneToOne.Infrastructure.IOneToOneLink<TD, TP>).IsAssignableFrom(t));

        private static readonly OneToOne.Infrastructure.IOneToOneLink<TD, TP> Accessor = (OneToOne.Infrastructure.IOneToOneLink<TD, TP>)Activator.CreateInstance(LinkType)!;

        private static readonly Action<TD> DetachDependent = Bind<Action<TD>>(nameof(OneToOne.Infrastructure.OneToOneLinks.DetachDependent));

        private static readonly Action<TP> DetachPrincipal = Bind<Action<TP>>(nameof(OneToOne.Infrastructure.OneToOneLinks.DetachPrincipal));

        public static void Run(OpKind kind, TD dependent, TP principal)
        {
            switch (kind)
            {
                case OpKind.DetachDependent: DetachDependent(dependent); break;
                case OpKind.DetachPrincipal: DetachPrincipal(principal); break;
                case OpKind.RawForward: Accessor.SetPrincipal(dependent, principal); break;
                case OpKind.RawReverse: Accessor.SetDependent(principal, dependent); break;
                case OpKind.RawClearForward: Accessor.SetPrincipal(dependent, null); break;
                case OpKind.RawClearReverse: Accessor.SetDependent(principal, null); break;
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        private static T Bind<T>(string name)
            where T : Delegate =>
            (T)Delegate.CreateDelegate(typeof(T), typeof(OneToOne.Infrastructure.OneToOneLinks).GetMethod(name)!.MakeGenericMethod(typeof(TD), typeof(TP), LinkType));
    }

    private static LinkState Read<TD, TP>(Link link, TD[] dependents, TP[] principals, Func<TD, TP?> forward, Func<TP, TD?> reverse)
        where TD : class
        where TP : class
    {
        var state = new LinkState(Specs[(int)link], dependents.Length, principals.Length);
        for (var d = 0; d < dependents.Length; d++)
        {
            state.Forward[d] = IndexOf(principals, forward(dependents[d]));
        }

        for (var p = 0; p < principals.Length; p++)
        {
            state.Reverse[p] = IndexOf(dependents, reverse(principals[p]));
        }

        return state;
    }

    private static int IndexOf<T>(T[] pool, T? item)
        where T : class =>
        item is null ? -1 : Array.FindIndex(pool, x => ReferenceEquals(x, item)) is var i && i >= 0 ? i : -2;
}
