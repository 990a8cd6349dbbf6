using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OneToOne.Reliability.Tests.Fuzzing;
using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.Generator;

/// <summary>
/// The generated sources are byte-identical across runs (fresh drivers, fresh compilations, concurrent runs) and do
/// not depend on the order of the syntax trees nor on the order of the attributes.
/// </summary>
public class DeterminismTests(ITestOutputHelper output)
{
    /// <summary>One program split over files: principals, dependents, several links on one class, extension forms, EF Core.</summary>
    private static readonly string[] Files =
    [
        """
        namespace App;
        public partial class User { }
        public partial class Team { }
        public partial class Box<T> { }
        """,
        """
        using OneToOne;
        namespace App;
        [OneToOne(typeof(User))]
        public partial class Profile { }
        [OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
        public partial class Badge { }
        """,
        """
        using OneToOne;
        namespace App.Deep;
        [OneToOne(typeof(App.User), Navigation = "Author", Reverse = "Draft", Required = true)]
        [OneToOne(typeof(App.Team), Navigation = "Team", Reverse = "TeamDraft", OnDelete = OneToOneDelete.SetNull)]
        [OneToOne(typeof(App.Box<int>), Reverse = "BoxedDraft")]
        [OneToOne(typeof(System.Text.StringBuilder), Reverse = "BuiltDraft")]
        internal partial class Draft { }
        """,
        """
        using OneToOne;
        [OneToOne(typeof(Node), Navigation = "Parent", Reverse = "Child")]
        public partial class Node { }
        """,
        """
        namespace Microsoft.EntityFrameworkCore { public class ModelBuilder { } }
        """,
    ];

    /// <summary>The attributes of one class, to be permuted.</summary>
    private static readonly string[] Attributes =
    [
        "OneToOne(typeof(A), Navigation = \"First\", Reverse = \"Multi1\")",
        "OneToOne(typeof(A), Navigation = \"Second\", Reverse = \"Multi2\", OnConflict = OneToOneConflict.Replace)",
        "OneToOne(typeof(B), Required = true)",
        "OneToOne(typeof(System.Uri), Reverse = \"Multi\")",
    ];

    [Fact]
    public void GeneratedSourcesAreByteIdenticalAcrossRuns()
    {
        var programs = Seeds.All.Select(s => (s.Version, new[] { s.Source })).Append((LanguageVersion.Latest, Files)).ToArray();
        foreach (var (version, sources) in programs)
        {
            var first = Generate(version, sources);
            Assert.NotEmpty(first);
            for (var run = 0; run < 3; run++)
            {
                AssertSame(first, Generate(version, sources), $"run {run + 2}");
            }
        }
    }

    [Fact]
    public void ConcurrentRunsGiveTheSameBytes()
    {
        var baseline = Generate(LanguageVersion.Latest, Files);
        var results = new ImmutableDictionary<string, byte[]>[8];
        Parallel.For(0, results.Length, i => results[i] = Generate(LanguageVersion.Latest, Files));
        foreach (var result in results)
        {
            AssertSame(baseline, result, "a concurrent run");
        }
    }

    [Fact]
    public void TheOrderOfSyntaxTreesDoesNotMatter()
    {
        var baseline = Generate(LanguageVersion.Latest, Files);
        Assert.Contains(baseline.Keys, k => k.Contains("EntityFrameworkCore", StringComparison.Ordinal)); // the file over all links is there
        var orders = 0;
        foreach (var order in Permutations(Enumerable.Range(0, Files.Length).ToArray()))
        {
            AssertSame(baseline, Generate(LanguageVersion.Latest, order.Select(i => Files[i]).ToArray()), $"tree order {string.Join(",", order)}");
            orders++;
        }

        output.WriteLine($"{orders} orders of {Files.Length} trees: {baseline.Count} generated files, identical bytes");
    }

    [Fact]
    public void TheOrderOfAttributesDoesNotMatter()
    {
        string Program(IEnumerable<string> attributes, bool oneList) => $$"""
            using OneToOne;
            namespace Multi;
            public partial class A { }
            public partial class B { }
            {{(oneList ? $"[{string.Join(", ", attributes)}]" : string.Join("\n", attributes.Select(a => $"[{a}]")))}}
            public partial class Multi { }
            """;

        var baseline = Generate(LanguageVersion.Latest, [Program(Attributes, false)]);
        Assert.Equal(Attributes.Length, baseline.Keys.Count(k => k.StartsWith("Multi.Multi.", StringComparison.Ordinal)));
        var orders = 0;
        foreach (var order in Permutations(Enumerable.Range(0, Attributes.Length).ToArray()))
        {
            foreach (var oneList in new[] { false, true })
            {
                AssertSame(baseline, Generate(LanguageVersion.Latest, [Program(order.Select(i => Attributes[i]), oneList)]), $"attribute order {string.Join(",", order)}, one list: {oneList}");
                orders++;
            }
        }

        output.WriteLine($"{orders} orders and groupings of {Attributes.Length} attributes: identical bytes");
    }

    /// <summary>Runs a fresh driver on a fresh compilation; the generated files as UTF-8 bytes, by hint name.</summary>
    private static ImmutableDictionary<string, byte[]> Generate(LanguageVersion version, string[] sources)
    {
        var options = TestCompiler.Options(version);
        var driver = TestCompiler.Driver(options).RunGenerators(TestCompiler.CreateLean(TestCompiler.Parse(options, sources)));
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result.GeneratedSources.ToImmutableDictionary(
            s => s.HintName,
            s => (s.SourceText.Encoding ?? System.Text.Encoding.UTF8).GetBytes(s.SourceText.ToString()).Concat(s.SourceText.GetChecksum()).ToArray());
    }

    private static void AssertSame(ImmutableDictionary<string, byte[]> expected, ImmutableDictionary<string, byte[]> actual, string what)
    {
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)), $"{what}: other files were generated");
        foreach (var (hint, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[hint]), $"{what}: {hint} differs");
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
