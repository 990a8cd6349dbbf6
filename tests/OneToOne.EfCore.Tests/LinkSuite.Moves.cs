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
        var users = Enumerable.Range(0, 4).Select(i => new User { Name = $"u{i}" }).ToList();
        var profiles = new List<Profile>();
        context.Users.AddRange(users);
        SaveAndCheck(context);

        var log = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            log.Add(RandomStep(context, random, users, profiles));
            try
            {
                SaveAndCheck(context);
                AssertDatabaseHolds(users, profiles);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"{Database.Provider}, after step {step}: {string.Join("; ", log)}", e);
            }
        }
    }

    /// <summary>Frees <paramref name="target"/>, then moves <paramref name="moved"/> onto it: two key writes EF must order.</summary>
    private static void MoveOntoFreed(Profile moved, User target)
    {
        target.Profile = null;
        moved.User = target;
    }

    /// <summary>One random operation on the links; returns what it did.</summary>
    private static string RandomStep(LinksContext context, Random random, List<User> users, List<Profile> profiles)
    {
        User AnyUser() => users[random.Next(users.Count)];
        User? FreeUser() => users.Where(u => u.Profile is null).OrderBy(_ => random.Next()).FirstOrDefault();
        Profile? AnyProfile() => profiles.Count == 0 ? null : profiles[random.Next(profiles.Count)];

        switch (random.Next(8))
        {
            case 0:
            {
                var owner = FreeUser();
                var p = new Profile { Bio = $"p{profiles.Count}" };
                p.User = owner;
                context.Profiles.Add(p);
                profiles.Add(p);
                return $"add {p.Bio} for {owner?.Name ?? "nobody"}";
            }

            case 1 or 2:
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
                    // u had another profile: refused, nothing changed.
                    Assert.Equal(before, (p.User, u.Profile));
                    return $"refused {p.Bio} to {u.Name}";
                }
            }

            case 3:
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

            case 4:
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

            case 5:
            {
                if (AnyProfile() is not { } p)
                {
                    return "no profile to delete";
                }

                context.Profiles.Remove(p);
                profiles.Remove(p);
                return $"delete {p.Bio}";
            }

            case 6:
            {
                // Cascade: the user's profile goes with it.
                var u = AnyUser();
                var lost = u.Profile;
                context.Users.Remove(u);
                users.Remove(u);
                if (lost is not null)
                {
                    profiles.Remove(lost);
                }

                var fresh = new User { Name = $"u{users.Count + profiles.Count}-{random.Next(1000)}" };
                context.Users.Add(fresh);
                users.Add(fresh);
                return $"delete {u.Name} (and {lost?.Bio ?? "no profile"}), add {fresh.Name}";
            }

            default:
            {
                // A move between two principals through the reverse side, the old one freed first.
                var from = users.FirstOrDefault(u => u.Profile is not null);
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
        }
    }

    /// <summary>A fresh context reads exactly the links the unit of work holds in memory.</summary>
    private void AssertDatabaseHolds(List<User> users, List<Profile> profiles)
    {
        using var fresh = Database.CreateContext();
        var stored = fresh.Profiles.Include(x => x.User).AsNoTracking().ToDictionary(x => x.Id, x => x.User?.Id);
        var expected = profiles.ToDictionary(x => x.Id, x => x.User?.Id);
        Assert.Equal(expected.OrderBy(x => x.Key), stored.OrderBy(x => x.Key));
        Assert.Equal(users.Select(u => u.Id).Order(), fresh.Users.Select(u => u.Id).AsEnumerable().Order());
    }
}
