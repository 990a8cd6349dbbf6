using System.Collections.Immutable;
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
/// the OneToOne generator and System.Text.Json's generator on the code before and after the fix, as a build does:
/// the fixed code compiles with no diagnostic (the generator implements the property form).
/// </summary>
public class ConvertToPropertyFormCodeFixTests
{
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

        /// <summary>With <see cref="CodeFixTestBehaviors.FixOne"/>: the diagnostic to fix (default: the first one).</summary>
        public Func<ImmutableArray<Diagnostic>, Diagnostic?>? DiagnosticSelector { get; init; }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(OneToOneGenerator), SystemTextJsonGenerator.Type];

        protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics) =>
            DiagnosticSelector is { } select ? select(fixableDiagnostics) : base.TrySelectDiagnosticToFix(fixableDiagnostics);
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
                    public partial User? User { get; set; }

                    public string Bio { get; set; } = "";
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
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
                    public partial User? Owner { get; set; }

                    public int Id { get; set; }
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
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
            FixedState =
            {
                // Explicit: after the fix the CS9035 is gone too, System.Text.Json's generator sets the required property.
                InheritanceMode = StateInheritanceMode.Explicit,
                Sources =
                {
                    """
                    using OneToOne;
                    using System.Text.Json.Serialization;

                    public partial class Person { }

                    public partial class Passport
                    {
                        [OneToOne(Reverse = "Passport")]
                        public required partial Person Holder { get; set; }
                    }

                    [JsonSerializable(typeof(Passport))]
                    internal partial class AppJsonContext : JsonSerializerContext { }
                    """,
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task SeveralLinksOnOneClass_EachFixConvertsOnlyItsOwnLink()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }
                public partial class Account { }

                [{|#1:OneToOne(typeof(User))|}]
                [{|#2:OneToOne(typeof(Account), Reverse = "Holder")|}]
                public partial class Profile
                {
                    public string Bio { get; set; } = "";
                }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { OTO011(0, 1), OTO011(0, 2) },
            DiagnosticSelector = diagnostics => diagnostics.Single(d => d.AdditionalLocations[0].GetLineSpan().StartLinePosition.Line == 7),
            CodeActionVerifier = (action, verifier) => verifier.Equal("Convert the link 'Profile.Account' to a partial property", action.Title),
            NumberOfIncrementalIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne,
            FixedState =
            {
                Sources =
                {
                    """
                    using OneToOne;
                    using System.Text.Json.Serialization;

                    public partial class User { }
                    public partial class Account { }

                    [{|#1:OneToOne(typeof(User))|}]
                    public partial class Profile
                    {
                        [OneToOne(Reverse = "Holder")]
                        public partial Account? Account { get; set; }

                        public string Bio { get; set; } = "";
                    }

                    [{|#0:JsonSerializable(typeof(Profile))|}]
                    internal partial class AppJsonContext : JsonSerializerContext { }
                    """,
                },
                // The other link is still the class form, and still reported.
                ExpectedDiagnostics = { OTO011(0, 1) },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task SeveralLinksOnOneClass_ConvertedOneAfterTheOther_TheNavigationsStayTogether()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }
                public partial class Account { }

                [System.Serializable]
                [{|#1:OneToOne(typeof(User))|}]
                [{|#2:OneToOne(typeof(Account), Reverse = "Holder")|}]
                public partial class Profile
                {
                    public string Bio { get; set; } = "";
                }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { OTO011(0, 1), OTO011(0, 2) },
            NumberOfIncrementalIterations = 2,
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }
                public partial class Account { }

                [System.Serializable]
                public partial class Profile
                {
                    [OneToOne(Reverse = "Holder")]
                    public partial Account? Account { get; set; }
                    [OneToOne]
                    public partial User? User { get; set; }

                    public string Bio { get; set; } = "";
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task NestedClassWithAnEmptyBody_GetsABodyIndentedLikeIt()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                namespace App
                {
                    public partial class User { }

                    public partial class Outer
                    {
                        // Keeps its comment.
                        [{|#1:OneToOne(typeof(User))|}]
                        internal sealed partial class Profile { }
                    }

                    [{|#0:JsonSerializable(typeof(Outer.Profile))|}]
                    internal partial class AppJsonContext : JsonSerializerContext { }
                }
                """,
            ExpectedDiagnostics = { OTO011(0, 1) },
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                namespace App
                {
                    public partial class User { }

                    public partial class Outer
                    {
                        // Keeps its comment.
                        internal sealed partial class Profile
                        {
                            [OneToOne]
                            public partial User? User { get; set; }
                        }
                    }

                    [JsonSerializable(typeof(Outer.Profile))]
                    internal partial class AppJsonContext : JsonSerializerContext { }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AttributeSharingItsList_OnlyItIsRemoved_AndAnInternalPrincipalGivesAnInternalProperty()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                internal partial class User { }

                [System.Serializable, {|#1:OneToOne(typeof(User))|}, System.Obsolete("old")]
                public partial class Profile
                {
                }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { OTO011(0, 1) },
            FixedCode = """
                using OneToOne;
                using System.Text.Json.Serialization;

                internal partial class User { }

                [System.Serializable, System.Obsolete("old")]
                public partial class Profile
                {
                    [OneToOne]
                    internal partial User? User { get; set; }
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task NullableAnnotationsDisabled_NoQuestionMark_AndAOneLineBodyGetsLinesOfItsOwn()
    {
        await new Test
        {
            TestCode = """
                #nullable disable
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }

                [{|#1:OneToOne(typeof(User))|}] public partial class Profile { public string Bio { get; set; } }

                [{|#0:JsonSerializable(typeof(Profile))|}]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
            ExpectedDiagnostics = { OTO011(0, 1) },
            FixedCode = """
                #nullable disable
                using OneToOne;
                using System.Text.Json.Serialization;

                public partial class User { }

                public partial class Profile
                {
                    [OneToOne]
                    public partial User User { get; set; }

                    public string Bio { get; set; }
                }

                [JsonSerializable(typeof(Profile))]
                internal partial class AppJsonContext : JsonSerializerContext { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task DependentInAnotherDocument_IsFixedThere()
    {
        await new Test
        {
            TestState =
            {
                Sources =
                {
                    ("Models.cs", """
                        using OneToOne;

                        namespace App;

                        public partial class User { }

                        [{|#1:OneToOne(typeof(User), Navigation = "Owner")|}]
                        public partial class Profile
                        {
                            public string Bio { get; set; } = "";
                        }
                        """),
                    ("AppJsonContext.cs", """
                        using System.Text.Json.Serialization;

                        namespace App;

                        [{|#0:JsonSerializable(typeof(Profile))|}]
                        internal partial class AppJsonContext : JsonSerializerContext { }
                        """),
                },
                ExpectedDiagnostics = { OTO011(0, 1) },
            },
            FixedState =
            {
                Sources =
                {
                    ("Models.cs", """
                        using OneToOne;

                        namespace App;

                        public partial class User { }

                        public partial class Profile
                        {
                            [OneToOne]
                            public partial User? Owner { get; set; }

                            public string Bio { get; set; } = "";
                        }
                        """),
                    ("AppJsonContext.cs", """
                        using System.Text.Json.Serialization;

                        namespace App;

                        [JsonSerializable(typeof(Profile))]
                        internal partial class AppJsonContext : JsonSerializerContext { }
                        """),
                },
            },
        }.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp11)]
    public async Task BeforeCSharp13_NoFixIsOffered(LanguageVersion languageVersion)
    {
        const string code = """
            using OneToOne;
            using System.Text.Json.Serialization;
            public partial class User { }
            [{|#1:OneToOne(typeof(User))|}]
            public partial class Profile { }
            [{|#0:JsonSerializable(typeof(Profile))|}]
            internal partial class AppJsonContext : JsonSerializerContext { }
            """;
        await new Test(languageVersion)
        {
            TestCode = code,
            ExpectedDiagnostics = { OTO011(0, 1) },
            FixedCode = code,
        }.RunAsync();
    }

    [Fact]
    public void FixesOTO011Only_OneLinkAtATime()
    {
        var fix = new ConvertToPropertyFormCodeFix();
        Assert.Equal(new[] { "OTO011" }, fix.FixableDiagnosticIds);
        Assert.Null(fix.GetFixAllProvider());
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
