using System.Diagnostics;
using System.Text;

namespace OneToOne.PackageTests;

/// <summary>The result of one <c>dotnet</c> command: exit code and the interleaved stdout and stderr.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Everything needed to see why a command failed, for assertion messages.</summary>
    public string Describe() =>
        $"$ {CommandLine}{Environment.NewLine}" +
        $"exit code: {(TimedOut ? "timed out" : ExitCode.ToString())}{Environment.NewLine}" +
        Output;
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a quiet, isolated environment.</summary>
internal static class DotNetCli
{
    /// <summary>
    /// Restore on a cold machine can take a minute, and a build on a machine shared with other builds several; a hung
    /// command must still end the test.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan StreamDrainTimeout = TimeSpan.FromSeconds(15);

    // Set by `dotnet test` for the MSBuild it runs and inherited by the test host; a child `dotnet`
    // must pick its own MSBuild and SDK, not the parent's.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBUILD_EXE_PATH",
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE",
    ];

    public static CommandResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, DefaultTimeout, arguments);

    public static CommandResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var dotnet = DotNetExecutable();
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild worker node or build server outlives the command: nothing keeps the output pipes
        // open after the command exits, and nothing holds files in the repository.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        var commandLine = $"{dotnet} {string.Join(' ', arguments)}   (in {workingDirectory})";
        var output = new StringBuilder();
        // Not disposed: a late callback may still set them, and they hold no kernel handle.
        var outputClosed = new ManualResetEventSlim();
        var errorClosed = new ManualResetEventSlim();
        DataReceivedEventHandler Collect(ManualResetEventSlim closed) => (_, e) =>
        {
            if (e.Data is null)
            {
                closed.Set();
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Collect(outputClosed);
        process.ErrorDataReceived += Collect(errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // With a timeout, WaitForExit does not wait for the end of the redirected streams, so a
        // background process that inherited them (a compiler server) cannot hang the test.
        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the wait and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        // The last lines arrive when the streams close; a process that inherited them may keep them
        // open, so the wait is bounded.
        outputClosed.Wait(StreamDrainTimeout);
        errorClosed.Wait(StreamDrainTimeout);

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, exited ? process.ExitCode : -1, !exited, text);
    }

    private static string DotNetExecutable()
    {
        // Set by the dotnet CLI for the processes it starts: the same dotnet that runs these tests.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
