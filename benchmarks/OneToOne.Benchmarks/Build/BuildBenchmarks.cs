using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// Cold build of a synthetic program of N links (two classes each, one file per link, plus one unrelated file):
/// <list type="bullet">
/// <item><c>HandWritten</c> (baseline): parse the user's files and the generator's output as ordinary files, compile, emit.</item>
/// <item><c>WithGenerator</c>: parse the user's files, run the generator through a new <c>CSharpGeneratorDriver</c>
/// (which parses its output), compile, emit. The compiled result is the same, so the difference is the generator's cost.</item>
/// <item><c>GeneratorOnly</c>: a new compilation of the already parsed user files and a new driver: the generator run alone
/// (it includes the binding of the attributes that the generator forces).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class ColdBuildBenchmarks
{
    public static int[] Sizes { get; set; } = [100, 1000, 5000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    private List<string> _user = null!;
    private List<string> _generated = null!;
    private List<SyntaxTree> _parsedUser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _user = Synthetic.LinkSources(N);
        _generated = Synthetic.GeneratedSources(_user);
        if (_generated.Count < N)
        {
            // One file per link, plus the compilation-wide files (the JSON contract modifier: System.Text.Json is referenced).
            throw new InvalidOperationException($"expected at least {N} generated files, got {_generated.Count}");
        }

        _parsedUser = Synthetic.Parse(_user, "Link");
        Synthetic.Emit(Synthetic.Compilation(Synthetic.Parse(_user, "Link").Concat(Synthetic.Parse(_generated, "Generated"))), check: true);
        Synthetic.OneToOneDriver().RunGeneratorsAndUpdateCompilation(Synthetic.Compilation(_parsedUser), out var output, out _);
        Synthetic.Emit(output, check: true);
    }

    [Benchmark(Baseline = true, Description = "hand-written equivalent: parse + compile + emit")]
    public long HandWritten() =>
        Synthetic.Emit(Synthetic.Compilation(Synthetic.Parse(_user, "Link").Concat(Synthetic.Parse(_generated, "Generated"))));

    [Benchmark(Description = "with the generator: parse + generate + compile + emit")]
    public long WithGenerator()
    {
        Synthetic.OneToOneDriver().RunGeneratorsAndUpdateCompilation(Synthetic.Compilation(Synthetic.Parse(_user, "Link")), out var output, out _);
        return Synthetic.Emit(output);
    }

    [Benchmark(Description = "the generator run alone (new driver, new compilation)")]
    public int GeneratorOnly() =>
        Synthetic.OneToOneDriver().RunGenerators(Synthetic.Compilation(_parsedUser)).GetRunResult().GeneratedTrees.Length;
}

/// <summary>
/// The peer: CommunityToolkit.Mvvm 8.4.2's [ObservableProperty] generator on N classes with one property each, against
/// the OneToOne generator on N links (N annotated classes). Both: a new compilation of already parsed files and a new
/// driver with only that generator. Per annotated class, the ratio is the comparison.
/// </summary>
[MemoryDiagnoser]
public class PeerGeneratorBenchmarks
{
    public static int[] Sizes { get; set; } = [100, 1000, 5000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    private List<SyntaxTree> _links = null!;
    private List<SyntaxTree> _viewModels = null!;

    [GlobalSetup]
    public void Setup()
    {
        _links = Synthetic.Parse(Synthetic.LinkSources(N), "Link");
        _viewModels = Synthetic.Parse(Synthetic.MvvmSources(N), "ViewModel");
        var generated = MvvmGenerator();
        if (generated < N)
        {
            throw new InvalidOperationException($"the Mvvm generator produced {generated} files for {N} classes");
        }

        Synthetic.MvvmDriver().RunGeneratorsAndUpdateCompilation(Synthetic.Compilation(_viewModels), out var output, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("the Mvvm generator reported: " + string.Join("; ", diagnostics.Take(3)));
        }

        Synthetic.Emit(output, check: false);
    }

    [Benchmark(Baseline = true, Description = "CommunityToolkit.Mvvm [ObservableProperty], N classes")]
    public int MvvmGenerator() =>
        Synthetic.MvvmDriver().RunGenerators(Synthetic.Compilation(_viewModels)).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "OneToOne, N links (N annotated classes)")]
    public int OneToOneGenerator() =>
        Synthetic.OneToOneDriver().RunGenerators(Synthetic.Compilation(_links)).GetRunResult().GeneratedTrees.Length;
}

/// <summary>
/// Incremental re-run at N links, as in an IDE: each invocation hands the driver that has already run a new
/// compilation in which one file changed (alternating between two versions), and runs it again.
/// <list type="bullet">
/// <item><c>UnrelatedEdit</c>: an edit inside a method body of a file with no link.</item>
/// <item><c>DependentEdit</c>: an edit to one link's attribute (its Reverse name): that link's source is regenerated.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    public static int[] Sizes { get; set; } = [1000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    private Compilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private SyntaxTree[] _unrelated = null!;
    private SyntaxTree[] _dependent = null!;
    private int _unrelatedVersion, _dependentVersion;

    [GlobalSetup]
    public void Setup()
    {
        var sources = Synthetic.LinkSources(N);
        var trees = Synthetic.Parse(sources, "Link");
        _compilation = Synthetic.Compilation(trees);
        _driver = Synthetic.OneToOneDriver().RunGenerators(_compilation);
        var unrelatedPath = trees[^1].FilePath;
        _unrelated = [trees[^1], Synthetic.Parse(Synthetic.UnrelatedSource(3), unrelatedPath)];
        var middle = N / 2;
        _dependent = [trees[middle], Synthetic.Parse(Synthetic.LinkSource(middle, reverse: "Renamed"), trees[middle].FilePath)];
    }

    [Benchmark(Baseline = true, Description = "edit in an unrelated method body, re-run")]
    public int UnrelatedEdit()
    {
        var from = _unrelated[_unrelatedVersion];
        _unrelatedVersion ^= 1;
        _compilation = _compilation.ReplaceSyntaxTree(from, _unrelated[_unrelatedVersion]);
        _driver = _driver.RunGenerators(_compilation);
        return _unrelatedVersion;
    }

    [Benchmark(Description = "edit one dependent's attribute, re-run")]
    public int DependentEdit()
    {
        var from = _dependent[_dependentVersion];
        _dependentVersion ^= 1;
        _compilation = _compilation.ReplaceSyntaxTree(from, _dependent[_dependentVersion]);
        _driver = _driver.RunGenerators(_compilation);
        return _dependentVersion;
    }
}
