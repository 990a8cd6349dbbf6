using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using OneToOne.CodeFixes;
using OneToOne.Generator.Analyzers;
using OneToOne.Generator.Tests.Analyzers;

namespace OneToOne.Generator.Tests.CodeFixes;

/// <summary>
/// The OTO011 code fix: a class-form <c>[OneToOne]</c> becomes a partial property of the dependent. Each test runs
/// the OneToOne generator and System.Text.Json's generator on the code before and after the fix, as a build does.
/// </summary>
public class ConvertToPropertyFormCodeFixTests
{
    /// <summary>
    /// The property form is being added to the generator in parallel with this fix: until it implements
    /// <c>[OneToOne]</c> partial properties, each converted navigation is a partial property without an
    /// implementation part, error CS9248 on its name. The fixed states expect exactly that error and nothing else;
    /// once the generator implements the property form, these expectations go away and the fixed code compiles.
    /// </summary>
    private static DiagnosticResult NoImplementationYet(int markup) =>
        DiagnosticResult.CompilerError("CS9248").WithLocation(markup);

    private sealed class Test : CSharpCodeFixTest<JsonContextAnalyzer, ConvertToPropertyFormCodeFix, DefaultVerifier>
    {
        public Test(LanguageVersion languageVersion = LanguageVersion.CSharp13)
        {
            // .NET 10 reference assemblies, matching the System.Text.Json generator the SDK ships.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            foreach (var reference in TestCompiler.References)
            {
                TestState.AdditionalReferences.Add(reference);
                FixedState.AdditionalReferences.Add(reference);
            }

            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                return solution
                    .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion))
                    .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
            });
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(OneToOneGenerator), SystemTextJsonGenerator.Type];
    }

    [Fact]
    public async Task Plain()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                namespace App;

                public partial class User { }

                /// <summary>A user's profile.</summary>
                [{|#1:OneToOne(typeof(User))|}]
                public partial class Profile
                {
                    public string Bio { get; set; } = "";
                }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { new DiagnosticResult("OTO011", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("App.AppJsonContext", "App.Profile", "App.Profile", "User") },
            CodeActionVerifier = (action, verifier) => verifier.Equal("Convert the link 'Profile.User' to a partial property", action.Title),
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                namespace App;

                public partial class User { }

                /// <summary>A user's profile.</summary>
                public partial class Profile
                {
                    [OneToOne]
                    public partial User? {|#0:User|} { get; set; }

                    public string Bio { get; set; } = "";
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            FixedState = { ExpectedDiagnostics = { NoImplementationYet(0) } },
        }.RunAsync();
    }

    private static DiagnosticResult OTO011(int markup, int link) =>
        new DiagnosticResult("OTO011", DiagnosticSeverity.Warning).WithLocation(markup).WithLocation(link);

    [Fact]
    public async Task NavigationReverseAndOtherOptions_NavigationNamesThePropertyTheRestIsKept()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }

                [{|#1:OneToOne(typeof(User), Navigation = "Owner", Reverse = "Card", OnConflict = OneToOneConflict.Replace, OnDelete = OneToOneDelete.SetNull, ForeignKey = "OwnerKey")|}]
                public partial class Profile
                {
                    public int Id { get; set; }
                }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { OTO011(0, 1) },
            CodeActionVerifier = (action, verifier) => verifier.Equal("Convert the link 'Profile.Owner' to a partial property", action.Title),
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }

                public partial class Profile
                {
                    [OneToOne(Reverse = "Card", OnConflict = OneToOneConflict.Replace, OnDelete = OneToOneDelete.SetNull, ForeignKey = "OwnerKey")]
                    public partial User? {|#0:Owner|} { get; set; }

                    public int Id { get; set; }
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            FixedState = { ExpectedDiagnostics = { NoImplementationYet(0) } },
        }.RunAsync();
    }

    [Fact]
    public async Task Required_BecomesTheRequiredModifierOnANonNullableType()
    {
        const string testCode = """
            using OneToOne;
            using System.Text.Json.Serialization;

            public partial class Person { }

            [{|#1:OneToOne(typeof(Person), Navigation = "Holder", Required = true, Reverse = "Passport")|}]
            public partial class Passport { }

            [{|#0:JsonSerializable(typeof(Passport))|}]
            internal partial class AppJsonContext : JsonSerializerContext { }
            """;
        await new Test
        {
            TestCode = testCode,
            ExpectedDiagnostics =
            {
                OTO011(0, 1),
                // Before the fix, System.Text.Json's own generated file does not compile: the case OTO011 explains.
                ErrorInSystemTextJsonsFile(testCode, "CS9035", "Passport.Holder"),
            },
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class Person { }

                public partial class Passport
                {
                    [OneToOne(Reverse = "Passport")]
                    public required partial Person {|#0:Holder|} { get; set; }
                }

                [JsonSerializable(typeof(Passport))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            FixedState = { ExpectedDiagnostics = { NoImplementationYet(0) } },
        }.RunAsync();
    }

    /// <summary>
    /// The compiler error <paramref name="id"/> that the code gets inside System.Text.Json's generated file, located
    /// by running both generators on it (its line depends on that generator's version, not on this test).
    /// </summary>
    private static DiagnosticResult ErrorInSystemTextJsonsFile(string markedSource, string id, params object[] arguments)
    {
        var (source, _) = DiagnosticMarkup.Parse(markedSource);
        var compilation = TestCompiler.Create(TestCompiler.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp13), source);
        CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator(), SystemTextJsonGenerator.Create().AsSourceGenerator()], parseOptions: TestCompiler.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp13))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var error = Assert.Single(output.GetDiagnostics(), d => d.Id == id);
        var span = error.Location.GetLineSpan();
        Assert.StartsWith("System.Text.Json.SourceGeneration/", span.Path.Replace('\\', '/'), StringComparison.Ordinal);
        return DiagnosticResult.CompilerError(id)
            .WithSpan(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1)
            .WithArguments(arguments);
    }
}
