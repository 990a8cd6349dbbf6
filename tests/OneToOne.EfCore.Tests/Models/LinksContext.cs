using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.EfCore.Tests.Models;

/// <summary>Every entity of this assembly, mapped by the generated <c>ApplyOneToOneLinks</c> alone.</summary>
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyOneToOneLinks();

        // Configuration after ApplyOneToOneLinks wins: the in-memory link Window/WindowModel is not mapped.
        modelBuilder.Ignore<WindowModel>();
        modelBuilder.Ignore<Window>();
    }
}
