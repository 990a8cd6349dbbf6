using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests;

/// <summary>Compiles test sources against .NET 10 and the OneToOne runtime library, runs the generator and the analyzers.</summary>
public static class TestCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static IEnumerable<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location))
            .ToArray();

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    public static CSharpCompilation Create(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new OneToOneGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the updated compilation and the generator's own diagnostics (CS8785 etc.).</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result) Generate(Compilation input)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    /// <summary>The generated sources, by hint name.</summary>
    public static IReadOnlyDictionary<string, string> GeneratedSources(params string[] sources) => GeneratedSources(ParseOptions, sources);

    /// <summary>The generated sources, by hint name, at the given language version.</summary>
    public static IReadOnlyDictionary<string, string> GeneratedSources(CSharpParseOptions options, params string[] sources)
    {
        var driver = CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGenerators(Create(options, sources));
        return driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    /// <summary>The parse options a test source asks for with a first line <c>// LangVersion: 13</c>; otherwise the default.</summary>
    public static CSharpParseOptions OptionsFor(string source) =>
        source.StartsWith("// LangVersion: ", StringComparison.Ordinal) &&
        LanguageVersionFacts.TryParse(source.Substring("// LangVersion: ".Length, source.IndexOf('\n') - "// LangVersion: ".Length).Trim(), out var version)
            ? ParseOptions.WithLanguageVersion(version)
            : ParseOptions;

    /// <summary>
    /// Runs the generator, then every analyzer on the result; returns the compiler's diagnostics of the final
    /// compilation and the analyzers' diagnostics (AD0001 included, if an analyzer threw).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var (output, generatorDiagnostics, _) = Generate(Create(sources));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer(), new JsonContextAnalyzer(), new LinkFlowAnalyzer());
        var withAnalyzers = output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        return generatorDiagnostics.AddRange(all);
    }

    /// <summary>Only the OneToOne diagnostics (OTOxxx), plus any sign of a crash (AD0001, CS8784, CS8785).</summary>
    public static async Task<ImmutableArray<Diagnostic>> OneToOneDiagnosticsAsync(params string[] sources) =>
        (await AnalyzeAsync(sources))
            .Where(d => d.Id.StartsWith("OTO", StringComparison.Ordinal) || d.Id is "AD0001" or "CS8784" or "CS8785")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
}
