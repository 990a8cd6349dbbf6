// The thread stress of the concurrency tests: many threads run one operation at once, from one start.
namespace OneToOne.TestSupport;

/// <summary>Runs an operation on several threads at once, released together, each with its own seeded random.</summary>
public static class Contention
{
    /// <summary>
    /// Starts <paramref name="threads"/> threads together (a barrier), each running <paramref name="operation"/>
    /// <paramref name="operationsPerThread"/> times with a <see cref="Random"/> seeded by its index; fails when any
    /// operation threw.
    /// </summary>
    public static void Run(Action<Random> operation, int operationsPerThread = 100_000, int threads = 4)
    {
        using var start = new Barrier(threads);
        var errors = new List<Exception>();
        var started = Enumerable.Range(0, threads).Select(seed => new Thread(() =>
        {
            var random = new Random(seed * 7919);
            start.SignalAndWait();
            try
            {
                for (var i = 0; i < operationsPerThread; i++)
                {
                    operation(random);
                }
            }
            catch (Exception e)
            {
                lock (errors)
                {
                    errors.Add(e);
                }
            }
        })).ToArray();
        foreach (var t in started)
        {
            t.Start();
        }

        foreach (var t in started)
        {
            t.Join();
        }

        Assert.Empty(errors);
    }
}
