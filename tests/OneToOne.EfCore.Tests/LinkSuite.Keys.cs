using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OneToOne.EfCore.Tests.Infrastructure;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// Keys: the ContosoUniversity model whose declared primary key is the link's key (a shared primary key), the
/// <c>ForeignKey</c> option, and a key mapped differently after the call leaving no trace of the generated one.
/// </summary>
public abstract partial class LinkSuite
{
    [DatabaseFact]
    public void Shared_key_OfficeAssignment_InstructorID_is_primary_key_and_foreign_key_in_one_column()
    {
        using (var context = Database.CreateContext())
        {
            var office = context.Model.FindEntityType(typeof(OfficeAssignment))!;
            var foreignKey = ForeignKey(context, typeof(OfficeAssignment), nameof(OfficeAssignment.Instructor));
            var key = foreignKey.Properties.Single();
            Assert.Equal(nameof(OfficeAssignment.InstructorID), key.Name);
            Assert.False(key.IsShadowProperty());
            Assert.Equal([key], office.FindPrimaryKey()!.Properties);
            Assert.True(foreignKey.IsRequired);
            Assert.Equal(ValueGenerated.Never, key.ValueGenerated);
            Assert.Equal(["InstructorID", "Location"], office.GetProperties().Select(p => p.Name).Order());
            Assert.Empty(office.GetIndexes());               // the primary key already guards it
        }

        Assert.Equal(["InstructorID", "Location"], Database.ColumnNames("OfficeAssignments").Order());
        Assert.False(Database.ColumnIsGenerated("OfficeAssignments", "InstructorID"));
        Assert.DoesNotContain(Database.IndexDefinitions("OfficeAssignments"), sql => !sql.Contains("\"PK_", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public void Shared_key_saved_then_read_back_both_ways()
    {
        var smith = new Instructor { LastName = "Smith" };
        var office = new OfficeAssignment { Instructor = smith, Location = "Gowan 27" };
        var jones = new Instructor { LastName = "Jones" };
        SaveNew(smith, jones);
        Assert.Same(office, smith.OfficeAssignment);
        Assert.Equal(smith.ID, office.InstructorID);         // the key is the instructor's
        Assert.Null(jones.OfficeAssignment);

        using (var context = Database.CreateContext())
        {
            var read = context.OfficeAssignments.Include(x => x.Instructor).Single();
            Assert.Equal("Gowan 27", read.Location);
            Assert.Equal("Smith", read.Instructor.LastName);
            Assert.Equal(read.InstructorID, read.Instructor.ID);
            Assert.Same(read, read.Instructor.OfficeAssignment);
            Consistency.AssertConsistent(context);
        }

        using (var context = Database.CreateContext())
        {
            var instructors = context.Instructors.Include(x => x.OfficeAssignment).ToDictionary(x => x.LastName);
            Assert.Equal("Gowan 27", instructors["Smith"].OfficeAssignment?.Location);
            Assert.Same(instructors["Smith"], instructors["Smith"].OfficeAssignment?.Instructor);
            Assert.Null(instructors["Jones"].OfficeAssignment);
            Consistency.AssertConsistent(context);

            // Deleting the instructor cascades to the office, and neither object still names the other.
            var smithRead = instructors["Smith"];
            var officeRead = smithRead.OfficeAssignment!;
            context.Instructors.Remove(smithRead);
            SaveAndCheck(context);
            Assert.Null(smithRead.OfficeAssignment);
            Assert.Null((object?)officeRead.Instructor);
        }

        using (var context = Database.CreateContext())
        {
            Assert.Empty(context.OfficeAssignments);
            Assert.Equal("Jones", context.Instructors.Single().LastName);
        }
    }

    [DatabaseFact]
    public void ForeignKey_names_the_shadow_key_with_its_unique_index()
    {
        using (var context = Database.CreateContext())
        {
            var key = ForeignKey(context, typeof(LibraryCard), nameof(LibraryCard.Reader)).Properties.Single();
            Assert.Equal("ReaderNumber", key.Name);
            Assert.True(key.IsShadowProperty());
            Assert.Null(context.Model.FindEntityType(typeof(LibraryCard))!.FindProperty("ReaderId"));
        }

        Assert.Contains("ReaderNumber", Database.ColumnNames("LibraryCards"));
        Assert.DoesNotContain("ReaderId", Database.ColumnNames("LibraryCards"));

        var card = new LibraryCard { Reader = new User { Name = "ada" }, Shelf = "A1" };
        SaveNew(card);
        using (var context = Database.CreateContext())
        {
            var read = context.LibraryCards.Include(x => x.Reader).Single();
            Assert.Equal("ada", read.Reader?.Name);
            Assert.Equal(read.Reader!.Id, context.Entry(read).Property("ReaderNumber").CurrentValue);
            Assert.Same(read, read.Reader.LibraryCard);
        }
    }

    [DatabaseFact]
    public void A_key_mapped_to_another_property_after_the_call_leaves_no_generated_column_or_index()
    {
        using (var context = Database.CreateContext<RemappedKeyContext>(options => new(options)))
        {
            var sponsorship = context.Model.FindEntityType(typeof(Sponsorship))!;
            var foreignKey = ForeignKey(context, typeof(Sponsorship), nameof(Sponsorship.Sponsor));
            Assert.Equal(nameof(Sponsorship.SponsorKey), foreignKey.Properties.Single().Name);
            Assert.Null(sponsorship.FindProperty("SponsorId"));
            var index = Assert.Single(sponsorship.GetIndexes());
            Assert.True(index.IsUnique);
            Assert.Equal(nameof(Sponsorship.SponsorKey), index.Properties.Single().Name);

            var script = context.Database.GenerateCreateScript();
            Assert.DoesNotContain("SponsorId", script, StringComparison.Ordinal);
            Assert.Contains("SponsorKey", script, StringComparison.Ordinal);

            // The remapped link works: saved through SponsorKey, both sides fixed up.
            var sponsor = new User { Name = "ada" };
            context.Sponsorships.Add(NewSponsorship(sponsor));
            SaveAndCheck(context);
        }

        using (var context = Database.CreateContext<RemappedKeyContext>(options => new(options)))
        {
            var read = context.Sponsorships.Include(x => x.Sponsor).Single();
            Assert.Equal(read.Sponsor?.Id, read.SponsorKey);
            Assert.Same(read, read.Sponsor?.Sponsorship);
        }

        // The default mapping, for comparison: the shadow SponsorId, and SponsorKey a plain column.
        using (var context = Database.CreateContext())
        {
            Assert.Equal("SponsorId", ForeignKey(context, typeof(Sponsorship), nameof(Sponsorship.Sponsor)).Properties.Single().Name);
        }
    }

    private static Sponsorship NewSponsorship(User sponsor) => new() { Sponsor = sponsor, Note = "gold" };
}
