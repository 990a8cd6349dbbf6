using Microsoft.EntityFrameworkCore;
using OneToOne.EfCore.Tests.Infrastructure;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>Required links, several links on one class, a self link, a declared key, the extension form.</summary>
public abstract partial class LinkSuite
{
    [DatabaseFact]
    public void Required_maps_to_a_non_nullable_key_and_an_optional_link_to_a_nullable_one()
    {
        using (var context = Database.CreateContext())
        {
            var passport = ForeignKey(context, typeof(Passport), nameof(Passport.Account));
            Assert.True(passport.IsRequired);
            Assert.False(passport.Properties.Single().IsNullable);
            Assert.True(passport.Properties.Single().IsShadowProperty());

            var profile = ForeignKey(context, typeof(Profile), nameof(Profile.User));
            Assert.False(profile.IsRequired);
            Assert.True(profile.Properties.Single().IsNullable);
        }

        Assert.False(Database.ColumnIsNullable("Passports", "AccountId"));
        Assert.True(Database.ColumnIsNullable("Profiles", "UserId"));
    }

    [DatabaseFact]
    public void Required_link_is_saved_and_read_back()
    {
        var passport = new Passport { Account = new User { Name = "ada" }, Number = "P-1" };
        SaveNew(passport);

        using var context = Database.CreateContext();
        var read = context.Passports.Include(x => x.Account).Single();
        Assert.Equal(passport.Account.Id, read.Account.Id);
        Assert.Equal("P-1", read.Number);
        Assert.Same(read, read.Account.Passport);
        Consistency.AssertConsistent(context);
    }

    [DatabaseFact]
    public void Several_links_on_one_model_are_saved_and_read_back_independently()
    {
        SaveNew(NewDraft("notes", new User { Name = "ada" }, new Person { Name = "grace" }), NewDraft("other", new User { Name = "alan" }, null));

        using (var context = Database.CreateContext())
        {
            var draft = context.Drafts.Include(x => x.Author).Include(x => x.Reviewer).Single(x => x.Title == "notes");
            Assert.Equal("ada", draft.Author?.Name);
            Assert.Equal("grace", draft.Reviewer?.Name);
            Assert.Same(draft, draft.Author?.AuthoredDraft);
            Assert.Same(draft, draft.Reviewer?.ReviewedDraft);
            Consistency.AssertConsistent(context);
        }

        using (var context = Database.CreateContext())
        {
            // Fix-up of each link on its own: the people and users first, then the drafts.
            var grace = context.People.Single();
            var users = context.Users.ToDictionary(x => x.Name);
            var drafts = context.Drafts.ToDictionary(x => x.Title);
            Assert.Same(drafts["notes"], grace.ReviewedDraft);
            Assert.Same(drafts["notes"], users["ada"].AuthoredDraft);
            Assert.Same(drafts["other"], users["alan"].AuthoredDraft);
            Assert.Null(drafts["other"].Reviewer);
            Consistency.AssertConsistent(context);

            // One link changes, the other stays: grace now reviews "other" instead of "notes".
            MoveReview(drafts["notes"], drafts["other"], grace);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            var drafts = context.Drafts.Include(x => x.Author).Include(x => x.Reviewer).ToDictionary(x => x.Title);
            Assert.Null(drafts["notes"].Reviewer);
            Assert.Equal("ada", drafts["notes"].Author?.Name);
            Assert.Equal("grace", drafts["other"].Reviewer?.Name);
            Assert.Equal("alan", drafts["other"].Author?.Name);
        }
    }

    [DatabaseFact]
    public void Self_link_Mentor_and_Mentee_are_saved_and_read_back()
    {
        SaveNew(MentorChain("a", "b", "c"));                // a mentors b, b mentors c

        using (var context = Database.CreateContext())
        {
            var people = context.People.Include(x => x.Mentor).Include(x => x.Mentee).ToDictionary(x => x.Name);
            Assert.Null(people["a"].Mentor);
            Assert.Same(people["b"], people["a"].Mentee);
            Assert.Same(people["a"], people["b"].Mentor);
            Assert.Same(people["c"], people["b"].Mentee);
            Assert.Same(people["b"], people["c"].Mentor);
            Assert.Null(people["c"].Mentee);
            Consistency.AssertConsistent(context);
        }

        using (var context = Database.CreateContext())
        {
            // Loaded one by one, out of order: fix-up joins the chain.
            var c = context.People.Single(x => x.Name == "c");
            var a = context.People.Single(x => x.Name == "a");
            Assert.Null(c.Mentor);
            var b = context.People.Single(x => x.Name == "b");
            Assert.Same(a, b.Mentor);
            Assert.Same(b, a.Mentee);
            Assert.Same(b, c.Mentor);
            Assert.Same(c, b.Mentee);
            Consistency.AssertConsistent(context);
        }
    }

