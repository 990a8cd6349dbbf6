using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public async Task SeedPairHasNoDiagnosticInGeneratedCodeAndNoOneToOneDiagnostic()
    {
        const string source = """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """;
        var all = await TestCompiler.AnalyzeAsync(source);
        Assert.Empty(all.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).Select(d => d.ToString()));
        Assert.Empty(await TestCompiler.OneToOneDiagnosticsAsync(source));
        Assert.Equal(2, TestCompiler.GeneratedSources(source)["App.Profile.User.OneToOne.g.cs"].Split("partial class").Length - 1);
    }
}
