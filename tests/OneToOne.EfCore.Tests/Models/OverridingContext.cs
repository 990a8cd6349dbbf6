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
        modelBuilder.Ignore<WindowModel>();
        modelBuilder.Ignore<Window>();

        // Refuse the delete of a User with a Badge also when the Badge is tracked (EF then leaves its key alone).
        modelBuilder.Entity<Badge>().HasOne(b => b.Holder).WithOne(u => u.Badge).OnDelete(DeleteBehavior.ClientNoAction);
    }
}
