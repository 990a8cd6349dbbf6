using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Parsing;

/// <summary>The raw arguments of one <c>[OneToOne]</c> application, with the default names filled in.</summary>
internal readonly record struct LinkAttribute(
    ITypeSymbol? Principal,
    string? NavigationArgument,
    string? ReverseArgument,
    bool Required,
    int OnConflict,
    int OnDelete,
    bool HasErrors)
{
    public bool Replace => OnConflict == 1;

    /// <summary>The forward navigation's name: the argument, or the principal type's name.</summary>
    public string Navigation => NavigationArgument ?? Principal?.Name ?? "";

    /// <summary>The reverse accessor's name: the argument, or the dependent type's name.</summary>
    public string ReverseFor(INamedTypeSymbol dependent) => ReverseArgument ?? dependent.Name;

    /// <summary>Reads the attribute; <see cref="HasErrors"/> when an argument did not bind.</summary>
    public static LinkAttribute Read(AttributeData attribute)
    {
        ITypeSymbol? principal = null;
        var hasErrors = attribute.ConstructorArguments.Length != 1 ||
                        attribute.ConstructorArguments[0].Kind != TypedConstantKind.Type;
        if (!hasErrors)
        {
            principal = attribute.ConstructorArguments[0].Value as ITypeSymbol;
        }

        string? navigation = null, reverse = null;
        bool required = false;
        int onConflict = 0, onDelete = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Error)
            {
                hasErrors = true;
                continue;
            }

            switch (named.Key)
            {
                case "Navigation": navigation = named.Value.Value as string; break;
                case "Reverse": reverse = named.Value.Value as string; break;
                case "Required": required = named.Value.Value is true; break;
                case "OnConflict": onConflict = named.Value.Value is int c ? c : 0; break;
                case "OnDelete": onDelete = named.Value.Value is int d ? d : 0; break;
            }
        }

        return new LinkAttribute(principal, navigation, reverse, required, onConflict, onDelete, hasErrors);
    }
}
