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
        foreach (var attribute in DeclarationAnalyzer.OneToOneAttributes(host, attributeType))
        {
            var read = LinkAttribute.Read(attribute);
            if (!read.HasErrors && read.Principal is INamedTypeSymbol principal && read.Navigation == property.Name)
            {
                return new LinkEnd(Link(host, principal, read), IsForward: true);
            }
        }

        // The reverse accessor: its type is the dependent, whose [OneToOne] names this class and this name.
        if (property.Type is INamedTypeSymbol dependent)
        {
            foreach (var attribute in DeclarationAnalyzer.OneToOneAttributes(dependent, attributeType))
            {
                var read = LinkAttribute.Read(attribute);
                if (!read.HasErrors && read.Principal is INamedTypeSymbol principal &&
                    SymbolEqualityComparer.Default.Equals(principal, host) && read.ReverseFor(dependent) == property.Name)
                {
                    return new LinkEnd(Link(dependent, principal, read), IsForward: false);
                }
            }
        }

        return null;
    }

    private LinkInfo Link(INamedTypeSymbol dependent, INamedTypeSymbol principal, LinkAttribute read) =>
        _links.GetOrAdd((dependent, read.Navigation), _ => new LinkInfo(dependent, principal, read.Navigation, read.ReverseFor(dependent), read.Replace));
}
