using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.PropertyForm;

/// <summary>
/// OTO012: a property that cannot be a navigation. Each case is reported on the attribute, names the property,
/// says why, and the generator implements nothing for it.
/// </summary>
public class PropertyRuleTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "not partial", "public User? User { get; set; }", "it is not partial" },
        { "already implemented", "public partial User? User { get => null; set { } }", "it is already implemented" },
        { "static", "public static partial User? User { get; set; }", "it is static" },
        { "init-only", "public partial User? User { get; init; }", "it is init-only" },
        { "get only", "public partial User? User { get; }", "it needs both 'get' and 'set'" },
        { "Navigation given", "public partial User? User { get; set; }", "'Navigation' is given" },
        { "Required = true without required", "public partial User User { get; set; }", "'Required = true' is given, but the property is not 'required'" },
        { "Required = false with required", "public required partial User User { get; set; }", "'Required = false' is given, but the property is 'required'" },
        { "another principal given", "public partial User? User { get; set; }", "the principal 'App.Team' is given, but the property's type is 'App.User'" },
        { "non-nullable without required", "public partial User User { get; set; }", "its type 'User' is not nullable, but the link can be empty" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task OTO012_NamesThePropertyAndTheReason(string name, string property, string reason)
    {
        var arguments = name switch
        {
            "Navigation given" => "(Navigation = \"Owner\")",
            "Required = true without required" => "(Required = true)",
            "Required = false with required" => "(Required = false)",
            "another principal given" => "(typeof(Team))",
            _ => "",
        };
        var source = $$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Team { }
            public partial class Profile
            {
                [OneToOne{{arguments}}]
                {{property}}
            }
            """;
        var diagnostics = (await TestCompiler.OneToOneDiagnosticsAsync(source)).Where(d => d.Id == "OTO012").ToList();
        var diagnostic = Assert.Single(diagnostics);
        AssertMessage(diagnostic, "'Profile.User' cannot be the navigation of a [OneToOne] link", reason);
        Assert.Equal($"OneToOne{arguments}", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // Nothing is generated for it, and no other OneToOne rule piles up on it.
        Assert.DoesNotContain(TestCompiler.GeneratedSources(source).Keys, k => k.Contains(".User.OneToOne", StringComparison.Ordinal));
        Assert.All(await TestCompiler.OneToOneDiagnosticsAsync(source), d => Assert.Equal("OTO012", d.Id));
    }

    [Fact]
    public async Task OTO012_AnIndexer()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [{|OTO012:OneToOne|}]
                public partial User? this[int i] { get; set; }
            }
            """);
    }

    [Fact]
    public async Task NullableAnnotationsOff_ANonNullableLookingTypeIsFine()
    {
        var diagnostics = await TestCompiler.OneToOneDiagnosticsAsync("""
            #nullable disable
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile { [OneToOne] public partial User User { get; set; } }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task OTO002_APropertyOfAStructType()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public struct Point { }
            public partial class Profile { [OneToOne] public partial {|OTO002:Point?|} Where { get; set; } }
            """);
        AssertMessage(diagnostics.Single(), "it is a struct");
    }

    [Fact]
    public async Task OTO004_APrincipalMemberThatIsNotAPartialDeclarationOfTheReverse()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { public string? Profile { get; set; } }
            public partial class Profile { [{|OTO004:OneToOne|}] public partial User? User { get; set; } }
            """);
        AssertMessage(diagnostics.Single(), "would generate 'User.Profile'", "choose another name with 'Reverse'");
    }

    [Fact]
    public async Task OTO005_TwoPropertyFormLinksWithOneReverse()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [OneToOne(Reverse = {|OTO005:"Card"|})] public partial User? Owner { get; set; }
                [OneToOne(Reverse = {|OTO005:"Card"|})] public partial User? Editor { get; set; }
            }
            """);
    }
}
