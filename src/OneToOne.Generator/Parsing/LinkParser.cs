using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Model;
using OneToOne.Generator.Naming;

namespace OneToOne.Generator.Parsing;

/// <summary>
/// Reads one <c>[OneToOne]</c> application into a <see cref="LinkModel"/> and runs every check that concerns that
/// declaration alone (OTO001-OTO004, OTO006-OTO010). Shared by the generator (which emits only valid links) and
/// the declaration analyzer (which reports why a link is invalid), so both follow the same rules.
/// The cross-link check OTO005 is <see cref="LinkClashes"/>.
/// </summary>
internal static class LinkParser
{
    public const string AttributeMetadataName = GeneratedNames.AttributeMetadataName;

    private static readonly SymbolDisplayFormat DeclarationFormat = new(
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static bool IsOneToOneAttribute(INamedTypeSymbol? type) =>
        type is { Name: "OneToOneAttribute", ContainingNamespace: { Name: "OneToOne", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// The types, from <paramref name="type"/> outwards, that are not declared <c>partial</c> (OTO001/OTO003).
    /// </summary>
    public static List<INamedTypeSymbol> NonPartialTypes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current, cancellationToken))
            {
                result.Add(current);
            }
        }

        return result;
    }

    /// <summary>Whether any declaration of <paramref name="type"/> has the <c>partial</c> modifier.</summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses and checks one attribute. Returns <see langword="null"/> when the attribute is too broken to name a
    /// link (the compiler already reports that, e.g. an unknown type in <c>typeof</c>).
    /// </summary>
    public static LinkModel? Parse(
        INamedTypeSymbol dependent,
        AttributeData attribute,
        Compilation compilation,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        if (attribute.ConstructorArguments.Length != 1 ||
            attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Type } principalArgument)
        {
            return null;
        }

        string? navigationArgument = null, reverseArgument = null;
        bool required = false;
        int onConflict = 0, onDelete = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            switch (named.Key)
            {
                case "Navigation": navigationArgument = named.Value.Value as string; break;
                case "Reverse": reverseArgument = named.Value.Value as string; break;
                case "Required": required = named.Value.Value is true; break;
                case "OnConflict": onConflict = named.Value.Value is int c ? c : 0; break;
                case "OnDelete": onDelete = named.Value.Value is int d ? d : 0; break;
            }
        }

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = attributeSyntax?.GetLocation() ?? dependent.Locations.FirstOrDefault();
        var principalLocation = ArgumentLocation(attributeSyntax, null) ?? attributeLocation;

        var principalType = principalArgument.Value as ITypeSymbol;
        if (principalType is null)
        {
            sink.Report(Descriptors.PrincipalNotLinkable, principalLocation, null, "null", dependent.Name, "null");
            return null;
        }

        if (principalType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var dependentName = dependent.Name;
        var valid = NonPartialTypes(dependent, cancellationToken).Count == 0; // OTO001, reported once per class by the analyzer

        // Half-typed code (`namespace { ... }`) gives namespaces without a name: the compiler reports it; emit nothing.
        valid &= !HasUnnamedNamespace(dependent) && !(principalType is INamedTypeSymbol principalNamed && HasUnnamedNamespace(principalNamed));

        // OTO002: what the principal is.
        var principal = principalType as INamedTypeSymbol;
        var principalProblem = PrincipalProblem(principalType);
        if (principalProblem is not null)
        {
            sink.Report(Descriptors.PrincipalNotLinkable, principalLocation, null, principalType.ToDisplayString(), dependentName, principalProblem);
            return null;
        }

        var principalName = principal!.Name;
        var navigation = navigationArgument ?? principalName;
        var reverse = reverseArgument ?? dependentName;

        // OTO006: the names must be identifiers.
        var namesValid = true;
        if (navigationArgument is not null && !IsIdentifier(navigationArgument))
        {
            sink.Report(Descriptors.InvalidName, ArgumentLocation(attributeSyntax, "Navigation") ?? attributeLocation, null,
                navigationArgument, "Navigation", $"{dependentName}.{navigationArgument}", principalName);
            namesValid = false;
        }

        if (reverseArgument is not null && !IsIdentifier(reverseArgument))
        {
            sink.Report(Descriptors.InvalidName, ArgumentLocation(attributeSyntax, "Reverse") ?? attributeLocation, null,
                reverseArgument, "Reverse", $"{dependentName}.{navigation}", principalName);
            namesValid = false;
        }

        // OTO009: the dependent must be able to carry a link.
        var dependentProblem = DependentProblem(dependent);
        if (dependentProblem is not null)
        {
            sink.Report(Descriptors.DependentCannotCarryLink, attributeLocation, null, dependent.ToDisplayString(), principalName, dependentProblem);
            valid = false;
        }

        // OTO009 too: a required member cannot be less visible than its class (CS9032).
        if (required && dependentProblem is null && IsPublicToAll(dependent) && !IsPublicToAll(principal))
        {
            sink.Report(Descriptors.DependentCannotCarryLink, attributeLocation, null, dependent.ToDisplayString(), principalName,
                $"public while its required principal '{principalName}' is internal, and a required member cannot be less visible than its class");
            valid = false;
        }

        // OTO007: no records on either side.
        if (dependent.IsRecord || principal.IsRecord)
        {
            var record = dependent.IsRecord ? dependent : principal;
            sink.Report(Descriptors.RecordInLink, attributeLocation, null, record.ToDisplayString(), $"{dependentName}.{navigation}", principalName);
            valid = false;
        }

        // OTO008 / OTO010: option combinations.
        if (required && onConflict == 1)
        {
            sink.Report(Descriptors.ReplaceWithRequired, attributeLocation, null, dependentName, navigation, principalName);
            valid = false;
        }

        if (required && onDelete == 2)
        {
            sink.Report(Descriptors.SetNullWithRequired, attributeLocation, null, dependentName, navigation, principalName);
            valid = false;
        }

        // The principal's shape: in this compilation and partial (the reverse accessor is a member), or not.
        // The principal's shape: declared in this compilation (a partial class that receives the reverse accessor as
        // a member), or one this compilation cannot change (a referenced assembly's type, a closed generic), which
        // takes the extension form of the reverse accessor.
        var principalInSource = SymbolEqualityComparer.Default.Equals(principal.ContainingAssembly, compilation.Assembly) &&
                                SymbolEqualityComparer.Default.Equals(principal, principal.OriginalDefinition);
        var reverseForm = principalInSource ? ReverseForm.Member
            : SupportsExtensionProperties(attributeSyntax) ? ReverseForm.ExtensionProperty
            : ReverseForm.ExtensionMethods;
        if (principalInSource)
        {
            foreach (var nonPartial in NonPartialTypes(principal, cancellationToken))
            {
                sink.Report(Descriptors.PrincipalNotPartial, principalLocation, nonPartial.Locations.FirstOrDefault(),
                    nonPartial.ToDisplayString(), dependentName, principalName, reverse);
                valid = false;
            }
        }

        // OTO004: the generated members must not clash with members the user wrote.
        var membersFree = true;
        if (namesValid)
        {
            var navigationClash = ClashWith(dependent, navigation);
            if (navigationClash is not null)
            {
                sink.Report(Descriptors.NameClash, ArgumentLocation(attributeSyntax, "Navigation") ?? attributeLocation, navigationClash.Value.Location,
                    dependentName, dependentName, navigation, navigationClash.Value.Reason, "Navigation");
                valid = false;
                membersFree = false;
            }

            // A member of the principal with the reverse accessor's name would hide the extension form too.
            var reverseClash = reverseForm == ReverseForm.ExtensionMethods
                ? ClashWith(principal, GeneratedNames.Getter(reverse), isMember: false) ?? ClashWith(principal, GeneratedNames.Setter(reverse), isMember: false)
                : ClashWith(principal, reverse, isMember: reverseForm == ReverseForm.Member);
            if (reverseClash is not null)
            {
                sink.Report(Descriptors.NameClash, ArgumentLocation(attributeSyntax, "Reverse") ?? attributeLocation, reverseClash.Value.Location,
                    dependentName, principalName, reverse, reverseClash.Value.Reason, "Reverse");
                valid = false;
                membersFree = false;
            }
        }

        return new LinkModel(
            CreateTypeModel(dependent),
            CreateTypeModel(principal),
            navigation,
            reverse,
            required,
            onConflict == 1,
            onDelete,
            compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute") is not null,
            compilation.GetTypeByMetadataName("System.Text.Json.Serialization.Metadata.JsonTypeInfo") is not null,
            compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder") is not null,
            valid && namesValid,
            namesValid && membersFree,
            reverseForm,
            reverseForm == ReverseForm.Member ? "" : ExtensionClassName(dependent, navigation));
    }

    private static bool HasUnnamedNamespace(INamedTypeSymbol type)
    {
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (string.IsNullOrEmpty(ns.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>C# 14 (extension members) or newer, from the language version of the file the attribute is in.</summary>
    private static bool SupportsExtensionProperties(AttributeSyntax? attribute) =>
        attribute?.SyntaxTree.Options is CSharpParseOptions options && (int)options.LanguageVersion >= 1400;

    /// <summary>The static class that holds the extension form: <c>ProfileUserOneToOneExtensions</c>, containing types first.</summary>
    private static string ExtensionClassName(INamedTypeSymbol dependent, string navigation)
    {
        var name = dependent.Name + navigation + GeneratedNames.ExtensionClassSuffix;
        for (var current = dependent.ContainingType; current is not null; current = current.ContainingType)
        {
            name = current.Name + name;
        }

        return name;
    }

    /// <summary>Why <paramref name="type"/> cannot be a principal (OTO002), or <see langword="null"/>.</summary>
    private static string? PrincipalProblem(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => "a type parameter",
        IArrayTypeSymbol => "an array",
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "a pointer",
        IDynamicTypeSymbol => "dynamic",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "a struct",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "an interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "an enum",
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "a delegate",
        INamedTypeSymbol { IsStatic: true } => "a static class",
        INamedTypeSymbol { IsUnboundGenericType: true } => "an open generic type",
        INamedTypeSymbol named when HiddenFromGeneratedCode(named) is { } hidden => hidden,
        INamedTypeSymbol { TypeKind: TypeKind.Class } => null,
        _ => "not a class",
    };

    /// <summary>Why <paramref name="type"/> cannot carry a link (OTO009), or <see langword="null"/>.</summary>
    private static string? DependentProblem(INamedTypeSymbol type)
    {
        if (type.IsStatic)
        {
            return "a static class";
        }

        if (type.IsGenericType)
        {
            return type.TypeParameters.Length > 0
                ? "a generic class, so its reverse accessor would have no single type"
                : "nested in a generic class, so its reverse accessor would have no single type";
        }

        return HiddenFromGeneratedCode(type);
    }

    /// <summary>
    /// Why the generated code, which lives in a file of its own at assembly level, could not name
    /// <paramref name="type"/>, or <see langword="null"/> when it and every type containing it are public or internal.
    /// </summary>
    private static string? HiddenFromGeneratedCode(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return $"file-local ('{current.Name}' is declared 'file'), so the generated code, which is in another file, could not name it";
            }

            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return $"private or protected ('{current.Name}' is declared '{SyntaxFacts.GetText(current.DeclaredAccessibility)}'), so the generated code could not name it";
            }
        }

        return null;
    }

    private static bool IsPublicToAll(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>
    /// A member named <paramref name="name"/> that the generated member would clash with: on the type itself (other
    /// than the members this generator wrote), its enclosing type's name, or a non-private member of a base class.
    /// </summary>
    private static (string Reason, Location? Location)? ClashWith(INamedTypeSymbol type, string name, bool isMember = true)
    {
        var found = FindClash(type, name, isMember);
        return found is { } clash && clash.Location is { IsInSource: false } ? (clash.Reason, null) : found;
    }

    private static (string Reason, Location? Location)? FindClash(INamedTypeSymbol type, string name, bool isMember)
    {
        if (isMember && name == type.Name)
        {
            return ($"a member cannot have the same name as its enclosing type '{type.Name}'", type.Locations.FirstOrDefault());
        }

        // An indexer is named 'this[]' in C# but takes its metadata name ('Item', or its [IndexerName]) in the type.
        var indexers = type.GetMembers(WellKnownMemberNames.Indexer).Where(indexer => indexer.MetadataName == name);
        // The hidden storage of the generated member is reserved too.
        foreach (var reserved in type.GetMembers(GeneratedNames.Storage(name)).Concat(type.GetMembers(GeneratedNames.Accessor(name))))
        {
            if (!IsGeneratedByUs(reserved))
            {
                return ($"'{type.Name}' already declares '{reserved.Name}', a name reserved for the link's hidden storage", reserved.Locations.FirstOrDefault());
            }
        }

        foreach (var member in type.GetMembers(name).Concat(indexers))
        {
            if (!IsGeneratedByUs(member))
            {
                var what = member is IPropertySymbol { IsIndexer: true } ? $"an indexer named '{name}'" : $"'{name}'";
                return ($"'{type.Name}' already declares {what}", member.Locations.FirstOrDefault());
            }
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers(name))
            {
                // A base class's own generated members are links too: OTO005 (LinkClashes) handles them when the base
                // class is in this compilation; one from another assembly is an ordinary member here.
                var handledByLinkClashes = IsGeneratedByUs(member) && baseType.DeclaringSyntaxReferences.Length > 0;
                if (member.DeclaredAccessibility != Accessibility.Private && !handledByLinkClashes)
                {
                    return ($"its base class '{baseType.Name}' already declares '{name}'", member.Locations.FirstOrDefault());
                }
            }
        }

        return null;
    }

    public static bool IsGeneratedByUs(ISymbol member) =>
        member.GetAttributes().Any(a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" } &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value as string == GeneratedNames.Tool);

    /// <summary>
    /// The location of a named argument's value, or, when <paramref name="name"/> is null, of the principal: the
    /// constructor's only argument, positional or given as <c>principal:</c>.
    /// </summary>
    private static Location? ArgumentLocation(AttributeSyntax? attribute, string? name)
    {
        if (attribute?.ArgumentList is not { } list)
        {
            return null;
        }

        foreach (var argument in list.Arguments)
        {
            if (name is null && argument.NameEquals is null)
            {
                return argument.Expression is TypeOfExpressionSyntax typeOf ? typeOf.Type.GetLocation() : argument.Expression.GetLocation();
            }

            if (name is not null && argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }

    public static TypeModel CreateTypeModel(INamedTypeSymbol type)
    {
        var containing = new List<TypeDeclarationModel>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            containing.Insert(0, CreateDeclaration(current));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeModel(
            ns,
            new EquatableArray<TypeDeclarationModel>(containing),
            CreateDeclaration(type),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            MetadataName(type),
            IsPublicToAll(type) ? "public" : "internal",
            SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition)
                ? $"<see cref=\"{type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}\"/>"
                : $"<c>{System.Security.SecurityElement.Escape(type.ToDisplayString())}</c>",
            new EquatableArray<string>(BaseTypes(type)));
    }

    private static IEnumerable<string> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return MetadataName(current);
        }
    }

    private static TypeDeclarationModel CreateDeclaration(INamedTypeSymbol type)
    {
        var keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };
        return new TypeDeclarationModel(keyword, type.OriginalDefinition.ToDisplayString(DeclarationFormat));
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        if (!SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition))
        {
            return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat); // a closed generic: Box<int> is not Box<string>
        }

        var name = type.MetadataName;
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            name = current.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + name
            : name;
    }
}
