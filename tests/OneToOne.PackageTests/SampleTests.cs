namespace OneToOne.PackageTests;

/// <summary>
/// The seed walkthrough: <c>dotnet run --project samples/OneToOne.Sample</c> prints the six steps, the sixth being the
/// rejected second Profile with u still holding p; building it shows OTO100 on the line of step 6, and the output
/// says that this warning is expected and what it means.
/// </summary>
/// <remarks>
/// In the package collection: its Release rebuild of the sample rebuilds the src projects that <c>dotnet pack</c>
/// builds too, so the two must not run at once (a rebuild deletes the other's intermediate files).
/// </remarks>
[Collection(PackageCollection.Name)]
public class SampleTests
{
    [Fact]
    public void SampleRunsTheSeedWalkthroughAndWarnsOnStepSix()
    {
        var root = Repository.Root;
        var project = Path.Combine(root, "samples", "OneToOne.Sample", "OneToOne.Sample.csproj");

        // A rebuild, so the analyzer runs and its warning is printed even when the sample was built before.
        var build = DotNetCli.Run(root, "build", project, "--no-incremental", "-c", "Release");
        Assert.True(build.Succeeded, build.Describe());
        var programLines = File.ReadAllLines(Path.Combine(root, "samples", "OneToOne.Sample", "Program.cs"));
        var stepSixLine = Array.FindIndex(programLines, l => l.Contains("var p2 = new Profile { User = u", StringComparison.Ordinal)) + 1;
        Assert.True(stepSixLine > 0);
        Assert.Matches($@"Program\.cs\({stepSixLine},\d+\): warning OTO100: 'u' may already have a Profile \('p'\)", build.Output);

        var run = DotNetCli.Run(root, "run", "--no-build", "-c", "Release", "--project", project);
        Assert.True(run.Succeeded, run.Describe());
        for (var step = 1; step <= 6; step++)
        {
            Assert.Contains($"Step {step}:", run.Output);
        }

        Assert.Contains("rejected with OneToOneViolationException: User already has a Profile (User.Profile); a second Profile cannot be linked through Profile.User.", run.Output);
        Assert.Contains("u still has p: u.Profile = Profile(Hello) (the same object as p: True)", run.Output);
        Assert.DoesNotContain("UNEXPECTED", run.Output);

        // The build's warning, explained by the run: the same line, said to be expected, and what it means.
        Assert.Contains($"About the build's warning OTO100 at Program.cs({stepSixLine}): it is expected.", run.Output);
        Assert.Contains("links a second Profile to u", run.Output);
        Assert.Contains("which already has p", run.Output);
    }
}
