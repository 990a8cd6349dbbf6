using System.Security;
using System.Text.RegularExpressions;

namespace OneToOne.PackageTests;

/// <summary>
/// A user's project, in a temporary folder outside the repository (none of the repository's build
/// files apply), that takes OneToOne only through <c>&lt;PackageReference Include="OneToOne" /&gt;</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerTests(PackageFixture fixture)
{
    // The seed example (a User, its Profile, a rejected second Profile), with one printed line per check; exits with 1 when any check fails.
    private const string WorkingProgram = """
        using System;
        using OneToOne;

        var failures = 0;
        void Check(string name, bool passed)
        {
            Console.WriteLine($"{name}: {(passed ? "ok" : "FAILED")}");
            if (!passed)
            {
                failures++;
            }
        }

        var u = new User { Name = "ada" };
        var p = new Profile { User = u, Bio = "Hello" };
        Check("forward p.User == u", p.User == u);
        Check("reverse u.Profile == p", u.Profile == p);

        try
        {
            // The analyzer warns on this line (OTO100), and the run time refuses it.
            var p2 = new Profile { User = u, Bio = "Second" };
            Check("second Profile rejected", false);
        }
        catch (OneToOneViolationException e)
        {
            Check("second Profile rejected", true);
            Console.WriteLine($"message: {e.Message}");
            Check("exception principal is u", ReferenceEquals(e.Principal, u));
            Check("exception existing dependent is p", ReferenceEquals(e.ExistingDependent, p));
            Check("rejected Profile stays unlinked", e.RejectedDependent is Profile rejected && rejected != p && rejected.User is null);
            Check("u still has p", u.Profile == p && p.User == u);
        }

        Console.WriteLine("consumer done");
        return failures == 0 ? 0 : 1;

        public partial class User { public string Name { get; set; } = ""; }

        [OneToOne(typeof(User))]
        public partial class Profile { public string Bio { get; set; } = ""; }
        """;

    // The same, except that the [OneToOne] class is not partial: OTO001 (an error) on Profile.
    private const string NotPartialProgram = """
        using System;
        using OneToOne;

        Console.WriteLine(new Profile().Bio);

        public partial class User { public string Name { get; set; } = ""; }

        [OneToOne(typeof(User))]
        public class Profile { public string Bio { get; set; } = ""; }
        """;

    [Fact]
    public void Consumer_builds_and_runs_the_seed_example_from_the_package()
    {
        var consumer = WriteConsumer("consumer-run", WorkingProgram);

        var run = DotNetCli.Run(consumer, "run");

        Assert.True(run.Succeeded, "The consumer failed to build or run:" + Environment.NewLine + run.Describe());
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToArray();
        string[] expected =
        [
            "forward p.User == u: ok",
            "reverse u.Profile == p: ok",
            "second Profile rejected: ok",
            "exception principal is u: ok",
            "exception existing dependent is p: ok",
            "rejected Profile stays unlinked: ok",
            "u still has p: ok",
            "consumer done",
        ];
        foreach (var line in expected)
        {
            Assert.True(lines.Contains(line), $"Missing output line \"{line}\":" + Environment.NewLine + run.Describe());
        }

        Assert.DoesNotContain(lines, l => l.EndsWith(": FAILED", StringComparison.Ordinal));
        // The flow analyzer ships in the package too: OTO100 on the second Profile.
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning OTO100: 'u' may already have a Profile \('p'\)", run.Output);
        // The message names both types and both members.
        var message = Assert.Single(lines, l => l.StartsWith("message: ", StringComparison.Ordinal));
        Assert.Contains("User.Profile", message);
        Assert.Contains("Profile.User", message);
    }

    [Fact]
    public void Consumer_whose_OneToOne_class_is_not_partial_fails_to_build_with_OTO001_from_the_packaged_analyzer()
    {
        var consumer = WriteConsumer("consumer-not-partial", NotPartialProgram);

        var build = DotNetCli.Run(consumer, "build");

        Assert.False(build.Succeeded, "The build should have failed with OTO001:" + Environment.NewLine + build.Describe());
        Assert.True(
            Oto001OnProgram().IsMatch(build.Output),
            "The build output has no error OTO001 in Program.cs:" + Environment.NewLine + build.Describe());
        // The failure comes from the analyzer, not from restore: the package itself was found and used.
        Assert.DoesNotContain("error NU", build.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Program\.cs\(\d+,\d+\): error OTO001")]
    private static partial Regex Oto001OnProgram();

    private string WriteConsumer(string name, string program)
    {
        fixture.RequirePackage();
        var folder = fixture.CreateFolder(name);
        AssertNoBuildFilesApply(folder);

        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>OTO100</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        // Adds the pack folder only; the machine's default sources stay.
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="OneToOneUnderTest" value="{SecurityElement.Escape(fixture.PackageFolder)}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return folder;
    }

    /// <summary>The consumer must see no Directory.Build.* or Directory.Packages.props, the repository's least of all.</summary>
    private void AssertNoBuildFilesApply(string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(fixture.RepositoryRoot) + Path.DirectorySeparatorChar;
        Assert.False(folder.StartsWith(root, StringComparison.Ordinal), $"{folder} is inside the repository {root}.");
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                Assert.False(File.Exists(Path.Combine(dir.FullName, file)), $"{Path.Combine(dir.FullName, file)} would apply to the consumer.");
            }
        }
    }
}
