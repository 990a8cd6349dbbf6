using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OneToOne.TestSupport;

/// <summary>
/// Test sources with their expected diagnostics written in place: <c>{|OTO004:text|}</c> expects one OTO004 whose
/// location is exactly <c>text</c>. Spans may nest (<c>{|OTO004:{|OTO004:x|}|}</c> expects two diagnostics on
/// <c>x</c>). The markup is removed before compiling. The one markup parser of the tests: the analyzer tests verify
/// every OneToOne diagnostic with <see cref="VerifyAsync"/>, the flow tests parse with <see cref="Parse"/>.
/// </summary>
public static class DiagnosticMarkup
{
    public sealed record Expected(string Id, TextSpan Span);

    /// <summary>The source without its markup, and the diagnostics the markup expects (spans in that source).</summary>
    public static (string Source, ImmutableArray<Expected> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = ImmutableArray.CreateBuilder<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length;)
        {
            if (markup.AsSpan(i).StartsWith("{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                Assert.True(colon > 0, $"markup '{{|' at {i} has no ':'");
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
            }
            else if (markup.AsSpan(i).StartsWith("|}"))
            {
                Assert.True(open.Count > 0, $"markup '|}}' at {i} closes nothing");
                var (id, start) = open.Pop();
                expected.Add(new Expected(id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        Assert.True(open.Count == 0, "unclosed markup span");
        return (source.ToString(), expected.ToImmutable());
    }

    /// <summary>
    /// Compiles the sources (markup removed) as <c>Source0.cs</c>, <c>Source1.cs</c>..., runs the generator and the
    /// analyzer, and asserts that the OneToOne diagnostics are exactly the marked ones (id, file and span), and that
    /// nothing crashed. Returns the diagnostics, in source order, for the message checks.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(params string[] markedSources)
    {
        var parsed = markedSources.Select(Parse).ToArray();
        var sources = parsed.Select(p => p.Source).ToArray();
        var diagnostics = await TestCompiler.OneToOneDiagnosticsAsync(sources);

        var expected = parsed
            .SelectMany((p, file) => p.Expected.Select(e => Describe($"Source{file}.cs", e.Id, e.Span, p.Source)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var actual = diagnostics
            .Select(d => d.Location.IsInSource
                ? Describe(d.Location.SourceTree!.FilePath, d.Id, d.Location.SourceSpan, d.Location.SourceTree.GetText().ToString())
                : $"{d.Id} at {d.Location}: {d.GetMessage()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
        return diagnostics;
    }

    private static string Describe(string file, string id, TextSpan span, string text) =>
        $"{file} {id} {span} '{text.Substring(span.Start, span.Length)}'";

    /// <summary>Asserts that the message contains every fragment (the names of the types and members involved).</summary>
    public static void AssertMessage(Diagnostic diagnostic, params string[] fragments)
    {
        var message = diagnostic.GetMessage();
        foreach (var fragment in fragments)
        {
            Assert.True(message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in the {diagnostic.Id} message: {message}");
        }
    }

    /// <summary>The source text at the diagnostic's only additional location (the other declaration involved).</summary>
    public static string AdditionalText(Diagnostic diagnostic)
    {
        var location = Assert.Single(diagnostic.AdditionalLocations);
        Assert.True(location.IsInSource);
        return location.SourceTree!.GetText().ToString(location.SourceSpan);
    }

    /// <summary>The file name of the diagnostic's only additional location.</summary>
    public static string AdditionalFile(Diagnostic diagnostic) => Assert.Single(diagnostic.AdditionalLocations).SourceTree!.FilePath;
}
