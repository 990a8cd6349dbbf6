using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OneToOne.Generator.Tests;

/// <summary>Principals this compilation cannot change take the extension form of the reverse accessor.</summary>
public class ExternalPrincipalTests
{
    private const string Library = """
        namespace Ext;
        public class Account { public string Login { get; set; } = ""; }
        public class Box<T> { public T? Value { get; set; } }
        """;

    private const string Consumer = """
        using OneToOne;
        namespace App;
        [OneToOne(typeof(Ext.Account))]
        public partial class Profile { }
        [OneToOne(typeof(Ext.Box<int>), Reverse = "Label")]
        public partial class Label { }
        public static class Use
        {
            public static object? Run(Ext.Account a, Ext.Box<int> b)
            {
                var p = new Profile { Account = a };
                var l = new Label { Box = b };
                return USAGE;
            }
        }
        """;

    public static MetadataReference LibraryReference { get; } = CSharpCompilation.Create(
            "ExtLib",
            [CSharpSyntaxTree.ParseText(Library, TestCompiler.ParseOptions)],
            TestCompiler.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
        .ToMetadataReference();

    [Theory]
    [InlineData(LanguageVersion.Preview, "a.Profile ?? (object?)b.Label", "extension(global::Ext.Account principal)")]
    [InlineData(LanguageVersion.CSharp13, "a.GetProfile() ?? (object?)b.GetLabel()", "public static global::App.Profile? GetProfile(this global::Ext.Account principal)")]
    public async Task ExtensionFormCompilesWithoutDiagnostics(LanguageVersion version, string usage, string expectedShape)
    {
        var options = TestCompiler.ParseOptions.WithLanguageVersion(version);
        var compilation = TestCompiler.Create(options, Consumer.Replace("USAGE", usage)).AddReferences(LibraryReference);
        var driver = CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var sources = driver.GetRunResult().GeneratedTrees.Where(t => t.FilePath.EndsWith(".OneToOne.g.cs", StringComparison.Ordinal)).Select(t => t.ToString()).ToList();
        var analyzerDiagnostics = await output.WithAnalyzers([new OneToOne.Generator.Analyzers.DeclarationAnalyzer()], (AnalyzerOptions?)null).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(analyzerDiagnostics.Select(d => d.ToString()));
        Assert.Equal(2, sources.Count);
        Assert.Contains(sources, s => s.Contains(expectedShape, StringComparison.Ordinal));
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

/// <summary>Generated code must not warn: members reserved for storage, and generated members of base classes from elsewhere.</summary>
public class ReservedAndInheritedNameTests
{
    [Fact]
    public async Task MemberNamedLikeTheHiddenStorageIsOto004()
    {
        var diagnostics = await TestCompiler.OneToOneDiagnosticsAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { private int __oneToOne_User; public int Peek() => __oneToOne_User; }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("OTO004", diagnostic.Id);
        Assert.Contains("__oneToOne_User", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedMemberOfABaseClassFromAnotherAssemblyIsOto004()
    {
        // The base assembly is compiled with the generator: its Profile has a generated User.
        var reference = LinkedLibrary.Compile();

        var derived = TestCompiler.Create("""
            using OneToOne;
            namespace App;
            public partial class Account { }
            [OneToOne(typeof(Account), Navigation = "User")]
            public partial class SpecialProfile : Lib.Profile { }
            """).AddReferences(reference);
        var (output, generatorDiagnostics, result) = TestCompiler.Generate(derived);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(result.GeneratedTrees); // invalid: nothing generated, so no CS0108 in generated code
        var analyzers = await output.WithAnalyzers([new OneToOne.Generator.Analyzers.DeclarationAnalyzer()], (AnalyzerOptions?)null).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(analyzers);
        Assert.Equal("OTO004", diagnostic.Id);
        Assert.Contains("base class 'Profile'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}

/// <summary>OTO004 also guards the extension form: a member of the principal would hide the extension.</summary>
public class ExternalPrincipalClashTests
{
    [Theory]
    [InlineData(LanguageVersion.Preview, "Length", "'StringBuilder' already declares 'Length'")]
    [InlineData(LanguageVersion.CSharp13, "Type", "already declares 'GetType'")]
    public async Task AMemberOfThePrincipalWithTheExtensionsNameIsOto004(LanguageVersion version, string reverse, string reason)
    {
        var options = TestCompiler.ParseOptions.WithLanguageVersion(version);
        var compilation = TestCompiler.Create(options, $$"""
            using OneToOne;
            namespace App;
            [OneToOne(typeof(System.Text.StringBuilder), Reverse = "{{reverse}}")]
            public partial class Draft { }
            """);
        var diagnostic = await OnlyDeclarationDiagnosticAsync(options, compilation);
        Assert.Equal("OTO004", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the generator (which must generate no link's file) and the declaration analyzer on the result: the one
    /// diagnostic it reports.
    /// </summary>
    internal static async Task<Diagnostic> OnlyDeclarationDiagnosticAsync(CSharpParseOptions options, Compilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(driver.GetRunResult().GeneratedTrees.Where(t => t.FilePath.EndsWith(".OneToOne.g.cs", StringComparison.Ordinal)));
        var diagnostics = await output.WithAnalyzers([new OneToOne.Generator.Analyzers.DeclarationAnalyzer()], (AnalyzerOptions?)null).GetAnalyzerDiagnosticsAsync();
        return Assert.Single(diagnostics);
    }
}

/// <summary>
/// A principal from another assembly that is linked there too carries that assembly's generated members: one named like
/// this assembly's extension property would hide it (an instance member wins), so it is OTO004 like any other member.
/// (Below C# 14 the extension form is the methods GetProfile and SetProfile, which a property Profile does not hide.)
/// </summary>
public class ExternalPrincipalLinkedElsewhereTests
{
    [Fact]
    public async Task AReverseAccessorGeneratedInTheOtherAssemblyIsOto004()
    {
        var options = TestCompiler.ParseOptions.WithLanguageVersion(LanguageVersion.Preview);
        var compilation = TestCompiler.Create(options, """
            using OneToOne;
            namespace App;
            [OneToOne(typeof(Lib.User))]
            public partial class Profile { }
            """).AddReferences(LinkedLibrary.Compile());
        var diagnostic = await ExternalPrincipalClashTests.OnlyDeclarationDiagnosticAsync(options, compilation);
        Assert.Equal("OTO004", diagnostic.Id);
        Assert.Contains("'User' already declares 'Profile'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}

/// <summary>An assembly compiled with the generator, linking its own <c>Lib.Profile</c> to <c>Lib.User</c>: each has the other's generated member.</summary>
internal static class LinkedLibrary
{
    public static MetadataReference Compile()
    {
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create("""
            using OneToOne;
            namespace Lib;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """));
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}

/// <summary>Half-typed code: a namespace without a name must not produce broken generated code.</summary>
public class UnnamedNamespaceTests
{
    [Fact]
    public void NothingIsGeneratedInsideANamespaceWithoutAName()
    {
        var sources = TestCompiler.GeneratedSources("""
            using OneToOne;
            namespace
            {
                public partial class User { }
                [OneToOne(typeof(User))]
                public partial class Profile { }
            }
            """);
        Assert.DoesNotContain(sources.Values, s => s.Contains("namespace \n", StringComparison.Ordinal) || s.Contains("global::.", StringComparison.Ordinal));
    }
}

/// <summary>
/// A class inside a C# 14 extension block (an error the compiler reports): its containing type has a name only the
/// compiler gives, so nothing may be generated for its link, and the generator must not throw on it.
/// </summary>
public class UnnamedContainingTypeTests
{
    private const string Block = """
        using OneToOne;
        namespace App;
        public partial class User { }
        public partial class Profile { }
        public partial extension Outer
        {
            internal partial class Inner
            {
                {{attribute}}
                internal partial class Thing { }
            }
        }

        {{other}}
        """;

    [Theory]
    [InlineData("[OneToOne(typeof(User))]", "")] // the dependent inside the block
    [InlineData("", "[OneToOne(typeof(Outer.Inner.Thing))] public partial class Card { }")] // the principal inside it
    public void NothingIsGeneratedForALinkWithATypeInsideAnExtensionBlock(string attribute, string other)
    {
        var source = Block.Replace("{{attribute}}", attribute).Replace("{{other}}", other);
        var (_, generatorDiagnostics, result) = TestCompiler.Generate(TestCompiler.Create(TestCompiler.Options(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview), source));

        Assert.DoesNotContain(generatorDiagnostics, d => TestCompiler.CrashIds.Contains(d.Id));
        Assert.True(!result.Results.Single().GeneratedSources.Any(s => s.HintName.Contains("Thing", StringComparison.Ordinal) || s.HintName.Contains("Card", StringComparison.Ordinal)), string.Join(", ", result.Results.Single().GeneratedSources.Select(s => s.HintName)) + " | " + string.Join(", ", generatorDiagnostics));
    }
}
