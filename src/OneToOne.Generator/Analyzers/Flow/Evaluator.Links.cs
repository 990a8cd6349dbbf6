using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the transfer of links and unlinks: an assignment to a navigation or reverse accessor, the extension setter,
/// and the effects a call's summary applies. Each link is announced to the observer before the state changes.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// <c>d.User = value</c> or <c>p.Profile = value</c> (also the extension setter): a link, or an unlink when the
    /// value is null.
    /// </summary>
    private void LinkAssignment(LinkEnd end, ValueSet? instance, ValueSet? value, IOperation? instanceOperation, IOperation valueOperation, IOperation operation)
    {
        var link = end.Link;
        if (valueOperation.IsNullValue())
        {
            if (end.IsForward)
            {
                // u.Profile.User = null, u.GetProfile().User = null: whatever u holds is unlinked.
                if (ReadBackFrom(instanceOperation, link) is { Count: 1 } principal)
                {
                    ClearPrincipal(link, principal.First());
                }

                if (instance is { Count: 1 })
                {
                    Detach(link, instance.First()); // d.User = null
                }
            }
            else if (instance is { Count: 1 })
            {
                ClearPrincipal(link, instance.First()); // p.Profile = null
            }

            return;
        }

        var principalOperation = end.IsForward ? valueOperation.WithoutImplicitConversions() : instanceOperation;
        LinkValues(
            link,
            principals: end.IsForward ? value : instance,
            dependents: end.IsForward ? instance : value,
            operation,
            end.IsForward ? principalOperation?.Syntax : PlainSyntax(principalOperation),
            through: null);
    }

    /// <summary>Links <paramref name="dependents"/> to <paramref name="principals"/>, after announcing it to the observer.</summary>
    private void LinkValues(LinkInfo link, ValueSet? principals, ValueSet? dependents, IOperation operation, SyntaxNode? principalSyntax, IMethodSymbol? through)
    {
        if (dependents is { Count: 1 })
        {
            _state.Unhold(link, dependents.First()); // the dependent moves away from any principal it had
        }

        if (dependents is not null)
        {
            foreach (var dependent in dependents)
            {
                _state.RemoveDetached(new DetachedKey(link, dependent));
            }
        }

        if (principals is null)
        {
            return;
        }

        if (dependents is null)
        {
            // An object the analysis cannot name: it never conflicts, and the principal now holds it.
            foreach (var principal in principals)
            {
                _state.RemoveFact(new FactKey(link, principal));
            }

            return;
        }

        if (observer.Reports)
        {
            observer.BeforeLink(_state, new LinkSite(link, principals, dependents, operation, principalSyntax, through));
        }
        foreach (var principal in principals)
        {
            var key = new FactKey(link, principal);
            if ((principals.Count == 1 && !principal.Old) || !_state.TryGetFact(key, out var existing))
            {
                _state.SetFact(key, dependents); // the principal holds exactly these now (sets are immutable: shared)
            }
            else
            {
                _state.SetFact(key, existing.Union(dependents));
            }
        }

        foreach (var dependent in dependents)
        {
            Origins.SetThrough(dependent.Origin, link, through);
        }
    }

    /// <summary>The dependent is linked to no principal through <paramref name="link"/> any more.</summary>
    private void Detach(LinkInfo link, AbstractValue dependent)
    {
        _state.Unhold(link, dependent);
        _state.AddDetached(new DetachedKey(link, dependent));
    }

    /// <summary>The principal holds no dependent of <paramref name="link"/> any more.</summary>
    private void ClearPrincipal(LinkInfo link, AbstractValue principal)
    {
        var key = new FactKey(link, principal);
        if (_state.TryGetFact(key, out var held) && held.Count == 1)
        {
            _state.AddDetached(new DetachedKey(link, held.First()));
        }

        _state.SetFact(key, ValueSet.Empty);
    }

    /// <summary>The dependents <paramref name="principals"/> may hold, when there is one principal and something is known of it.</summary>
    private ValueSet? DependentsOf(LinkInfo link, ValueSet? principals) =>
        principals is { Count: 1 } && _state.TryGetFact(new FactKey(link, principals.First()), out var held) && held.Count > 0
            ? held // the state's sets are never changed in place: shared, not copied
            : null;

    /// <summary>
    /// When <paramref name="instance"/> is the dependent read back from a principal (<c>u.Profile</c>, <c>u.Profile!</c>,
    /// <c>u.GetProfile()</c>) through the same link: that principal's objects.
    /// </summary>
    private ValueSet? ReadBackFrom(IOperation? instance, LinkInfo link)
    {
        switch (instance?.WithoutConversions())
        {
            case IPropertyReferenceOperation property when Context.Resolver.Resolve(property.Property) is { IsForward: false } end && end.Link == link:
                return Peek(property.Instance);
            case IInvocationOperation invocation when Context.Resolver.ResolveGetter(invocation.TargetMethod) is { } getter && getter.Link == link:
                return Peek(Receiver(invocation));
            default:
                return null;
        }
    }

    /// <summary><c>u.SetProfile(p)</c>: the extension setter of a principal from elsewhere, a reverse assignment.</summary>
    private ValueSet? ExtensionSetter(IInvocationOperation invocation, LinkEnd end)
    {
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        var receiver = Receiver(invocation);
        var valueArgument = invocation.Instance is null ? (arguments.Count > 1 ? arguments[1].Value : null) : (arguments.Count > 0 ? arguments[0].Value : null);
        var principals = Eval(receiver);
        var dependents = Eval(valueArgument);
        if (valueArgument is not null)
        {
            LinkAssignment(end, principals, dependents, receiver, valueArgument, invocation);
        }

        return null;
    }

    /// <summary>The receiver of an extension method call (its first argument unless the call is reduced).</summary>
    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).FirstOrDefault()?.Value;
}
