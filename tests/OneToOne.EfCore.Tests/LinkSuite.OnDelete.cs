using Microsoft.EntityFrameworkCore;
using OneToOne.EfCore.Tests.Infrastructure;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// Deletes and detaching (Django's <c>on_delete</c>): after every <c>SaveChanges</c>, both navigations of every object
/// involved are checked, the objects the context let go of included: none of them still points at its former partner,
/// and no partner points at them.
/// </summary>
public abstract partial class LinkSuite
{
    [DatabaseFact]
    public void Deleting_a_tracked_Profile_unlinks_both_sides()
    {
        SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var p = u.Profile!;
            context.Profiles.Remove(p);
            SaveAndCheck(context);
            Assert.Equal(EntityState.Detached, context.Entry(p).State);
            Assert.Null(p.User);
            Assert.Null(u.Profile);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Empty(context.Profiles);
            Assert.Null(context.Users.Include(x => x.Profile).Single().Profile);
        }
    }

    [DatabaseFact]
    public void After_a_deleted_Profile_its_User_takes_another_and_tidying_the_deleted_one_changes_nothing()
    {
        SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var deleted = u.Profile!;
            context.Profiles.Remove(deleted);
            SaveAndCheck(context);

            var second = NewProfile(u, "Second");
            context.Profiles.Add(second);
            Unlink(deleted);                                 // the deleted object is already unlinked: a no-op
            Assert.Same(u, second.User);
            Assert.Same(second, u.Profile);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("Second", context.Users.Include(x => x.Profile).Single().Profile?.Bio);
        }
    }

    [DatabaseFact]
    public void Cascade_deleting_the_User_deletes_its_Profile_in_the_database()
    {
        var (userId, _) = SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Single();                  // the Profile is not loaded: the database cascades
            context.Users.Remove(u);
            SaveAndCheck(context);
            Assert.Null(u.Profile);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Empty(context.Users.Where(x => x.Id == userId));
            Assert.Empty(context.Profiles);
        }
    }

    [DatabaseFact]
    public void Cascade_deleting_a_tracked_User_deletes_its_tracked_Profile_and_unlinks_both()
    {
        SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var p = u.Profile!;
            context.Users.Remove(u);
            Assert.Equal(EntityState.Deleted, context.Entry(p).State);
            SaveAndCheck(context);
            Assert.Equal(EntityState.Detached, context.Entry(u).State);
            Assert.Equal(EntityState.Detached, context.Entry(p).State);
            Assert.Null(u.Profile);
            Assert.Null(p.User);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Empty(context.Profiles);
        }
    }

    [DatabaseFact]
    public void Cascade_deleting_the_User_of_a_required_Passport_unlinks_both()
    {
        SaveNew(new Passport { Account = new User { Name = "ada" }, Number = "P-1" });

        using (var context = Database.CreateContext())
        {
            var passport = context.Passports.Include(x => x.Account).Single();
            var u = passport.Account;
            context.Users.Remove(u);
            SaveAndCheck(context);
            Assert.Null(u.Passport);
            Assert.Null((object?)passport.Account);          // required, and deleted with its User: no stale link
        }

        using (var context = Database.CreateContext())
        {
            Assert.Empty(context.Passports);
        }
    }

    [DatabaseFact]
    public void SetNull_deleting_the_User_clears_the_key_in_the_database()
    {
        SaveNew(NewSettings(new User { Name = "ada" }));

        using (var context = Database.CreateContext())
        {
            context.Users.Remove(context.Users.Single());   // the settings are not loaded: the database sets null
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            var settings = context.Settings.Single();
            Assert.Equal("dark", settings.Theme);
            Assert.Null(settings.Owner);
            Assert.Null(context.Entry(settings).Property("OwnerId").CurrentValue);
            Assert.Empty(context.Users);
        }
    }

    [DatabaseFact]
    public void SetNull_deleting_a_tracked_User_clears_both_navigations_and_the_key()
    {
        SaveNew(NewSettings(new User { Name = "ada" }));

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Settings).Single();
            var settings = u.Settings!;
            context.Users.Remove(u);
            SaveAndCheck(context);
            Assert.Null(settings.Owner);
            Assert.Null(u.Settings);                         // the deleted User no longer claims the settings
            Assert.Null(context.Entry(settings).Property("OwnerId").CurrentValue);
            Assert.Equal(EntityState.Unchanged, context.Entry(settings).State);

            // The settings are free: another User takes them.
            var grace = new User { Name = "grace" };
            context.Users.Add(grace);
            settings.Owner = grace;
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("grace", context.Settings.Include(x => x.Owner).Single().Owner?.Name);
        }
    }

    [DatabaseFact]
    public void Deleting_tracked_principals_of_both_kinds_at_once_leaves_no_half_link()
    {
        SaveNew(NewSettings(new User { Name = "ada" }));
        SeedAdaWithProfile();

        using var context = Database.CreateContext();
        var users = context.Users.Include(x => x.Settings).Include(x => x.Profile).ToList();
        var settingsOwner = users.Single(x => x.Settings is not null);
        var profileOwner = users.Single(x => x.Profile is not null);
        var (settings, profile) = (settingsOwner.Settings!, profileOwner.Profile!);
        context.Users.RemoveRange(users);
        SaveAndCheck(context);

        // SetNull: the settings survive, unlinked; Cascade: the profile is deleted with its user.
        Assert.Null(settings.Owner);
        Assert.Null(profile.User);
        Assert.Null(settingsOwner.Settings);
        Assert.Null(profileOwner.Profile);
    }

    [DatabaseFact]
    public void Removing_an_added_Profile_before_it_is_saved_unlinks_both_sides()
    {
        SaveNew(new User { Name = "ada" });

        using var context = Database.CreateContext();
        var u = context.Users.Single();
        SaveAndCheck(context);                               // see the known gap in docs/efcore.md: a context that saved
        var p = NewProfile(u, "draft");
        context.Profiles.Add(p);
        context.Profiles.Remove(p);                          // Added -> Detached: it leaves the context at once
        Assert.Equal(EntityState.Detached, context.Entry(p).State);
        Assert.Null(p.User);
        Assert.Null(u.Profile);
        SaveAndCheck(context);
        Assert.Empty(context.Profiles.AsNoTracking());
    }

    [DatabaseFact]
    public void Detaching_a_deleted_Profile_by_hand_unlinks_both_sides_and_the_row_stays()
    {
        SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var p = u.Profile!;
            SaveAndCheck(context);
            context.Profiles.Remove(p);
            context.Entry(p).State = EntityState.Detached;   // Deleted -> Detached: the delete is abandoned
            Assert.Null(p.User);
            Assert.Null(u.Profile);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("Hello", context.Users.Include(x => x.Profile).Single().Profile?.Bio);
        }
    }

    [DatabaseFact]
    public void Detaching_an_unchanged_Profile_by_hand_keeps_the_link_as_EF_does_and_changes_no_data()
    {
        SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var p = u.Profile!;
            SaveAndCheck(context);
            context.Entry(p).State = EntityState.Detached;   // not deleted: the link still holds, in the database too
            Assert.Same(u, p.User);
            Assert.Same(p, u.Profile);
            Assert.Equal(0, context.SaveChanges());          // nothing to write: no key was nulled behind EF's back
            Assert.Equal(EntityState.Unchanged, context.Entry(u).State);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("Hello", context.Users.Include(x => x.Profile).Single().Profile?.Bio);
        }
    }

    [DatabaseFact]
    public void Detaching_an_unchanged_User_by_hand_leaves_its_tracked_SetNull_settings_key_alone()
    {
        SaveNew(NewSettings(new User { Name = "ada" }));

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Settings).Single();
            var settings = u.Settings!;
            SaveAndCheck(context);
            context.Entry(u).State = EntityState.Detached;
            Assert.Same(u, settings.Owner);
            Assert.Same(settings, u.Settings);
            Assert.Equal(0, context.SaveChanges());
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("ada", context.Settings.Include(x => x.Owner).Single().Owner?.Name);
        }
    }

    [DatabaseFact]
    public void ChangeTracker_Clear_lets_the_whole_graph_go_with_its_links()
    {
        SeedAdaWithProfile();

        using var context = Database.CreateContext();
        var u = context.Users.Include(x => x.Profile).Single();
        var p = u.Profile!;
        SaveAndCheck(context);
        context.ChangeTracker.Clear();                       // no object is detached alone: the graph stays whole
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [DatabaseFact]
    public void Restrict_the_database_refuses_to_delete_a_User_whose_Badge_is_not_loaded()
    {
        SaveNew(NewBadge(new User { Name = "ada" }));

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Single();                  // the badge is not loaded: the database refuses
            context.Users.Remove(u);
            var refused = Assert.Throws<DbUpdateException>(() => context.SaveChanges());
            Database.AssertForeignKeyViolation(refused);
            Assert.Equal(EntityState.Deleted, context.Entry(u).State);
        }

        AssertBadgeStillHeld();
    }

    [DatabaseFact]
    public void Restrict_a_tracked_Badge_stops_the_delete_and_nothing_changes_in_memory()
    {
        SaveNew(NewBadge(new User { Name = "ada" }));

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Badge).Single();
            var badge = u.Badge!;
            var key = context.Entry(badge).Property("HolderId").CurrentValue;
            context.Users.Remove(u);
            Assert.Same(u, badge.Holder);                    // EF's Restrict would have nulled the key here already
            var refused = Assert.Throws<DbUpdateException>(() => context.SaveChanges());
            Assert.Contains("User cannot be deleted", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Badge.Holder", refused.Message, StringComparison.Ordinal);
            Assert.Contains("OnDelete = Restrict", refused.Message, StringComparison.Ordinal);
            Assert.Equal([u, badge], refused.Entries.Select(e => e.Entity));
            Assert.Same(u, badge.Holder);
            Assert.Same(badge, u.Badge);
            Assert.Equal(key, context.Entry(badge).Property("HolderId").CurrentValue);
            Assert.Equal(EntityState.Unchanged, context.Entry(badge).State);
        }

        AssertBadgeStillHeld();
    }

    [DatabaseFact]
    public void Restrict_allows_the_delete_once_the_Badge_is_moved_or_deleted_in_the_same_SaveChanges()
    {
        SaveNew(NewBadge(new User { Name = "ada" }), NewBadge(new User { Name = "alan" }));

        using (var context = Database.CreateContext())
        {
            var users = context.Users.Include(x => x.Badge).ToDictionary(x => x.Name);
            var grace = new User { Name = "grace" };
            context.Users.Add(grace);
            var moved = users["ada"].Badge!;
            MoveBadge(moved, grace);                         // ada's badge goes to grace...
            context.Badges.Remove(users["alan"].Badge!);     // ...alan's is deleted...
            context.Users.RemoveRange(users["ada"], users["alan"]);   // ...so both may go
            SaveAndCheck(context);
            Assert.Null(users["ada"].Badge);
            Assert.Null(users["alan"].Badge);
            Assert.Same(grace, moved.Holder);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Equal("grace", context.Badges.Include(x => x.Holder).Single().Holder?.Name);
        }
    }

    [DatabaseFact]
    public void Configuration_after_the_call_wins_a_Restrict_link_configured_to_cascade_deletes_the_Badge()
    {
        SaveNew(NewBadge(new User { Name = "ada" }));

        using (var context = Database.CreateContext<OverridingContext>(options => new(options)))
        {
            Assert.Equal(DeleteBehavior.Cascade, ForeignKey(context, typeof(Badge), nameof(Badge.Holder)).DeleteBehavior);
            var u = context.Users.Include(x => x.Badge).Single();
            var badge = u.Badge!;
            context.Users.Remove(u);
            SaveAndCheck(context);
            Assert.Null(badge.Holder);
            Assert.Null(u.Badge);
            Assert.Empty(context.Badges.AsNoTracking());
        }
    }

    [DatabaseFact]
    public async Task SaveChangesAsync_unlinks_deleted_objects_and_refuses_Restrict_alike()
    {
        SeedAdaWithProfile();
        SaveNew(NewBadge(new User { Name = "alan" }));

        await using (var context = Database.CreateContext())
        {
            var users = await context.Users.Include(x => x.Profile).Include(x => x.Badge).ToDictionaryAsync(x => x.Name);
            var p = users["ada"].Profile!;
            context.Users.Remove(users["ada"]);
            await context.SaveChangesAsync();
            Assert.Null(users["ada"].Profile);
            Assert.Null(p.User);
            Consistency.AssertConsistent(context);

            var badge = users["alan"].Badge!;
            context.Users.Remove(users["alan"]);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.Contains("OnDelete = Restrict", refused.Message, StringComparison.Ordinal);
            Assert.Same(badge, users["alan"].Badge);
            Assert.Same(users["alan"], badge.Holder);
        }

        AssertBadgeStillHeld("alan");
    }

    private static AccountSettings NewSettings(User owner) => new() { Owner = owner, Theme = "dark" };

    private static Badge NewBadge(User holder) => new() { Holder = holder, Title = "first" };

    private static void MoveBadge(Badge badge, User holder) => badge.Holder = holder;

    private static void Unlink(Profile profile) => profile.User = null;

    private void AssertBadgeStillHeld(string holder = "ada")
    {
        using var context = Database.CreateContext();
        var badge = context.Badges.Include(x => x.Holder).Single();
        Assert.Equal(holder, badge.Holder?.Name);
        Assert.Same(badge, badge.Holder?.Badge);
    }
}
