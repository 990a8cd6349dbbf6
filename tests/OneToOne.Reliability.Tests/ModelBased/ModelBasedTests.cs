using CsCheck;
using OneToOne.Reliability.Model;
using Xunit.Abstractions;

namespace OneToOne.Reliability.Tests.ModelBased;

/// <summary>
/// Model-based tests (CsCheck): random sequences of assignments on small pools of objects of generated classes,
/// checked after every step against the plain reference model of the link semantics (Model/ReferenceModel.cs): the
/// outcome (returned, or which exception), the state of every object through the real getters, that a throwing
/// assignment changed nothing, what the violation exception reports, and that both sides agree. A second run mixes
/// in direct writes to the storage (stale slots, as an ORM's fix-up leaves them) and the ORM detach entry points. A failure is shrunk by CsCheck to
/// a short sequence printed as C# (<c>profile0.User = user1; user1.Profile = profile2</c>), with the seed to replay it.
/// </summary>
public class ModelBasedTests(ITestOutputHelper output)
{
    /// <summary>Sequences per run: 50,000 by default, ONETOONE_MODEL_SEQUENCES for a longer run.</summary>
    public static int Sequences { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ONETOONE_MODEL_SEQUENCES"), out var n) && n > 0 ? n : 50_000;

    private static readonly (int Dependents, int Principals)[] PoolSizes = [(3, 3), (3, 3), (2, 3), (3, 3), (3, 2)];

    /// <summary>A step on any of the five links, with indices inside that link's pools.</summary>
    public static readonly Gen<Step> GenStep =
        Gen.Select(Gen.Int[0, World.Specs.Length - 1], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 2], (link, kind, d, p) =>
            new Step((Link)link, (OpKind)kind, d % PoolSizes[link].Dependents, p % PoolSizes[link].Principals));

    public static readonly Gen<Step[]> GenSequence = GenStep.Array[1, 40];

    /// <summary>A step of any kind, direct storage writes and the detach entry points included.</summary>
    public static readonly Gen<Step> GenAnyStep =
        Gen.Select(Gen.Int[0, World.Specs.Length - 1], Gen.Int[0, Enum.GetValues<OpKind>().Length - 1], Gen.Int[0, 2], Gen.Int[0, 2], (link, kind, d, p) =>
            new Step((Link)link, (OpKind)kind, d % PoolSizes[link].Dependents, p % PoolSizes[link].Principals));

    public static readonly Gen<Step[]> GenStaleSequence = GenAnyStep.Array[1, 40];

    private static readonly Dictionary<Link, (string Dependent, string Principal)> TypeNames = new()
    {
        [Link.Profile] = ("Profile", "User"),
        [Link.Badge] = ("Badge", "User"),
        [Link.Passport] = ("Passport", "User"),
        [Link.Mentor] = ("Person", "Person"),
        [Link.Note] = ("Note", "StringBuilder"),
    };

