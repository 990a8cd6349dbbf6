using System.Reflection;
using OneToOne.Infrastructure;

namespace OneToOne.Tests;

/// <summary>
/// Direct access to one link's storage, as a tool that bypasses the protocol (an ORM's fix-up) has it: through the
/// generated accessor struct, found by reflection as an ORM integration finds it (the value type of the assembly
/// that implements <see cref="IOneToOneLink{TDependent, TPrincipal}"/> for the pair, with the given navigation).
/// Also calls the ORM entry points of <see cref="OneToOneLinks"/> the way that integration does: through
/// <see cref="MethodInfo.MakeGenericMethod"/>.
/// </summary>
public sealed class RawStorage<TDependent, TPrincipal>
    where TDependent : class
    where TPrincipal : class
{
    private readonly IOneToOneLink<TDependent, TPrincipal> _link;
    private readonly MethodInfo _detachDependent;
    private readonly MethodInfo _detachPrincipal;

    public RawStorage(string navigation)
    {
        var candidates = typeof(RawStorage<,>).Assembly.GetTypes()
            .Where(t => t.IsValueType && typeof(IOneToOneLink<TDependent, TPrincipal>).IsAssignableFrom(t))
            .Select(t => (Type: t, Link: (IOneToOneLink<TDependent, TPrincipal>)Activator.CreateInstance(t)!))
            .Where(c => c.Link.NavigationName == navigation)
            .ToList();
        Assert.True(candidates.Count == 1, $"expected one accessor of {typeof(TDependent).Name}.{navigation}, found {candidates.Count}");
        (LinkType, _link) = candidates[0];
        _detachDependent = typeof(OneToOneLinks).GetMethod(nameof(OneToOneLinks.DetachDependent))!.MakeGenericMethod(typeof(TDependent), typeof(TPrincipal), LinkType);
        _detachPrincipal = typeof(OneToOneLinks).GetMethod(nameof(OneToOneLinks.DetachPrincipal))!.MakeGenericMethod(typeof(TDependent), typeof(TPrincipal), LinkType);
    }

    /// <summary>The generated accessor struct.</summary>
    public Type LinkType { get; }

    public TPrincipal? Forward(TDependent dependent) => _link.GetPrincipal(dependent);

    public TDependent? Reverse(TPrincipal principal) => _link.GetDependent(principal);

    /// <summary>Writes the dependent's slot only, as an ORM's fix-up may.</summary>
    public void WriteForward(TDependent dependent, TPrincipal? principal) => _link.SetPrincipal(dependent, principal);

    /// <summary>Writes the principal's slot only, as an ORM's fix-up may.</summary>
    public void WriteReverse(TPrincipal principal, TDependent? dependent) => _link.SetDependent(principal, dependent);

    public void DetachDependent(TDependent? dependent) => Invoke(_detachDependent, [dependent]);

    /// <summary>Calls the forward setter's entry point directly (the generated setter never passes a null receiver).</summary>
    public void SetPrincipal(TDependent? dependent, TPrincipal? principal) =>
        Invoke(typeof(OneToOneLinks).GetMethod(nameof(OneToOneLinks.SetPrincipal))!.MakeGenericMethod(typeof(TDependent), typeof(TPrincipal), LinkType), dependent, principal);

    /// <summary>Calls the reverse setter's entry point directly.</summary>
    public void SetDependent(TPrincipal? principal, TDependent? dependent) =>
        Invoke(typeof(OneToOneLinks).GetMethod(nameof(OneToOneLinks.SetDependent))!.MakeGenericMethod(typeof(TDependent), typeof(TPrincipal), LinkType), principal, dependent);

    public void DetachPrincipal(TPrincipal? principal) => Invoke(_detachPrincipal, [principal]);

    private static void Invoke(MethodInfo method, params object?[] arguments)
    {
        try
        {
            method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
