using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using OneToOne.CodeFixes;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.CodeFixes;

/// <summary>
/// The OTO100 code fix: "unlink the earlier dependent first" and "link only when the principal has no dependent".
/// The test library does not run the source generator, and the analyzer knows a navigation by its
/// <c>[GeneratedCode("OneToOne.Generator", ...)]</c>, so <see cref="Models"/> writes a stand-in of the generated
/// members by hand (the real ones are in Snapshots/SeedPair). Every fixed state is analysed again and must be free
/// of OTO100.
/// </summary>
public class DoubleLinkCodeFixTests
{
    private const string Models = """
        #nullable enable
        using System.CodeDom.Compiler;
        using OneToOne;

        namespace App;

        public partial class User
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public Profile? Profile { get; set; }

            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public Passport? Passport { get; set; }
        }

        [OneToOne(typeof(User))]
        public partial class Profile
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public User? User { get; set; }
        }

        [OneToOne(typeof(User), Navigation = "Holder", Required = true)]
        public partial class Passport
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public User Holder { get; set; } = null!;
        }

        // A principal whose reverse accessor is the extension methods form (a principal from another assembly).
        public class Account { }

        [OneToOne(typeof(Account))]
        public partial class Card
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public Account? Account { get; set; }
        }

        public static class CardAccountOneToOneExtensions
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public static Card? GetCard(this Account principal) => null;

            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public static void SetCard(this Account principal, Card? value) { }
        }

        [OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
        public partial class Person
        {
            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public Person? Mentor { get; set; }

            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public Person? Mentee { get; set; }
        }
        """;

    private const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        namespace App;

