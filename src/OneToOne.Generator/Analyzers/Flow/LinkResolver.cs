using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
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
}

/// <summary>Which end of which link a generated property is.</summary>
internal readonly record struct LinkEnd(LinkInfo Link, bool IsForward);

/// <summary>
/// Maps a property to the link end it implements, if it is a navigation or reverse accessor that the generator
/// wrote. Resolved once per property and compilation.
/// </summary>
internal sealed class LinkResolver(INamedTypeSymbol attributeType)
{
    private readonly ConcurrentDictionary<IPropertySymbol, LinkEnd?> _ends = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(INamedTypeSymbol, string), LinkInfo> _links = new();

    public LinkEnd? Resolve(IPropertySymbol property) => _ends.GetOrAdd(property, Compute);

    private LinkEnd? Compute(IPropertySymbol property)
    {
        if (property.IsStatic || property.ContainingType is not { } host || !LinkParser.IsGeneratedByUs(property))
        {
            return null;
        }

        // The forward navigation: a [OneToOne] on its own class names it.
        foreach (var read in LinkAttribute.DeclaredBy(host, attributeType))
        {
            if (!read.HasErrors && read.Principal is INamedTypeSymbol principal && read.Navigation == property.Name)
            {
                return new LinkEnd(Link(host, principal, read), IsForward: true);
            }
        }

        // The reverse accessor: its type is the dependent, whose [OneToOne] names this class (or, for the C# 14
        // extension property of a principal from elsewhere, whose extension class holds it) and this name.
        var isExtension = IsExtensionClass(host.ContainingType);
        return property.Type is INamedTypeSymbol dependent
            ? ReverseEnd(dependent, property.Name, principal => isExtension || SymbolEqualityComparer.Default.Equals(principal, host))
            : null;
    }

    /// <summary>
    /// The extension setter <c>u.SetProfile(p)</c> of a principal from elsewhere (below C# 14), as a reverse end.
    /// </summary>
    public LinkEnd? ResolveSetter(IMethodSymbol method) => _setters.GetOrAdd(method.ReducedFrom ?? method, ComputeSetter);

    private readonly ConcurrentDictionary<IMethodSymbol, LinkEnd?> _setters = new(SymbolEqualityComparer.Default);

    private LinkEnd? ComputeSetter(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || method.Parameters.Length != 2 || !method.Name.StartsWith(Naming.GeneratedNames.SetterPrefix, System.StringComparison.Ordinal) ||
            !IsExtensionClass(method.ContainingType) || method.Parameters[1].Type is not INamedTypeSymbol dependent)
        {
            return null;
        }

        var receiver = method.Parameters[0].Type;
        return ReverseEnd(dependent, method.Name.Substring(Naming.GeneratedNames.SetterPrefix.Length), principal => SymbolEqualityComparer.Default.Equals(principal, receiver));
    }

    /// <summary>The extension getter <c>u.GetProfile()</c> of a principal from elsewhere (below C# 14), as a reverse end.</summary>
    public LinkEnd? ResolveGetter(IMethodSymbol method) => _getters.GetOrAdd(method.ReducedFrom ?? method, ComputeGetter);

    private readonly ConcurrentDictionary<IMethodSymbol, LinkEnd?> _getters = new(SymbolEqualityComparer.Default);

    private LinkEnd? ComputeGetter(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || method.Parameters.Length != 1 || !method.Name.StartsWith(Naming.GeneratedNames.GetterPrefix, System.StringComparison.Ordinal) ||
            !IsExtensionClass(method.ContainingType) || method.ReturnType is not INamedTypeSymbol dependent)
        {
            return null;
        }

        var receiver = method.Parameters[0].Type;
        return ReverseEnd(dependent, method.Name.Substring(Naming.GeneratedNames.GetterPrefix.Length), principal => SymbolEqualityComparer.Default.Equals(principal, receiver));
    }

    private LinkEnd? ReverseEnd(INamedTypeSymbol dependent, string reverse, System.Func<INamedTypeSymbol, bool> principalMatches)
    {
        foreach (var read in LinkAttribute.DeclaredBy(dependent, attributeType))
        {
            if (!read.HasErrors && read.Principal is INamedTypeSymbol principal && principalMatches(principal) &&
                read.Reverse == reverse)
            {
                return new LinkEnd(Link(dependent, principal, read), IsForward: false);
            }
        }

        return null;
    }

    /// <summary>A static class the generator wrote for the extension form of a reverse accessor.</summary>
    private static bool IsExtensionClass(INamedTypeSymbol? type) =>
        type is { IsStatic: true } && type.Name.EndsWith(Naming.GeneratedNames.ExtensionClassSuffix, System.StringComparison.Ordinal) && LinkParser.IsGeneratedByUs(type);

    private LinkInfo Link(INamedTypeSymbol dependent, INamedTypeSymbol principal, LinkAttribute read) =>
        _links.GetOrAdd((dependent, read.Navigation), _ => new LinkInfo(dependent, principal, read.Navigation, read.Reverse, read.Replace));
}
