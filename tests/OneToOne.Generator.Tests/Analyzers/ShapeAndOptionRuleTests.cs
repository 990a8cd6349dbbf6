using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// OTO007 (a record in a link), OTO008 (Replace with Required), OTO009 (the dependent cannot carry a link),
/// OTO010 (SetNull with Required).
/// </summary>
public class ShapeAndOptionRuleTests
{
    [Fact]
    public async Task OTO007_RecordDependent()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO007:OneToOne(typeof(User))|}]
            public partial record Profile(string Bio);
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile' is a record", "'Profile.User' to 'User'");
    }

    [Fact]
    public async Task OTO007_RecordPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial record User
            {
                public string Name { get; init; } = "";
            }
            [{|OTO007:OneToOne(typeof(User), Navigation = "Owner")|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.User' is a record", "'Profile.Owner' to 'User'");
    }

    [Fact]
    public async Task OTO007_RecordClassDeclaredWithTheClassKeyword()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial record class User;
            [{|OTO007:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
    }

    [Fact]
    public async Task OTO007_DerivedFromARecord_IsARecordToo()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public record Entity;
            public partial record User : Entity;
            [{|OTO007:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
    }

    [Fact]
    public async Task OTO007_ClassWithValueEqualityWrittenByHand_IsClean()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User : System.IEquatable<User>
            {
                public string Name { get; set; } = "";
                public bool Equals(User? other) => other is not null && other.Name == Name;
                public override bool Equals(object? obj) => Equals(obj as User);
                public override int GetHashCode() => Name.GetHashCode();
            }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """);
    }

    [Theory]
    [InlineData("Required = true, OnConflict = OneToOneConflict.Replace")]
    [InlineData("OnConflict = OneToOneConflict.Replace, Required = true")]
    [InlineData("OnConflict = (OneToOneConflict)1, Required = !false")]
    public async Task OTO008_ReplaceWithRequired(string options)
    {
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO008:OneToOne(typeof(User), {{options}})|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.User' to 'User'", "OnConflict = Replace and Required = true");
    }

    [Fact]
    public async Task OTO008_NamesTheCustomNavigation()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO008:OneToOne(typeof(User), Navigation = "Owner", Required = true, OnConflict = OneToOneConflict.Replace)|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.Owner' to 'User'");
    }

    [Theory]
    [InlineData("OnConflict = OneToOneConflict.Replace")]
    [InlineData("OnConflict = OneToOneConflict.Replace, Required = false")]
    [InlineData("OnConflict = OneToOneConflict.Throw, Required = true")]
    [InlineData("Required = true")]
    public async Task OTO008_OneOptionWithoutTheOther_IsClean(string options)
    {
        await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), {{options}})]
            public partial class Profile { }
            """);
    }

    [Fact]
    public async Task OTO009_StaticDependent()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO009:OneToOne(typeof(User))|}]
            public static partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile' cannot carry the link to 'User'", "a static class");
    }

    [Fact]
    public async Task OTO009_GenericDependent()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO009:OneToOne(typeof(User))|}]
            public partial class Profile<T> { }
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile<T>' cannot carry the link to 'User'", "a generic class");
    }

    [Fact]
    public async Task OTO009_DependentNestedInAGenericClass()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Outer<T>
            {
                [{|OTO009:OneToOne(typeof(User))|}]
                public partial class Profile { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Outer<T>.Profile' cannot carry the link to 'User'", "nested in a generic class");
    }

    [Theory]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("private protected")]
    public async Task OTO009_NestedDependentTheAssemblyCannotSee(string accessibility)
    {
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Outer
            {
                [{|OTO009:OneToOne(typeof(User))|}]
                {{accessibility}} partial class Profile { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Outer.Profile' cannot carry the link to 'User'", $"private or protected ('Profile' is declared '{accessibility}')");
    }

    [Fact]
    public async Task OTO009_PublicDependentInsideAPrivateClass()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Outer
            {
                private partial class Hidden
                {
                    [{|OTO009:OneToOne(typeof(User))|}]
                    public partial class Profile { }
                }
            }
            """);
        AssertMessage(diagnostics.Single(), "'App.Outer.Hidden.Profile' cannot carry the link to 'User'", "('Hidden' is declared 'private')");
    }

    [Fact]
    public async Task OTO009_FileLocalDependent()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            internal partial class User { }
            [{|OTO009:OneToOne(typeof(User))|}]
            file partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile' cannot carry the link to 'User'", "file-local ('Profile' is declared 'file')");
    }

    [Fact]
    public async Task OTO009_DependentNestedInAFileLocalClass()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            internal partial class User { }
            file partial class Outer
            {
                [{|OTO009:OneToOne(typeof(User))|}]
                internal partial class Profile { }
            }
            """);
    }

    [Fact]
    public async Task OTO009_NestedDependentWithoutAccessModifierIsPrivate()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Outer
            {
                [{|OTO009:OneToOne(typeof(User))|}]
                partial class Profile { }
            }
            """);
    }

    [Fact]
    public async Task OTO009_PublicDependentWithARequiredInternalPrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            internal partial class User { }
            [{|OTO009:OneToOne(typeof(User), Required = true)|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'App.Profile' cannot carry the link to 'User'", "required principal 'User' is internal");
    }

    [Theory]
    [InlineData("internal partial class User { }", "[OneToOne(typeof(User))] public partial class Profile { }")]
    [InlineData("internal partial class User { }", "[OneToOne(typeof(User), Required = true)] internal partial class Profile { }")]
    [InlineData("public partial class User { }", "[OneToOne(typeof(User), Required = true)] internal partial class Profile { }")]
    [InlineData("public partial class User { }", "public partial class Outer { [OneToOne(typeof(User))] internal partial class Profile { } }")]
    [InlineData("public partial class User { }", "public partial class Outer { [OneToOne(typeof(User))] protected internal partial class Profile { } }")]
    [InlineData("public partial class User { }", "public partial class Outer<T> { } [OneToOne(typeof(User))] public partial class Profile : Outer<int> { }")]
    public async Task OTO009_DependentsThatCanCarryALink_AreClean(string principal, string dependent)
    {
        await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            {{principal}}
            {{dependent}}
            """);
    }

    [Theory]
    [InlineData("Required = true, OnDelete = OneToOneDelete.SetNull")]
    [InlineData("OnDelete = OneToOneDelete.SetNull, Required = true")]
    [InlineData("OnDelete = (OneToOneDelete)2, Required = true")]
    public async Task OTO010_SetNullWithRequired(string options)
    {
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO010:OneToOne(typeof(User), {{options}})|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.User' to 'User'", "OnDelete = SetNull and Required = true");
    }

    [Fact]
    public async Task OTO008AndOTO010_BothOnOneAttribute()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO008:{|OTO010:OneToOne(typeof(User), Required = true, OnConflict = OneToOneConflict.Replace, OnDelete = OneToOneDelete.SetNull)|}|}]
            public partial class Profile { }
            """);
    }

    [Theory]
    [InlineData("OnDelete = OneToOneDelete.SetNull")]
    [InlineData("OnDelete = OneToOneDelete.SetNull, Required = false")]
    [InlineData("OnDelete = OneToOneDelete.Restrict, Required = true")]
    [InlineData("OnDelete = OneToOneDelete.Cascade, Required = true")]
    public async Task OTO010_OneOptionWithoutTheOther_IsClean(string options)
    {
        await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), {{options}})]
            public partial class Profile { }
            """);
    }
}
