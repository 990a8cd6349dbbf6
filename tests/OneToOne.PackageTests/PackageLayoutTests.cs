using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace OneToOne.PackageTests;

/// <summary>SPEC section 2: what the .nupkg made by <c>dotnet pack</c> holds.</summary>
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
