using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OneToOne.PackageTests;

/// <summary>What the .nupkg and .snupkg made by <c>dotnet pack</c> hold: files, metadata, symbols.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture)
{
    private const string RuntimeLibrary = "lib/netstandard2.0/OneToOne.dll";
    private const string RuntimeDocumentation = "lib/netstandard2.0/OneToOne.xml";
    private const string Generator = "analyzers/dotnet/cs/OneToOne.Generator.dll";
    private const string CodeFixes = "analyzers/dotnet/cs/OneToOne.CodeFixes.dll";

    [Fact]
    public void Pack_succeeds_and_writes_the_package_with_the_requested_version()
    {
        var package = fixture.RequirePackage();

        Assert.Equal($"OneToOne.{fixture.Version}.nupkg", Path.GetFileName(package));
        Assert.Single(Directory.GetFiles(fixture.PackageFolder, "*.nupkg"));
    }

    [Fact]
    public void Package_holds_the_runtime_library_with_its_documentation_and_the_analyzer_assemblies()
    {
        var entries = Entries();

        Assert.Contains(RuntimeLibrary, entries);
        Assert.Contains(RuntimeDocumentation, entries);
        Assert.Contains(Generator, entries);
        Assert.Contains(CodeFixes, entries);
    }

    [Fact]
    public void Package_holds_no_other_library_assembly()
    {
        var libraryFiles = Entries().Where(e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)).Order();

        Assert.Equal([RuntimeLibrary, RuntimeDocumentation], libraryFiles);
    }

    [Fact]
    public void Package_ships_no_Roslyn_assembly_and_no_analyzer_outside_the_CSharp_folder()
    {
        var entries = Entries();

        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.All(
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase)),
            e => Assert.StartsWith("analyzers/dotnet/cs/", e));
    }

    [Fact]
    public void Runtime_library_references_nothing_beyond_netstandard()
    {
        using var archive = ZipFile.OpenRead(fixture.RequirePackage());
        var entry = archive.GetEntry(RuntimeLibrary);
        Assert.NotNull(entry);
        using var image = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToArray();

        Assert.Equal(["netstandard"], references);
        Assert.Equal("OneToOne", metadata.GetString(metadata.GetAssemblyDefinition().Name));
    }

    [Fact]
    public void Nuspec_names_the_package_OneToOne_and_declares_no_dependency_a_consumer_inherits()
    {
        var nuspec = Nuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata");
        Assert.NotNull(metadata);

        Assert.Equal("OneToOne", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.Version, metadata.Element(ns + "version")?.Value);
        var dependencies = metadata.Descendants(ns + "dependency")
            .Select(d => $"{d.Attribute("id")?.Value} {d.Attribute("version")?.Value} (group {d.Parent?.Attribute("targetFramework")?.Value})")
            .ToArray();
        Assert.True(dependencies.Length == 0, "The package declares dependencies: " + string.Join("; ", dependencies));
        // A development dependency would stop the runtime library from flowing to the consumer's consumers.
        Assert.NotEqual("true", metadata.Element(ns + "developmentDependency")?.Value);
    }

    [Fact]
    public void Nuspec_has_the_repository_project_URL_license_readme_and_release_notes()
    {
        var metadata = Metadata(out var ns);
        var repositoryUrl = RepositoryUrlTests.RepositoryUrl();

        var repository = metadata.Element(ns + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
        if (Path.Exists(Path.Combine(fixture.RepositoryRoot, ".git")))
        {
            // Packed from a git clone: the commit the sources of the symbols are served at.
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "(no commit attribute)");
        }

        Assert.Equal(repositoryUrl, metadata.Element(ns + "projectUrl")?.Value);
        var license = metadata.Element(ns + "license");
        Assert.Equal(("expression", "MIT"), (license?.Attribute("type")?.Value, license?.Value));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        var releaseNotes = metadata.Element(ns + "releaseNotes")?.Value;
        Assert.False(string.IsNullOrWhiteSpace(releaseNotes), "The package has no release notes.");
        Assert.Contains("property form", releaseNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_holds_the_NuGet_page_README_and_the_license_text()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "src", "OneToOne", "PACKAGE.md")).ReplaceLineEndings(),
            ReadEntry("README.md").ReplaceLineEndings());
        var license = ReadEntry("LICENSE");
        Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) OneToOne contributors", license, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "LICENSE")), license);
    }

    [Fact]
    public void Packaged_README_has_only_absolute_links_into_the_repository_and_no_repository_only_sections()
    {
        var readme = ReadEntry("README.md");
        var repositoryUrl = RepositoryUrlTests.RepositoryUrl();

        // Markdown links and images, reference-style definitions, and HTML href/src attributes.
        var targets = Regex.Matches(readme, @"\]\((?<t>[^)\s]+)[^)]*\)|^\s*\[[^\]]+\]:\s*(?<t>\S+)|(?:href|src)\s*=\s*[""'](?<t>[^""']+)", RegexOptions.Multiline)
            .Select(m => m.Groups["t"].Value)
            .ToArray();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.True(
            t.StartsWith("https://", StringComparison.Ordinal),
            $"The packaged README links to '{t}', which is not absolute: NuGet's page cannot follow it."));
        Assert.All(
            targets.Where(t => t.Contains("github.com/", StringComparison.Ordinal)),
            t => Assert.StartsWith(repositoryUrl, t, StringComparison.Ordinal));
        Assert.DoesNotContain("dotnet test", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("Repository layout", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbols_package_holds_the_runtime_library_pdb_with_SourceLink_to_the_repository()
    {
        fixture.RequirePackage();
        var symbols = Path.ChangeExtension(fixture.PackagePath, ".snupkg");
        Assert.True(File.Exists(symbols), $"No symbols package next to the package. Folder holds: {string.Join(", ", Directory.GetFiles(fixture.PackageFolder).Select(Path.GetFileName))}");

        using var archive = ZipFile.OpenRead(symbols);
        var pdbEntry = archive.GetEntry("lib/netstandard2.0/OneToOne.pdb");
        Assert.NotNull(pdbEntry);
        using var pdb = new MemoryStream();
        using (var stream = pdbEntry.Open())
        {
            stream.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.True(sourceLink is not null, "The pdb has no SourceLink.");

        // {"documents":{"<clone>/*":"https://raw.githubusercontent.com/<owner>/<name>/<commit>/*"}}
        using var json = JsonDocument.Parse(sourceLink);
        var urls = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString()!).ToArray();
        var ownerAndName = new Uri(RepositoryUrlTests.RepositoryUrl()).AbsolutePath.Trim('/');
        Assert.Contains(urls, u => Regex.IsMatch(u, $"^https://raw\\.githubusercontent\\.com/{Regex.Escape(ownerAndName)}/[0-9a-f]{{40}}/\\*$"));
    }

    private XElement Metadata(out XNamespace ns)
    {
        var nuspec = Nuspec();
        ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata");
        Assert.NotNull(metadata);
        return metadata;
    }

    private string ReadEntry(string path)
    {
        using var archive = ZipFile.OpenRead(fixture.RequirePackage());
        var entry = archive.GetEntry(path);
        Assert.True(entry is not null, $"The package has no {path}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private string[] Entries()
    {
        using var archive = ZipFile.OpenRead(fixture.RequirePackage());
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private XDocument Nuspec()
    {
        using var archive = ZipFile.OpenRead(fixture.RequirePackage());
        var nuspecs = archive.Entries
            .Where(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var entry = Assert.Single(nuspecs);
        Assert.Equal("OneToOne.nuspec", entry.FullName);
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
