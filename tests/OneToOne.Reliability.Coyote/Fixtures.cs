using OneToOne.Reliability.Model;

namespace OneToOne.Reliability.Coyote;

/// <summary>One link over real objects, addressed by index so the reference model can follow it.</summary>
internal interface ILinkFixture
{
    LinkSpec Spec { get; }

    int Dependents { get; }

    int Principals { get; }

    /// <summary>How many kinds of <see cref="OpKind"/> the fixture runs: the four assignments, plus the two ORM detach entry points when it has them.</summary>
    int OperationKinds { get; }

    /// <summary>Runs one operation through the real setters; the link exceptions become outcomes, any other escapes.</summary>
    Outcome Do(OpKind kind, int dependent, int principal);

    /// <summary>Reads both sides of every object (plain reads, as a user would) into a model state; -2 marks an object outside the pools.</summary>
    LinkState Observe();
}

/// <summary>An <see cref="ILinkFixture"/> over two pools (one pool for a self link) and the four accessors of a link.</summary>
internal sealed class LinkFixture<TDependent, TPrincipal>(
    LinkSpec spec,
    TDependent[] dependents,
    TPrincipal[] principals,
    Func<TDependent, TPrincipal?> getForward,
    Action<TDependent, TPrincipal?> setForward,
    Func<TPrincipal, TDependent?> getReverse,
    Action<TPrincipal, TDependent?> setReverse,
    bool detach = false) : ILinkFixture
    where TDependent : class
    where TPrincipal : class
{
    public LinkSpec Spec => spec;

    public int OperationKinds => detach ? 6 : 4;

    public int Dependents => dependents.Length;

    public int Principals => principals.Length;

    public Outcome Do(OpKind kind, int dependent, int principal)
    {
        try
        {
            switch (kind)
            {
                case OpKind.SetForward: setForward(dependents[dependent], principals[principal]); break;
                case OpKind.SetReverse: setReverse(principals[principal], dependents[dependent]); break;
                case OpKind.ClearForward: setForward(dependents[dependent], null); break;
                case OpKind.ClearReverse: setReverse(principals[principal], null); break;
                case OpKind.DetachDependent: Detach<TDependent, TPrincipal>.Dependent(dependents[dependent]); break;
                case OpKind.DetachPrincipal: Detach<TDependent, TPrincipal>.Principal(principals[principal]); break;
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }

            return Outcome.Ok;
        }
        catch (Exception e) when (RealOutcome.Of(e) is { } outcome)
        {
            return outcome;
        }
    }

    public LinkState Observe()
    {
        var state = new LinkState(spec, dependents.Length, principals.Length);
        for (var d = 0; d < dependents.Length; d++)
        {
            state.Forward[d] = IndexOf(principals, getForward(dependents[d]));
        }

        for (var p = 0; p < principals.Length; p++)
        {
            state.Reverse[p] = IndexOf(dependents, getReverse(principals[p]));
        }

        return state;
    }

    private static int IndexOf<T>(T[] pool, T? item)
        where T : class
    {
        if (item is null)
        {
            return -1;
        }

        for (var i = 0; i < pool.Length; i++)
        {
            if (ReferenceEquals(pool[i], item))
            {
                return i;
            }
        }

        return -2;
    }
}

/// <summary>
/// The ORM entry points of the real protocol for one link, bound as the EF Core integration binds them: the
/// generated accessor struct found by scanning this assembly, then <c>MakeGenericMethod</c>.
/// </summary>
internal static class Detach<TDependent, TPrincipal>
    where TDependent : class
    where TPrincipal : class
{
    private static readonly Type Link = typeof(Detach<,>).Assembly.GetTypes()
        .Single(t => t.IsValueType && typeof(OneToOne.Infrastructure.IOneToOneLink<TDependent, TPrincipal>).IsAssignableFrom(t));

    public static readonly Action<TDependent> Dependent = Bind<Action<TDependent>>(nameof(OneToOne.Infrastructure.OneToOneLinks.DetachDependent));

    public static readonly Action<TPrincipal> Principal = Bind<Action<TPrincipal>>(nameof(OneToOne.Infrastructure.OneToOneLinks.DetachPrincipal));

    private static T Bind<T>(string name)
        where T : Delegate =>
        (T)Delegate.CreateDelegate(typeof(T), typeof(OneToOne.Infrastructure.OneToOneLinks).GetMethod(name)!.MakeGenericMethod(typeof(TDependent), typeof(TPrincipal), Link));
}
