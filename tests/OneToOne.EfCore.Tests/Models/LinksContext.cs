using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.EfCore.Tests.Models;

/// <summary>
/// Every entity of this assembly, mapped by the generated <c>ApplyOneToOneLinks</c> alone. The options come from the
/// test (<see cref="Infrastructure.TestDatabase.CreateContext()"/>), with <c>UseOneToOne()</c>, as <c>AddDbContext</c> gives them.
/// </summary>
public class LinksContext(DbContextOptions<LinksContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<AccountSettings> Settings => Set<AccountSettings>();

    public DbSet<Badge> Badges => Set<Badge>();

    public DbSet<Passport> Passports => Set<Passport>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Charter> Charters => Set<Charter>();

    public DbSet<Box<int>> Boxes => Set<Box<int>>();

    public DbSet<Crate> Crates => Set<Crate>();

    public DbSet<Gadget> Gadgets => Set<Gadget>();

    public DbSet<GadgetManual> GadgetManuals => Set<GadgetManual>();

    public DbSet<Instructor> Instructors => Set<Instructor>();

    public DbSet<OfficeAssignment> OfficeAssignments => Set<OfficeAssignment>();

    public DbSet<LibraryCard> LibraryCards => Set<LibraryCard>();

    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyOneToOneLinks();

        // Window and WindowModel are no entity types here (nothing reaches them), so their in-memory link is not
        // mapped; ignoring them changes nothing and keeps it so if a DbSet ever reaches them.
        modelBuilder.Ignore<WindowModel>();
        modelBuilder.Ignore<Window>();
    }
}
