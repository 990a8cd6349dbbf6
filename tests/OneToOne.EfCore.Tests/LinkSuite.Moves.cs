using Microsoft.EntityFrameworkCore;
using OneToOne.EfCore.Tests.Infrastructure;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>Moves, unlinks and key writes, and the agreement of the bookkeeping with the change tracker through them.</summary>
public abstract partial class LinkSuite
{
    [DatabaseFact]
    public void A_dependent_moved_to_another_principal_is_saved()
    {
        var p = NewProfile(new User { Name = "ada" }, "Hello");
        SaveNew(p, new User { Name = "grace" });

        using (var context = Database.CreateContext())
        {
            var users = context.Users.Include(x => x.Profile).ToDictionary(x => x.Name);
            var profile = users["ada"].Profile!;
            profile.User = users["grace"];                  // the move: ada loses it, grace gets it
            Assert.Null(users["ada"].Profile);
            Assert.Same(profile, users["grace"].Profile);
            SaveAndCheck(context);
            Assert.Equal(users["grace"].Id, context.Entry(profile).Property("UserId").CurrentValue);
        }

        using (var context = Database.CreateContext())
        {
            var users = context.Users.Include(x => x.Profile).ToDictionary(x => x.Name);
            Assert.Null(users["ada"].Profile);
            Assert.Equal(p.Id, users["grace"].Profile?.Id);
        }
    }

    [DatabaseFact]
    public void A_move_onto_a_principal_freed_in_the_same_SaveChanges_is_saved()
    {
        SaveNew(NewProfile(new User { Name = "ada" }, "ada's"), NewProfile(new User { Name = "grace" }, "grace's"));

        using (var context = Database.CreateContext())
        {
            var users = context.Users.Include(x => x.Profile).ToDictionary(x => x.Name);
            MoveOntoFreed(users["ada"].Profile!, users["grace"]);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            var profiles = context.Profiles.Include(x => x.User).ToDictionary(x => x.Bio);
            Assert.Null(profiles["grace's"].User);
            Assert.Equal("grace", profiles["ada's"].User?.Name);
        }
    }

    [DatabaseFact]
    public void Writing_the_key_of_a_principal_that_has_a_dependent_follows_EF_and_the_two_sides_stay_consistent()
    {
        SaveNew(NewProfile(new User { Name = "ada" }, "ada's"), new Profile { Bio = "loose" });

        using (var context = Database.CreateContext())
        {
            var ada = context.Users.Include(x => x.Profile).Single();
            var adas = ada.Profile!;
            var loose = context.Profiles.Single(x => x.Bio == "loose");

            // The key is EF's side of the link: EF's fix-up moves ada to "loose" and detaches ada's profile (EF's own
            // one-to-one rule), writing the storage fields; the bookkeeping's OnConflict = Throw is not consulted.
            context.Entry(loose).Property("UserId").CurrentValue = ada.Id;
            Assert.Same(ada, loose.User);
            Assert.Same(loose, ada.Profile);
            Assert.Null(adas.User);
            Assert.Null(context.Entry(adas).Property("UserId").CurrentValue);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            var profiles = context.Profiles.Include(x => x.User).ToDictionary(x => x.Bio);
            Assert.Null(profiles["ada's"].User);
            Assert.Equal("ada", profiles["loose"].User?.Name);
        }
    }

    [DatabaseFact]
    public void Bookkeeping_and_change_tracker_agree_after_every_SaveChanges()
    {
        var random = new Random(5);
        using var context = Database.CreateContext();       // one unit of work that saves many times
        var world = new RandomWorld(context, random);
        world.Users.AddRange(Enumerable.Range(0, 4).Select(i => new User { Name = $"u{i}" }));
        context.Users.AddRange(world.Users);
        SaveAndCheck(context);

        var log = new List<string>();
        for (var step = 0; step < Steps; step++)
        {
            var (kind, text) = world.Step();
            log.Add(text);
            world.Counts[kind] = world.Counts.GetValueOrDefault(kind) + 1;
            try
            {
                SaveAndCheck(context);
                world.AssertGoneObjectsAreUnlinked();
                AssertDatabaseHolds(world);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"{Database.Provider}, after step {step}: {string.Join("; ", log)}", e);
            }
        }

