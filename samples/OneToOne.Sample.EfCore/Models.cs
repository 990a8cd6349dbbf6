using Microsoft.EntityFrameworkCore;
using OneToOne;

namespace OneToOne.Sample.EfCore;

/// <summary>The principal: Django's <c>django.contrib.auth.models.User</c>.</summary>
public partial class User
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public override string ToString() => $"User(Id={Id}, Name={Name})";
}

/// <summary>
/// Step 1: the dependent. Django: <c>user = models.OneToOneField(User, on_delete=models.CASCADE)</c>.
/// The generator adds <c>Profile.User</c>, <c>User.Profile</c> and, because this project references EF Core,
/// <c>modelBuilder.ApplyOneToOneLinks()</c> (the key column <c>Profiles.UserId</c> with a unique index) and
/// <c>optionsBuilder.UseOneToOne()</c> (both sides stay true through deletes).
/// </summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public int Id { get; set; }

    public string Bio { get; set; } = "";

    public override string ToString() => $"Profile(Id={Id}, Bio={Bio})";
}

public class SampleContext(string databasePath) : DbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Profile> Profiles => Set<Profile>();

    // No connection pooling: once the sample is done, nothing keeps the database file open, so it can be removed.
    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        options.UseSqlite($"Data Source={databasePath};Pooling=False").UseOneToOne();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyOneToOneLinks();
}
