using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Analyzers.Flow;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// A body without branches is summarised by running its statements once, in order, without Roslyn's control-flow
/// graph: every summary made that way must be the summary the graph gives, and a body with any branch must take the
/// graph.
/// </summary>
public class StraightLineTests
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
        var withGraph = new SummaryCache(compilation, new LinkResolver(attribute), straightLine: false);
        var straight = new SummaryCache(compilation, new LinkResolver(attribute), straightLine: true);

        var compared = 0;
        var straightLine = 0;
        foreach (var method in Methods(compilation))
        {
            var expected = Describe(withGraph.Of(method, callingGraph: null, FlowBounds.CallDepth, reach: null, default));
            var actual = Describe(straight.Of(method, callingGraph: null, FlowBounds.CallDepth, reach: null, default));
            Assert.True(expected == actual, $"{method.ToDisplayString()}: with the graph {expected}, without it {actual}");
            compared++;
            straightLine += IsStraightLine(compilation, method) ? 1 : 0;
        }

        // The corpus has both kinds, and most summaries link or return something (the comparison is not of empties).
        Assert.True(compared >= 25, $"compared {compared}");
        Assert.InRange(straightLine, 15, compared - 6);
        Assert.True(Methods(compilation).Count(m => Describe(straight.Of(m, null, FlowBounds.CallDepth, null, default)) is not ("none" or "empty")) >= 18);
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
    [InlineData("Constant", false)] // an (empty) initializer list
    [InlineData("Make", false)] // an object initializer: the graph lowers it into later operations
    [InlineData("Branches", false)]
    [InlineData("Conditional", false)]
    [InlineData("Loop", false)]
    [InlineData("Early", false)] // a return before the last statement
    [InlineData("Lambda", false)]
    [InlineData("Pattern", false)]
    [InlineData("Reads", true)] // the null-forgiving operator is no operation of its own: no branch
    public void WhichBodiesRunStraight(string name, bool expected)
    {
        var compilation = Compile();
        var method = Methods(compilation).Single(m => m.Name == name);
        Assert.Equal(expected, IsStraightLine(compilation, method));
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

    private static bool IsStraightLine(Compilation compilation, IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
        var body = (IMethodBodyBaseOperation)compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax)!;
        return body.IsStraightLine();
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
