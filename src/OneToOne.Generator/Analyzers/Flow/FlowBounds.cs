namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns every bound of the flow analysis, so that each limit on its work is named once and documented once (the
/// rule pages of OTO100 and OTO101 quote them).
/// </summary>
internal static class FlowBounds
{
    /// <summary>
    /// How many times, on average, each block of a control-flow graph may run before the fixed point stops (the work
    /// list runs a block again only when what reaches it grew). The state only grows, so the fixed point is reached
    /// in a few runs; the bound stops a pathological graph from running on.
    /// </summary>
    public const int FixedPointRounds = 64;

    /// <summary>
    /// How many runs of a lambda that runs repeatedly (<c>list.ForEach(...)</c>, LINQ, <c>Parallel</c>) are joined
    /// before the state at its start is taken as settled.
    /// </summary>
    public const int RepeatedLambdaRuns = 8;

    /// <summary>
    /// How many levels of methods a call is followed through: the called method, the methods it calls, and so on,
    /// this many methods deep. A link made deeper down is not seen.
    /// </summary>
    public const int CallDepth = 4;

    /// <summary>How many link and unlink effects one method summary keeps; a method with more does nothing known.</summary>
    public const int SummaryEffects = 32;

    /// <summary>
    /// How many objects one variable or one principal's dependents may stand for before a join makes them one
    /// temporary (a variable assigned on many branches): keeps each step of a long method cheap.
    /// </summary>
    public const int ValuesPerSet = 16;

    /// <summary>How many earlier dependents a message lists.</summary>
    public const int NamesInMessage = 3;
}