    [Fact]
    public void EverySequenceBehavesAsTheReferenceModelSays()
    {
        var steps = 0L;
        var outcomes = new long[4];
        GenSequence.Sample(
            sequence =>
            {
                Interlocked.Add(ref steps, sequence.Length);
                var failure = Check(sequence, World.Specs, outcomes);
                if (failure is not null)
                {
                    throw new InvalidOperationException(failure);
                }
            },
            iter: Sequences,
            print: Print);

        output.WriteLine($"{Sequences:N0} sequences, {steps:N0} steps checked; outcomes: {string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {outcomes[(int)o]:N0}"))}");
        // The generator reaches every outcome, or the model check proves less than it claims.
        Assert.All(outcomes, count => Assert.True(count > 0));
    }

    [Fact]
    public void SequencesWithDirectStorageWritesBehaveAsTheReferenceModelSays()
    {
        var steps = 0L;
        var outcomes = new long[4];
        GenStaleSequence.Sample(
            sequence =>
            {
                Interlocked.Add(ref steps, sequence.Length);
                var failure = Check(sequence, World.Specs, outcomes);
                if (failure is not null)
                {
                    throw new InvalidOperationException(failure);
                }
            },
            iter: Sequences / 2,
            print: Print);

        output.WriteLine($"{Sequences / 2:N0} sequences, {steps:N0} steps checked; outcomes: {string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {outcomes[(int)o]:N0}"))}");
        Assert.All(outcomes, count => Assert.True(count > 0));
    }

    [Fact]
    public void AFailureShrinksToAShortReadableSequence()
    {
        // Checked against a wrong model (Badge as if it were OnConflict = Throw), the real code must fail, and
        // CsCheck must shrink the failure to the two assignments that show it.
        var wrong = World.Specs.Select((s, i) => i == (int)Link.Badge ? s with { Replace = false } : s).ToArray();
        var e = Assert.ThrowsAny<Exception>(() => GenSequence.Sample(
            sequence =>
            {
                var failure = Check(sequence, wrong, new long[4]);
                if (failure is not null)
                {
                    throw new InvalidOperationException(failure);
                }
            },
            iter: 100_000,
            print: Print));

        output.WriteLine(e.Message);
        var shrunk = e.Message.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0);
        Assert.Matches(@"^(badge\d\.Holder = user\d|user\d\.Badge = badge\d); (badge\d\.Holder = user\d|user\d\.Badge = badge\d)$", shrunk);
        Assert.Contains("to reproduce", e.Message);
    }

    private static string Print(Step[] sequence) => string.Join("; ", sequence);

    /// <summary>Runs <paramref name="sequence"/> on a fresh <see cref="World"/> and the model side by side; the first difference, or null.</summary>
    public static string? Check(Step[] sequence, LinkSpec[] specs, long[] outcomes)
    {
        var world = new World();
        var model = world.InitialModel().Select((s, i) => new LinkState(specs[i], s.Forward.Length, s.Reverse.Length)).ToArray();
        var initial = world.InitialModel();
        for (var i = 0; i < model.Length; i++)
        {
            initial[i].Forward.CopyTo(model[i].Forward, 0);
            initial[i].Reverse.CopyTo(model[i].Reverse, 0);
        }

        var before = world.Observe();
        for (var i = 0; i < sequence.Length; i++)
        {
            var step = sequence[i];
            var link = (int)step.Link;
            var existing = before[link].Reverse[step.Principal];
            var expected = model[link].Apply(step.Kind, step.Dependent, step.Principal);
            var (actual, exception) = world.Run(step);
            Interlocked.Increment(ref outcomes[(int)actual]);
            var after = world.Observe();
            var where = $"step {i + 1} ({step})";
            if (actual != expected)
            {
                return $"{where}: the model says {expected}, the code did {actual}{(exception is null ? "" : $" ({exception.Message})")}";
            }

            for (var l = 0; l < after.Length; l++)
            {
                if (!after[l].Equals(model[l]))
                {
                    return $"{where}: the model says {model[l]}, the objects hold {after[l]}";
                }

                // Both sides agree, except where a direct write left a stale slot: an operation of the protocol
                // never adds one, and the object it acts on holds none afterwards.
                if (!LinkSpec.IsRaw(step.Kind) &&
                    (!after[l].StaleForward().All(before[l].StaleForward().Contains) || !after[l].StaleReverse().All(before[l].StaleReverse().Contains)))
                {
                    return $"{where}: left a new stale slot: {after[l]}";
                }

                if (!after[l].IsConsistent() && !sequence.Take(i + 1).Any(s => LinkSpec.IsRaw(s.Kind) && (int)s.Link == l))
                {
                    return $"{where}: both sides disagree: {after[l]}";
                }
            }

            if (!LinkSpec.IsRaw(step.Kind) && actual == Outcome.Ok)
            {
                var acted = step.Kind switch
                {
                    OpKind.SetForward or OpKind.SetReverse => after[link].Forward[step.Dependent] == step.Principal && after[link].Reverse[step.Principal] == step.Dependent,
                    OpKind.ClearForward or OpKind.DetachDependent => after[link].Forward[step.Dependent] == -1,
                    _ => after[link].Reverse[step.Principal] == -1,
                };
                if (!acted)
                {
                    return $"{where}: the object acted on is neither linked nor empty: {after[link]}";
                }
            }

            if (actual != Outcome.Ok && !after.Zip(before).All(x => x.First.Equals(x.Second)))
            {
                return $"{where}: threw {actual} but changed the objects";
            }

            if (exception is OneToOneViolationException violation)
            {
                var (d, p) = TypeNames[step.Link];
                var spec = World.Specs[link];
                var message = $"{p} already has a {d} ({p}.{spec.Reverse}); a second {d} cannot be linked through {d}.{spec.Navigation}.";
                if (!ReferenceEquals(violation.Principal, world.Principal(step.Link, step.Principal)) ||
                    !ReferenceEquals(violation.RejectedDependent, world.Dependent(step.Link, step.Dependent)) ||
                    existing < 0 || !ReferenceEquals(violation.ExistingDependent, world.Dependent(step.Link, existing)) ||
                    violation.Message != message)
                {
                    return $"{where}: the violation reports the wrong objects or message: {violation.Message}";
                }
            }

            before = after;
        }

        return null;
    }
}
