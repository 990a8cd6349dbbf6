using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Reliability.Tests.Infrastructure;

/// <summary>What one run of the generator and the analyzers over a set of sources gave.</summary>
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
/// Runs the generator and then both analyzers (DeclarationAnalyzer, LinkFlowAnalyzer) on sources, the way the
/// compiler does, with a time bound. Compilations share one reference set, so each new one is cheap.
/// </summary>
public static class CompilationRunner
{
    /// <summary>
    /// The references of every compilation here: the few framework assemblies the programs use (and netstandard, which
    /// OneToOne.dll is built against) and OneToOne.dll. About twice as fast to bind as the whole framework.
    /// </summary>
    public static readonly MetadataReference[] References =
    [
        Basic.Reference.Assemblies.Net100.References.SystemRuntime,
        Basic.Reference.Assemblies.Net100.References.SystemCollections,
        Basic.Reference.Assemblies.Net100.References.SystemLinq,
        Basic.Reference.Assemblies.Net100.References.SystemTextJson,
        Basic.Reference.Assemblies.Net100.References.netstandard,
        MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location),
    ];

    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "FuzzAssembly",
        [],
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new DeclarationAnalyzer(), new LinkFlowAnalyzer()];

    private static readonly string[] CrashIds = ["AD0001", "CS8784", "CS8785"];

    public static CSharpParseOptions Options(LanguageVersion version) => TestCompiler.ParseOptions.WithLanguageVersion(version);

    /// <summary>Parses <paramref name="sources"/> into trees named Source0.cs, Source1.cs, ...</summary>
    public static SyntaxTree[] Parse(CSharpParseOptions options, params string[] sources) =>
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Source{i}.cs")).ToArray();

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => Empty.AddSyntaxTrees(trees);

    public static GeneratorDriver Driver(CSharpParseOptions options) =>
        CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: options);

    /// <summary>
    /// Roslyn 4.14 (the version these tests compile with) asks for an XML comment on a C# 14 extension block
    /// (<c>extension(Box&lt;int&gt; principal)</c>), which it only knows as a preview; the released C# 14 compiler of
    /// the .NET 10 SDK does not (checked by building such a link with TreatWarningsAsErrors and
    /// GenerateDocumentationFile). Not a problem of the generated code.
    /// </summary>
    public static bool IsPreviewExtensionDocWarning(Diagnostic d) =>
        d.Id == "CS1591" && d.GetMessage().Contains(".extension(", StringComparison.Ordinal);

    /// <summary>Runs everything within <paramref name="timeout"/>; never throws (an escaping exception is reported as a crash).</summary>
    public static RunResult Run(CSharpParseOptions options, string[] sources, TimeSpan timeout, bool analyzers = true)
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var trees = Parse(options, sources);
            var input = Compilation(trees);
            var driver = Driver(options).RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics, cts.Token);
            var run = driver.GetRunResult();
            var generated = run.Results.SelectMany(r => r.GeneratedSources).ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
            var thrown = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (thrown is not null)
            {
                return Crashed($"the generator threw: {thrown}");
            }

            ImmutableArray<Diagnostic> all;
            if (analyzers)
            {
                var withAnalyzers = output.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
                all = generatorDiagnostics.AddRange(withAnalyzers.GetAllDiagnosticsAsync(cts.Token).GetAwaiter().GetResult());
            }
            else
            {
                all = generatorDiagnostics.AddRange(output.GetDiagnostics(cts.Token));
            }

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
}
