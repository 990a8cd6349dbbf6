// (c) EF Core's relationship fix-up: plain entities with a one-to-one, tracked by a DbContext (InMemory provider).
using Microsoft.EntityFrameworkCore;

namespace OneToOne.Benchmarks.Models;

public class EfUser
{
    public int Id { get; set; }

    public EfProfile? Profile { get; set; }
}

public class EfProfile
{
    public int Id { get; set; }

    public int? UserId { get; set; }

    public EfUser? User { get; set; }
}

public sealed class EfContext : DbContext
{
    private readonly string _name = "oto-bench-" + Guid.NewGuid().ToString("N");

    public DbSet<EfUser> Users => Set<EfUser>();

    public DbSet<EfProfile> Profiles => Set<EfProfile>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseInMemoryDatabase(_name); // change-tracking proxies are not used: snapshot tracking

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<EfProfile>()
            .HasOne(p => p.User)
            .WithOne(u => u.Profile)
            .HasForeignKey<EfProfile>(p => p.UserId)
            .IsRequired(false);
}
