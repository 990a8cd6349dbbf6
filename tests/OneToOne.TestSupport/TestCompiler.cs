// Compiling test sources with the OneToOne generator and analyzers, in process, the way the compiler does: the one
// place the generator, analyzer, reliability and README tests build such compilations (the project file says which
// references a caller needs).
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;

namespace OneToOne.TestSupport;

/// <summary>What one bounded run (<see cref="TestCompiler.Run"/>) of the generator and the analyzers over a set of sources gave.</summary>
/// <param name="Crash">A sign that the generator or an analyzer threw (CS8784, CS8785, AD0001, an exception in the run result), or an exception that escaped.</param>
/// <param name="TimedOut">The run did not finish within its bound.</param>
/// <param name="UserErrors">Compiler errors located in the sources given (not in generated files).</param>
/// <param name="OneToOneErrors">OTO0xx diagnostics of error severity.</param>
/// <param name="GeneratedProblems">Errors and warnings located in generated files.</param>
/// <param name="Generated">The generated files, by hint name.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record RunResult(
    string? Crash,
    bool TimedOut,
    ImmutableArray<Diagnostic> UserErrors,
    ImmutableArray<Diagnostic> OneToOneErrors,
    ImmutableArray<Diagnostic> GeneratedProblems,
    ImmutableDictionary<string, string> Generated,
    TimeSpan Elapsed)
{
    /// <summary>The declarations are valid: no compiler error in user code and no OTO0xx error.</summary>
    public bool Valid => Crash is null && !TimedOut && UserErrors.IsEmpty && OneToOneErrors.IsEmpty;
}

