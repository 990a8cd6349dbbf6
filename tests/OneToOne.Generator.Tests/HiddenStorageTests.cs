using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneToOne.Generator.Tests;

/// <summary>
/// The storage of a link is out of reach of user code: outside the generated file, only the navigation and the
/// reverse accessor can be named, so nothing can write a slot around the link protocol, and completion (which
/// lists what <see cref="SemanticModel.LookupSymbols"/> finds) shows nothing else that was generated.
/// </summary>
public class HiddenStorageTests
{
    private const string Model = """
        using OneToOne;
        namespace App;
        public partial class User { public string Name { get; set; } = ""; }
        [OneToOne(typeof(User))]
        public partial class Profile { public string Bio { get; set; } = ""; }
        public partial class Card { [OneToOne(Reverse = "Card")] public partial User? Holder { get; set; } }
        """;

    [Theory]
    [InlineData("u.__oneToOne_Profile = p;", "CS0122")]
    [InlineData("p.__oneToOne_User = u;", "CS0122")]
    [InlineData("c.__oneToOne_Holder = u;", "CS0122")]
    [InlineData("_ = new Profile.__OneToOneLink_User();", "CS0426")]
    [InlineData("_ = new __OneToOneLink_User();", "CS0246")]
    [InlineData("_ = new __OneToOneLink_Holder();", "CS0246")]
    public void WritingTheStorageAroundTheProtocol_DoesNotCompile(string statement, string error)
    {
        var source = Model + $$"""

            static class Use { static void M(User u, Profile p, Card c) { {{statement}} } }
            """;
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(source));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains(error, errors);
    }

    [Fact]
    public void FromAnotherClassOfTheSameProject_OnlyTheTwoGeneratedMembersAreVisible()
    {
        var source = Model + """

            static class Use { static void M(User u, Profile p, Card c) { /*here*/ } }
            """;
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(source));
        var tree = output.SyntaxTrees.First(t => t.FilePath == "Source0.cs");
        var model = output.GetSemanticModel(tree);
        var position = tree.ToString().IndexOf("/*here*/", StringComparison.Ordinal);

        string[] Visible(string typeName)
        {
            var type = output.GetTypeByMetadataName(typeName)!;
            return model.LookupSymbols(position, type)
                .Where(s => !s.IsStatic && SymbolEqualityComparer.Default.Equals(s.ContainingType, type))
                .Select(s => s.Name)
                .Where(n => !n.StartsWith(".", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }

        Assert.Equal(["Card", "Name", "Profile"], Visible("App.User"));
        Assert.Equal(["Bio", "User"], Visible("App.Profile"));
        Assert.Equal(["Holder"], Visible("App.Card"));

        // And no generated type is in scope: the accessors are file-local.
        var names = model.LookupNamespacesAndTypes(position).Select(s => s.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("__", StringComparison.Ordinal));
        var nested = model.LookupNamespacesAndTypes(position, output.GetTypeByMetadataName("App.Profile")).Select(s => s.Name);
        Assert.Empty(nested);
    }
}

/// <summary>
/// <c>OneToOneStorageAccess=Fields</c> (an MSBuild property made visible to the compiler): the storage becomes
/// internal fields, written directly by the file-local accessor, for tools that rewrite the compiled assembly and
/// cannot follow <c>UnsafeAccessor</c>.
/// </summary>
public class StorageAccessOptionTests
{
    private sealed class Options(string? value) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Values(value);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(null);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(null);

        private sealed class Values(string? value) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
            {
                result = key == "build_property.OneToOneStorageAccess" ? value : null;
                return result is not null;
            }
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("UnsafeAccessor", true)]
    [InlineData("fields", false)]
    public void TheOptionChoosesHowTheStorageIsReached(string? value, bool unsafeAccessor)
    {
        var input = TestCompiler.Create("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))] public partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; _ = u.Profile; } }
            """);
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new OneToOneGenerator().AsSourceGenerator()], parseOptions: TestCompiler.ParseOptions, optionsProvider: new Options(value));
        driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var text = driver.RunGenerators(input).GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.Contains("Profile.User")).SourceText.ToString();

        Assert.Equal(unsafeAccessor, text.Contains("UnsafeAccessor", StringComparison.Ordinal));
        Assert.Contains(unsafeAccessor ? "private global::App.User? __oneToOne_User;" : "internal global::App.User? __oneToOne_User;", text, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }
}
