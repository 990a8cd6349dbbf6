// The seed walkthrough at the database level: Django's OneToOneField lesson, replayed with OneToOne and EF Core on
// SQLite. Each `using var db = new SampleContext(...)` is a new unit of work, as a new web request would have.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneToOne.Sample.EfCore;

var path = Path.Combine(Path.GetTempPath(), $"onetoone-sample-{Guid.NewGuid():N}.db");
try
{
    Walkthrough(path);
}
finally
{
    SqliteConnection.ClearAllPools();
    File.Delete(path);
    Console.WriteLine($"(removed {path})");
}

static void Walkthrough(string path)
{
    using (var db = new SampleContext(path))
    {
        db.Database.EnsureCreated();
        var index = db.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Profiles'").Single();
        Step(1, "define Profile with a one-to-one link to User, map it and create the database",
            "[OneToOne(typeof(User))] partial class Profile   +   modelBuilder.ApplyOneToOneLinks()   +   options.UseOneToOne()   (Models.cs)",
            $"{path}\n          with {index}");
    }

    int userId;
    using (var db = new SampleContext(path))
    {
        var u = new User { Name = "ada" };
        db.Users.Add(u);
        db.SaveChanges();
        userId = u.Id;
        Step(2, "create a User u and save it", "db.Users.Add(new User { Name = \"ada\" }); db.SaveChanges();", u);

        var p = new Profile { User = u, Bio = "Hello" };
        db.Profiles.Add(p);
        db.SaveChanges();
        Step(3, "create a Profile p linked to u and save it",
            "db.Profiles.Add(new Profile { User = u, Bio = \"Hello\" }); db.SaveChanges();",
            $"{p}, stored with UserId = {db.Entry(p).Property("UserId").CurrentValue}");
    }

    using (var db = new SampleContext(path))
    {
        var p = db.Profiles.Include(x => x.User).Single();
        Step(4, "in a new context, p.User returns u", "db.Profiles.Include(x => x.User).Single().User",
            $"{p.User} (and back: p.User.Profile is p: {ReferenceEquals(p.User?.Profile, p)})");
    }

    using (var db = new SampleContext(path))
    {
        var u = db.Users.Include(x => x.Profile).Single();
        Step(5, "in a new context, u.Profile returns p", "db.Users.Include(x => x.Profile).Single().Profile",
            $"{u.Profile} (and back: u.Profile.User is u: {ReferenceEquals(u.Profile?.User, u)})");
    }

    Step(6, "from another context, a second Profile for u is refused by the database",
        "var u = db.Users.Find(id);   // loaded without its Profile\n" +
        "          db.Profiles.Add(new Profile { User = u, Bio = \"Second\" }); db.SaveChanges();",
        SaveSecondProfile(path, userId));

    using (var db = new SampleContext(path))
    {
        var u = db.Users.Include(x => x.Profile).Single();
        var p = u.Profile!;
        db.Users.Remove(u);                                 // OnDelete = Cascade (the default): p goes with u
        db.SaveChanges();
        Step(7, "delete u: its Profile goes with it, and neither object still names the other",
            "db.Users.Remove(u); db.SaveChanges();",
            $"u.Profile = {u.Profile?.ToString() ?? "null"}, p.User = {p.User?.ToString() ?? "null"}; Profiles in the database: {db.Profiles.Count()}");
    }
}

// Another request: it loads u without u's Profile, so in memory u has none and the link is accepted. The database
// holds the truth: its unique index refuses the row, as Django's IntegrityError does.
static string SaveSecondProfile(string path, int userId)
{
    string refused;
    using (var db = new SampleContext(path))
    {
        var u = db.Users.Find(userId)!;
        db.Profiles.Add(new Profile { User = u, Bio = "Second" });
        try
        {
            db.SaveChanges();
            refused = "UNEXPECTED: the database accepted a second Profile";
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException sqlite)
        {
            refused = $"rejected with {e.GetType().Name}: {sqlite.Message}";
        }
    }

    using (var db = new SampleContext(path))
    {
        var u = db.Users.Include(x => x.Profile).Single(x => x.Id == userId);
        return $"{refused}\n          u still has p: u.Profile = {u.Profile}; Profiles in the database: {db.Profiles.Count()}";
    }
}

static void Step(int number, string action, string code, object? result)
{
    Console.WriteLine($"Step {number}: {action}");
    Console.WriteLine($"  code:   {code}");
    Console.WriteLine($"  result: {result}");
    Console.WriteLine();
}
