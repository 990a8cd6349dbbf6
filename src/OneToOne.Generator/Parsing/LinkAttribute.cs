using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneToOne.Generator.Parsing;

/// <summary>
/// One <c>[OneToOne]</c> application, read once: the only place that reads the attribute's arguments. Used by the
/// generator's parser, the analyzers and the code fixes alike.
/// </summary>
/// <remarks>
/// Class form: <c>[OneToOne(typeof(User))]</c> on the dependent class; the principal is the argument and the
/// navigation is <c>Navigation</c> or the principal's name. Property form: <c>[OneToOne]</c> on a property of the
/// dependent; the principal is the property's type (nullable annotation removed), the navigation is the
/// property's name and <c>Required</c> follows its <c>required</c> modifier.
/// </remarks>
internal sealed class LinkAttribute
{
    private LinkAttribute(AttributeData data, INamedTypeSymbol dependent, IPropertySymbol? property)
    {
        Data = data;
        Dependent = dependent;
        Property = property;
    }

    /// <summary>The attribute as the compiler bound it.</summary>
    public AttributeData Data { get; }

    /// <summary>The class that carries the link.</summary>
    public INamedTypeSymbol Dependent { get; }

    /// <summary>The property the attribute is on (property form), or <see langword="null"/> (class form).</summary>
    public IPropertySymbol? Property { get; }

    /// <summary>Whether this is the property form.</summary>
    public bool IsPropertyForm => Property is not null;

    /// <summary>The <c>typeof</c> argument, if one was given and bound.</summary>
    public ITypeSymbol? PrincipalArgument { get; private set; }

    /// <summary>The principal: the <c>typeof</c> argument (class form) or the property's type (property form).</summary>
    public ITypeSymbol? Principal { get; private set; }

    public string? NavigationArgument { get; private set; }

    public string? ReverseArgument { get; private set; }

    /// <summary>The <c>Required</c> argument, when given.</summary>
    public bool? RequiredArgument { get; private set; }

    public OneToOneConflict OnConflict { get; private set; }

    public OneToOneDelete OnDelete { get; private set; }

    public string? ForeignKey { get; private set; }

    /// <summary>An argument did not bind (the compiler reports it), or the class form lacks its principal.</summary>
    public bool HasErrors { get; private set; }

    public bool Replace => OnConflict == OneToOneConflict.Replace;

    /// <summary>Required: the argument (class form), or the property's <c>required</c> modifier (property form).</summary>
    public bool Required => Property is { } property ? property.IsRequired : RequiredArgument ?? false;

    /// <summary>The forward navigation's name: the property (property form), the argument, or the principal type's name.</summary>
    public string Navigation => Property?.Name ?? NavigationArgument ?? Principal?.Name ?? "";

    /// <summary>The reverse accessor's name: the argument, or the dependent type's name.</summary>
    public string Reverse => ReverseArgument ?? Dependent.Name;

    /// <summary>The attribute's syntax, when it is in source.</summary>
    public AttributeSyntax? Syntax(System.Threading.CancellationToken cancellationToken) =>
        Data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>Reads one application on a class (class form) or a property (property form).</summary>
    public static LinkAttribute Read(AttributeData attribute, ISymbol target)
    {
        var property = target as IPropertySymbol;
        var dependent = property?.ContainingType ?? (INamedTypeSymbol)target;
        var read = new LinkAttribute(attribute, dependent, property);
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Type)
        {
            read.PrincipalArgument = arguments[0].Value as ITypeSymbol;
        }
        else if (arguments.Length != 0 || property is null)
        {
            read.HasErrors = true; // the class form needs its principal; the compiler reports a bad argument
        }

        read.Principal = property is null
            ? read.PrincipalArgument
            : property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Error)
            {
                read.HasErrors = true;
                continue;
            }

            var value = named.Value.Value;
            switch (named.Key)
            {
                case nameof(Navigation): read.NavigationArgument = value as string; break;
                case nameof(Reverse): read.ReverseArgument = value as string; break;
                case nameof(Required): read.RequiredArgument = value is true; break;
                // An undefined value ((OneToOneConflict)7) behaves as the default: only the named values mean something.
                case nameof(OnConflict): read.OnConflict = value is int c && System.Enum.IsDefined(typeof(OneToOneConflict), c) ? (OneToOneConflict)c : OneToOneConflict.Throw; break;
                case nameof(OnDelete): read.OnDelete = value is int d && System.Enum.IsDefined(typeof(OneToOneDelete), d) ? (OneToOneDelete)d : OneToOneDelete.Cascade; break;
                case nameof(ForeignKey): read.ForeignKey = value as string; break;
            }
        }

        return read;
    }

    /// <summary>
    /// Every <c>[OneToOne]</c> declared by <paramref name="dependent"/>: on the class, then on its properties.
    /// None on anything but a class (the compiler reports the attribute elsewhere).
    /// </summary>
    public static List<LinkAttribute> DeclaredBy(INamedTypeSymbol dependent, INamedTypeSymbol attributeType)
    {
        var result = new List<LinkAttribute>();
        if (dependent.TypeKind != TypeKind.Class)
        {
            return result;
        }

        AddApplications(dependent, attributeType, result);
        foreach (var member in dependent.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                AddApplications(property, attributeType, result);
            }
        }

        return result;
    }

    /// <summary>The <c>[OneToOne]</c> applications on <paramref name="symbol"/> itself (a class or a property).</summary>
    public static List<LinkAttribute> On(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        var result = new List<LinkAttribute>();
        if (symbol is INamedTypeSymbol { TypeKind: not TypeKind.Class })
        {
            return result;
        }

        AddApplications(symbol, attributeType, result);
        return result;
    }

    private static void AddApplications(ISymbol symbol, INamedTypeSymbol attributeType, List<LinkAttribute> result)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                result.Add(Read(attribute, symbol));
            }
        }
    }

    /// <summary>Whether the attribute's file can declare partial properties (C# 13 or newer).</summary>
    public static bool SupportsPartialProperties(SyntaxTree? tree) =>
        tree?.Options is CSharpParseOptions options && options.LanguageVersion >= LanguageVersion.CSharp13;
}
