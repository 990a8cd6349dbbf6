using BenchmarkDotNet.Attributes;
using OneToOne.Benchmarks.Models;

namespace OneToOne.Benchmarks.Runtime;

/// <summary>
/// Reads: 1,024 objects, each linked, read in a loop (OperationsPerInvoke = 1,024: times are per read). Baseline:
/// the same loop over an auto-property of the same type.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private const int Count = 1024;
    private AutoHolder[] _auto = null!;
    private Profile[] _dependents = null!;
    private User[] _principals = null!;
    private HwProfile[] _hand = null!;
    private Box<int>[] _boxes = null!;
    private RegProfile[] _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _auto = new AutoHolder[Count];
        _dependents = new Profile[Count];
        _principals = new User[Count];
        _hand = new HwProfile[Count];
        _boxes = new Box<int>[Count];
        _registry = new RegProfile[Count];
        for (var i = 0; i < Count; i++)
        {
            var u = new User();
            _principals[i] = u;
            _dependents[i] = new Profile { User = u };
            _auto[i] = new AutoHolder { User = u };
            _hand[i] = new HwProfile { User = new HwUser() };
            _boxes[i] = new Box<int>();
            _ = new BoxLabel { Box = _boxes[i] };
            _registry[i] = new RegProfile { User = new RegUser() };
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "auto-property")]
    public int AutoProperty()
    {
        var n = 0;
        foreach (var x in _auto)
        {
            if (x.User is not null) n++;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "OneToOne forward (d.User)")]
    public int Forward()
    {
        var n = 0;
        foreach (var x in _dependents)
        {
            if (x.User is not null) n++;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "OneToOne reverse (u.Profile)")]
    public int Reverse()
    {
        var n = 0;
        foreach (var x in _principals)
        {
            if (x.Profile is not null) n++;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "(a) hand-written forward")]
    public int HandWrittenForward()
    {
        var n = 0;
        foreach (var x in _hand)
        {
            if (x.User is not null) n++;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "OneToOne reverse, external principal (weak)")]
    public int ExternalReverse()
    {
        var n = 0;
        foreach (var x in _boxes)
        {
            if (x.Label is not null) n++;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "(d) Dictionary registry + lock")]
    public int RegistryForward()
    {
        var n = 0;
        foreach (var x in _registry)
        {
            if (x.User is not null) n++;
        }

        return n;
    }
}
