using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.Concurrency;

/// <summary>
/// The atomicity of the link protocol under systematic concurrency testing (Coyote 1.7.11). Every schedule builds small pools of
/// real objects of generated classes, links some of them, runs 2 to 4 random operations (link, move, unlink,
/// through both sides, and the ORM detach entry points) as concurrent tasks, and checks at the end that both sides agree everywhere, that no
/// principal has two dependents, and that the outcomes (which operation threw what) and the end state are those
/// of some serial order of the same operations according to the reference model (serializability).
/// </summary>
/// <remarks>
/// Why this tests the real protocol: the Coyote program (tests/OneToOne.Reliability.Coyote) is compiled with
/// the generator and, after the build, it and its copy of OneToOne.dll are rewritten by <c>coyote rewrite</c>.
/// Coyote then controls the protocol's own <c>Monitor.Enter/Exit</c> on its per-link lock and inserts a scheduling
/// point at every field load and store of the generated accessors, of <c>OneToOneLinks</c> and of
/// <c>WeakReverseStorage</c>, and explores their interleavings. Nothing of the protocol is modelled or copied.
/// </remarks>
public class CoyoteTests(ITestOutputHelper output)
{
    public static TheoryData<string> RealScenarios { get; } = new()
    {
        "throw-member",
        "replace-member",
        "required-member",
        "self-link",
        "throw-weak-external",
        "replace-weak-generic",
        "two-links-one-principal",
    };

    [Theory]
    [MemberData(nameof(RealScenarios))]
    public void TheRealProtocolIsAtomicInEveryExploredSchedule(string scenario)
    {
        foreach (var (strategy, seed) in new[] { ("random", 1u), ("prioritization", 2u) })
        {
            var result = CoyoteProgram.Run(scenario, CoyoteProgram.Iterations, seed, strategy);
            output.WriteLine($"{scenario} / {strategy} (seed {seed}): {result.Explored} schedules, {result.Bugs} bugs, " +
                             $"{result.ControlledOperations} controlled operations, up to {result.MaxSteps} scheduling steps in one schedule, {result.ElapsedMs} ms");
            Assert.True(result.Bugs == 0, result.Bug);
            Assert.Equal((int)CoyoteProgram.Iterations, result.Explored);
            Assert.Empty(result.Uncontrolled);
            Assert.Empty(result.InternalErrors);
        }
    }
}

/// <summary>
/// The systematic tests can fail: the same scenarios and checks, run over a copy of the protocol, pass on the
/// faithful copy and find the bug of each deliberately broken one within a few schedules.
/// </summary>
public class CoyoteFindsBrokenProtocolsTests(ITestOutputHelper output)
{
    private const uint Budget = 5_000;

    [Theory]
    [InlineData("copy-throw")]
    [InlineData("copy-replace")]
    public void TheFaithfulCopyPasses(string scenario)
    {
        var result = CoyoteProgram.Run(scenario, 500, 1, "random");
        output.WriteLine($"{scenario}: {result.Explored} schedules, {result.Bugs} bugs, {result.ElapsedMs} ms");
        Assert.True(result.Bugs == 0, result.Bug);
        Assert.Equal(500, result.Explored);
    }

    [Theory]
    [InlineData("copy-throw", "ReadBeforeLock", "random")]
    [InlineData("copy-throw", "ReadBeforeLock", "prioritization")]
    [InlineData("copy-replace", "ReadBeforeLock", "random")]
    [InlineData("copy-replace", "ReadBeforeLock", "prioritization")]
    [InlineData("copy-throw", "WriteBeforeCheck", "random")]
    [InlineData("copy-replace", "UnlockedUnlink", "random")]
    public void CoyoteFindsTheBugOfABrokenCopy(string scenario, string breakage, string strategy)
    {
        var result = CoyoteProgram.Run(scenario, Budget, 1, strategy, breakage);
        output.WriteLine($"{scenario} with {breakage}, {strategy}: bug found after {result.Explored} schedules ({result.ElapsedMs} ms)");
        output.WriteLine(result.Bug);
        Assert.True(result.Bugs > 0, $"Coyote did not find the bug of {breakage} in {Budget} schedules");
    }
}
