using Microsoft.CodeAnalysis.Diagnostics;

namespace OneToOne.Reliability.Tests.Fuzzing;

/// <summary>
/// Bugs in src/ found by these suites: a regression test for each one fixed, a test skipped with "bug: ..." for each
/// one open (remove the Skip to see it fail). An open bug that crashes gets a signature in <see cref="Signatures"/>,
/// so that the fuzzer counts its crashes apart from new ones; remove it with the Skip when src/ is fixed.
/// </summary>
public class FoundBugs
{
    /// <summary>Crash signatures (all substrings must be in the crash text) of open bugs. None today.</summary>
    public static readonly (string Bug, string[] Signature)[] Signatures = [];

    public static string? Match(string crash) =>
        Signatures.FirstOrDefault(s => s.Signature.All(crash.Contains)).Bug;

    /// <summary>
    /// Fixed (src commit 4d58ff2, "flow analysis stops at a lambda graph's root region"). Valid code, a List's ForEach
    /// lambda that links, inside a foreach, made LinkFlowAnalyzer throw IndexOutOfRangeException at
    /// BodyAnalysis.Transfer: its walk over the enclosing try regions went on from the lambda's graph into the
    /// regions of the graph around it and indexed _graph.Blocks with their block numbers. AD0001 in every build and
    /// IDE with such a method. Found by the fuzzer (seed 20251123, its first 500 mutants: twice).
    /// </summary>
    [Fact]
    public async Task FlowAnalyzerSurvivesALinkingLambdaInsideAForeach()
    {
        const string source = """
            using System.Collections.Generic;
            using OneToOne;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            public static class S
            {
                public static void Run(User u, List<Profile> ps)
                {
                    foreach (var x in ps) { ps.ForEach(y => y.User = u); }
                }
            }
            """;
        var diagnostics = await TestCompiler.AnalyzeAsync(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>
    /// Fixed (src: "nothing generated for a link whose dependent or principal sits inside an extension block"). A
    /// dependent class inside a C# 14 extension block (invalid code the compiler reports) made the generator throw on
    /// its hint name, which held the block's compiler-given name <c>&lt;&gt;E__1</c> (CS8785, the generator's whole
    /// output lost). Found by the fuzzer (seed 20261129, 40,000 mutants: once, at mutant 1,696).
    /// </summary>
    [Fact]
    public void GeneratorSurvivesADependentInsideAnExtensionBlock()
    {
        const string source = """
            using OneToOne;
            namespace App;
            public partial class Person { }
            public partial extension Outer
            {
                internal partial class Inner
                {
                    [OneToOne(typeof(Person), Navigation = "Owner", Reverse = "Thing")]
                    internal partial class Thing { }
                }
            }
            """;
        var result = TestCompiler.Run(TestCompiler.Options(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview), [source], TimeSpan.FromSeconds(30));
        Assert.Null(result.Crash);
        Assert.False(result.TimedOut);
    }
}
