using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;

namespace OneToOne.PackageTests.Readme;

/// <summary>
/// Compiles one README block as a user's project would: a block with top-level statements is the
/// <c>Program.cs</c> of a console app, any other block a file of a class library; .NET 10 with the SDK's implicit
/// usings and nullable reference types on; the OneToOne runtime library, generator and analyzers (every analyzer
/// of the generator assembly; the references and analyzers of <see cref="TestCompiler"/>); EF Core when the block
/// uses it; System.Text.Json's source generator when the block declares a <c>JsonSerializerContext</c>.
/// </summary>
public static class BlockCompiler
{
    // What `<ImplicitUsings>enable</ImplicitUsings>` gives a console app or class library (Microsoft.NET.Sdk).
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Assembly GeneratorAssembly = typeof(OneToOneGenerator).Assembly;

    /// <summary>Every diagnostic of the block's build: generators, compiler and analyzers.</summary>
    public static async Task<ImmutableArray<Diagnostic>> CompileAsync(MarkdownBlock block)
    {
        var program = CSharpSyntaxTree.ParseText(block.Code, ParseOptions, path: "Program.cs");
        var hasTopLevelStatements = ((CompilationUnitSyntax)program.GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock",
            [program, CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "GlobalUsings.g.cs")],
            References(block),
            new CSharpCompilationOptions(
                hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        var driver = CSharpGeneratorDriver.Create(Generators(block), parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        _ = driver;

        Assert.NotEmpty(TestCompiler.Analyzers);
        var all = await TestCompiler.WithAnalyzers(output).GetAllDiagnosticsAsync();
        return generatorDiagnostics.AddRange(all);
    }

    /// <summary>A readable list of diagnostics, with the line of the block each points at.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, MarkdownBlock block)
    {
        var lines = block.Code.Split('\n');
        return string.Join(
            Environment.NewLine,
            diagnostics.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var where = d.Location.IsInSource && span.Path == "Program.cs"
                    ? $"{block.File}:{block.Line + 1 + span.StartLinePosition.Line}: {lines[span.StartLinePosition.Line].Trim()}"
                    : d.Location.IsInSource ? span.Path : "(no location)";
                return $"  {d.Severity} {d.Id}: {d.GetMessage()}   at {where}";
            }));
    }

    private static IEnumerable<MetadataReference> References(MarkdownBlock block)
    {
        var references = TestCompiler.References;
        if (block.Code.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
        {
            // EF Core and what its public surface names, as a PackageReference to Microsoft.EntityFrameworkCore.Sqlite gives them.
            references = references.Concat(
                Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                    .Where(f => Path.GetFileName(f) is var n &&
                        (n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
                         n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
                         n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)))
                    .Select(f => MetadataReference.CreateFromFile(f)));
        }

        return references;
    }

    private static IEnumerable<ISourceGenerator> Generators(MarkdownBlock block)
    {
        var generators = GeneratorAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttributes<GeneratorAttribute>().Any())
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToList();
        Assert.NotEmpty(generators);
        if (block.Code.Contains("JsonSerializerContext", StringComparison.Ordinal))
        {
            generators.AddRange(SystemTextJsonGenerators());
        }

        return generators;
    }

    /// <summary>System.Text.Json's source generator, from the SDK's targeting pack, as the SDK gives it to every project.</summary>
    private static IEnumerable<ISourceGenerator> SystemTextJsonGenerators()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet>/packs/Microsoft.NETCore.App.Ref
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var path = Directory.Exists(pack)
            ? Directory.GetDirectories(pack)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
                .Select(d => Directory.GetFiles(Path.Combine(d, "analyzers"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
                    .Where(f => f.Contains($"{Path.DirectorySeparatorChar}cs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .OrderByDescending(f => f, StringComparer.Ordinal)
                    .FirstOrDefault())
                .FirstOrDefault(f => f is not null)
            : null;
        Assert.True(path is not null, $"System.Text.Json's source generator was not found under {pack}: the block declares a JsonSerializerContext and cannot be compiled as a user's project would.");
        var reference = new AnalyzerFileReference(path, new AssemblyLoader());
        var loaded = reference.GetGenerators(LanguageNames.CSharp);
        Assert.True(loaded.Length > 0, $"No generator could be loaded from {path}.");
        return loaded;
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
