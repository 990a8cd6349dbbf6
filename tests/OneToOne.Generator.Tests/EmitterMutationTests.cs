using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OneToOne.Generator.Tests;

/// <summary>
/// The emitter's text where the mutation run of <c>Emitting/LinkEmitter.cs</c> found no test that failed: the
/// storage accessor of the internal-fields mode (<c>OneToOneStorageAccess=Fields</c>), which no snapshot shows.
/// </summary>
public class EmitterMutationTests
{
    /// <summary>The MSBuild property <c>OneToOneStorageAccess=Fields</c>, as the compiler passes it to the generator.</summary>
    private sealed class FieldsOption : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values("Fields");

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(null);

        private sealed class Values(string? value) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
            {
                result = key == "build_property.OneToOneStorageAccess" ? value : null;
                return result is not null;
            }
        }
    }

    [Fact]
    public void FieldsMode_TheStorageAccessorIsLaidOutLikeEveryOtherGeneratedMember()
    {
        var input = TestCompiler.Create("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))] public partial class Profile { }
            """);
        var driver = CSharpGeneratorDriver.Create(
            [new OneToOneGenerator().AsSourceGenerator()], parseOptions: TestCompiler.ParseOptions, optionsProvider: new FieldsOption());
        var text = driver.RunGenerators(input).GetRunResult().Results.Single()
            .GeneratedSources.Single(s => s.HintName == "App.Profile.User.OneToOne.g.cs").SourceText.ToString();

        // One blank line between members, as in the UnsafeAccessor mode (the snapshots); the fields are reached directly.
        const string accessor = """
                file readonly struct __OneToOneLink_User : global::OneToOne.Infrastructure.IOneToOneLink<global::App.Profile, global::App.User>
                {
                    public global::App.User? GetPrincipal(global::App.Profile dependent) => dependent.__oneToOne_User;

                    public void SetPrincipal(global::App.Profile dependent, global::App.User? principal) => dependent.__oneToOne_User = principal;

                    public global::App.Profile? GetDependent(global::App.User principal) => principal.__oneToOne_Profile;

                    public void SetDependent(global::App.User principal, global::App.Profile? dependent) => principal.__oneToOne_Profile = dependent;

                    public global::OneToOne.OneToOneConflict OnConflict => global::OneToOne.OneToOneConflict.Throw;

            """;
        Assert.Contains(accessor.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
    }
}
