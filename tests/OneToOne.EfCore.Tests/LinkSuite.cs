using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OneToOne.EfCore.Tests.Infrastructure;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// The EF Core mapping generated from <c>[OneToOne]</c>, proved on a real database. Each derived class
/// runs every test on its own engine; each test gets a fresh database (see <see cref="TestDatabase"/>), and every
/// context that saved is checked with <see cref="Consistency.AssertConsistent"/>: the generated bookkeeping and EF's
/// change tracker tell the same story.
/// </summary>
/// <remarks>
/// Links are made in small helper methods rather than in lambdas or next to query lambdas inside <c>using</c> blocks:
/// when this suite was written, those shapes made the flow analyzer (OTO100/OTO101) throw AD0001.
/// </remarks>
public abstract partial class LinkSuite(TestDatabase database) : IDisposable
{
    protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- The seed story ------------------------------------------------------------------------------------------

    [DatabaseFact]
    public void Seed_story_saved_then_read_back_with_Include_both_ways()
    {
        var (userId, profileId) = SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var p = context.Profiles.Include(x => x.User).Single();
            Assert.Equal(profileId, p.Id);
            Assert.Equal("Hello", p.Bio);
            var u = Assert.IsType<User>(p.User);
            Assert.Equal(userId, u.Id);
            Assert.Equal("ada", u.Name);
            Assert.Same(p, u.Profile);
            Consistency.AssertConsistent(context);
        }

