using System.Text.RegularExpressions;

namespace OneToOne.PackageTests.Readme;

/// <summary>
/// One fenced <c>```csharp</c> block of a README. The words after the language name are its markers:
/// <c>expect=OTO100,OTO101</c> lists the diagnostics the block is meant to show, <c>waits=NAME</c> names a feature
/// the block needs that a test of its own waits for.
/// </summary>
public sealed record MarkdownBlock(string File, int Line, string Code, IReadOnlyList<string> Expected, string? Waits)
{
    /// <summary>How a test case names the block: the file and the line of its opening fence.</summary>
    public string Name => $"{File}:{Line}";
}

public static partial class MarkdownBlocks
{
    /// <summary>The READMEs whose C# blocks must compile, relative to the repository root.</summary>
    public static readonly string[] Files = ["README.md", "src/OneToOne/PACKAGE.md"];

    /// <summary>The <c>waits=</c> names the tests know, each with the test that compiles its blocks.</summary>
    public static readonly string[] KnownWaits = [];

    public static IReadOnlyList<MarkdownBlock> All() =>
        Files.SelectMany(f => Read(f, File.ReadAllText(Path.Combine(Repository.Root, f)))).ToArray();

    public static MarkdownBlock Find(string name) =>
        All().SingleOrDefault(b => b.Name == name)
        ?? throw new InvalidOperationException($"No csharp block opens at {name} any more; the test data is stale.");

    /// <summary>Every <c>```csharp</c> (or <c>```cs</c>, <c>```c#</c>) block of a Markdown text, with its markers.</summary>
    public static IEnumerable<MarkdownBlock> Read(string file, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var info = open.Groups["info"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(open.Groups["fence"].Value, StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new InvalidOperationException($"{file}:{start + 1}: the code block is never closed.");
            }

            var language = info.Length > 0 ? info[0].ToLowerInvariant() : "";
            if (language is not ("csharp" or "cs" or "c#"))
            {
                continue;
            }

            var expected = new List<string>();
            string? waits = null;
            foreach (var marker in info.Skip(1))
            {
                if (marker.StartsWith("expect=", StringComparison.Ordinal))
                {
                    expected.AddRange(marker["expect=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries));
                }
                else if (marker.StartsWith("waits=", StringComparison.Ordinal))
                {
                    waits = marker["waits=".Length..];
                }
                else
                {
                    throw new InvalidOperationException($"{file}:{start + 1}: unknown marker '{marker}' (known: expect=ID,ID and waits=NAME).");
                }
            }

            yield return new MarkdownBlock(file, start + 1, string.Join('\n', body) + "\n", expected, waits);
        }
    }

    [GeneratedRegex(@"^\s{0,3}(?<fence>```+|~~~+)(?<info>[^`]*)$")]
    private static partial Regex Fence();
}
