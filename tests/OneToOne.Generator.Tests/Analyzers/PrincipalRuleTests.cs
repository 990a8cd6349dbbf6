using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>OTO002: the principal is not a class that can be linked.</summary>
public class PrincipalRuleTests
{
    public static TheoryData<string, string, string, string> NotLinkable => new()
    {
        // declaration of the principal, what typeof names, its display name, the problem the message gives
        { "public struct Point { }", "Point", "App.Point", "a struct" },
        { "public partial struct Point { }", "Point", "App.Point", "a struct" },
        { "public partial record struct Point;", "Point", "App.Point", "a struct" },
        { "public interface IUser { }", "IUser", "App.IUser", "an interface" },
        { "public enum Kind { A, B }", "Kind", "App.Kind", "an enum" },
        { "public delegate void Handler();", "Handler", "App.Handler", "a delegate" },
        { "public static partial class Helpers { }", "Helpers", "App.Helpers", "a static class" },
        { "public partial class Box<T> { }", "Box<>", "App.Box<>", "an open generic type" },
        { "public partial class Pair<TKey, TValue> { }", "Pair<,>", "App.Pair<,>", "an open generic type" },
        { "public partial class User { }", "User[]", "App.User[]", "an array" },
        { "public partial class User { }", "User[,]", "App.User[*,*]", "an array" },
        { "", "int", "int", "a struct" },
        { "", "System.IDisposable", "System.IDisposable", "an interface" },
        { "", "System.Math", "System.Math", "a static class" },
        { "", "System.DayOfWeek", "System.DayOfWeek", "an enum" },
        { "", "System.Action", "System.Action", "a delegate" },
        { "", "System.Collections.Generic.List<>", "System.Collections.Generic.List<>", "an open generic type" },
    };

    [Theory]
    [MemberData(nameof(NotLinkable))]
    public async Task OTO002_PrincipalIsNotAClassThatCanBeLinked(string declaration, string typeOf, string display, string problem)
    {
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            {{declaration}}
            [OneToOne(typeof({|OTO002:{{typeOf}}|}))]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), $"'{display}' cannot be the principal", "'Profile'", $"it is {problem}");
    }

    [Fact]
    public async Task OTO002_NullPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            [OneToOne({|OTO002:null|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'null' cannot be the principal", "'Profile'");
    }

    [Fact]
    public async Task OTO002_PrincipalGivenByParameterName()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public struct Point { }
            [OneToOne(principal: typeof({|OTO002:Point|}))]
            public partial class Profile { }
            """);
    }

    [Fact]
    public async Task OTO002_PrivateNestedPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Outer
            {
                private partial class Secret { }

                [OneToOne(typeof({|OTO002:Secret|}))]
                public partial class Profile { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Outer.Secret' cannot be the principal", "'Profile'", "private or protected ('Secret' is declared 'private')");
    }

    [Fact]
    public async Task OTO002_ProtectedNestedPrincipal()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Outer
            {
                protected partial class Secret { }

                [OneToOne(typeof({|OTO002:Secret|}))]
                internal partial class Profile { }
            }
            """);
    }

    [Fact]
    public async Task OTO002_FileLocalPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            file partial class User { }
            [OneToOne(typeof({|OTO002:User|}))]
            internal partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.User' cannot be the principal", "'Profile'", "file-local ('User' is declared 'file')");
    }

    [Fact]
    public async Task OTO002_NestedInOpenGenericPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Outer<T>
            {
                public partial class User { }
            }
            [OneToOne(typeof({|OTO002:Outer<>.User|}))]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "cannot be the principal", "'Profile'", "open generic");
    }

    [Fact]
    public async Task OTO002_OnlyTheBrokenLinkOfAClassIsReported()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public struct Point { }
            [OneToOne(typeof(User))]
            [OneToOne(typeof({|OTO002:Point|}))]
            public partial class Profile { }
            """);
    }

    [Theory]
    [InlineData("public partial class User { }", "User")]
    [InlineData("internal partial class User { }", "User")]
    [InlineData("public abstract partial class User { }", "User")]
    [InlineData("public sealed partial class User { }", "User")]
    [InlineData("public partial class Outer { public partial class User { } }", "Outer.User")]
    [InlineData("public partial class Outer { internal partial class User { } }", "Outer.User")]
    [InlineData("public partial class Outer { protected internal partial class User { } }", "Outer.User")]
    public async Task OTO002_ClassesThatCanBeLinked_AreClean(string declaration, string typeOf)
    {
        await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            {{declaration}}
            [OneToOne(typeof({{typeOf}}))]
            internal partial class Profile { }
            """);
    }
}
