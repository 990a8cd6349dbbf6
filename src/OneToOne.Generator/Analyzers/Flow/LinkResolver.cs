using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using OneToOne.Generator.Naming;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>One link declaration, as the flow analysis sees it. One instance per link and compilation.</summary>
internal sealed class LinkInfo(INamedTypeSymbol dependent, INamedTypeSymbol principal, string navigation, string reverse, bool replace)
{
    public INamedTypeSymbol Dependent { get; } = dependent;

    public INamedTypeSymbol Principal { get; } = principal;

    public string Navigation { get; } = navigation;

    public string Reverse { get; } = reverse;

    /// <summary>Links with <c>OnConflict = Replace</c> are never reported.</summary>
    public bool Replace { get; } = replace;

    /// <summary>The forward navigation as a user names it: <c>Profile.User</c>.</summary>
    public string Member => Dependent.Name + "." + Navigation;
}

/// <summary>Which end of which link a generated member is.</summary>
internal readonly record struct LinkEnd(LinkInfo Link, bool IsForward);

/// <summary>
/// Owns the mapping from members to link ends: which property is a forward navigation or a reverse accessor the
/// generator writes (class form and property form, the partial declarations the user wrote for the generator to
/// implement, the extension property of a principal from elsewhere), which extension methods are the reverse
/// accessor's getter and setter, and which types take part in links. Resolved once per member and compilation.
/// </summary>
internal sealed class LinkResolver(INamedTypeSymbol attributeType)
{
    private readonly ConcurrentDictionary<IPropertySymbol, LinkEnd?> _ends = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, LinkEnd?> _setters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, LinkEnd?> _getters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _linkTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(INamedTypeSymbol, string), LinkInfo> _links = new();

    public INamedTypeSymbol AttributeType { get; } = attributeType;

    public LinkEnd? Resolve(IPropertySymbol property) =>
        _ends.TryGetValue(property.OriginalDefinition, out var end) ? end : _ends.GetOrAdd(property.OriginalDefinition, Compute); // a delegate only when new

