using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;

namespace OneToOne.PackageTests;

/// <summary>
/// The repository's address is set once, as the MSBuild property RepositoryUrl in Directory.Build.props; the
/// diagnostics' help links are derived from it (the package's URLs: <see cref="PackageLayoutTests"/>).
/// </summary>
public sealed class RepositoryUrlTests
{
    /// <summary>The one RepositoryUrl of Directory.Build.props.</summary>
    public static string RepositoryUrl()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props"));
        var value = Assert.Single(props.Descendants("RepositoryUrl")).Value.Trim();
        Assert.True(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "https", $"RepositoryUrl '{value}' is not an https address.");
        return value.TrimEnd('/');
    }

    [Fact]
    public void Every_help_link_is_a_rule_page_under_RepositoryUrl()
    {
        var expectedBase = RepositoryUrl() + "/blob/main/docs/rules/";
        var descriptors = typeof(OneToOneGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToArray();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.Equal(expectedBase + d.Id + ".md", d.HelpLinkUri));
    }

    [Fact]
    public void No_project_file_spells_the_repository_address_again()
    {
        // Derived, not repeated: the address appears in MSBuild only where RepositoryUrl is set.
        var root = Repository.Root;
        var host = new Uri(RepositoryUrl()).Host + new Uri(RepositoryUrl()).AbsolutePath;
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(host, StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f))
            .ToArray();

        Assert.Equal(["Directory.Build.props"], files);
    }
}
