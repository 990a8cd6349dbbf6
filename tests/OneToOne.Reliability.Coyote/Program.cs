// Runs one scenario under Coyote's systematic testing engine and prints one line "RESULT {json}".
//   OneToOne.Reliability.Coyote <scenario|list> [iterations] [seed] [random|prioritization] [breakage]
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;
using OneToOne.Reliability.Coyote;

if (args.Length == 0 || args[0] == "list")
{
    foreach (var s in Scenario.Real.Concat(Scenario.Copied))
    {
        Console.WriteLine($"{s.Name}\t{s.Description}");
    }

    return 0;
}

var scenario = Scenario.Real.Concat(Scenario.Copied).SingleOrDefault(s => s.Name == args[0]);
if (scenario is null)
{
    Console.Error.WriteLine($"unknown scenario '{args[0]}'");
    return 2;
}

var iterations = args.Length > 1 ? uint.Parse(args[1]) : 1000u;
var seed = args.Length > 2 ? uint.Parse(args[2]) : 1u;
var strategy = args.Length > 3 ? args[3] : "random";
CopiedProtocol.Broken = args.Length > 4 ? Enum.Parse<Breakage>(args[4]) : Breakage.None;

var configuration = Configuration.Create()
    .WithTestingIterations(iterations)
    .WithRandomGeneratorSeed(seed)
    .WithMemoryAccessRaceCheckingEnabled(true) // a scheduling point at every field load and store of rewritten code
    .WithPartiallyControlledConcurrencyAllowed(false) // anything Coyote does not control is an error, not a guess
    .WithTelemetryEnabled(false) // no network: nothing is sent anywhere
    .WithConsoleLoggingEnabled(false)
    .WithVerbosityEnabled(Microsoft.Coyote.Logging.VerbosityLevel.None);
configuration = strategy switch
{
    "random" => configuration.WithRandomStrategy(),
    "prioritization" => configuration.WithPrioritizationStrategy(isFair: false, priorityChangeBound: 3),
    _ => throw new ArgumentException($"unknown strategy '{strategy}'"),
};

var clock = Stopwatch.StartNew();
using var engine = TestingEngine.Create(configuration, scenario.RunOnce);
engine.Run();
clock.Stop();

var report = engine.TestReport;
var result = new
{
    scenario = scenario.Name,
    strategy,
    breakage = CopiedProtocol.Broken.ToString(),
    seed,
    iterations,
    explored = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths,
    bugs = report.NumOfFoundBugs,
    bug = report.BugReports.FirstOrDefault() ?? "",
    uncontrolled = report.UncontrolledInvocations.OrderBy(s => s).ToArray(),
    internalErrors = report.InternalErrors.ToArray(),
    controlledOperations = report.TotalControlledOperations,
    maxSteps = Math.Max(report.MaxExploredFairSteps, report.MaxExploredUnfairSteps),
    elapsedMs = clock.ElapsedMilliseconds,
};
Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
return 0;