    private LinkEnd? Compute(IPropertySymbol property)
    {
        if (property.IsStatic || property.IsIndexer || property.ContainingType is not { } host)
        {
            return null;
        }

        // Property form: the [OneToOne] on the navigation itself.
        foreach (var read in LinkAttribute.On(property, AttributeType))
        {
            return !read.HasErrors && read.Principal is INamedTypeSymbol principal
                ? new LinkEnd(Link(host, principal, read), IsForward: true)
                : null;
        }

        if (!WrittenForTheGenerator(property))
        {
            return null;
        }

        // Class form: a [OneToOne] on its own class names it.
        foreach (var read in LinkAttribute.DeclaredBy(host, AttributeType))
        {
            if (!read.HasErrors && !read.IsPropertyForm && read.Principal is INamedTypeSymbol principal && read.Navigation == property.Name)
            {
                return new LinkEnd(Link(host, principal, read), IsForward: true);
            }
        }

        // The reverse accessor: its type is the dependent, whose [OneToOne] names this class (or, for the C# 14
        // extension property of a principal from elsewhere, whose extension class holds it) and this name.
        var isExtension = IsExtensionClass(host.ContainingType) || IsExtensionClass(host);
        return property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) is INamedTypeSymbol dependent
            ? ReverseEnd(dependent, property.Name, principal => isExtension || SymbolEqualityComparer.Default.Equals(principal, host))
            : null;
    }

    /// <summary>
    /// A member the generator wrote, or a partial declaration the user wrote for it to implement (its attributes
    /// merge with the implementation's, which carries the generator's mark; without that mark it still qualifies
    /// when a link names it, which the callers check).
    /// </summary>
    private static bool WrittenForTheGenerator(IPropertySymbol property) =>
        LinkParser.IsGeneratedByUs(property) ||
        (property.PartialImplementationPart is { } implementation && LinkParser.IsGeneratedByUs(implementation)) ||
        property.IsPartialDefinition;

    /// <summary>The extension setter <c>u.SetProfile(p)</c> of a principal from elsewhere, as a reverse end.</summary>
    public LinkEnd? ResolveSetter(IMethodSymbol method) =>
        method.Name.StartsWith(GeneratedNames.SetterPrefix, StringComparison.Ordinal) // most calls: no look-up at all
            ? _setters.TryGetValue(method.ReducedFrom ?? method, out var end) ? end : _setters.GetOrAdd(method.ReducedFrom ?? method, ComputeSetter)
            : null;

    private LinkEnd? ComputeSetter(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || method.Parameters.Length != 2 || !method.Name.StartsWith(GeneratedNames.SetterPrefix, StringComparison.Ordinal) ||
            !IsExtensionClass(method.ContainingType) || method.Parameters[1].Type is not INamedTypeSymbol dependent)
        {
            return null;
        }

        var receiver = method.Parameters[0].Type;
        return ReverseEnd(dependent, method.Name.Substring(GeneratedNames.SetterPrefix.Length), principal => SymbolEqualityComparer.Default.Equals(principal, receiver));
    }

    /// <summary>The extension getter <c>u.GetProfile()</c> of a principal from elsewhere, as a reverse end.</summary>
    public LinkEnd? ResolveGetter(IMethodSymbol method) =>
        method.Name.StartsWith(GeneratedNames.GetterPrefix, StringComparison.Ordinal) // most calls: no look-up at all
            ? _getters.TryGetValue(method.ReducedFrom ?? method, out var end) ? end : _getters.GetOrAdd(method.ReducedFrom ?? method, ComputeGetter)
            : null;

    private LinkEnd? ComputeGetter(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || method.Parameters.Length != 1 || !method.Name.StartsWith(GeneratedNames.GetterPrefix, StringComparison.Ordinal) ||
            !IsExtensionClass(method.ContainingType) || method.ReturnType is not INamedTypeSymbol dependent)
        {
            return null;
        }

        var receiver = method.Parameters[0].Type;
        return ReverseEnd(dependent, method.Name.Substring(GeneratedNames.GetterPrefix.Length), principal => SymbolEqualityComparer.Default.Equals(principal, receiver));
    }

    /// <summary>
    /// Whether <paramref name="type"/> (or a base class of it) is the dependent or the principal of a link declared in
    /// this compilation: a call can only link or unlink through objects of such types.
    /// </summary>
    public bool IsLinkType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case ITypeParameterSymbol parameter:
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    if (IsLinkType(constraint))
                    {
                        return true;
                    }
                }

                return false;
            case INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named:
                return _linkTypes.TryGetValue(named.OriginalDefinition, out var known) ? known : _linkTypes.GetOrAdd(named.OriginalDefinition, ComputeIsLinkType);
            default:
                return false;
        }
    }

    private bool ComputeIsLinkType(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is { SpecialType: SpecialType.None }; current = current.BaseType)
        {
            if (LinkAttribute.DeclaredBy(current, AttributeType).Count > 0)
            {
                return true;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol property && WrittenForTheGenerator(property) && Resolve(property) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private LinkEnd? ReverseEnd(INamedTypeSymbol dependent, string reverse, Func<INamedTypeSymbol, bool> principalMatches)
    {
        foreach (var read in LinkAttribute.DeclaredBy(dependent.OriginalDefinition, AttributeType))
        {
            if (!read.HasErrors && read.Principal is INamedTypeSymbol principal && principalMatches(principal) &&
                read.Reverse == reverse)
            {
                return new LinkEnd(Link(read.Dependent, principal, read), IsForward: false);
            }
        }

        return null;
    }

    /// <summary>A static class the generator wrote for the extension form of a reverse accessor.</summary>
    private static bool IsExtensionClass(INamedTypeSymbol? type) =>
        type is { IsStatic: true } && type.Name.EndsWith(GeneratedNames.ExtensionClassSuffix, StringComparison.Ordinal) && LinkParser.IsGeneratedByUs(type);

    private LinkInfo Link(INamedTypeSymbol dependent, INamedTypeSymbol principal, LinkAttribute read) =>
        _links.GetOrAdd((dependent, read.Navigation), _ => new LinkInfo(dependent, principal, read.Navigation, read.Reverse, read.Replace));
}
