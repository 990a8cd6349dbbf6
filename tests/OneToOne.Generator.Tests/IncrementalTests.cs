using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OneToOne.Generator.Tests;

/// <summary>
/// The generator is incremental: an unrelated edit re-runs nothing that matters, an edit to one link touches only
/// that link, and no pipeline model holds a symbol, syntax node, location or compilation.
/// </summary>
public class IncrementalTests
{
    private const string Links = """
        using OneToOne;
        namespace App;
        public partial class User { }
        public partial class Team { }
        [OneToOne(typeof(User))]
        public partial class Profile { public string Bio { get; set; } = ""; }
        [OneToOne(typeof(Team), Reverse = "Charter")]
        public partial class TeamCharter { }
        """;

    private const string Unrelated = """
        namespace App;
        public class Service
        {
            public int Compute(int x) { return x + 1; }
        }
        """;

    private static readonly string[] NamedSteps =
    [
        OneToOneGenerator.Steps.Facts,
        OneToOneGenerator.Steps.Links,
        OneToOneGenerator.Steps.Clashes,
        OneToOneGenerator.Steps.ValidLinks,
        OneToOneGenerator.Steps.JsonLinks,
        OneToOneGenerator.Steps.EfCoreLinks,
    ];

    [Fact]
    public void UnrelatedEditKeepsEveryStepCachedOrUnchanged()
    {
        var compilation = TestCompiler.Create(Links, Unrelated);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Edit(compilation, 1, Unrelated.Replace("x + 1", "x * 2 + 1"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in NamedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {r}"));
        Assert.Equal(3, result.GeneratedSources.Length); // two links and the JSON contract modifier
    }

    [Fact]
    public void EditingOneLinkRegeneratesOnlyThatLink()
    {
        var compilation = TestCompiler.Create(Links, Unrelated);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Edit(compilation, 0, Links.Replace("[OneToOne(typeof(User))]", "[OneToOne(typeof(User), Reverse = \"Bio2\")]"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var valid = result.TrackedSteps[OneToOneGenerator.Steps.ValidLinks].SelectMany(s => s.Outputs).ToList();
        var changed = valid.Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToList();
        var kept = valid.Where(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged).ToList();
        Assert.Single(changed);
        Assert.Single(kept);
        Assert.Contains("Reverse = Bio2", changed.Single().Value.ToString()!.Replace("\"", ""));
    }

    [Fact]
    public void EditingOneLinkReParsesOnlyThatLink_AsFarAsRoslynAllows()
    {
        // Roslyn runs the attribute transform again for the attributed nodes of an edited file; a link in another
        // file comes out Cached or Unchanged, and so does everything downstream of it.
        const string Second = """
            using OneToOne;
            namespace App;
            public partial class Owner { }
            [OneToOne(typeof(Owner))]
            public partial class Car { }
            """;
        var compilation = TestCompiler.Create(Links, Unrelated, Second);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Edit(compilation, 2, Second.Replace("[OneToOne(typeof(Owner))]", "[OneToOne(typeof(Owner), Reverse = \"Vehicle\")]"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var links = result.TrackedSteps[OneToOneGenerator.Steps.Links].SelectMany(s => s.Outputs).ToList();
        var changed = Assert.Single(links, o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.Contains("Vehicle", changed.Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, links.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var valid = result.TrackedSteps[OneToOneGenerator.Steps.ValidLinks].SelectMany(s => s.Outputs).ToList();
        Assert.Single(valid, o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void CompilationWideFactsAreReadOncePerCompilation_NotPerLink()
    {
        // Five links, one facts step: the per-link models carry no compilation-wide fact.
        var many = Links + string.Concat(Enumerable.Range(1, 3).Select(i => $"\npublic partial class Owner{i} {{ }}\n[OneToOne(typeof(Owner{i}))] public partial class Item{i} {{ }}"));
        var compilation = TestCompiler.Create(many, Unrelated);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal(5, result.TrackedSteps[OneToOneGenerator.Steps.Links].SelectMany(s => s.Outputs).Count());
        Assert.Single(result.TrackedSteps[OneToOneGenerator.Steps.Facts]);
        var facts = typeof(OneToOne.Generator.Model.CompilationFacts).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.DoesNotContain(typeof(OneToOne.Generator.Model.LinkModel).GetProperties(), p => facts.Contains(p.Name));

        // An edit to a link leaves the facts Unchanged, so nothing downstream of them runs again for it.
        var edited = Edit(compilation, 0, many.Replace("Reverse = \"Charter\"", "Reverse = \"Charter2\""));
        result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var step = Assert.Single(result.TrackedSteps[OneToOneGenerator.Steps.Facts]);
        Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"facts: {o.Reason}"));
    }

    [Fact]
    public void EditingInsideADependentBodyRegeneratesNothing()
    {
        var compilation = TestCompiler.Create(Links, Unrelated);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Edit(compilation, 0, Links.Replace("public string Bio { get; set; } = \"\";", "public string Bio { get; set; } = \"x\"; public int Age { get; set; }"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.All(outputs, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {r}"));
    }

    [Fact]
    public void PipelineModelsHoldNoSymbolSyntaxOrCompilation()
    {
        var compilation = TestCompiler.Create(Links, Unrelated);
        var driver = TestCompiler.Driver(trackSteps: true).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var visited = 0;
        foreach (var step in NamedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                visited += Walk(output.Value, $"{step}", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        Assert.True(visited > 10, $"the walk saw only {visited} objects");
    }

    [Fact]
    public void TheWalkCatchesASymbol()
    {
        // The walker itself must be able to fail.
        var symbol = TestCompiler.Create(Links).GetTypeByMetadataName("App.User")!;
        Assert.ThrowsAny<Exception>(() => Walk(new { Holder = new object[] { symbol } }, "probe", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static int Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return 1;
        }

        Assert.False(value is ISymbol, $"{path} holds a symbol");
        Assert.False(value is SyntaxNode, $"{path} holds a syntax node");
        Assert.False(value is SyntaxTree, $"{path} holds a syntax tree");
        Assert.False(value is Location, $"{path} holds a location");
        Assert.False(value is Compilation, $"{path} holds a compilation");
        Assert.False(value is SemanticModel, $"{path} holds a semantic model");
        var type = value.GetType();
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>), $"{path} holds a raw ImmutableArray (not equatable)");

        if (!type.IsValueType && !seen.Add(value))
        {
            return 0;
        }

        var count = 1;
        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                count += Walk(item, $"{path}[{i++}]", seen);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                count += Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }

        return count;
    }

    private static Compilation Edit(Compilation compilation, int index, string newText)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, TestCompiler.ParseOptions, old.FilePath));
    }
}
