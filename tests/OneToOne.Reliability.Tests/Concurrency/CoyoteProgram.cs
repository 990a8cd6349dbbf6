using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace OneToOne.Reliability.Tests.Concurrency;

/// <summary>What one run of the Coyote program reports (its line "RESULT {json}").</summary>
public sealed record CoyoteResult(
    string Scenario,
    string Strategy,
    string Breakage,
    uint Seed,
    uint Iterations,
    int Explored,
    int Bugs,
    string Bug,
    string[] Uncontrolled,
    string[] InternalErrors,
    int ControlledOperations,
    int MaxSteps,
    long ElapsedMs);

/// <summary>
/// Runs tests/OneToOne.Reliability.Coyote (built and rewritten by the build of this project) in its own
/// process, so that no rewritten assembly is ever loaded here.
/// </summary>
public static class CoyoteProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static string Path { get; } =
        typeof(CoyoteProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CoyoteProgram").Value!;

    /// <summary>Schedules per scenario and strategy: 750 by default, ONETOONE_COYOTE_ITERATIONS for a longer run.</summary>
    public static uint Iterations { get; } =
        uint.TryParse(Environment.GetEnvironmentVariable("ONETOONE_COYOTE_ITERATIONS"), out var n) && n > 0 ? n : 750;

    public static CoyoteResult Run(string scenario, uint iterations, uint seed, string strategy, string breakage = "None")
    {
        Assert.True(File.Exists(Path), $"the Coyote program was not built: {Path}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(Path)!,
        };
        foreach (var arg in new[] { Path, scenario, iterations.ToString(), seed.ToString(), strategy, breakage })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the Coyote program did not finish in {Timeout}: {scenario} {strategy} {breakage}");
        }

        process.WaitForExit();
        var line = stdout.Result.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        Assert.True(process.ExitCode == 0 && line is not null, $"the Coyote program failed (exit {process.ExitCode}):\n{stderr.Result}\n{Tail(stdout.Result)}");
        return JsonSerializer.Deserialize<CoyoteResult>(line!["RESULT ".Length..], new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