        // The run is only worth something if it did everything: each kind of step, many times over.
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            Assert.True(world.Counts.GetValueOrDefault(kind) >= 3, $"{kind} ran {world.Counts.GetValueOrDefault(kind)} times in {Steps} steps");
        }

        Assert.True(world.Gone.Count >= 20, $"only {world.Gone.Count} objects left the context");
    }

    private const int Steps = 150;

    /// <summary>What one step of the random run does.</summary>
    private enum StepKind
    {
        AddProfile, Link, Unlink, WriteKey, DeleteProfile, DeleteUser, MoveThroughReverse, AddSettings,
        DeleteSettings, RemoveAddedProfile,
    }

    /// <summary>
    /// The objects of the random run: users, their profiles (Cascade) and settings (SetNull), and the objects the context
    /// let go of (deleted, or added and removed before they were saved), which must no longer be linked to anything.
    /// </summary>
    private sealed class RandomWorld(LinksContext context, Random random)
    {
        public List<User> Users { get; } = [];

        public List<Profile> Profiles { get; } = [];

        public List<AccountSettings> Settings { get; } = [];

        public List<object> Gone { get; } = [];

        public Dictionary<StepKind, int> Counts { get; } = [];

        public (StepKind Kind, string Text) Step()
        {
            var kind = (StepKind)random.Next(Enum.GetValues<StepKind>().Length);
            return (kind, Run(kind));
        }

        /// <summary>Every object the context let go of is unlinked, and no live object names one.</summary>
        public void AssertGoneObjectsAreUnlinked()
        {
            foreach (var gone in Gone)
            {
                switch (gone)
                {
                    case Profile p:
                        Assert.True(p.User is null, $"{p} left the context and still names {p.User}");
                        break;
                    case User u:
                        Assert.True(u.Profile is null && u.Settings is null, $"{u} left the context and still names {u.Profile} / {u.Settings}");
                        break;
                    case AccountSettings s:
                        Assert.True(s.Owner is null, $"settings {s.Theme} left the context and still name {s.Owner}");
                        break;
                }

                Assert.Equal(EntityState.Detached, context.Entry(gone).State);
            }

            var left = Gone.ToHashSet(ReferenceEqualityComparer.Instance);
            Assert.DoesNotContain(Users, u => left.Contains(u.Profile!) || left.Contains(u.Settings!));
            Assert.DoesNotContain(Profiles, p => left.Contains(p.User!));
            Assert.DoesNotContain(Settings, s => left.Contains(s.Owner!));
        }

        private User AnyUser() => Users[random.Next(Users.Count)];

        private User? FreeUser() => Users.Where(u => u.Profile is null).OrderBy(_ => random.Next()).FirstOrDefault();

        private Profile? AnyProfile() => Profiles.Count == 0 ? null : Profiles[random.Next(Profiles.Count)];

        private string Run(StepKind kind)
        {
            switch (kind)
            {
                case StepKind.AddProfile:
                {
                    var owner = FreeUser();
                    var p = new Profile { Bio = $"p{random.Next(100000)}" };
                    p.User = owner;
                    context.Profiles.Add(p);
                    Profiles.Add(p);
                    return $"add {p.Bio} for {owner?.Name ?? "nobody"}";
                }

                case StepKind.Link:
                {
                    if (AnyProfile() is not { } p)
                    {
                        return "no profile to link";
                    }

                    var u = AnyUser();
                    var before = (p.User, u.Profile);
                    try
                    {
                        if (random.Next(2) == 0)
                        {
                            p.User = u;
                        }
                        else
                        {
                            u.Profile = p;
                        }

                        Assert.Same(u, p.User);
                        Assert.Same(p, u.Profile);
                        return $"link {p.Bio} to {u.Name}";
                    }
                    catch (OneToOneViolationException)
                    {
                        Assert.Equal(before, (p.User, u.Profile));   // u had another profile: refused, nothing changed
                        return $"refused {p.Bio} to {u.Name}";
                    }
                }

                case StepKind.Unlink:
                {
                    if (AnyProfile() is not { } p)
                    {
                        return "no profile to unlink";
                    }

                    if (random.Next(2) == 0 || p.User is null)
                    {
                        p.User = null;
                    }
                    else
                    {
                        p.User.Profile = null;
                    }

                    Assert.Null(p.User);
                    return $"unlink {p.Bio}";
                }

                case StepKind.WriteKey:
                {
                    // EF's side: write the key alone, then let EF fix the navigations up.
                    if (AnyProfile() is not { } p)
                    {
                        return "no profile for a key";
                    }

                    var target = random.Next(3) == 0 ? null : FreeUser();
                    context.Entry(p).Property("UserId").CurrentValue = target?.Id;
                    context.ChangeTracker.DetectChanges();
                    Assert.Same(target, p.User);
                    return $"key of {p.Bio} = {target?.Name ?? "null"}";
                }

                case StepKind.DeleteProfile:
                {
                    if (AnyProfile() is not { } p)
                    {
                        return "no profile to delete";
                    }

                    context.Profiles.Remove(p);
                    Profiles.Remove(p);
                    Gone.Add(p);
                    return $"delete {p.Bio}";
                }

                case StepKind.DeleteUser:
                {
                    // Cascade: the user's profile goes with it; SetNull: its settings stay, unlinked.
                    var u = AnyUser();
                    var lost = u.Profile;
                    context.Users.Remove(u);
                    Users.Remove(u);
                    Gone.Add(u);
                    if (lost is not null)
                    {
                        Profiles.Remove(lost);
                        Gone.Add(lost);
                    }

                    var fresh = new User { Name = $"u{random.Next(100000)}" };
                    context.Users.Add(fresh);
                    Users.Add(fresh);
                    return $"delete {u.Name} (and {lost?.Bio ?? "no profile"}), add {fresh.Name}";
                }

                case StepKind.MoveThroughReverse:
                {
                    var from = Users.FirstOrDefault(u => u.Profile is not null);
                    var to = FreeUser();
                    if (from is null || to is null)
                    {
                        return "no move";
                    }

                    var p = from.Profile!;
                    to.Profile = p;
                    Assert.Null(from.Profile);
                    return $"move {p.Bio} from {from.Name} to {to.Name}";
                }

                case StepKind.AddSettings:
                {
                    var owner = Users.Where(u => u.Settings is null).OrderBy(_ => random.Next()).FirstOrDefault();
                    var s = new AccountSettings { Theme = $"t{random.Next(100000)}", Owner = owner };
                    context.Settings.Add(s);
                    Settings.Add(s);
                    return $"add settings {s.Theme} for {owner?.Name ?? "nobody"}";
                }

                case StepKind.DeleteSettings:
                {
                    if (Settings.Count == 0)
                    {
                        return "no settings to delete";
                    }

                    var s = Settings[random.Next(Settings.Count)];
                    context.Settings.Remove(s);
                    Settings.Remove(s);
                    Gone.Add(s);
                    return $"delete settings {s.Theme}";
                }

                case StepKind.RemoveAddedProfile:
                {
                    // Added, then removed before any SaveChanges: it leaves the context at once.
                    var owner = FreeUser();
                    var p = new Profile { Bio = $"draft{random.Next(100000)}", User = owner };
                    context.Profiles.Add(p);
                    context.Profiles.Remove(p);
                    Gone.Add(p);
                    return $"add and remove {p.Bio} for {owner?.Name ?? "nobody"}";
                }

                default:
                    throw new InvalidOperationException($"no step {kind}");
            }
        }
    }

    /// <summary>Frees <paramref name="target"/>, then moves <paramref name="moved"/> onto it: two key writes EF must order.</summary>
    private static void MoveOntoFreed(Profile moved, User target)
    {
        target.Profile = null;
        moved.User = target;
    }

    /// <summary>A fresh context reads exactly the links the unit of work holds in memory.</summary>
    private void AssertDatabaseHolds(RandomWorld world)
    {
        using var fresh = Database.CreateContext();
        var stored = fresh.Profiles.Include(x => x.User).AsNoTracking().ToDictionary(x => x.Id, x => x.User?.Id);
        var expected = world.Profiles.ToDictionary(x => x.Id, x => x.User?.Id);
        Assert.Equal(expected.OrderBy(x => x.Key), stored.OrderBy(x => x.Key));
        var settings = fresh.Settings.Include(x => x.Owner).AsNoTracking().ToDictionary(x => x.Id, x => x.Owner?.Id);
        Assert.Equal(world.Settings.ToDictionary(x => x.Id, x => x.Owner?.Id).OrderBy(x => x.Key), settings.OrderBy(x => x.Key));
        Assert.Equal(world.Users.Select(u => u.Id).Order(), fresh.Users.Select(u => u.Id).AsEnumerable().Order());
    }
}
