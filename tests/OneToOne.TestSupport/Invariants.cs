namespace OneToOne.TestSupport;

/// <summary>
/// The invariant (both sides agree, no principal has two dependents), as a checker usable on any pair of navigations:
/// the two sides are read through the accessors given, so one checker serves the member form, the property form and
/// the extension forms of principals from another assembly alike.
/// </summary>
public static class Invariants
{
    /// <summary>
    /// Every broken invariant: a principal whose dependent does not point back, a dependent whose principal does
    /// not point back, or a principal pointed at by two dependents.
    /// </summary>
    public static List<string> Violations<TDependent, TPrincipal>(
        IReadOnlyList<TDependent> dependents,
        IReadOnlyList<TPrincipal> principals,
        Func<TDependent, TPrincipal?> forward,
        Func<TPrincipal, TDependent?> reverse)
        where TDependent : class
        where TPrincipal : class
    {
        var problems = new List<string>();
        foreach (var (p, i) in principals.Select((p, i) => (p, i)))
        {
            var d = reverse(p);
            if (d is not null && !ReferenceEquals(forward(d), p))
            {
                problems.Add($"principal #{i}: its dependent points elsewhere");
            }
        }

        var owners = new Dictionary<TPrincipal, int>(ReferenceEqualityComparer.Instance as IEqualityComparer<TPrincipal>);
        foreach (var (d, i) in dependents.Select((d, i) => (d, i)))
        {
            var p = forward(d);
            if (p is null)
            {
                continue;
            }

            if (!ReferenceEquals(reverse(p), d))
            {
                problems.Add($"dependent #{i}: its principal points elsewhere");
            }

            if (owners.TryGetValue(p, out var other))
            {
                problems.Add($"dependents #{other} and #{i} both point at one principal");
            }

            owners[p] = i;
        }

        return problems;
    }
}
