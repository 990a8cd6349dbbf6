using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OneToOne.Generator;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// Synthetic programs for the build-time benchmarks, compiled in memory with Roslyn 4.14 against the .NET 10
/// reference assemblies (Basic.Reference.Assemblies.Net100), the OneToOne runtime and CommunityToolkit.Mvvm.
/// </summary>
public static class Synthetic
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true);

    public static IReadOnlyList<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(CommunityToolkit.Mvvm.ComponentModel.ObservableObject).Assembly.Location))
            .ToArray();

    /// <summary>
    /// Link <paramref name="i"/>: a principal and a dependent, one file, as a user would write them, with the ordinary
    /// code such classes carry (methods with bodies: a loop, LINQ with lambdas, string formatting), so that
    /// compiling the program is real work and the generator's and analyzers' shares of it are shares of a real build.
    /// With <paramref name="linked"/> false, the same file without the attribute: a program of the same size with no
    /// link at all.
    /// </summary>
    public static string LinkSource(int i, string? reverse = null, bool linked = true)
    {
        var attribute = linked ? $"[OneToOne(typeof(User{i}){(reverse is null ? "" : $", Reverse = \"{reverse}\"")})]" : "// no link";
        return $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using OneToOne;

        namespace Synthetic.Group{{i / 100}};

        public partial class User{{i}}
        {
            public string Name { get; set; } = "";

            public string Describe(int depth)
            {
                var parts = new List<string>(depth);
                for (var k = 0; k < depth; k++)
                {
                    parts.Add(k % 3 == 0 ? $"{Name}:{k}" : k.ToString(CultureInfo.InvariantCulture));
                }

                return string.Join(",", parts.Where(p => p.Length > 1).OrderBy(p => p, StringComparer.Ordinal));
            }
        }

        {{attribute}}
        public partial class Profile{{i}}
        {
            public string Bio { get; set; } = "";

            public DateTime Updated { get; private set; }

            public bool TryRename(string? text, out string result)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    result = Bio;
                    return false;
                }

                result = text.Trim();
                Bio = result;
                Updated = DateTime.UtcNow;
                return true;
            }

            public override string ToString() => $"Profile{{i}}({Bio}, {Updated:O})";
        }
        """;
    }

    /// <summary>
    /// The other common shape: N dependents of one principal (a domain's <c>User</c> with many one-to-one satellites), each
    /// with its own reverse accessor, so every navigation is named <c>User</c>.
    /// </summary>
    public static List<string> SharedPrincipalSources(int n)
    {
        var sources = new List<string> { "namespace Synthetic;\npublic partial class User { public string Name { get; set; } = \"\"; }\n" };
        sources.AddRange(Enumerable.Range(0, n).Select(i => $$"""
            using OneToOne;

            namespace Synthetic.Group{{i / 100}};

            [OneToOne(typeof(Synthetic.User), Reverse = "Profile{{i}}")]
            public partial class Profile{{i}}
            {
                public string Bio { get; set; } = "";
            }
            """));
        sources.Add(UnrelatedSource(2));
        return sources;
    }

    /// <summary>A file no link depends on, with a method body to edit.</summary>
    public static string UnrelatedSource(int variant) => $$"""
        namespace Synthetic;

        public static class Service
        {
            public static int Compute(int x)
            {
                return x * {{variant}} + 1;
            }
        }
        """;

    /// <summary>Class <paramref name="i"/> of the peer: one [ObservableProperty] (CommunityToolkit.Mvvm 8.4.2).</summary>
    public static string MvvmSource(int i) => $$"""
        using CommunityToolkit.Mvvm.ComponentModel;

        namespace Synthetic.Group{{i / 100}};

        public partial class ViewModel{{i}} : ObservableObject
        {
            [ObservableProperty]
            private string _name = "";
        }
        """;

    public static List<string> LinkSources(int n, bool linked = true)
    {
        var sources = Enumerable.Range(0, n).Select(i => LinkSource(i, linked: linked)).ToList();
        sources.Add(UnrelatedSource(2));
        return sources;
    }

    public static List<string> MvvmSources(int n)
    {
        var sources = Enumerable.Range(0, n).Select(MvvmSource).ToList();
        sources.Add(UnrelatedSource(2));
        return sources;
    }

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    public static List<SyntaxTree> Parse(IReadOnlyList<string> sources, string prefix) =>
        sources.Select((s, i) => Parse(s, $"{prefix}{i}.cs")).ToList();

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Synthetic", trees, References, CompilationOptions);

    /// <summary>
    /// The same, compiled on one thread (no concurrent build): the build-goal measurements time every step on the
    /// calling thread, so that their ratios do not depend on how many of the machine's cores are free at that moment.
    /// </summary>
    public static CSharpCompilation SingleThreadedCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Synthetic", trees, References, CompilationOptions.WithConcurrentBuild(false));

    public static GeneratorDriver OneToOneDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new OneToOneGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorDriver MvvmDriver() =>
        CSharpGeneratorDriver.Create([Peers.ObservablePropertyGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <summary>The generator's output for <paramref name="sources"/>: the code a user would otherwise write by hand.</summary>
    public static List<string> GeneratedSources(IReadOnlyList<string> sources)
    {
        var driver = OneToOneDriver().RunGenerators(Compilation(Parse(sources, "Link")));
        var result = driver.GetRunResult();
        if (result.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException("the generator reported: " + string.Join("; ", result.Diagnostics));
        }

        return result.GeneratedTrees.Select(t => t.GetText().ToString()).ToList();
    }

    /// <summary>Emits <paramref name="compilation"/> to memory; throws on an error, so a benchmark never measures a failed build.</summary>
    public static long Emit(Compilation compilation, bool check = false)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (check || !result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5).ToList();
            if (!result.Success || errors.Count > 0)
            {
                throw new InvalidOperationException("the synthetic program did not compile cleanly: " + string.Join("; ", errors));
            }
        }

        return pe.Length;
    }
}

/// <summary>The peer generator, loaded from the copy of CommunityToolkit.Mvvm's analyzer assembly beside this program.</summary>
public static class Peers
{
    public const string MvvmGeneratorAssembly = "CommunityToolkit.Mvvm.SourceGenerators.dll";

    public static IIncrementalGenerator ObservablePropertyGenerator()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "peers", MvvmGeneratorAssembly);
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetType("CommunityToolkit.Mvvm.SourceGenerators.ObservablePropertyGenerator", throwOnError: true)!;
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }
}
