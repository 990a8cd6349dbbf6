using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// Runs the generator and the analyzers on a body written with markup: <c>{|OTO100:text|}</c> marks where a
/// diagnostic must sit (exactly that span); nothing else may be reported, and nothing may crash.
/// </summary>
public static partial class FlowVerifier
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

    [GeneratedRegex(@"\{\|(?<id>OTO\d{3}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Markup();

    public static async Task VerifyAsync(string code, params string[] messageFragments)
    {
        var expected = new List<(string Id, TextSpan Span)>();
        var offset = Models.Length;
        var plain = Markup().Replace(code, m => m.Groups["text"].Value);
        var removed = 0;
        foreach (Match m in Markup().Matches(code))
        {
            var start = m.Index - removed;
            var text = m.Groups["text"].Value;
            expected.Add((m.Groups["id"].Value, new TextSpan(offset + start, text.Length)));
            removed += m.Length - text.Length;
        }

        var diagnostics = await TestCompiler.AnalyzeAsync(Models + plain);
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785").Select(d => d.ToString()).ToList();
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

        var messages = diagnostics.Where(d => d.Id is "OTO100" or "OTO101").Select(d => d.GetMessage()).ToList();
        foreach (var fragment in messageFragments)
        {
            Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
        }
    }

    /// <summary>Nothing at all may be reported (a safe pattern).</summary>
    public static Task SafeAsync(string code) => VerifyAsync(code);

    private static string Describe(IEnumerable<(string Id, TextSpan Span)> items, string source) =>
        "[" + string.Join(", ", items.Select(i => $"{i.Id}@'{source.Substring(i.Span.Start, i.Span.Length)}'({i.Span.Start})")) + "]";
}
