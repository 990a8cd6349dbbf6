using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.Generator;

/// <summary>
/// Scale: 10,000 links in one compilation generate and compile; a principal with 50 dependent links and a dependent
/// with 20 links generate, compile, pass the analyzers, and work when run.
/// </summary>
public class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void TenThousandLinksGenerateAndCompile()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a bound, far above what it takes
        var options = TestCompiler.Options(LanguageVersion.Latest);
        var clock = Stopwatch.StartNew();
        var input = TestCompiler.CreateLean(TestCompiler.Parse(options, LargePrograms.Pairs(10_000, withMethods: true)));
        var driver = TestCompiler.Driver(options).RunGeneratorsAndUpdateCompilation(input, out var generated, out var generatorDiagnostics, cts.Token);
        var generation = clock.Elapsed;
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);
        Assert.Equal(10_000, result.GeneratedSources.Count(s => s.HintName.StartsWith("Scale.D", StringComparison.Ordinal)));

        // The full compiler check (declarations and every method body), without writing IL: that is what "compiles" means here.
        var diagnostics = generated.GetDiagnostics(cts.Token);
        var total = clock.Elapsed;
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !input.SyntaxTrees.Contains(tree)).Take(10));
        output.WriteLine($"10,000 links (20,000 classes, 100 files with methods that link them): generated in {generation.TotalSeconds:F1} s, " +
                         $"compiled (all diagnostics, no error, no warning in generated code) in {(total - generation).TotalSeconds:F1} s more");
    }

    [Fact]
    public async Task APrincipalWithFiftyDependentLinks()
    {
        var spokes = Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? $"[OneToOne(typeof(Hub))] public partial class Spoke{i} {{ }}"
            : $"[OneToOne(typeof(Hub), Navigation = \"Center\", Reverse = \"Arm{i}\", OnConflict = OneToOneConflict.Replace)] public partial class Spoke{i} {{ }}");
        var source = "using OneToOne;\nnamespace Fifty;\npublic partial class Hub { }\n" + string.Join("\n", spokes);
        var assembly = await CompileCheckAndLoad(source, 50);

        // Run it: one hub linked to 50 dependents at once, each through its own reverse accessor.
        var hub = Activator.CreateInstance(assembly.GetType("Fifty.Hub")!)!;
        for (var i = 0; i < 50; i++)
        {
            var spoke = Activator.CreateInstance(assembly.GetType($"Fifty.Spoke{i}")!)!;
            spoke.GetType().GetProperty(i % 2 == 0 ? "Hub" : "Center")!.SetValue(spoke, hub);
            Assert.Same(spoke, hub.GetType().GetProperty(i % 2 == 0 ? $"Spoke{i}" : $"Arm{i}")!.GetValue(hub));
        }
    }

    [Fact]
    public async Task ADependentWithTwentyLinks()
    {
        var principals = Enumerable.Range(0, 20).Select(i => $"public partial class P{i} {{ }}");
        var attributes = Enumerable.Range(0, 20).Select(i => i % 4 == 3
            ? $"[OneToOne(typeof(P{i}), Required = true)]"
            : $"[OneToOne(typeof(P{i}), Reverse = \"Many{i}\")]");
        var source = "using OneToOne;\nnamespace Twenty;\n" + string.Join("\n", principals) + "\n" + string.Join("\n", attributes) + "\npublic partial class Many { }";
        var assembly = await CompileCheckAndLoad(source, 20);

        var many = RuntimeHelpers_GetUninitialized(assembly.GetType("Twenty.Many")!); // required members: skip the constructor's contract
        for (var i = 0; i < 20; i++)
        {
            var p = Activator.CreateInstance(assembly.GetType($"Twenty.P{i}")!)!;
            many.GetType().GetProperty($"P{i}")!.SetValue(many, p);
            Assert.Same(many, p.GetType().GetProperty(i % 4 == 3 ? "Many" : $"Many{i}")!.GetValue(p));
        }
    }

    private static object RuntimeHelpers_GetUninitialized(Type type) => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);

    /// <summary>Generates, checks for no error and no OneToOne diagnostic, emits and loads the assembly (collectible).</summary>
    private async Task<Assembly> CompileCheckAndLoad(string source, int links)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = await TestCompiler.AnalyzeAsync(source);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("OTO", StringComparison.Ordinal) || d.Id is "AD0001" or "CS8785"));
        var (compilation, _, result) = TestCompiler.Generate(TestCompiler.Create(source));
        Assert.Equal(links, result.Results.Single().GeneratedSources.Count(s => !s.HintName.StartsWith("OneToOne.", StringComparison.Ordinal)));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
        output.WriteLine($"{links} links: generated, analysed and compiled in {clock.ElapsedMilliseconds} ms");
        stream.Position = 0;
        var context = new AssemblyLoadContext($"scale-{links}", isCollectible: true);
        context.Resolving += (_, name) => name.Name == "OneToOne" ? typeof(OneToOneAttribute).Assembly : null;
        return context.LoadFromStream(stream);
    }
}
