using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// The EF Core mapping of links declared in the property form (<c>[OneToOne] public partial Pilot? Pilot { get; set; }</c>):
/// mapped, saved, read back and guarded by the database like the class form.
/// </summary>
public sealed class PropertyFormTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"onetoone-propertyform-{Guid.NewGuid():N}.db");

    private PropertyFormContext NewContext() =>
        new(new DbContextOptionsBuilder<PropertyFormContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .UseOneToOne()
            .Options);

    public void Dispose() => File.Delete(path);

    [Fact]
    public void A_property_form_link_is_mapped_saved_and_read_back_like_the_class_form()
    {
        using (var context = NewContext())
        {
            context.Database.EnsureCreated();
            var licence = context.Model.FindEntityType(typeof(Licence))!;
            var navigation = licence.FindNavigation(nameof(Licence.Pilot))!;
            Assert.True(navigation.ForeignKey.IsUnique);
            Assert.Equal(nameof(Pilot.Licence), navigation.Inverse!.Name);
            Assert.Equal("PilotId", Assert.Single(navigation.ForeignKey.Properties).Name);
            Assert.False(navigation.ForeignKey.IsRequired);

            var required = context.Model.FindEntityType(typeof(Logbook))!.FindNavigation(nameof(Logbook.Owner))!;
            Assert.True(required.ForeignKey.IsRequired);
            Assert.Equal(nameof(Pilot.Logbook), required.Inverse!.Name);

            var pilot = new Pilot { Name = "amelia" };
            context.Add(new Licence { Number = "L-1", Pilot = pilot });
            context.Add(new Logbook { Owner = pilot });
            context.SaveChanges();
        }

        using (var context = NewContext())
        {
            var pilot = context.Pilots.Include(p => p.Licence).Include(p => p.Logbook).Single();
            Assert.Equal("L-1", pilot.Licence!.Number);
            Assert.Same(pilot, pilot.Licence.Pilot);
            Assert.Same(pilot, pilot.Logbook!.Owner);

            // A second licence for the same pilot, from another context, is refused by the unique index.
            using var other = NewContext();
            var sameRow = other.Pilots.Single();
            other.Add(new Licence { Number = "L-2", Pilot = new Pilot { Name = "temp" } });
            other.SaveChanges();
            var second = other.Licences.Single(l => l.Number == "L-2");
            other.Entry(second).Property("PilotId").CurrentValue = sameRow.Id;
            Assert.Throws<DbUpdateException>(() => other.SaveChanges());
        }
    }

    [Fact]
    public void Deleting_the_dependent_leaves_no_half_link()
    {
        using var context = NewContext();
        context.Database.EnsureCreated();
        var pilot = new Pilot { Name = "bessie" };
        var licence = new Licence { Number = "L-9", Pilot = pilot };
        context.Add(licence);
        context.SaveChanges();

        context.Remove(licence);
        context.SaveChanges();
        Assert.Null(pilot.Licence);
        Assert.Null(licence.Pilot);
    }
}

public partial class Pilot
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

public partial class Licence
{
    public int Id { get; set; }

    public string Number { get; set; } = "";

    [OneToOne]
    public partial Pilot? Pilot { get; set; }
}

public partial class Logbook
{
    public int Id { get; set; }

    [OneToOne(OnDelete = OneToOneDelete.Cascade)]
    public required partial Pilot Owner { get; set; }
}

public sealed class PropertyFormContext(DbContextOptions<PropertyFormContext> options) : DbContext(options)
{
    public DbSet<Pilot> Pilots => Set<Pilot>();

    public DbSet<Licence> Licences => Set<Licence>();

    public DbSet<Logbook> Logbooks => Set<Logbook>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyOneToOneLinks();
}
