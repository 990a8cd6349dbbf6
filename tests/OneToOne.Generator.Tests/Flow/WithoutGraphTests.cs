using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Analyzers.Flow;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// A body made of structured statements is run from its operation tree, without Roslyn's control-flow graph: every
/// summary and every warning made that way must be the one the graph gives, and a body with anything else (try,
/// switch, goto, conditional operators, lambdas, ...) must take the graph. (Every test written with
/// <see cref="FlowVerifier"/> checks its warnings both ways too.)
/// </summary>
public class WithoutGraphTests
{
    private const string Corpus = """
        public static class Helpers
        {
            public static void Attach(Profile p, User u) => p.User = u;
            public static void AttachBlock(Profile p, User u) { p.User = u; }
            public static void Detach(Profile p) { p.User = null; }
            public static void Free(User u) { u.Profile = null; }
            public static void Move(Profile p, User to) { Detach(p); Attach(p, to); }
            public static Profile Make(User u) => new Profile { User = u };
            public static Profile For(User u) => new Sample(u).Profile;
            public static Profile Fresh(User u) { var p = new Profile(); p.User = u; return p; }
            public static Profile Declared(User u) { Profile p = new Profile(), q = new Profile(); p.User = u; { var r = q; r.Bio = "x"; } return p; }
            public static Profile Constant(User u) { const string tag = "t"; var p = new Profile { }; var q = new Profile(); q.Bio = tag; q.User = u; return q; }
            public static Profile Tagged(User u) { const string tag = "t"; string name = tag; var q = new Profile(); q.Bio = name; q.User = u; return q; }
            public static User Principal(Profile p) { var u = new User(); p.User = u; return u; }
            public static Profile Same(Profile p, User u) { Attach(p, u); return p; }
            public static void Extension(User u, Box<int> box, Card c) { c.Box = box; u.Name = "n" + u.Name; }
            public static void Swap(Profile a, Profile b, User u) { b.User = null; a.User = u; var s = $"{a.Bio}{nameof(u)}"; }
            public static void Both(Profile p, Preferences q, User u) { p.User = u; q.Owner = u; }
            public static void Branches(Profile p, User u, bool f) { if (f) p.User = u; }
            public static void Conditional(Profile p, User u, User? w) => p.User = w ?? u;
            public static void Loop(Profile[] ps, User u) { foreach (var p in ps) p.User = u; }
            public static Profile? Early(Profile p, User u) { if (u.Name == "") return null; p.User = u; return p; }
            public static void Lambda(Profile p, User u) { System.Action a = () => p.User = u; a(); }
            public static void Pattern(object o, User u) { if (o is Profile p) p.User = u; }
            public static void Reads(User u) { var p = u.Profile; p!.User = null; }
            public static Profile Last(Profile[] ps, User u) { Profile? last = null; foreach (var p in ps) { if (p.Bio == "") continue; last = p; if (p.Bio == "x") break; } last!.User = u; return last; }
            public static void Rotate(Profile a, Profile b, User u, int n) { var c = a; for (var i = 0; i < n; i++) { c = b; b = a; } c.User = u; }
            public static void Until(Profile a, User u) { do { a.User = null; a = new Profile(); } while (a.Bio == ""); a.User = u; }
            public static Profile? Found(Profile[] ps, User u) { foreach (var p in ps) { if (p.User == u) return p; } throw new System.InvalidOperationException(u.Name); }
            public static void Forever(Profile p, User u) { while (true) { if (p.Bio == "") { p.User = u; return; } p = new Profile(); } }
            public static void Never(Profile p, User u) { if (false) { p.User = u; } else if (u.Profile is null) { u.Profile = p; } }
            public static void Replace(Profile p, User u) { if (u.Profile is { } old) { old.User = null; } p.User = u; }
            public static void IfFree(Profile p, User u) { if (u.Profile != null) return; p.User = u; }
            public static void Unlinked(Profile p, User u) { while (u.Name != "") { if (p.Bio == "") u.Profile = null; else p.User = u; } }
            public static void Try(Profile p, User u) { try { p.User = u; } finally { u.Name = ""; } }
            public static void Switch(Profile p, User u, int k) { switch (k) { case 1: p.User = u; break; } }
            public static void Access(Profile? p, User u) { p?.User.Name.ToString(); if (p != null) p.User = u; }
            public static void And(Profile p, User u) { if (p.Bio == "" && u.Name == "") p.User = u; }
            public static void Jump(Profile p, User u) { again: p.User = u; if (u.Name == "") goto again; }
            public static void Local(Profile p, User u) { void Link() => p.User = u; Link(); }
            public static void Using(Profile p, User u) { using (var s = new System.IO.MemoryStream()) { p.User = u; } }
        }

        public partial class Sample
        {
            public Sample(User u) { Profile = new Profile(); Profile.User = u; }
            public Sample(User u, string s) : this(u) { Name = s; }
            public Sample(Profile p, User u) => p.User = u;
            public Profile Profile { get; }
            public string Name { get; set; } = "";
            public void Link(User u) { Profile.User = u; }
            public Profile Own(User u) { var p = new Profile { Bio = Name }; p.User = u; return p; }
        }
        """;