        """;

    private const string UnlinkTitle = "Unlink the earlier Profile from 'u' first";
    private const string GuardTitle = "Link only when 'u' has no Profile";

    private sealed class Test : CSharpCodeFixTest<LinkFlowAnalyzer, DoubleLinkCodeFix, DefaultVerifier>
    {
        /// <param name="code">The code under test, after <see cref="Usings"/> (or alone when <paramref name="raw"/>).</param>
        public Test(string code, string fixedCode, bool raw = false)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            var runtime = MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location);
            TestState.AdditionalReferences.Add(runtime);
            FixedState.AdditionalReferences.Add(runtime);
            TestState.Sources.Add(("Models.cs", Models));
            TestState.Sources.Add(("Code.cs", raw ? code : Usings + code));
            FixedState.Sources.Add(("Models.cs", Models));
            FixedState.Sources.Add(("Code.cs", raw ? fixedCode : Usings + fixedCode));
        }
    }

    private static Task UnlinkFirstAsync(string code, string fixedCode) =>
        new Test(code, fixedCode) { CodeActionEquivalenceKey = DoubleLinkCodeFix.UnlinkFirstKey }.RunAsync();

    private static Task GuardAsync(string code, string fixedCode) =>
        new Test(code, fixedCode) { CodeActionEquivalenceKey = DoubleLinkCodeFix.GuardKey }.RunAsync();

    /// <summary>The titles of the actions offered for each OTO100 in <paramref name="code"/>, in source order.</summary>
    private static async Task<List<List<string>>> OfferedAsync(string code)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(TestCompiler.ParseOptions)
            .AddMetadataReferences(TestCompiler.References);
        project = project.AddDocument("Models.cs", Models).Project;
        var document = project.AddDocument("Code.cs", Usings + code);
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LinkFlowAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var result = new List<List<string>>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "OTO100").OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new DoubleLinkCodeFix().RegisterCodeFixesAsync(context);
            result.Add(actions.Select(a => a.Title).ToList());
        }

        return result;
    }

    // ---- a link statement: both actions -------------------------------------------------------------------

    private const string TwoStatements = """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:b.User = u|};
            }
        }
        """;

    [Fact]
    public async Task StatementLink_OffersBothActions()
    {
        var offered = await OfferedAsync(TwoStatements.Replace("{|OTO100:", "").Replace("|}", ""));
        Assert.Equal(new[] { UnlinkTitle, GuardTitle }, Assert.Single(offered));
    }

    [Fact]
    public async Task StatementLink_UnlinkFirst()
    {
        await new Test(
            """
            public class C
            {
                public void M(User u, Profile a, Profile b)
                {
                    a.User = u;
                    {|#0:b.User = u|};
                }
            }
            """,
            """
            public class C
            {
                public void M(User u, Profile a, Profile b)
                {
                    a.User = u;
                    u.Profile = null;
                    b.User = u;
                }
            }
            """)
        {
            TestState =
            {
                ExpectedDiagnostics =
                {
                    new DiagnosticResult("OTO100", DiagnosticSeverity.Warning).WithLocation(0)
                        .WithArguments("u", "Profile", "'a'", "b", "'Profile.User'"),
                },
            },
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) => verifier.Equal(UnlinkTitle, action.Title),
        }.RunAsync();
    }

    [Fact]
    public async Task StatementLink_Guard()
    {
        await new Test(
            TwoStatements,
            """
            public class C
            {
                public void M(User u, Profile a, Profile b)
                {
                    a.User = u;
                    if (u.Profile is null)
                    {
                        b.User = u;
                    }
                }
            }
            """)
        {
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = DoubleLinkCodeFix.GuardKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(GuardTitle, action.Title),
        }.RunAsync();
    }

    [Fact]
    public Task ReverseAssignment_UnlinkFirst() => UnlinkFirstAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:u.Profile = b|};
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Profile = null;
                u.Profile = b;
            }
        }
        """);

    [Fact]
    public Task ReverseAssignment_Guard() => GuardAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                u.Profile = a;
                {|OTO100:u.Profile = b|};
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                u.Profile = a;
                if (u.Profile is null)
                {
                    u.Profile = b;
                }
            }
        }
        """);

    // ---- a link in a declaration: unlink first only ------------------------------------------------------

    private const string SeedWalkthrough = """
        public class C
        {
            public void M()
            {
                var u = new User();
                var p = new Profile { User = u };
                var p2 = new Profile { {|OTO100:User = u|} };
            }
        }
        """;

    [Fact]
    public async Task ObjectInitializerInADeclaration_OffersUnlinkFirstOnly()
    {
        var offered = await OfferedAsync(SeedWalkthrough.Replace("{|OTO100:", "").Replace("|}", ""));
        Assert.Equal(new[] { UnlinkTitle }, Assert.Single(offered));
    }

    [Fact]
    public Task ObjectInitializerInADeclaration_UnlinkFirst() => UnlinkFirstAsync(
        SeedWalkthrough,
        """
        public class C
        {
            public void M()
            {
                var u = new User();
                var p = new Profile { User = u };
                u.Profile = null;
                var p2 = new Profile { User = u };
            }
        }
        """);

    [Fact]
    public Task ReturnStatement_UnlinkFirst() => UnlinkFirstAsync(
        """
        public class C
        {
            public Profile M(User u, Profile a)
            {
                a.User = u;
                return new Profile { {|OTO100:User = u|} };
            }
        }
        """,
        """
        public class C
        {
            public Profile M(User u, Profile a)
            {
                a.User = u;
                u.Profile = null;
                return new Profile { User = u };
            }
        }
        """);

    // ---- principals: fields, this, parentheses, self links ------------------------------------------------

    private const string FieldPrincipal = """
        public class C
        {
            private readonly User owner = new();

            public void M(Profile a, Profile b)
            {
                a.User = owner;
                {|OTO100:b.User = this.owner|};
            }
        }
        """;

    [Fact]
    public Task FieldOfThisAsPrincipal_UnlinkFirst() => UnlinkFirstAsync(
        FieldPrincipal,
        """
        public class C
        {
            private readonly User owner = new();

            public void M(Profile a, Profile b)
            {
                a.User = owner;
                this.owner.Profile = null;
                b.User = this.owner;
            }
        }
        """);

    [Fact]
    public async Task FieldOfThisAsPrincipal_Guard()
    {
        Assert.Equal(
            new[] { "Unlink the earlier Profile from 'this.owner' first", "Link only when 'this.owner' has no Profile" },
            Assert.Single(await OfferedAsync(FieldPrincipal.Replace("{|OTO100:", "").Replace("|}", ""))));
        await GuardAsync(
            FieldPrincipal,
            """
            public class C
            {
                private readonly User owner = new();

                public void M(Profile a, Profile b)
                {
                    a.User = owner;
                    if (this.owner.Profile is null)
                    {
                        b.User = this.owner;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task ThisAsPrincipal_UnlinkFirst() => UnlinkFirstAsync(
        """
        public partial class User
        {
            public void Adopt(Profile a, Profile b)
            {
                a.User = this;
                {|OTO100:b.User = this|};
            }
        }
        """,
        """
        public partial class User
        {
            public void Adopt(Profile a, Profile b)
            {
                a.User = this;
                this.Profile = null;
                b.User = this;
            }
        }
        """);

    [Fact]
    public Task ParenthesizedPrincipal_UnlinkFirst() => UnlinkFirstAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:b.User = (u)|};
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Profile = null;
                b.User = (u);
            }
        }
        """);

    [Fact]
    public Task NullForgivingPrincipal_Guard() => GuardAsync(
        """
        public class C
        {
            public void M(User? u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:b.User = u!|};
            }
        }
        """,
        """
        public class C
        {
            public void M(User? u, Profile a, Profile b)
            {
                a.User = u;
                if (u!.Profile is null)
                {
                    b.User = u!;
                }
            }
        }
        """);

    [Fact]
    public async Task PrincipalThatMayBeNull_NoFix()
    {
        // 'u.Profile = null;' would throw NullReferenceException where 'b.User = u' only unlinks b.
        var offered = await OfferedAsync("""
            public class C
            {
                public void M(User? u, Profile a, Profile b)
                {
                    a.User = u;
                    b.User = u;
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task SelfLink_UsesTheReverseName()
    {
        const string code = """
            public class C
            {
                public void M(Person mentor, Person a, Person b)
                {
                    a.Mentor = mentor;
                    {|OTO100:b.Mentor = mentor|};
                }
            }
            """;
        Assert.Equal(
            new[] { "Unlink the earlier Person from 'mentor' first", "Link only when 'mentor' has no Person" },
            Assert.Single(await OfferedAsync(code.Replace("{|OTO100:", "").Replace("|}", ""))));
        await UnlinkFirstAsync(code, """
            public class C
            {
                public void M(Person mentor, Person a, Person b)
                {
                    a.Mentor = mentor;
                    mentor.Mentee = null;
                    b.Mentor = mentor;
                }
            }
            """);
    }

    [Fact]
    public async Task ExtensionPropertyOfAPrincipalFromElsewhere_UnlinkFirst()
    {
        // The C# 14 form of the reverse accessor for a principal this compilation cannot change (a stand-in, as above).
        const string extension = """
            #nullable enable
            using System.CodeDom.Compiler;
            using OneToOne;

            namespace App;

            public class Club { }

            [OneToOne(typeof(Club))]
            public partial class Membership
            {
                [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
                public Club? Club { get; set; }
            }

            [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
            public static class MembershipClubOneToOneExtensions
            {
                extension(Club principal)
                {
                    [GeneratedCode("OneToOne.Generator", "1.0.0.0")]
                    public Membership? Membership { get => null; set { } }
                }
            }
            """;
        var test = new Test(
            """
            public class C
            {
                public void M(Club club, Membership a, Membership b)
                {
                    a.Club = club;
                    {|OTO100:b.Club = club|};
                }
            }
            """,
            """
            public class C
            {
                public void M(Club club, Membership a, Membership b)
                {
                    a.Club = club;
                    club.Membership = null;
                    b.Club = club;
                }
            }
            """)
        {
            CodeActionEquivalenceKey = DoubleLinkCodeFix.UnlinkFirstKey,
            SolutionTransforms = { Preview },
        };
        test.TestState.Sources.Add(("Extension.cs", extension));
        test.FixedState.Sources.Add(("Extension.cs", extension));
        await test.RunAsync();
    }

    // ---- Required links: unlinking throws ----------------------------------------------------------------

    [Fact]
    public async Task RequiredLink_OffersTheGuardOnly()
    {
        const string code = """
            public class C
            {
                public void M(User u, Passport a, Passport b)
                {
                    a.Holder = u;
                    {|OTO100:b.Holder = u|};
                }
            }
            """;
        Assert.Equal(new[] { "Link only when 'u' has no Passport" }, Assert.Single(await OfferedAsync(code.Replace("{|OTO100:", "").Replace("|}", ""))));
        await GuardAsync(code, """
            public class C
            {
                public void M(User u, Passport a, Passport b)
                {
                    a.Holder = u;
                    if (u.Passport is null)
                    {
                        b.Holder = u;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task RequiredLinkInADeclaration_NoFix()
    {
        var offered = await OfferedAsync("""
            public class C
            {
                public void M(User u, Passport a)
                {
                    a.Holder = u;
                    var b = new Passport { Holder = u };
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    // ---- links made through calls ------------------------------------------------------------------------

    private const string Constructors = """
        public partial class Profile
        {
            public Profile() { }
            public Profile(User u) { User = u; }
        }
        public static class Links
        {
            public static void Attach(Profile p, User u) => p.User = u;
        }

        """;

    [Fact]
    public async Task AssignmentAfterAConstructorLink_OffersBothActions()
    {
        var offered = await OfferedAsync(Constructors + """
            public class C
            {
                public void M(User u, Profile b)
                {
                    var a = new Profile(u);
                    b.User = u;
                }
            }
            """);
        Assert.Equal([UnlinkTitle, GuardTitle], Assert.Single(offered));
    }

    [Fact]
    public Task AssignmentAfterAHelperLink_UnlinkFirst() => UnlinkFirstAsync(
        Constructors + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Attach(a, u);
                {|OTO100:b.User = u|};
            }
        }
        """,
        Constructors + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Attach(a, u);
                u.Profile = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public async Task LinkMadeByACall_NoFix()
    {
        // The link is inside the called method: neither rewrite of an assignment applies.
        var offered = await OfferedAsync(Constructors + """
            public class C
            {
                public void M(User u, Profile a)
                {
                    a.User = u;
                    var b = new Profile(u);
                    Links.Attach(a, u);
                }
            }
            """);
        Assert.Equal(2, offered.Count);
        Assert.All(offered, Assert.Empty);
    }

    // ---- where no rewrite is safe ------------------------------------------------------------------------

    [Theory]
    [InlineData("""
        public class C
        {
            public void M(User u, User w, Profile a, bool flag)
            {
                a.User = u;
                var b = new Profile { User = flag ? u : w };
            }
        }
        """)]
    [InlineData("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                object o = u;
                b.User = (User)o;
            }
        }
        """)]
    public async Task PrincipalNotAPlainName_NoFix(string code)
    {
        var offered = await OfferedAsync(code);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task LinkOutsideAnyStatement_NoFix()
    {
        // An expression-bodied member: there is no statement to put the unlink before.
        var offered = await OfferedAsync("""
            public class Holder { public Profile? Main { get; set; } public Profile? Spare { get; set; } }
            public class C
            {
                public Holder M(User u) => new Holder
                {
                    Main = new Profile { User = u },
                    Spare = new Profile { User = u },
                };
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task PrincipalDeclaredInTheSameStatement_NoFix()
    {
        // 'u.Profile = null;' before the declaration would use 'u' before it is declared.
        var offered = await OfferedAsync("""
            public class C
            {
                public void M(User w, Profile a)
                {
                    a.User = w;
                    User u = w, x = new Profile { User = u }.User!;
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task PrincipalAssignedInTheSameStatement_NoFix()
    {
        // Before the statement 'u' is another object: unlinking it would not free the one the link gets.
        var offered = await OfferedAsync("""
            public class C
            {
                private static void Pair(User x, Profile y) { }

                public void M(User u, User w, Profile a)
                {
                    a.User = w;
                    Pair(u = w, new Profile { User = u });
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task ReverseAccessorIsNotAProperty_NoFix()
    {
        // 'account.Card' does not exist: the reverse side is GetCard()/SetCard(), which the analysis does not see.
        var offered = await OfferedAsync("""
            public class C
            {
                public void M(Account account, Card a, Card b)
                {
                    a.Account = account;
                    b.Account = account;
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task ImplicitThisAsPrincipal_NoFix()
    {
        // 'Profile = b' on 'this': the principal is not written, so there is no expression to unlink or test.
        var offered = await OfferedAsync("""
            public partial class User
            {
                public void Adopt(Profile a, Profile b)
                {
                    Profile = a;
                    Profile = b;
                }
            }
            """);
        Assert.Empty(Assert.Single(offered));
    }

    // ---- layout ------------------------------------------------------------------------------------------

    [Fact]
    public Task UnlinkFirst_KeepsCommentsBlankLinesAndIndentation() => UnlinkFirstAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;

                // Give u another profile.
                {|OTO100:b.User = u|}; // the second one
                Console.WriteLine(b);
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;

                // Give u another profile.
                u.Profile = null;
                b.User = u; // the second one
                Console.WriteLine(b);
            }
        }
        """);

    [Fact]
    public Task UnlinkFirst_OnALineWithOtherCode_StaysOnThatLine() => UnlinkFirstAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u; {|OTO100:b.User = u|};
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u; u.Profile = null; b.User = u;
            }
        }
        """);

    [Fact]
    public Task Guard_KeepsCommentsAndTrailingComment() => GuardAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;

                // Give u another profile.
                {|OTO100:b.User = u|}; // the second one
                Console.WriteLine(b);
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;

                // Give u another profile.
                if (u.Profile is null)
                {
                    b.User = u; // the second one
                }
                Console.WriteLine(b);
            }
        }
        """);

    private const string EmbeddedInIfElse = """
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                a.User = u;
                if (flag)
                    {|OTO100:b.User = u|};
                else
                    Console.WriteLine("kept");
            }
        }
        """;

    [Fact]
    public Task EmbeddedStatement_UnlinkFirst_MakesABlock() => UnlinkFirstAsync(
        EmbeddedInIfElse,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                a.User = u;
                if (flag)
                {
                    u.Profile = null;
                    b.User = u;
                }
                else
                    Console.WriteLine("kept");
            }
        }
        """);

    [Fact]
    public Task EmbeddedStatement_Guard_KeepsTheElseWhereItWas() => GuardAsync(
        EmbeddedInIfElse,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                a.User = u;
                if (flag)
                {
                    if (u.Profile is null)
                    {
                        b.User = u;
                    }
                }
                else
                    Console.WriteLine("kept");
            }
        }
        """);

    [Fact]
    public Task SwitchSection_UnlinkFirst() => UnlinkFirstAsync(
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, int kind)
            {
                switch (kind)
                {
                    case 1:
                        a.User = u;
                        {|OTO100:b.User = u|};
                        break;
                }
            }
        }
        """,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, int kind)
            {
                switch (kind)
                {
                    case 1:
                        a.User = u;
                        u.Profile = null;
                        b.User = u;
                        break;
                }
            }
        }
        """);

    [Fact]
    public async Task TopLevelStatements_UnlinkFirst()
    {
        await new Test(
            """
            using App;

            var u = new User();
            var a = new Profile { User = u };
            var b = new Profile();
            {|OTO100:b.User = u|};

            """,
            """
            using App;

            var u = new User();
            var a = new Profile { User = u };
            var b = new Profile();
            u.Profile = null;
            b.User = u;

            """,
            raw: true)
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            FixedState = { OutputKind = OutputKind.ConsoleApplication },
            CodeActionEquivalenceKey = DoubleLinkCodeFix.UnlinkFirstKey,
        }.RunAsync();
    }

    // ---- Fix All -----------------------------------------------------------------------------------------

    private const string ThreeDependents = """
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c)
            {
                a.User = u;
                {|OTO100:b.User = u|};
                {|OTO100:c.User = u|};
            }
        }
        """;

    [Fact]
    public Task FixAll_UnlinkFirst() => UnlinkFirstAsync(
        ThreeDependents,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c)
            {
                a.User = u;
                u.Profile = null;
                b.User = u;
                u.Profile = null;
                c.User = u;
            }
        }
        """);

    [Fact]
    public Task FixAll_Guard() => GuardAsync(
        ThreeDependents,
        """
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c)
            {
                a.User = u;
                if (u.Profile is null)
                {
                    b.User = u;
                }
                if (u.Profile is null)
                {
                    c.User = u;
                }
            }
        }
        """);

    private static Solution Preview(Solution solution, ProjectId projectId)
    {
        var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
        return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(LanguageVersion.Preview));
    }

    [Fact]
    public void FixesOTO100Only()
    {
        var fix = new DoubleLinkCodeFix();
        Assert.Equal(new[] { "OTO100" }, fix.FixableDiagnosticIds);
        Assert.Same(WellKnownFixAllProviders.BatchFixer, fix.GetFixAllProvider());
        Assert.NotEqual(DoubleLinkCodeFix.UnlinkFirstKey, DoubleLinkCodeFix.GuardKey);
    }
}
