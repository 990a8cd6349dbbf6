using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// Runs an analyzer and measures the CPU time of its own callbacks, on the thread that runs each (the thread's CPU
/// clock, so time the thread waits or is descheduled is not counted, and other threads' work never is). The flow
/// analysis registers a compilation-start action and code-block actions; those are what this wraps (any other
/// registration throws, so that a new one is not left unmeasured). Work every compile does whoever asks for it first
/// (binding the references and building the table of declarations, before the start action) is done before the
/// clock starts.
/// </summary>
/// <param name="inner">The analyzer measured.</param>
/// <param name="bindFirst">
/// Build each code block's operation tree before its callback is timed: in a build with the SDK's code analysis the
/// tree is built anyway (its analyzers ask for every body's), so it is not the analyzer's cost. Without it (the
/// compiler alone), building the trees the analyzer asks for is its cost.
/// </param>
#pragma warning disable RS1001 // never loaded by a compiler: the benchmark attaches it, and the wrapped analyzer makes those calls itself
public sealed class CallbackTimer(DiagnosticAnalyzer inner, bool bindFirst) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private long _nanoseconds;

    /// <summary>The CPU time of the analyzer's callbacks so far, in milliseconds.</summary>
    public double CpuMs => Interlocked.Read(ref _nanoseconds) / 1e6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // the wrapped analyzer configures both through the context handed on
    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));
#pragma warning restore RS1025, RS1026

    private void Timed<T>(Action<T> action, T argument)
    {
        var start = ThreadCpu.Nanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _nanoseconds, ThreadCpu.Nanoseconds() - start);
        }
    }

    private sealed class Context(AnalysisContext outer, CallbackTimer timer) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => outer.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => outer.ConfigureGeneratedCodeAnalysis(analysisMode);

#pragma warning disable RS1012 // the wrapped analyzer registers its actions through the context handed on
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            outer.RegisterCompilationStartAction(start =>
            {
                // What any compile does first, whoever asks first: bind the references, build the table of declarations.
                start.Compilation.GetTypeByMetadataName("System.Object");
                timer.Timed(action, new StartContext(start, timer));
            });
#pragma warning restore RS1012

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
    }

#pragma warning disable RS1012 // the wrapped analyzer's actions are registered on the real start context, by the overrides below
    private sealed class StartContext(CompilationStartAnalysisContext outer, CallbackTimer timer)
#pragma warning restore RS1012
        : CompilationStartAnalysisContext(outer.Compilation, outer.Options, outer.CancellationToken)
    {
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            outer.RegisterCodeBlockAction(block =>
            {
                if (timer._bindFirst)
                {
                    block.SemanticModel.GetOperation(block.CodeBlock, block.CancellationToken);
                }

                timer.Timed(action, block);
            });

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
    }

    private readonly bool _bindFirst = bindFirst;

    private static NotSupportedException Unmeasured() =>
        new("the analyzer registers an action this timer does not wrap: wrap it, or its time goes unmeasured");
}

/// <summary>The calling thread's CPU time (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
public static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static long Nanoseconds()
    {
        if (clock_gettime(ThreadCpuTimeClock, out var time) != 0)
        {
            throw new InvalidOperationException("the thread's CPU clock is not available on this system");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
