using Microsoft.CodeAnalysis;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>Every declaration rule has a title, a message, a help link and a release-tracking entry.</summary>
public class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] Supported = new DeclarationAnalyzer().SupportedDiagnostics.ToArray();

    [Fact]
    public void TheAnalyzerSupportsExactlyOTO001ToOTO010AndOTO012_AllErrors()
    {
        Assert.Equal(
            Enumerable.Range(1, 10).Append(12).Select(i => $"OTO{i:000}"),
            Supported.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(Supported, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
        Assert.All(Supported, d => Assert.True(d.IsEnabledByDefault, d.Id));
    }

    [Fact]
    public void EveryDescriptorHasATitleAMessageACategoryAndAHelpLinkToItsRulePage()
    {
        Assert.All(Supported, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()), $"{d.Id} has no title");
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()), $"{d.Id} has no message");
            Assert.False(string.IsNullOrWhiteSpace(d.Category), $"{d.Id} has no category");
            Assert.True(Uri.TryCreate(d.HelpLinkUri, UriKind.Absolute, out _), $"{d.Id}: '{d.HelpLinkUri}' is not an absolute URI");
            Assert.EndsWith($"docs/rules/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryMessageHasPlaceholdersForTheNamesInvolved()
    {
        // A message that names the types and members involved takes them as arguments.
        Assert.All(Supported, d => Assert.True(d.MessageFormat.ToString().Contains("{1}", StringComparison.Ordinal), $"{d.Id}: {d.MessageFormat}"));
    }

    [Fact]
    public void EveryIdHasAReleaseTrackingEntryWithItsCategoryAndSeverity()
    {
        var releases = Path.Combine(Repository.Root, "src", "OneToOne.Generator");
        var rows = File.ReadAllLines(Path.Combine(releases, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(releases, "AnalyzerReleases.Unshipped.md")))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0].StartsWith("OTO", StringComparison.Ordinal))
            .ToDictionary(cells => cells[0]);
        Assert.All(Supported, d =>
        {
            Assert.True(rows.TryGetValue(d.Id, out var row), $"{d.Id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
            Assert.Equal(d.Category, row![1]);
            Assert.Equal(d.DefaultSeverity.ToString(), row[2]);
        });
    }

    [Fact]
    public void EveryHelpLinkPointsToARulePageOfThisRepository()
    {
        var rules = Path.Combine(Repository.Root, "docs", "rules");
        Assert.All(Supported, d => Assert.True(File.Exists(Path.Combine(rules, d.Id + ".md")), $"docs/rules/{d.Id}.md is missing"));
    }
}