    [DatabaseFact]
    public void Self_link_a_second_Mentee_from_another_context_is_refused_by_the_database()
    {
        SaveNew(MentorChain("a", "b"));

        using (var context = Database.CreateContext())
        {
            var a = context.People.Single(x => x.Name == "a");
            Assert.Null(a.Mentee);                           // b is not loaded here
            context.People.Add(NewPerson("d", a));
            Database.AssertUniqueViolation(Assert.Throws<DbUpdateException>(() => context.SaveChanges()));
        }
    }

    [DatabaseFact]
    public void A_declared_key_property_is_used_instead_of_a_shadow_property()
    {
        using (var context = Database.CreateContext())
        {
            var property = ForeignKey(context, typeof(Charter), nameof(Charter.Team)).Properties.Single();
            Assert.Equal(nameof(Charter.TeamId), property.Name);
            Assert.False(property.IsShadowProperty());
            Assert.Equal(typeof(Charter).GetProperty(nameof(Charter.TeamId)), property.PropertyInfo);
        }

        // Linking through the navigation writes the declared key when saved.
        var charter = NewCharter(new Team { Name = "core" }, "rules");
        SaveNew(charter);
        Assert.Equal(charter.Team!.Id, charter.TeamId);

        // Writing the declared key alone links both navigations on fix-up.
        using (var context = Database.CreateContext())
        {
            var docs = new Team { Name = "docs" };
            context.Teams.Add(docs);
            context.SaveChanges();
            var second = new Charter { TeamId = docs.Id, Text = "docs rules" };
            context.Charters.Add(second);
            Assert.Same(docs, second.Team);
            Assert.Same(second, docs.Charter);
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext())
        {
            var teams = context.Teams.Include(x => x.Charter).ToDictionary(x => x.Name);
            Assert.Equal("rules", teams["core"].Charter?.Text);
            Assert.Equal("docs rules", teams["docs"].Charter?.Text);
            Assert.Equal(teams["docs"].Id, teams["docs"].Charter?.TeamId);
            Consistency.AssertConsistent(context);
        }
    }

    [DatabaseFact]
    public void An_extension_form_principal_is_mapped_without_a_reverse_navigation()
    {
        using (var context = Database.CreateContext())
        {
            var foreignKey = ForeignKey(context, typeof(Crate), nameof(Crate.Box));
            Assert.True(foreignKey.IsUnique);
            Assert.Null(foreignKey.PrincipalToDependent);
        }

        var box = new Box<int> { Content = 42 };
        var crate = NewCrate(box, "answer");
        Assert.Same(crate, box.Crate);                       // the extension property (C# 14)
        SaveNew(crate);

        using (var context = Database.CreateContext())
        {
            var read = context.Crates.Include(x => x.Box).Single();
            Assert.Equal(42, read.Box?.Content);
            Assert.Same(read, read.Box?.Crate);              // EF set the navigation through the setter: the weak slot is written
            Consistency.AssertConsistent(context);
        }

        using (var context = Database.CreateContext())
        {
            var readBox = context.Boxes.Single();
            Assert.Null(readBox.Crate);
            var read = context.Crates.Single();
            Assert.Same(readBox, read.Box);
            Assert.Same(read, readBox.Crate);
        }
    }

    private static void MoveReview(Draft from, Draft to, Person reviewer)
    {
        from.Reviewer = null;
        to.Reviewer = reviewer;
    }

    private static Draft NewDraft(string title, User author, Person? reviewer) => new() { Title = title, Author = author, Reviewer = reviewer };

    private static Person NewPerson(string name, Person? mentor) => new() { Name = name, Mentor = mentor };

    /// <summary>People named <paramref name="names"/>, each the mentor of the next.</summary>
    private static Person[] MentorChain(params string[] names)
    {
        var people = new Person[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            people[i] = NewPerson(names[i], i == 0 ? null : people[i - 1]);
        }

        return people;
    }

    private static Charter NewCharter(Team team, string text) => new() { Team = team, Text = text };

    private static Crate NewCrate(Box<int> box, string label) => new() { Box = box, Label = label };
}
