using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.EfCore.Tests.Models;

/// <summary>
/// <see cref="LinksContext"/>'s model with one link configured again after <c>ApplyOneToOneLinks</c>: the user's
/// configuration wins where both speak.
/// </summary>
public class OverridingContext(DbContextOptions<OverridingContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Badge> Badges => Set<Badge>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyOneToOneLinks();

        // The Badge link says OnDelete = Restrict; this context deletes a User's Badge with the User instead.
        modelBuilder.Entity<Badge>().HasOne(b => b.Holder).WithOne(u => u.Badge).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// <see cref="LinksContext"/>'s model, except that the Sponsorship link's key is mapped to the declared
/// <c>SponsorKey</c> after <c>ApplyOneToOneLinks</c>: the generated shadow key <c>SponsorId</c> must leave no trace.
/// </summary>
public class RemappedKeyContext(DbContextOptions<RemappedKeyContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyOneToOneLinks();
        modelBuilder.Entity<Sponsorship>().HasOne(s => s.Sponsor).WithOne(u => u.Sponsorship).HasForeignKey<Sponsorship>(s => s.SponsorKey);
    }
}

/// <summary>A context that calls <c>ApplyOneToOneLinks</c>; the test decides whether its options have <c>UseOneToOne()</c>.</summary>
public class PlainOptionsContext(DbContextOptions<PlainOptionsContext> options) : DbContext(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyOneToOneLinks();
}

/// <summary>A context with <c>UseOneToOne()</c> and no <c>ApplyOneToOneLinks</c>: nothing needs OneToOne's options.</summary>
public class NoLinksContext(DbContextOptions<NoLinksContext> options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Team>().Ignore(t => t.Charter);
}