/// <summary>
/// Compiles test sources against .NET 10 and the OneToOne runtime library, runs the generator and then the analyzers
/// on the result. Sources become the trees <c>Source0.cs</c>, <c>Source1.cs</c>...
/// </summary>
public static class TestCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The whole .NET 10 reference set and OneToOne.dll: what <see cref="Create(string[])"/> compiles against.</summary>
    public static IEnumerable<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location))
            .ToArray();

    /// <summary>
    /// The few framework assemblies the generated code and the reliability programs use (and netstandard, which
    /// OneToOne.dll is built against) and OneToOne.dll: what <see cref="CreateLean"/> compiles against. About twice
    /// as fast to bind as the whole framework, for the many compilations of the fuzzer.
    /// </summary>
    public static readonly MetadataReference[] LeanReferences =
    [
        Basic.Reference.Assemblies.Net100.References.SystemRuntime,
        Basic.Reference.Assemblies.Net100.References.SystemCollections,
        Basic.Reference.Assemblies.Net100.References.SystemLinq,
        Basic.Reference.Assemblies.Net100.References.SystemTextJson,
        Basic.Reference.Assemblies.Net100.References.netstandard,
        MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location),
    ];

    /// <summary>Every analyzer of the generator assembly (each <c>[DiagnosticAnalyzer]</c> type), as the package ships them.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(OneToOneGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The diagnostics that say the generator or an analyzer threw.</summary>
    public static readonly ImmutableArray<string> CrashIds = ["AD0001", "CS8784", "CS8785"];

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    // Shared by every lean compilation, so each new one is cheap.
    private static readonly CSharpCompilation EmptyLean = CSharpCompilation.Create("TestAssembly", [], LeanReferences, CompilationOptions);

    /// <summary>The default parse options at another language version.</summary>
    public static CSharpParseOptions Options(LanguageVersion version) => ParseOptions.WithLanguageVersion(version);

    /// <summary>The parse options a test source asks for with a first line <c>// LangVersion: 13</c>; otherwise the default.</summary>
    public static CSharpParseOptions OptionsFor(string source) =>
        source.StartsWith("// LangVersion: ", StringComparison.Ordinal) &&
        LanguageVersionFacts.TryParse(source.Substring("// LangVersion: ".Length, source.IndexOf('\n') - "// LangVersion: ".Length).Trim(), out var version)
            ? Options(version)
            : ParseOptions;

    /// <summary>Parses <paramref name="sources"/> into trees named Source0.cs, Source1.cs, ...</summary>
    public static SyntaxTree[] Parse(CSharpParseOptions options, params string[] sources) =>
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Source{i}.cs")).ToArray();

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    /// <summary>A compilation of the sources against <see cref="References"/>.</summary>
    public static CSharpCompilation Create(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create("TestAssembly", Parse(parseOptions, sources), References, CompilationOptions);

    /// <summary>A compilation of the trees against <see cref="LeanReferences"/>.</summary>
    public static CSharpCompilation CreateLean(IEnumerable<SyntaxTree> trees) => EmptyLean.AddSyntaxTrees(trees);

    /// <summary>A driver of the generator alone; <paramref name="trackSteps"/> for the incremental-step checks.</summary>
    public static GeneratorDriver Driver(CSharpParseOptions? options = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new OneToOneGenerator().AsSourceGenerator()],
            parseOptions: options ?? ParseOptions,
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
    public static IReadOnlyDictionary<string, string> GeneratedSources(CSharpParseOptions options, params string[] sources) =>
        Driver(options).RunGenerators(Create(options, sources))
            .GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>
    /// Runs the generator, then every analyzer on the result; returns the compiler's diagnostics of the final
    /// compilation and the analyzers' diagnostics (AD0001 included, if an analyzer threw).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var (output, generatorDiagnostics, _) = Generate(Create(sources));
        var all = await WithAnalyzers(output, concurrent: true).GetAllDiagnosticsAsync();
        return generatorDiagnostics.AddRange(all);
    }

    /// <summary>Only the OneToOne diagnostics (OTOxxx), plus any sign of a crash (AD0001, CS8784, CS8785).</summary>
    public static async Task<ImmutableArray<Diagnostic>> OneToOneDiagnosticsAsync(params string[] sources) =>
        (await AnalyzeAsync(sources))
            .Where(d => d.Id.StartsWith("OTO", StringComparison.Ordinal) || CrashIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// Roslyn 4.14 (the version these tests compile with) asks for an XML comment on a C# 14 extension block
    /// (<c>extension(Box&lt;int&gt; principal)</c>), which it only knows as a preview; the released C# 14 compiler of
    /// the .NET 10 SDK does not (checked by building such a link with TreatWarningsAsErrors and
    /// GenerateDocumentationFile). Not a problem of the generated code.
    /// </summary>
    public static bool IsPreviewExtensionDocWarning(Diagnostic d) =>
        d.Id == "CS1591" && d.GetMessage().Contains(".extension(", StringComparison.Ordinal);

    /// <summary>
    /// Runs the generator and (unless <paramref name="analyzers"/> is false) every analyzer on a lean compilation of
    /// the sources within <paramref name="timeout"/>; never throws (an escaping exception is reported as a crash).
    /// </summary>
    public static RunResult Run(CSharpParseOptions options, string[] sources, TimeSpan timeout, bool analyzers = true)
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var trees = Parse(options, sources);
            var driver = Driver(options).RunGeneratorsAndUpdateCompilation(CreateLean(trees), out var output, out var generatorDiagnostics, cts.Token);
            var run = driver.GetRunResult();
            var generated = run.Results.SelectMany(r => r.GeneratedSources).ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
            var thrown = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (thrown is not null)
            {
                return Crashed($"the generator threw: {thrown}");
            }

            var all = generatorDiagnostics.AddRange(analyzers
                ? WithAnalyzers(output, concurrent: false).GetAllDiagnosticsAsync(cts.Token).GetAwaiter().GetResult()
                : output.GetDiagnostics(cts.Token));
            var crash = all.FirstOrDefault(d => CrashIds.Contains(d.Id));
            if (crash is not null)
            {
                return Crashed($"{crash.Id}: {crash.GetMessage()}");
            }

            var userTrees = trees.ToHashSet();
            bool InGenerated(Diagnostic d) => d.Location.SourceTree is { } t && !userTrees.Contains(t);
            return new RunResult(
                null,
                false,
                all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("OTO", StringComparison.Ordinal) && !InGenerated(d)).ToImmutableArray(),
                all.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("OTO0", StringComparison.Ordinal)).ToImmutableArray(),
                all.Where(d => d.Severity >= DiagnosticSeverity.Warning && InGenerated(d) && !IsPreviewExtensionDocWarning(d)).ToImmutableArray(),
                generated,
                clock.Elapsed);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return new RunResult(null, true, [], [], [], ImmutableDictionary<string, string>.Empty, clock.Elapsed);
        }
        catch (Exception e)
        {
            return Crashed($"an exception escaped: {e}");
        }

        RunResult Crashed(string what) => new(what, false, [], [], [], ImmutableDictionary<string, string>.Empty, clock.Elapsed);
    }

    /// <summary>The compilation with every analyzer (<see cref="Analyzers"/>) attached, as the compiler runs them.</summary>
    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, bool concurrent = true) =>
        compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
}