        using (var context = Database.CreateContext())
        {
            var u = context.Users.Include(x => x.Profile).Single();
            var p = Assert.IsType<Profile>(u.Profile);
            Assert.Equal(profileId, p.Id);
            Assert.Same(u, p.User);
            Consistency.AssertConsistent(context);
        }
    }

    [DatabaseFact]
    public void Seed_story_read_back_by_fix_up_of_separately_loaded_entities()
    {
        SeedAdaWithProfile();

        // The principal first, then the dependent: loading the dependent links both.
        using (var context = Database.CreateContext())
        {
            var u = context.Users.Single();
            Assert.Null(u.Profile);
            var p = context.Profiles.Single();
            Assert.Same(u, p.User);
            Assert.Same(p, u.Profile);
            Consistency.AssertConsistent(context);
        }

        // The dependent first (its key is known, its navigation not yet), then the principal.
        using (var context = Database.CreateContext())
        {
            var p = context.Profiles.Single();
            Assert.Null(p.User);
            var u = context.Users.Single();
            Assert.Same(u, p.User);
            Assert.Same(p, u.Profile);
            Consistency.AssertConsistent(context);
        }

        // Explicit loading of the reverse navigation.
        using (var context = Database.CreateContext())
        {
            var u = context.Users.Single();
            context.Entry(u).Reference(x => x.Profile).Load();
            Assert.Equal("Hello", u.Profile?.Bio);
            Assert.Same(u, u.Profile?.User);
            Consistency.AssertConsistent(context);
        }
    }

    // ---- One per principal: the database's unique index ----------------------------------------------------------

    [DatabaseFact]
    public void Every_link_has_a_unique_index_on_its_key_in_the_created_schema()
    {
        foreach (var (table, column) in new[]
                 {
                     ("Profiles", "UserId"), ("Settings", "OwnerId"), ("Badges", "HolderId"), ("Passports", "AccountId"),
                     ("People", "MentorId"), ("Drafts", "AuthorId"), ("Drafts", "ReviewerId"), ("Charters", "TeamId"),
                     ("Crates", "BoxId"), ("GadgetManuals", "GadgetId"), ("LibraryCards", "ReaderNumber"), ("Sponsorships", "SponsorId"),
                 })
        {
            var indexes = Database.IndexDefinitions(table);
            Assert.True(
                indexes.Any(sql => sql.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) && sql.Contains($"\"{column}\"", StringComparison.Ordinal)),
                $"{Database.Provider}: no unique index on {table}.{column}; indexes: {string.Join(" | ", indexes)}");
        }
    }

    [DatabaseFact]
    public void Every_link_is_a_unique_one_to_one_in_the_model_with_its_OnDelete()
    {
        using var context = Database.CreateContext();
        Assert.Equal(DeleteBehavior.Cascade, ForeignKey(context, typeof(Profile), nameof(Profile.User)).DeleteBehavior);
        Assert.Equal(DeleteBehavior.SetNull, ForeignKey(context, typeof(AccountSettings), nameof(AccountSettings.Owner)).DeleteBehavior);
        // Restrict: OneToOne refuses the delete itself (EF's Restrict would null a tracked dependent's key), and the
        // database's NO ACTION constraint refuses it when the dependent is not loaded.
        Assert.Equal(DeleteBehavior.ClientNoAction, ForeignKey(context, typeof(Badge), nameof(Badge.Holder)).DeleteBehavior);
        Assert.Equal(DeleteBehavior.Cascade, ForeignKey(context, typeof(Passport), nameof(Passport.Account)).DeleteBehavior);

        // The key: the link's ForeignKey, by default <Navigation>Id; a declared property matched ignoring case.
        var expectedKeys = new Dictionary<string, string>
        {
            ["Profile.User"] = "UserId", ["AccountSettings.Owner"] = "OwnerId", ["Badge.Holder"] = "HolderId",
            ["Passport.Account"] = "AccountId", ["Person.Mentor"] = "MentorId", ["Draft.Author"] = "AuthorId",
            ["Draft.Reviewer"] = "ReviewerId", ["Charter.Team"] = "TeamId", ["Crate.Box"] = "BoxId",
            ["GadgetManual.Gadget"] = "GadgetId", ["OfficeAssignment.Instructor"] = "InstructorID",
            ["LibraryCard.Reader"] = "ReaderNumber", ["Sponsorship.Sponsor"] = "SponsorId",
        };
        var foreignKeys = context.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).ToList();
        Assert.Equal(
            expectedKeys.OrderBy(x => x.Key),
            foreignKeys.Select(fk => KeyValuePair.Create($"{fk.DeclaringEntityType.ClrType.Name}.{fk.DependentToPrincipal?.Name}", fk.Properties.Single().Name)).OrderBy(x => x.Key));
        foreach (var foreignKey in foreignKeys)
        {
            Assert.True(foreignKey.IsUnique, $"{foreignKey} is not unique");
            var property = foreignKey.Properties.Single();
            var guarded = foreignKey.DeclaringEntityType.FindPrimaryKey()!.Properties.SequenceEqual([property]) ||
                          foreignKey.DeclaringEntityType.GetIndexes().Any(i => i.IsUnique && i.Properties.SequenceEqual([property]));
            Assert.True(guarded, $"{foreignKey}: neither the primary key nor a unique index guards {property.Name}");
        }
    }

    [DatabaseFact]
    public void A_second_Profile_for_the_User_saved_from_another_context_is_refused_by_the_database()
    {
        var (userId, profileId) = SeedAdaWithProfile();

        // Another context (another request): u is loaded without its Profile, so in memory it has none and the link
        // is accepted; the database holds the truth.
        using (var context = Database.CreateContext())
        {
            var u = context.Users.Single();
            Assert.Null(u.Profile);
            context.Profiles.Add(NewProfile(u, "Second"));
            var refused = Assert.Throws<DbUpdateException>(() => context.SaveChanges());
            Database.AssertUniqueViolation(refused);
        }

        AssertOnlyProfile(userId, profileId);
    }

    [DatabaseFact]
    public void A_second_Profile_written_by_key_alone_is_refused_by_the_database()
    {
        var (userId, profileId) = SeedAdaWithProfile();

        using (var context = Database.CreateContext())
        {
            var second = new Profile { Bio = "Second" };
            context.Profiles.Add(second);
            context.Entry(second).Property("UserId").CurrentValue = userId;
            var refused = Assert.Throws<DbUpdateException>(() => context.SaveChanges());
            Database.AssertUniqueViolation(refused);
        }

        AssertOnlyProfile(userId, profileId);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    protected static void SaveAndCheck(DbContext context)
    {
        context.SaveChanges();
        Consistency.AssertConsistent(context);
    }

    /// <summary>Adds <paramref name="entities"/> (and what they reach) in a new context, saves and checks it.</summary>
    protected void SaveNew(params object[] entities)
    {
        using var context = Database.CreateContext();
        context.AddRange(entities);
        SaveAndCheck(context);
    }

    /// <summary>The seed: User ada with Profile "Hello", saved.</summary>
    protected (int UserId, int ProfileId) SeedAdaWithProfile()
    {
        using var context = Database.CreateContext();
        var u = new User { Name = "ada" };
        var p = new Profile { User = u, Bio = "Hello" };
        Assert.Same(p, u.Profile);
        context.Users.Add(u);                               // p is reached through u.Profile
        SaveAndCheck(context);
        Assert.Equal(u.Id, context.Entry(p).Property("UserId").CurrentValue);
        return (u.Id, p.Id);
    }

    protected static Profile NewProfile(User user, string bio) => new() { User = user, Bio = bio };

    protected static IForeignKey ForeignKey(DbContext context, Type dependent, string navigation) =>
        context.Model.FindEntityType(dependent)!.FindNavigation(navigation)!.ForeignKey;

    private void AssertOnlyProfile(int userId, int profileId)
    {
        using var context = Database.CreateContext();
        var profile = context.Profiles.Include(x => x.User).Single();
        Assert.Equal(profileId, profile.Id);
        Assert.Equal(userId, profile.User?.Id);
    }
}
