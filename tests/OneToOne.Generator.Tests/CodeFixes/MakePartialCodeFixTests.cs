using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using OneToOne.CodeFixes;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.CodeFixes;

/// <summary>
/// The "make partial" code fix for OTO001 and OTO003. The test library does not run the source generator, so the
/// analyzer sees only the user's code; in the fixed state every class involved is partial and nothing is reported.
/// </summary>
public class MakePartialCodeFixTests
{
    private sealed class Test : CSharpCodeFixTest<DeclarationAnalyzer, MakePartialCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            var runtime = MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location);
            TestState.AdditionalReferences.Add(runtime);
            FixedState.AdditionalReferences.Add(runtime);
        }
    }

    private static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Error);

    [Fact]
    public async Task OTO001_PublicDependent()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace App;

                public partial class User { }

                [OneToOne(typeof(User))]
                public class {|#0:Profile|}
                {
                    public string Bio { get; set; } = "";
                }
                """,
            ExpectedDiagnostics = { Diagnostic("OTO001").WithLocation(0).WithArguments("App.Profile", "App.Profile") },
            CodeActionVerifier = (action, verifier) => verifier.Equal("Make 'Profile' partial", action.Title),
            FixedCode = """
                using OneToOne;

                namespace App;

                public partial class User { }

                [OneToOne(typeof(User))]
                public partial class Profile
                {
                    public string Bio { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task OTO001_DependentWithoutModifiers_KeepsTheAttributeAndTheIndentation()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace App
                {
                    partial class User { }

                    // The profile of a user.
                    [OneToOne(typeof(User))]
                    class {|OTO001:Profile|} { }
                }
                """,
            FixedCode = """
                using OneToOne;

                namespace App
                {
                    partial class User { }

                    // The profile of a user.
                    [OneToOne(typeof(User))]
                    partial class Profile { }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task OTO001_ContainingTypeWithoutModifiers_KeepsItsCommentAndIndentation()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                namespace App
                {
                    partial class User { }

                    // Holds the models.
                    class {|#0:Outer|}
                    {
                        /// <summary>A profile.</summary>
                        [OneToOne(typeof(User))]
                        internal partial class Profile { }
                    }
                }
                """,
            ExpectedDiagnostics = { Diagnostic("OTO001").WithLocation(0).WithArguments("App.Outer", "App.Outer.Profile") },
            FixedCode = """
                using OneToOne;
                namespace App
                {
                    partial class User { }

                    // Holds the models.
                    partial class Outer
                    {
                        /// <summary>A profile.</summary>
                        [OneToOne(typeof(User))]
                        internal partial class Profile { }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task OTO001_NestedDependentInANonPartialClass_BothBecomePartial()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace App;

                public partial class User { }

                public static class {|#0:Models|}
                {
                    [OneToOne(typeof(User))]
                    public sealed class {|#1:Profile|} { }
                }
                """,
            ExpectedDiagnostics =
            {
                Diagnostic("OTO001").WithLocation(0).WithArguments("App.Models", "App.Models.Profile"),
                Diagnostic("OTO001").WithLocation(1).WithArguments("App.Models.Profile", "App.Models.Profile"),
            },
            FixedCode = """
                using OneToOne;

                namespace App;

                public partial class User { }

                public static partial class Models
                {
                    [OneToOne(typeof(User))]
                    public sealed partial class Profile { }
                }
                """,
        }.RunAsync();
    }

    [Theory]
    [InlineData("public sealed class", "public sealed partial class")]
    [InlineData("public abstract class", "public abstract partial class")]
    [InlineData("internal sealed class", "internal sealed partial class")]
    [InlineData("sealed class", "sealed partial class")]
    [InlineData("abstract public class", "abstract public partial class")]
    [InlineData("public unsafe class", "public unsafe partial class")]
    public async Task OTO001_PartialGoesLastBeforeTheKeyword(string before, string after)
    {
        await new Test
        {
            SolutionTransforms = { AllowUnsafe },
            TestCode = $$"""
                using OneToOne;
                public partial class User { }
                [OneToOne(typeof(User))]
                {{before}} {|OTO001:Profile|} { }
                """,
            FixedCode = $$"""
                using OneToOne;
                public partial class User { }
                [OneToOne(typeof(User))]
                {{after}} Profile { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task OTO003_PrincipalInAnotherDocument_IsFixedThere()
    {
        await new Test
        {
            TestState =
            {
                Sources =
                {
                    ("User.cs", """
                        namespace App;

                        public class {|#1:User|}
                        {
                            public string Name { get; set; } = "";
                        }
                        """),
                    ("Profile.cs", """
                        using OneToOne;

                        namespace App;

                        [OneToOne(typeof({|#0:User|}))]
                        public partial class Profile { }
                        """),
                },
                ExpectedDiagnostics =
                {
                    Diagnostic("OTO003").WithLocation(0).WithLocation(1).WithArguments("App.User", "Profile", "User", "Profile"),
                },
            },
            CodeActionVerifier = (action, verifier) => verifier.Equal("Make 'User' partial", action.Title),
            FixedState =
            {
                Sources =
                {
                    ("User.cs", """
                        namespace App;

                        public partial class User
                        {
                            public string Name { get; set; } = "";
                        }
                        """),
                    ("Profile.cs", """
                        using OneToOne;

                        namespace App;

                        [OneToOne(typeof(User))]
                        public partial class Profile { }
                        """),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task OTO003_NestedPrincipal_ItAndItsContainingTypesBecomePartial()
    {
        await new Test
        {
            TestState =
            {
                Sources =
                {
                    ("Accounts.cs", """
                        namespace App;

                        public class {|#1:Accounts|}
                        {
                            public sealed class {|#2:User|} { }
                        }
                        """),
                    ("Profile.cs", """
                        using OneToOne;

                        namespace App;

                        [OneToOne(typeof({|#0:Accounts.User|}))]
                        public partial class Profile { }
                        """),
                },
                ExpectedDiagnostics =
                {
                    Diagnostic("OTO003").WithLocation(0).WithLocation(1).WithArguments("App.Accounts", "Profile", "User", "Profile"),
                    Diagnostic("OTO003").WithLocation(0).WithLocation(2).WithArguments("App.Accounts.User", "Profile", "User", "Profile"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("Accounts.cs", """
                        namespace App;

                        public partial class Accounts
                        {
                            public sealed partial class User { }
                        }
                        """),
                    ("Profile.cs", """
                        using OneToOne;

                        namespace App;

                        [OneToOne(typeof(Accounts.User))]
                        public partial class Profile { }
                        """),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task OTO001AndOTO003_DependentAndPrincipalBothFixed()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;
                public class {|#1:User|} { }
                [OneToOne(typeof({|#0:User|}))]
                public class {|#2:Profile|} { }
                """,
            ExpectedDiagnostics =
            {
                Diagnostic("OTO003").WithLocation(0).WithLocation(1).WithArguments("User", "Profile", "User", "Profile"),
                Diagnostic("OTO001").WithLocation(2).WithArguments("Profile", "Profile"),
            },
            FixedCode = """
                using OneToOne;
                public partial class User { }
                [OneToOne(typeof(User))]
                public partial class Profile { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task OTO001_PartialClassesAreLeftAlone()
    {
        // Only the non-partial middle class changes.
        await new Test
        {
            TestCode = """
                using OneToOne;
                public partial class User { }
                public partial class Outer
                {
                    public class {|OTO001:Middle|}
                    {
                        [OneToOne(typeof(User))]
                        public partial class Profile { }
                    }
                }
                """,
            FixedCode = """
                using OneToOne;
                public partial class User { }
                public partial class Outer
                {
                    public partial class Middle
                    {
                        [OneToOne(typeof(User))]
                        public partial class Profile { }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public void OffersAFixForOTO001AndOTO003Only()
    {
        Assert.Equal(new[] { "OTO001", "OTO003" }, new MakePartialCodeFix().FixableDiagnosticIds.Order(StringComparer.Ordinal));
    }

    private static Solution AllowUnsafe(Solution solution, ProjectId projectId)
    {
        var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
    }
}
