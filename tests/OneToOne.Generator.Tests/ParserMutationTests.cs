using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OneToOne.Generator.Diagnostics;
using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests;

/// <summary>
/// The parser's rules where the mutation run of <c>Parsing/LinkParser.cs</c> found no test that failed: that an
/// invalid declaration generates nothing, the exact reason and place of a diagnostic, the advice of a clash, the
/// clashes of a reverse accessor's extension form, and the declarations of the types around a dependent.
/// </summary>
public class ParserMutationTests
{
    /// <summary>The link files (one per link), without the helper files the generator always writes.</summary>
    private static string[] LinkFiles(CSharpParseOptions options, params string[] sources) =>
        TestCompiler.GeneratedSources(options, sources).Keys.Where(k => k.EndsWith(".OneToOne.g.cs", StringComparison.Ordinal)).ToArray();

    private static string[] LinkFiles(params string[] sources) => LinkFiles(TestCompiler.ParseOptions, sources);

    /// <summary>The text of the only link file.</summary>
    private static string LinkFile(CSharpParseOptions options, params string[] sources)
    {
        var generated = TestCompiler.GeneratedSources(options, sources);
        return generated[Assert.Single(generated.Keys, k => k.EndsWith(".OneToOne.g.cs", StringComparison.Ordinal))];
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        // what is wrong, the expected diagnostic, the declarations (namespace App, `using OneToOne`)
        { "Navigation not an identifier", "OTO006", """
            public partial class User { }
            [OneToOne(typeof(User), Navigation = "a b")] public partial class Profile { }
            """ },
        { "Reverse not an identifier", "OTO006", """
            public partial class User { }
            [OneToOne(typeof(User), Reverse = "class")] public partial class Profile { }
            """ },
        { "required internal principal of a public dependent", "OTO009", """
            internal partial class User { }
            [OneToOne(typeof(User), Required = true)] public partial class Profile { }
            """ },
        { "record dependent", "OTO007", """
            public partial class User { }
            [OneToOne(typeof(User))] public partial record Profile { }
            """ },
        { "record principal", "OTO007", """
            public partial record User { }
            [OneToOne(typeof(User))] public partial class Profile { }
            """ },
        { "Replace with Required", "OTO008", """
            public partial class User { }
            [OneToOne(typeof(User), Required = true, OnConflict = OneToOneConflict.Replace)] public partial class Profile { }
            """ },
        { "SetNull with Required", "OTO010", """
            public partial class User { }
            [OneToOne(typeof(User), Required = true, OnDelete = OneToOneDelete.SetNull)] public partial class Profile { }
            """ },
        { "property form in a class that is not partial", "OTO001", """
            public partial class User { }
            public class Profile { [OneToOne] public partial User? User { get; set; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task AnInvalidDeclaration_IsReportedAndGeneratesNothing(string name, string id, string declarations)
    {
        Assert.NotEmpty(name);
        var source = "using OneToOne;\nnamespace App;\n" + declarations;
        Assert.Contains(await TestCompiler.OneToOneDiagnosticsAsync(source), d => d.Id == id);
        Assert.Empty(LinkFiles(source));
    }

    [Fact]
    public void ADependentInANamespaceWithoutAName_GeneratesNothing()
    {
        // Half-typed code: the compiler reports the missing name; the principal is fine, the dependent is not.
        var source = """
            using OneToOne;
            namespace App { public partial class User { } }
            namespace
            {
                [OneToOne(typeof(App.User))] public partial class Profile { }
            }
            """;
        Assert.Empty(LinkFiles(source));

        // The same declarations with a name are generated.
        Assert.Single(LinkFiles(source.Replace("namespace\n", "namespace Named\n", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OTO002_NullPrincipal_SaysItIsNull()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            [OneToOne({|OTO002:null|})]
            public partial class Profile { }
            """);
        Assert.Equal(
            "'null' cannot be the principal of the link on 'Profile': it is null; a principal must be a class that the whole assembly can see",
            diagnostics.Single().GetMessage());
    }

    public static TheoryData<string, string, string> PropertyTypesThatAreNotClasses => new()
    {
        // the declaring class, the property, the problem
        { "public partial class Holder<T> where T : class", "public partial T? Value { get; set; }", "a type parameter" },
        { "public unsafe partial class Holder", "public partial int* Value { get; set; }", "a pointer" },
        { "public partial class Holder", "public partial dynamic? Value { get; set; }", "dynamic" },
    };

    [Theory]
    [MemberData(nameof(PropertyTypesThatAreNotClasses))]
    public async Task OTO002_APropertyWhoseTypeIsNotAClass_SaysWhatItIs(string holder, string property, string problem)
    {
        var source = $$"""
            using OneToOne;
            namespace App;
            {{holder}}
            {
                [OneToOne] {{property}}
            }
            """;
        var diagnostic = Assert.Single(await TestCompiler.OneToOneDiagnosticsAsync(source));
        Assert.Equal("OTO002", diagnostic.Id);
        AssertMessage(diagnostic, $"link on 'Holder': it is {problem}; a principal must be");
        Assert.Empty(LinkFiles(source));
    }