    [Fact]
    public void EverySummaryWithoutTheGraphIsTheSummaryWithIt()
    {
        var compilation = Compile();
        var attribute = compilation.GetTypeByMetadataName("OneToOne.OneToOneAttribute")!;
        var withGraph = new SummaryCache(compilation, new LinkResolver(attribute), withoutGraph: false);
        var tree = new SummaryCache(compilation, new LinkResolver(attribute), withoutGraph: true);

        var compared = 0;
        var structured = 0;
        foreach (var method in Methods(compilation))
        {
            var expected = Describe(withGraph.Of(method, callingGraph: null, FlowBounds.CallDepth, reach: null, default));
            var actual = Describe(tree.Of(method, callingGraph: null, FlowBounds.CallDepth, reach: null, default));
            Assert.True(expected == actual, $"{method.ToDisplayString()}: with the graph {expected}, without it {actual}");
            compared++;
            structured += IsStructured(compilation, method) ? 1 : 0;
        }

        // The corpus has both kinds, and most summaries link or return something (the comparison is not of empties).
        Assert.True(compared >= 40, $"compared {compared}");
        Assert.InRange(structured, 30, compared - 9);
        Assert.True(Methods(compilation).Count(m => Describe(tree.Of(m, null, FlowBounds.CallDepth, null, default)) is not ("none" or "empty")) >= 30);
    }

    [Theory]
    [InlineData("Attach", true)]
    [InlineData("AttachBlock", true)]
    [InlineData("Move", true)]
    [InlineData("Fresh", true)]
    [InlineData("Declared", true)]
    [InlineData("Extension", true)]
    [InlineData("Swap", true)]
    [InlineData("Tagged", true)]
    [InlineData("Constant", true)] // an (empty) initializer list
    [InlineData("Make", true)] // an object initializer: the new object's members
    [InlineData("Branches", true)]
    [InlineData("Loop", true)]
    [InlineData("Early", true)] // a return before the last statement
    [InlineData("Pattern", true)]
    [InlineData("Reads", true)] // the null-forgiving operator is no operation of its own
    [InlineData("Last", true)] // foreach, continue, break
    [InlineData("Rotate", true)]
    [InlineData("Until", true)] // do ... while
    [InlineData("Found", true)] // return inside a loop, throw
    [InlineData("Forever", true)] // while (true)
    [InlineData("Never", true)] // if (false), else if
    [InlineData("Conditional", false)] // ??
    [InlineData("Lambda", false)]
    [InlineData("Try", false)]
    [InlineData("Switch", false)]
    [InlineData("Access", false)] // ?.
    [InlineData("And", false)] // &&
    [InlineData("Jump", false)] // goto
    [InlineData("Local", false)] // a local function
    [InlineData("Using", false)]
    public void WhichBodiesRunWithoutTheGraph(string name, bool expected)
    {
        var compilation = Compile();
        var method = Methods(compilation).Single(m => m.Name == name);
        Assert.Equal(expected, IsStructured(compilation, method));
    }

