using System.Reflection;
using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// System.Text.Json's own source generator, as the .NET SDK ships it next to the reference assemblies
/// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/analyzers/dotnet/cs</c>), so tests can run it beside the OneToOne
/// generator exactly as a build does and show what its output misses.
/// </summary>
internal static class SystemTextJsonGenerator
{
    private static readonly Lazy<Type> Loaded = new(Load);

    /// <summary>The generator's type (it has a public parameterless constructor).</summary>
    public static Type Type => Loaded.Value;

    public static IIncrementalGenerator Create() => (IIncrementalGenerator)Activator.CreateInstance(Type)!;

    private static Type Load()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/...
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        // The pack of the running runtime's version, else the newest one.
        var versions = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => File.Exists(GeneratorIn(d)))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
                .ToArray()
            : [];
        var version = versions.FirstOrDefault(d => Path.GetFileName(d) == Path.GetFileName(runtimeDirectory)) ?? versions.FirstOrDefault()
            ?? throw new InvalidOperationException($"System.Text.Json's source generator was not found under '{packs}': these tests run it as a build does and need the .NET SDK's targeting pack");
        var path = GeneratorIn(version);
        return Assembly.LoadFrom(path).GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
    }

    private static string GeneratorIn(string packVersionDirectory) =>
        Path.Combine(packVersionDirectory, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
}
