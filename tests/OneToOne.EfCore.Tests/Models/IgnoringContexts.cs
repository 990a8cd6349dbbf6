using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.EfCore.Tests.Models;

/// <summary>Tells EF, before <c>ApplyOneToOneLinks</c>, not to map <see cref="Gadget"/> (a principal EF could map).</summary>
public class IgnoreGadgetFirstContext(DbContextOptions<IgnoreGadgetFirstContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<Gadget>();
        modelBuilder.ApplyOneToOneLinks();
        modelBuilder.Ignore<WindowModel>();
        modelBuilder.Ignore<Window>();
    }
}

/// <summary>
/// Tells EF, before <c>ApplyOneToOneLinks</c>, not to map the in-memory link <see cref="Window"/>/<see cref="WindowModel"/>
/// (a principal EF cannot map: it has no key).
/// </summary>
public class IgnoreWindowFirstContext(DbContextOptions<IgnoreWindowFirstContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<Window>();
        modelBuilder.Ignore<WindowModel>();
        modelBuilder.ApplyOneToOneLinks();
    }
}

/// <summary>The same wishes written after <c>ApplyOneToOneLinks</c>, where the user's configuration wins.</summary>
public class IgnoreAfterContext(DbContextOptions<IgnoreAfterContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<GadgetManual> GadgetManuals => Set<GadgetManual>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyOneToOneLinks();
        modelBuilder.Ignore<Gadget>();
        modelBuilder.Ignore<Window>();
        modelBuilder.Ignore<WindowModel>();
    }
}
