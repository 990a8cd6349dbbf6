using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// Runs the generator and the analyzers on a body written with markup (<see cref="DiagnosticMarkup"/>):
/// <c>{|OTO100:text|}</c> marks where a diagnostic must sit (exactly that span); no other OTO100 or OTO101 may be
/// reported, and nothing may crash. The same warnings must come when every body is analysed over its control-flow
/// graph (no body run from its operation tree).
/// </summary>
public static class FlowVerifier
{
    public const string Models = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using OneToOne;

        namespace App;

        public partial class User { public string Name { get; set; } = ""; }

        [OneToOne(typeof(User))]
        public partial class Profile { public string Bio { get; set; } = ""; }

        [OneToOne(typeof(User), Navigation = "Owner", Reverse = "Preferences")]
        public partial class Preferences { }

        [OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
        public partial class Badge { }

        [OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
        public partial class Person { }

        // A closed generic principal: the extension form (methods below C# 14, the tests' default here).
        public partial class Box<T> { }

        [OneToOne(typeof(Box<int>), Reverse = "Card")]
        public partial class Card { }

        """;

    public static async Task VerifyAsync(string code, params string[] messageFragments)
    {
        var (plain, marked) = DiagnosticMarkup.Parse(code);
        var expected = marked.Select(e => (e.Id, Span: new TextSpan(Models.Length + e.Span.Start, e.Span.Length))).ToList();

        var diagnostics = await TestCompiler.AnalyzeAsync(Models + plain);
        var crashes = diagnostics.Where(d => TestCompiler.CrashIds.Contains(d.Id)).Select(d => d.ToString()).ToList();
        Assert.Empty(crashes);

        var actual = diagnostics
            .Where(d => d.Id is "OTO100" or "OTO101")
            .Select(d => (d.Id, d.Location.SourceSpan))
            .OrderBy(d => d.SourceSpan.Start)
            .ToList();
        var source = Models + plain;
        Assert.True(
            expected.OrderBy(e => e.Span.Start).SequenceEqual(actual),
            $"expected: {Describe(expected, source)}\nactual:   {Describe(actual, source)}\nall: {string.Join("\n", diagnostics.Where(d => d.Id.StartsWith("OTO", StringComparison.Ordinal)))}");

        // Each body is analysed as the analyzer ships (from its operation tree when it is made of structured statements)
        // and again with every body over its control-flow graph: the warnings must be the same, place and message.
        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(source));
        Assert.Equal(await WarningsAsync(output, new LinkFlowAnalyzer(withoutGraph: false)), Warnings(diagnostics));

        var messages = diagnostics.Where(d => d.Id is "OTO100" or "OTO101").Select(d => d.GetMessage()).ToList();
        foreach (var fragment in messageFragments)
        {
            Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
        }
    }

    /// <summary>Nothing at all may be reported (a safe pattern).</summary>
    public static Task SafeAsync(string code) => VerifyAsync(code);

    /// <summary>The OTO100/OTO101 warnings <paramref name="analyzer"/> reports on <paramref name="compilation"/>, as <see cref="Warnings"/> lists them.</summary>
    public static async Task<List<string>> WarningsAsync(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        Warnings(await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync());

    /// <summary>The OTO100/OTO101 warnings among <paramref name="diagnostics"/>: id, place and message, in a fixed order.</summary>
    public static List<string> Warnings(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Id is "OTO100" or "OTO101")
            .Select(d => $"{d.Id}@{d.Location.SourceSpan}: {d.GetMessage()}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Describe(IEnumerable<(string Id, TextSpan Span)> items, string source) =>
        "[" + string.Join(", ", items.Select(i => $"{i.Id}@'{source.Substring(i.Span.Start, i.Span.Length)}'({i.Span.Start})")) + "]";
}