    [Fact]
    public async Task OTO002_AnIndexerOfAStructType_IsReportedOnTheAttribute()
    {
        // An indexer has no property declaration to point at: the attribute is the place.
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Profile
            {
                [{|OTO002:OneToOne|}]
                public partial int this[int i] { get; set; }
            }
            """);
        AssertMessage(diagnostics.Single(), "'int' cannot be the principal", "it is a struct");
    }

    [Fact]
    public async Task OTO012_AnIndexer_SaysSo()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [{|OTO012:OneToOne|}]
                public partial User? this[int i] { get; set; }
            }
            """);
        AssertMessage(diagnostics.Single(), "cannot be the navigation of a [OneToOne] link: it is an indexer");
    }

    [Fact]
    public async Task OTO012_ANavigationTheUserImplementedInAnotherPart()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [{|OTO012:OneToOne|}] public partial User? User { get; set; }
            }
            public partial class Profile
            {
                public partial User? User { get => null; set { } }
            }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.User' cannot be the navigation of a [OneToOne] link: it is already implemented");
    }

    [Theory]
    [InlineData("ref")]
    [InlineData("ref readonly")]
    public async Task OTO012_ANavigationThatReturnsByReference(string kind)
    {
        // The compiler also refuses a set accessor on it (CS8147); the generator adds nothing on top.
        var source = $$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [OneToOne] public partial {{kind}} User? User { get; set; }
            }
            """;
        var diagnostic = Assert.Single(await TestCompiler.OneToOneDiagnosticsAsync(source));
        Assert.Equal("OTO012", diagnostic.Id);
        AssertMessage(diagnostic, "'Profile.User' cannot be the navigation of a [OneToOne] link: it returns by reference");
        Assert.Empty(LinkFiles(source));
    }

    [Fact]
    public async Task OTO009_AGenericDependent_IsNotCalledNested()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO009:OneToOne(typeof(User))|}]
            public partial class Profile<T> { }
            """);
        Assert.Equal(
            "'App.Profile<T>' cannot carry the link to 'User': it is a generic class, so its reverse accessor would have no single type",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task OTO004_AHandWrittenNavigation_IsMarkedForTheCodeFixAndAdvisedToBeRemoved()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile
            {
                public User? User { get; set; }
            }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "'Profile' already declares 'User'",
            "it looks like a hand-written navigation of this link: the generator now writes 'Profile.User', so remove yours");
        Assert.Equal("true", diagnostic.Properties[Descriptors.HandWrittenNavigationKey]);
    }

    [Fact]
    public async Task OTO004_AHandWrittenReverseAccessor_IsMarkedForTheCodeFix()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User
            {
                public Profile? Profile { get; set; }
            }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "the generator now writes 'User.Profile', so remove yours");
        Assert.Equal("true", diagnostic.Properties[Descriptors.HandWrittenNavigationKey]);
    }

    [Fact]
    public async Task OTO004_AMemberOfAnotherType_IsNotMarkedAsHandWritten()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile
            {
                public string User { get; set; } = "";
            }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "choose another name with 'Navigation'");
        Assert.DoesNotContain(Descriptors.HandWrittenNavigationKey, diagnostic.Properties.Keys);
    }

    [Fact]
    public async Task OTO004_PropertyForm_AMemberNamedLikeTheNavigationsStorage()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [{|OTO004:OneToOne|}] public partial User? User { get; set; }
                private int __oneToOne_User;
            }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "would generate 'Profile.User'",
            "'Profile' already declares '__oneToOne_User', a name reserved for the link's hidden storage", "choose another name with 'Navigation'");
        Assert.DoesNotContain(Descriptors.HandWrittenNavigationKey, diagnostic.Properties.Keys);
    }

    [Theory]
    [InlineData("(Reverse = {|OTO004:\"Profile\"|})]")]
    [InlineData("]")]
    public async Task OTO004_DeclaredReverse_AMemberNamedLikeItsStorage(string arguments)
    {
        // With Reverse given, reported on its value; else on the attribute.
        var attribute = arguments == "]" ? "[{|OTO004:OneToOne|}]" : "[OneToOne" + arguments;
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User
            {
                public partial Profile? Profile { get; set; }
                private int __oneToOne_Profile;
            }
            public partial class Profile
            {
                {{attribute}} public partial User? User { get; set; }
            }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "would generate 'User.Profile'",
            "'User' already declares '__oneToOne_Profile', a name reserved for the link's hidden storage", "choose another name with 'Reverse'");
        Assert.DoesNotContain(Descriptors.HandWrittenNavigationKey, diagnostic.Properties.Keys);
    }

    public static TheoryData<string, string> ExtensionFormClashes => new()
    {
        // members of the principal Box<T>, the one the message names (the property first, then the getter, the setter)
        { "public void SetCard(Card c) { }", "SetCard" },
        { "public void GetCard() { } public void SetCard(Card c) { }", "GetCard" },
        { "public int Card { get; set; } public void GetCard() { }", "Card" },
    };

    [Theory]
    [MemberData(nameof(ExtensionFormClashes))]
    public async Task OTO004_ExtensionForm_AMemberNamedLikeTheReverseOrItsMethods(string members, string named)
    {
        // A closed generic cannot receive members: the reverse accessor takes the extension form, which a member of
        // the principal with its name, or its getter's or setter's name, would hide.
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class Box<T> { {{members}} }
            [{|OTO004:OneToOne(typeof(Box<int>))|}]
            public partial class Card { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "would generate 'Box.Card'", $"'Box' already declares '{named}';", "choose another name with 'Reverse'");
    }

    [Fact]
    public async Task OTO004_ExtensionForm_APropertyOfTheDependentsType_IsNotMarkedAsHandWritten()
    {
        // Box<Card>.Card is a Card, but the generated extension cannot replace a member of Box<T>: not a hand-written navigation.
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Box<T> { public T? Card { get; set; } }
            [{|OTO004:OneToOne(typeof(Box<Card>))|}]
            public partial class Card { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "'Box' already declares 'Card'", "choose another name with 'Reverse'");
        Assert.DoesNotContain(Descriptors.HandWrittenNavigationKey, diagnostic.Properties.Keys);
    }

    [Theory]
    [InlineData("Box", "Box")]
    [InlineData("GetCard", "Card")]
    [InlineData("SetCard", "Card")]
    public async Task ExtensionForm_AnAccessorNamedLikeThePrincipalType_IsFine(string principal, string reverse)
    {
        // The extension form's members live in a static class of their own, not in the principal: sharing its name is
        // no clash (a member of the principal could not be named like it).
        var source = $$"""
            using OneToOne;
            namespace App;
            public partial class {{principal}}<T> { }
            [OneToOne(typeof({{principal}}<int>), Reverse = "{{reverse}}")]
            public partial class Card { }
            """;
        Assert.Empty(await TestCompiler.OneToOneDiagnosticsAsync(source));
        Assert.Single(LinkFiles(source));
        var errors = (await TestCompiler.AnalyzeAsync(source)).Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors.Select(d => d.ToString()));
    }

    [Fact]
    public async Task TwoClosedGenericsOfOneType_AreDifferentPrincipals()
    {
        // Box<int> and Box<string> are two types: the same reverse name on each is no clash.
        var source = """
            using OneToOne;
            namespace App;
            public partial class Box<T> { }
            [OneToOne(typeof(Box<int>), Reverse = "Owner")]
            public partial class Card { }
            [OneToOne(typeof(Box<string>), Reverse = "Owner")]
            public partial class Label { }
            """;
        Assert.Empty(await TestCompiler.OneToOneDiagnosticsAsync(source));
        Assert.Equal(2, LinkFiles(source).Length);
    }

    [Fact]
    public async Task OTO005_AMemberHidingTheReverseOfItsClosedGenericBaseClass()
    {
        // Derived's reverse accessor is a member; Box<int>'s is an extension that the member would hide on a Derived.
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class Box<T> { }
            public partial class Derived : Box<int> { }
            [OneToOne(typeof(Box<int>), Reverse = {|OTO005:"Tag"|})]
            public partial class Card { }
            [OneToOne(typeof(Derived), Reverse = {|OTO005:"Tag"|})]
            public partial class Label { }
            """);
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public void PropertyForm_AnAccessorWithTwoModifiers_KeepsThemApart()
    {
        var text = LinkFile(TestCompiler.ParseOptions, """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                [OneToOne] public partial User? User { get; protected internal set; }
            }
            """);
        Assert.Contains("protected internal set => ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CSharp14_TakesTheExtensionPropertyForm()
    {
        // C# 14 itself, not only preview: 1400 is C# 14 (the compiler these tests use knows it only as preview).
        var text = LinkFile(TestCompiler.Options((LanguageVersion)1400), """
            using OneToOne;
            namespace App;
            [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder")]
            public partial class Draft { }
            """);
        Assert.Contains("extension(global::System.Text.StringBuilder principal)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionForm_TheExtensionClassOfANestedDependentIsNamedAfterItsContainingTypesToo()
    {
        var text = LinkFile(TestCompiler.ParseOptions, """
            using OneToOne;
            namespace App;
            public static partial class Drafts
            {
                public partial class Outer
                {
                    [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder")]
                    public partial class Draft { }
                }
            }
            """);
        Assert.Contains("public static class DraftsOuterDraftBuilderOneToOneExtensions\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial record Outer", "partial record Outer")]
    [InlineData("public partial record struct Outer", "partial record struct Outer")]
    [InlineData("public partial interface Outer", "partial interface Outer")]
    [InlineData("public partial struct Outer", "partial struct Outer")]
    public async Task ADependentNestedInARecordAStructOrAnInterface_IsReopenedWithTheSameKeyword(string outer, string reopened)
    {
        var source = $$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            {{outer}}
            {
                [OneToOne(typeof(User))] public partial class Profile { }
            }
            """;
        var text = LinkFile(TestCompiler.ParseOptions, source);
        Assert.Contains($"{reopened}\n", text, StringComparison.Ordinal);
        var problems = (await TestCompiler.AnalyzeAsync(source)).Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591");
        Assert.Empty(problems.Select(d => d.ToString()));
    }
}
