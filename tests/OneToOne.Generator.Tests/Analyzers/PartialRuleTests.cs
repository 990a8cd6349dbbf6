using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>OTO001 (the dependent, or a type containing it, is not partial) and OTO003 (the same for the principal).</summary>
public class PartialRuleTests
{
    [Fact]
    public async Task OTO001_DependentNotPartial()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            public class {|OTO001:Profile|} { }
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile' must be partial", "[OneToOne] on 'App.Profile'");
    }

    [Fact]
    public async Task OTO001_DependentWithoutModifiersNotPartial()
    {
        await VerifyAsync("""
            using OneToOne;
            partial class User { }
            [OneToOne(typeof(User))]
            class {|OTO001:Profile|} { }
            """);
    }

    [Fact]
    public async Task OTO001_ContainingTypeNotPartial_IsReportedOnThatType()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public class {|OTO001:Outer|}
            {
                [OneToOne(typeof(User))]
                public partial class Profile { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Outer' must be partial", "[OneToOne] on 'App.Outer.Profile'");
    }

    [Fact]
    public async Task OTO001_EveryNonPartialTypeOfTheChainIsReported()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public class {|OTO001:Outer|}
            {
                public partial class Middle
                {
                    [OneToOne(typeof(User))]
                    public class {|OTO001:Profile|} { }
                }
            }
            """);
        AssertMessage(diagnostics[0], "'App.Outer' must be partial", "'App.Outer.Middle.Profile'");
        AssertMessage(diagnostics[1], "'App.Outer.Middle.Profile' must be partial");
    }

    [Fact]
    public async Task OTO001_OncePerClass_NotOncePerAttribute()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [OneToOne(typeof(User))]
            [OneToOne(typeof(Account))]
            public class {|OTO001:Profile|} { }
            """);
    }

    [Fact]
    public async Task OTO001_ContainingTypeOfSeveralDependents_ReportedOnce()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            public struct {|OTO001:Models|}
            {
                [OneToOne(typeof(User))]
                public partial class Profile { }

                [OneToOne(typeof(Account))]
                public partial class Settings { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Models' must be partial", "[OneToOne] on 'App.Models.Profile'");
    }

    [Fact]
    public async Task OTO001_AttributeOnAStruct_IsLeftToTheCompiler()
    {
        // [OneToOne] applies to classes only: the compiler says so (CS0592), the analyzer adds nothing.
        const string source = """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            public struct Profile { }
            """;
        await VerifyAsync(source);
        Assert.Contains(await TestCompiler.AnalyzeAsync(source), d => d.Id == "CS0592");
    }

    [Fact]
    public async Task OTO001_ClassWithoutTheAttribute_IsNotReported()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public class Unrelated { }
            public class Outer
            {
                public class Inner { }
            }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """);
    }

    [Fact]
    public async Task OTO003_PrincipalNotPartial_InAnotherFile()
    {
        var diagnostics = await VerifyAsync(
            """
            namespace App;
            public class User { }
            """,
            """
            using OneToOne;
            namespace App;
            [OneToOne(typeof({|OTO003:User|}))]
            public partial class Profile { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "'App.User' must be partial", "'Profile'", "'User.Profile'");
        Assert.Equal("User", AdditionalText(diagnostic));
        Assert.Equal("Source0.cs", AdditionalFile(diagnostic));
    }

    [Fact]
    public async Task OTO003_NamesTheCustomReverse()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public class User { }
            [OneToOne(typeof({|OTO003:User|}), Reverse = "Card")]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.User' must be partial", "'User.Card'");
    }

    [Fact]
    public async Task OTO003_TypeContainingThePrincipalNotPartial()
    {
        var diagnostics = await VerifyAsync(
            """
            namespace App;
            public class Accounts
            {
                public partial class User { }
            }
            """,
            """
            using OneToOne;
            namespace App;
            [OneToOne(typeof({|OTO003:Accounts.User|}))]
            public partial class Profile { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "'App.Accounts' must be partial", "'Profile'", "'User.Profile'");
        Assert.Equal("Accounts", AdditionalText(diagnostic));
    }

    [Fact]
    public async Task OTO003_PrincipalAndItsContainingTypeNotPartial_BothReported()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public class Accounts
            {
                public class User { }
            }
            [OneToOne(typeof({|OTO003:{|OTO003:Accounts.User|}|}))]
            public partial class Profile { }
            """);
        Assert.Equal(new[] { "Accounts", "User" }, diagnostics.Select(AdditionalText).Order());
    }

    [Fact]
    public async Task OTO003_ReportedForEachLinkToThePrincipal()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public class User { }
            [OneToOne(typeof({|OTO003:User|}))]
            public partial class Profile { }
            [OneToOne(typeof({|OTO003:User|}))]
            public partial class Settings { }
            """);
    }

    [Fact]
    public async Task OTO001AndOTO003_BothNotPartial()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public class User { }
            [OneToOne(typeof({|OTO003:User|}))]
            public class {|OTO001:Profile|} { }
            """);
    }

    [Fact]
    public async Task OTO003_PrincipalPartialInOneOfItsParts_IsClean()
    {
        await VerifyAsync(
            """
            namespace App;
            public partial class User { public string Name { get; set; } = ""; }
            """,
            """
            namespace App;
            public partial class User { public int Age { get; set; } }
            """,
            """
            using OneToOne;
            namespace App;
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """);
    }
}
