using System.Security;

namespace OneToOne.PackageTests;

/// <summary>
/// The usual layered solution, built as a user builds it from the packed package: an entities class library with
/// <c>OneToOne</c> and no EF Core, and a data project with EF Core (SQLite) that references it, maps its links with
/// <c>ApplyOneToOneLinks</c> and runs against a SQLite file.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LayeredSolutionTests(PackageFixture fixture)
{
    /// <summary>The EF Core version the data project uses (the one the repository tests with, already restored).</summary>
    private const string EfCoreVersion = "10.0.15";

    private const string Entities = """
        using System.ComponentModel.DataAnnotations;
        using OneToOne;

        namespace Shop.Entities;

        public partial class User
        {
            public int Id { get; set; }

            public string Name { get; set; } = "";
        }

        [OneToOne(typeof(User))]
        public partial class Profile
        {
            public int Id { get; set; }

            public string Bio { get; set; } = "";
        }

        public partial class Instructor
        {
            public int ID { get; set; }

            public string LastName { get; set; } = "";
        }

        // ContosoUniversity's OfficeAssignment: its declared key is the link's key (one shared column).
        [OneToOne(typeof(Instructor), Required = true)]
        public partial class OfficeAssignment
        {
            [Key]
            public int InstructorID { get; set; }

            public string Location { get; set; } = "";
        }
        """;

    private const string Data = """
        using System;
        using System.IO;
        using System.Linq;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using OneToOne;
        using Shop.Entities;

        var failures = 0;
        void Check(string name, bool passed)
        {
            Console.WriteLine($"{name}: {(passed ? "ok" : "FAILED")}");
            if (!passed)
            {
                failures++;
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"onetoone-layered-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new ShopContext(path))
            {
                db.Database.EnsureCreated();
                var u = new User { Name = "ada" };
                db.Users.Add(u);
                db.Profiles.Add(new Profile { User = u, Bio = "Hello" });
                db.Instructors.Add(new Instructor { LastName = "Smith" });
                db.SaveChanges();
                var smith = db.Instructors.Single();
                db.OfficeAssignments.Add(new OfficeAssignment { Instructor = smith, Location = "Gowan 27" });
                db.SaveChanges();
            }

            using (var db = new ShopContext(path))
            {
                var p = db.Profiles.Include(x => x.User).Single();
                Check("forward p.User is ada", p.User?.Name == "ada");
                Check("reverse p.User.Profile is p", ReferenceEquals(p.User?.Profile, p));
                var office = db.OfficeAssignments.Include(x => x.Instructor).Single();
                Check("shared key InstructorID is the instructor's", office.InstructorID == office.Instructor.ID);
                Check("reverse Instructor.OfficeAssignment", ReferenceEquals(office.Instructor.OfficeAssignment, office));
                var columns = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('OfficeAssignments')").ToList();
                Check("one key column", string.Join(",", columns.Order()) == "InstructorID,Location");
            }

            using (var db = new ShopContext(path))
            {
                var u = db.Users.Single();
                db.Profiles.Add(new Profile { User = u, Bio = "Second" });   // u loaded without its Profile
                try
                {
                    db.SaveChanges();
                    Check("second Profile refused by the unique index", false);
                }
                catch (DbUpdateException e) when (e.InnerException is SqliteException)
                {
                    Check("second Profile refused by the unique index", true);
                }
            }

            using (var db = new ShopContext(path))
            {
                var u = db.Users.Include(x => x.Profile).Single();
                var p = u.Profile!;
                db.Users.Remove(u);                                          // Cascade: p goes too
                db.SaveChanges();
                Check("deleted User no longer names its Profile", u.Profile is null);
                Check("deleted Profile no longer names its User", p.User is null);
                Check("no Profile left", !db.Profiles.Any());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        Console.WriteLine("layered done");
        return failures == 0 ? 0 : 1;

        public sealed class ShopContext(string path) : DbContext
        {
            public DbSet<User> Users => Set<User>();

            public DbSet<Profile> Profiles => Set<Profile>();

            public DbSet<Instructor> Instructors => Set<Instructor>();

            public DbSet<OfficeAssignment> OfficeAssignments => Set<OfficeAssignment>();

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseSqlite($"Data Source={path};Pooling=False").UseOneToOne();

            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyOneToOneLinks();
        }
        """;

    [Fact]
    public void Entities_library_without_EF_Core_and_a_data_project_with_EF_Core_map_save_and_delete_links()
    {
        fixture.RequirePackage();
        var root = fixture.CreateFolder("layered");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="OneToOneUnderTest" value="{SecurityElement.Escape(fixture.PackageFolder)}" />
              </packageSources>
            </configuration>
            """);

        var entities = Directory.CreateDirectory(Path.Combine(root, "Shop.Entities")).FullName;
        File.WriteAllText(Path.Combine(entities, "Shop.Entities.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(entities, "Entities.cs"), Entities);

        var data = Directory.CreateDirectory(Path.Combine(root, "Shop.Data")).FullName;
        File.WriteAllText(Path.Combine(data, "Shop.Data.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{EfCoreVersion}" />
                <ProjectReference Include="../Shop.Entities/Shop.Entities.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(data, "Program.cs"), Data);

        var run = DotNetCli.Run(data, "run");

        Assert.True(run.Succeeded, "The data project failed to build or run:" + Environment.NewLine + run.Describe());
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToArray();
        string[] expected =
        [
            "forward p.User is ada: ok",
            "reverse p.User.Profile is p: ok",
            "shared key InstructorID is the instructor's: ok",
            "reverse Instructor.OfficeAssignment: ok",
            "one key column: ok",
            "second Profile refused by the unique index: ok",
            "deleted User no longer names its Profile: ok",
            "deleted Profile no longer names its User: ok",
            "no Profile left: ok",
            "layered done",
        ];
        foreach (var line in expected)
        {
            Assert.True(lines.Contains(line), $"Missing output line \"{line}\":" + Environment.NewLine + run.Describe());
        }

        // The entities library knows nothing of EF Core: no EF helpers generated there, no EF Core in its output.
        Assert.Empty(Directory.GetFiles(entities, "OneToOne.EntityFrameworkCore.g.cs", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(entities, "bin"), "Microsoft.EntityFrameworkCore*.dll", SearchOption.AllDirectories));
        Assert.Single(Directory.GetFiles(Path.Combine(data, "obj"), "OneToOne.EntityFrameworkCore.g.cs", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_invalid_link_reports_its_own_error_and_never_takes_ApplyOneToOneLinks_away()
    {
        fixture.RequirePackage();
        var project = fixture.CreateFolder("layered-invalid");
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="OneToOneUnderTest" value="{SecurityElement.Escape(fixture.PackageFolder)}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Data.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{EfCoreVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Model.cs"), """
            using Microsoft.EntityFrameworkCore;
            using OneToOne;

            namespace Data;

            public partial class User { public int Id { get; set; } }

            [OneToOne(typeof(User))]
            public partial class Profile { public int Id { get; set; } }

            public class Team { public int Id { get; set; } }   // not partial: the link below is invalid

            [OneToOne(typeof(Team))]
            public partial class Charter { public int Id { get; set; } }

            public class AppDb : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseOneToOne();

                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyOneToOneLinks();
            }
            """);

        var build = DotNetCli.Run(project, "build");

        Assert.False(build.Succeeded, "The build should have failed with OTO003:" + Environment.NewLine + build.Describe());
        Assert.Matches(@"Model\.cs\(\d+,\d+\): error OTO003", build.Output);
        Assert.DoesNotContain("CS1061", build.Output, StringComparison.Ordinal);   // ApplyOneToOneLinks and UseOneToOne exist
        Assert.DoesNotContain("error NU", build.Output, StringComparison.Ordinal);
    }
}