    // Bodies checked for warnings, with the shapes the run from the operation tree handles (nested loops, every jump).
    private const string Checked = """
        public static class Checked
        {
            public static void Nested(User[] users, Profile[] ps)
            {
                foreach (var u in users)
                {
                    var first = new Profile();
                    first.User = u;
                    for (var i = 0; i < ps.Length; i++)
                    {
                        if (ps[i].Bio == "") continue;
                        ps[i].User = u;
                        if (ps[i].Bio == "x") break;
                    }
                }
            }

            public static void Skips(User u, Profile a, Profile b, int n)
            {
                for (var i = 0; i < n; i++)
                {
                    if (i == 1) { a.User = u; continue; }
                    b.User = u;
                }
            }

            public static void Until(User u, Profile a)
            {
                var p = a;
                do
                {
                    if (p.Bio == "") { p = new Profile(); continue; }
                    p.User = u;
                    p = new Profile();
                }
                while (u.Name != "");
            }

            public static Profile? Early(User u, Profile[] ps)
            {
                var kept = new Profile();
                kept.User = u;
                foreach (var p in ps)
                {
                    if (p.Bio == "") return p;
                    if (p.Bio == "t") throw new System.InvalidOperationException();
                    p.User = u;
                }

                return null;
            }

            public static void Freed(User u, Profile a, Profile b)
            {
                a.User = u;
                while (u.Name == "")
                {
                    if (u.Profile is { } old) old.User = null;
                    b.User = u;
                    u.Name = "x";
                }
            }

            public static void Forever(User u)
            {
                while (true)
                {
                    var p = new Profile { User = u };
                    if (p.Bio == "") break;
                }

                var q = new Profile();
                q.User = u;
            }
        }
        """;

    [Fact]
    public async Task EveryWarningWithoutTheGraphIsTheWarningWithIt()
    {
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(FlowVerifier.Models + Checked));
        var withoutGraph = await FlowVerifier.WarningsAsync(output, new OneToOne.Generator.Analyzers.LinkFlowAnalyzer());
        var withGraph = await FlowVerifier.WarningsAsync(output, new OneToOne.Generator.Analyzers.LinkFlowAnalyzer(withoutGraph: false));

        Assert.Equal(withGraph, withoutGraph);
        Assert.True(withoutGraph.Count >= 6, string.Join("\n", withoutGraph)); // not a comparison of empties

        var type = output.GetTypeByMetadataName("App.Checked")!;
        Assert.All(type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary), m => Assert.True(IsStructured(output, m), m.Name));
    }

    private static Compilation Compile()
    {
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(FlowVerifier.Models + Corpus));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return output;
    }

    private static IEnumerable<IMethodSymbol> Methods(Compilation compilation) =>
        new[] { "App.Helpers", "App.Sample" }
            .SelectMany(name => compilation.GetTypeByMetadataName(name)!.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m.MethodKind is MethodKind.Ordinary or MethodKind.Constructor && !m.IsImplicitlyDeclared);

    private static bool IsStructured(Compilation compilation, IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
        var body = (IMethodBodyBaseOperation)compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax)!;
        return body.IsStructured();
    }

    private static string Describe(MethodSummary? summary)
    {
        if (summary is null)
        {
            return "none";
        }

        if (ReferenceEquals(summary, MethodSummary.Empty))
        {
            return "empty";
        }

        static string Slot(Slot s) => $"{s.Kind}{s.Index}{(s.Old ? "'" : "")}:{s.Name}";
        return string.Join(" | ",
            "links " + string.Join(", ", summary.Links.Select(l => $"{l.Link.Member} {Slot(l.Principal)} <- [{string.Join(", ", l.Dependents.Select(Slot))}]{(l.AlsoUnknown ? "+?" : "")}")),
            "cleared " + string.Join(", ", summary.ClearedPrincipals.Select(c => $"{c.Link.Member} {Slot(c.Principal)}")),
            "detached " + string.Join(", ", summary.DetachedDependents.Select(d => $"{d.Link.Member} {Slot(d.Dependent)}")),
            "returns " + string.Join(", ", summary.Returns.Select(Slot)));
    }
}
