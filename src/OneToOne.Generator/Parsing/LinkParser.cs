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
/// Turns one <see cref="LinkAttribute"/> into a <see cref="LinkModel"/> and runs every check that concerns that
/// declaration alone (all rules but the cross-link OTO005, which is <see cref="LinkClashes"/>). Shared by the
/// generator (which emits only valid links) and the declaration analyzer (which reports why a link is invalid),
/// so both follow the same rules.
/// </summary>
/// <remarks>
/// The generator runs this for every attributed declaration after every edit, on a compilation with nothing bound
/// yet: it asks the symbols only what the output needs, and the member-name checks look at the declared names
/// (<see cref="INamedTypeSymbol.MemberNames"/>, no binding) before they bind any member.
/// </remarks>
internal static class LinkParser
{
    private static readonly SymbolDisplayFormat DeclarationFormat = new(
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat TypeInCodeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

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
    public static LinkModel? Parse(LinkAttribute read, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (read.HasErrors || read.Principal is not { } principalType)
        {
            if (read is { HasErrors: false, IsPropertyForm: false } && read.Data.ConstructorArguments.Length == 1)
            {
                var syntax = read.Syntax(cancellationToken);
                sink.Report(Descriptors.PrincipalNotLinkable, ArgumentLocation(syntax, null) ?? syntax?.GetLocation(), null, "null", read.Dependent.Name, "null");
            }

            return null;
        }

        if (principalType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var dependent = read.Dependent;
        var property = read.Property;
        var attributeSyntax = read.Syntax(cancellationToken);
        var attributeLocation = attributeSyntax?.GetLocation() ?? (property ?? (ISymbol)dependent).Locations.FirstOrDefault();
        var principalLocation = property is not null
            ? PropertyTypeLocation(property, cancellationToken) ?? attributeLocation
            : ArgumentLocation(attributeSyntax, null) ?? attributeLocation;
        var dependentName = dependent.Name;
        var valid = NonPartialTypes(dependent, cancellationToken).Count == 0; // OTO001, reported once per class by the analyzer

        // Half-typed code (`namespace { ... }`) gives namespaces without a name, and a class inside an extension block a
        // containing type only the compiler names (`<>E__1`): the compiler reports both; emit nothing.
        valid &= !InsideUnnamed(dependent) && !(principalType is INamedTypeSymbol principalNamed && InsideUnnamed(principalNamed));

        // OTO002: what the principal is.
        var principalProblem = PrincipalProblem(principalType);
        if (principalProblem is not null)
        {
            sink.Report(Descriptors.PrincipalNotLinkable, principalLocation, null, principalType.ToDisplayString(), dependentName, principalProblem);
            return null;
        }

        var principal = (INamedTypeSymbol)principalType;
        var principalName = principal.Name;
        var navigation = read.Navigation;
        var reverse = read.Reverse;
        var required = read.Required;

        // OTO012: a property that cannot be a navigation.
        DeclaredPropertyModel? declaredNavigation = null;
        if (property is not null)
        {
            var problem = NavigationPropertyProblem(read, property, principal, cancellationToken);
            if (problem is not null)
            {
                sink.Report(Descriptors.InvalidNavigationProperty, attributeLocation, null, $"{dependentName}.{property.Name}", problem);
                valid = false;
            }
            else
            {
                declaredNavigation = DeclaredProperty(property, withAttributes: false, cancellationToken);
                valid &= declaredNavigation is not null;
            }
        }

        // OTO006: the names must be identifiers.
        var namesValid = true;
        if (read.NavigationArgument is { } navigationArgument && property is null && !IsIdentifier(navigationArgument))
        {
            sink.Report(Descriptors.InvalidName, ArgumentLocation(attributeSyntax, "Navigation") ?? attributeLocation, null,
                navigationArgument, "Navigation", $"{dependentName}.{navigationArgument}", principalName);
            namesValid = false;
        }

        if (read.ReverseArgument is { } reverseArgument && !IsIdentifier(reverseArgument))
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
        if (required && property is null && dependentProblem is null && IsPublicToAll(dependent) && !IsPublicToAll(principal))
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
        if (required && read.OnConflict == OneToOneConflict.Replace)
        {
            sink.Report(Descriptors.ReplaceWithRequired, attributeLocation, null, dependentName, navigation, principalName);
            valid = false;
        }

        if (required && read.OnDelete == OneToOneDelete.SetNull)
        {
            sink.Report(Descriptors.SetNullWithRequired, attributeLocation, null, dependentName, navigation, principalName);
            valid = false;
        }

        // The principal's shape: declared in this compilation (a partial class that receives the reverse accessor as
        // a member), or one this compilation cannot change (a referenced assembly's type, a closed generic), which
        // takes the extension form of the reverse accessor.
        var principalInSource = SymbolEqualityComparer.Default.Equals(principal.ContainingAssembly, dependent.ContainingAssembly) &&
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
        DeclaredPropertyModel? declaredReverse = null;
        if (namesValid)
        {
            if (property is null)
            {
                var navigationClash = ClashWith(dependent, navigation, principal);
                if (navigationClash is not null)
                {
                    ReportClash(sink, navigationClash.Value, ArgumentLocation(attributeSyntax, "Navigation") ?? attributeLocation,
                        dependentName, dependentName, navigation, "Navigation");
                    membersFree = false;
                }
            }
            else if (ReservedClash(dependent, navigation) is { } reserved)
            {
                ReportClash(sink, reserved, attributeLocation, dependentName, dependentName, navigation, "Navigation");
                membersFree = false;
            }

            // A partial property of the principal named and typed as the reverse accessor is implemented, not a clash.
            if (reverseForm == ReverseForm.Member && DeclaredReverseProperty(principal, reverse, dependent, cancellationToken) is { } userReverse)
            {
                declaredReverse = userReverse;
                if (ReservedClash(principal, reverse) is { } reservedReverse)
                {
                    ReportClash(sink, reservedReverse, ArgumentLocation(attributeSyntax, "Reverse") ?? attributeLocation,
                        dependentName, principalName, reverse, "Reverse");
                    membersFree = false;
                }
            }
            else
            {
                // A member of the principal with the reverse accessor's name would hide the extension form too.
                var reverseClash = reverseForm switch
                {
                    ReverseForm.Member => ClashWith(principal, reverse, dependent),
                    _ => ClashWith(principal, reverse, dependent, isMember: false)
                         ?? ClashWith(principal, GeneratedNames.Getter(reverse), null, isMember: false)
                         ?? ClashWith(principal, GeneratedNames.Setter(reverse), null, isMember: false),
                };
                if (reverseClash is not null)
                {
                    ReportClash(sink, reverseClash.Value, ArgumentLocation(attributeSyntax, "Reverse") ?? attributeLocation,
                        dependentName, principalName, reverse, "Reverse");
                    membersFree = false;
                }
            }
        }

        return new LinkModel
        {
            Dependent = CreateTypeModel(dependent),
            Principal = CreateTypeModel(principal),
            Navigation = navigation,
            Reverse = reverse,
            Required = required,
            OnConflict = read.OnConflict,
            OnDelete = read.OnDelete,
            ReverseForm = reverseForm,
            ExtensionClass = reverseForm == ReverseForm.Member ? "" : ExtensionClassName(dependent, navigation),
            DeclaredNavigation = declaredNavigation,
            DeclaredReverse = declaredReverse,
            IsValid = valid && namesValid && membersFree,
            NamesValid = namesValid && membersFree,
        };
    }

    private static void ReportClash(DiagnosticSink sink, Clash clash, Location? location, string dependent, string host, string member, string argument)
    {
        var advice = clash.HandWritten
            ? $"it looks like a hand-written navigation of this link: the generator now writes '{host}.{member}', so remove yours"
            : $"choose another name with '{argument}'";
        sink.Report(Descriptors.NameClash, location, clash.Location, clash.HandWritten ? Descriptors.HandWrittenNavigationProperties : null,
            dependent, host, member, clash.Reason, advice);
    }

    /// <summary>Why <paramref name="property"/> cannot be the navigation of its link (OTO012), or <see langword="null"/>.</summary>
    private static string? NavigationPropertyProblem(LinkAttribute read, IPropertySymbol property, INamedTypeSymbol principal, CancellationToken cancellationToken)
    {
        if (property.IsIndexer)
        {
            return "it is an indexer";
        }

        if (property.IsStatic)
        {
            return "it is static";
        }

        var declaration = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
        if (declaration is null || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "it is not partial: declare it 'partial' without accessor bodies, and the generator implements it";
        }

        // A declaration with a body is an implementing declaration, never the definition: the symbol says which.
        if (!property.IsPartialDefinition ||
            property.PartialImplementationPart is { } implementation && !IsGeneratedByUs(implementation))
        {
            return "it is already implemented: the generator writes its implementation, so declare it without one";
        }

        if (property.GetMethod is null || property.SetMethod is null)
        {
            return "it needs both 'get' and 'set'";
        }

        if (property.SetMethod.IsInitOnly)
        {
            return "it is init-only, and a link can be moved or unlinked at any time: use 'set'";
        }

        if (property.ReturnsByRef || property.ReturnsByRefReadonly)
        {
            return "it returns by reference";
        }

        if (read.NavigationArgument is not null)
        {
            return $"'Navigation' is given, but the property's own name '{property.Name}' is the navigation";
        }

        if (read.RequiredArgument is { } requiredArgument && requiredArgument != property.IsRequired)
        {
            return requiredArgument
                ? "'Required = true' is given, but the property is not 'required': add the 'required' modifier"
                : "'Required = false' is given, but the property is 'required': remove one of them";
        }

        if (read.PrincipalArgument is { } given && !SymbolEqualityComparer.Default.Equals(given, principal))
        {
            return $"the principal '{given.ToDisplayString()}' is given, but the property's type is '{principal.ToDisplayString()}': leave the argument out";
        }

        if (!property.IsRequired && property.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return $"its type '{principal.Name}' is not nullable, but the link can be empty: declare it '{principal.Name}?', or make it 'required'";
        }

        return null;
    }

    /// <summary>
    /// How the generator re-declares <paramref name="property"/> to implement it, or <see langword="null"/> when its
    /// syntax is unusable. Its attributes are read (bound) only when the emitter needs them: for a reverse accessor,
    /// which gets the serializer ignores it does not have yet.
    /// </summary>
    private static DeclaredPropertyModel? DeclaredProperty(IPropertySymbol property, bool withAttributes, CancellationToken cancellationToken)
    {
        if (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration ||
            declaration.AccessorList is null)
        {
            return null;
        }

        string AccessorModifiers(SyntaxKind kind) =>
            declaration.AccessorList.Accessors.FirstOrDefault(a => a.IsKind(kind)) is { } accessor
                ? string.Join(" ", accessor.Modifiers.Select(m => m.Text))
                : "";

        return new DeclaredPropertyModel
        {
            Modifiers = string.Join(" ", declaration.Modifiers.Select(m => m.Text)),
            Type = property.Type.ToDisplayString(TypeInCodeFormat),
            GetterModifiers = AccessorModifiers(SyntaxKind.GetAccessorDeclaration),
            SetterModifiers = AccessorModifiers(SyntaxKind.SetAccessorDeclaration),
            NonNullable = property.NullableAnnotation != NullableAnnotation.Annotated,
            Attributes = withAttributes
                ? new EquatableArray<string>(property.GetAttributes()
                    .Select(a => a.AttributeClass?.ToDisplayString() ?? "")
                    .Where(name => name.Length > 0)
                    .OrderBy(name => name, System.StringComparer.Ordinal))
                : EquatableArray<string>.Empty,
        };
    }

    /// <summary>
    /// The principal's own partial declaration of the reverse accessor, which the generator implements: a partial
    /// property named <paramref name="reverse"/>, typed as the dependent, with get and set, not implemented by the user.
    /// </summary>
    private static DeclaredPropertyModel? DeclaredReverseProperty(INamedTypeSymbol principal, string reverse, INamedTypeSymbol dependent, CancellationToken cancellationToken)
    {
        if (!principal.MemberNames.Contains(reverse))
        {
            return null;
        }

        foreach (var member in principal.GetMembers(reverse))
        {
            if (member is IPropertySymbol { IsPartialDefinition: true, IsStatic: false, IsIndexer: false, GetMethod: not null, SetMethod.IsInitOnly: false } property &&
                SymbolEqualityComparer.Default.Equals(property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), dependent) &&
                property.NullableAnnotation != NullableAnnotation.NotAnnotated &&
                (property.PartialImplementationPart is null || IsGeneratedByUs(property.PartialImplementationPart)))
            {
                return DeclaredProperty(property, withAttributes: true, cancellationToken);
            }
        }

        return null;
    }

    private static Location? PropertyTypeLocation(IPropertySymbol property, CancellationToken cancellationToken) =>
        (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Type.GetLocation();

    /// <summary>
    /// Whether <paramref name="type"/> sits inside a namespace without a name (half-typed code) or a type only the
    /// compiler names (an extension block): generated code could not name it.
    /// </summary>
    private static bool InsideUnnamed(INamedTypeSymbol type)
    {
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            if (!current.CanBeReferencedByName)
            {
                return true;
            }
        }

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

    /// <summary>A member the generated member would clash with, why, where, and whether it looks like a hand-written navigation.</summary>
    private readonly record struct Clash(string Reason, Location? Location, bool HandWritten);

    /// <summary>A user-written member named like the generated member's hidden storage or accessor.</summary>
    private static Clash? ReservedClash(INamedTypeSymbol type, string name)
    {
        var names = type.MemberNames;
        foreach (var reservedName in new[] { GeneratedNames.Storage(name), GeneratedNames.Accessor(name) })
        {
            if (!names.Contains(reservedName))
            {
                continue;
            }

            foreach (var reserved in type.GetMembers(reservedName))
            {
                if (!IsGeneratedHere(reserved))
                {
                    return new Clash($"'{type.Name}' already declares '{reserved.Name}', a name reserved for the link's hidden storage", SourceLocation(reserved), false);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A member named <paramref name="name"/> that the generated member would clash with: on the type itself (other
    /// than the members this generator wrote), its enclosing type's name, or a non-private member of a base class.
    /// <paramref name="otherSide"/> is the type the generated member would have: a user member of that type (or its
    /// nullable form) is a hand-written navigation of the link.
    /// </summary>
    private static Clash? ClashWith(INamedTypeSymbol type, string name, INamedTypeSymbol? otherSide, bool isMember = true)
    {
        if (isMember && name == type.Name)
        {
            return new Clash($"a member cannot have the same name as its enclosing type '{type.Name}'", type.Locations.FirstOrDefault(), false);
        }

        if (ReservedClash(type, name) is { } reserved)
        {
            return reserved;
        }

        var names = type.MemberNames;
        if (names.Contains(name))
        {
            foreach (var member in type.GetMembers(name))
            {
                if (!IsGeneratedHere(member))
                {
                    var handWritten = otherSide is not null && isMember &&
                                      member is IPropertySymbol { IsStatic: false, IsIndexer: false } property &&
                                      SymbolEqualityComparer.Default.Equals(property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), otherSide);
                    return new Clash($"'{type.Name}' already declares '{name}'", SourceLocation(member), handWritten);
                }
            }
        }

        // An indexer is named 'this[]' in C# but takes its metadata name ('Item', or its [IndexerName]) in the type.
        if (names.Contains(WellKnownMemberNames.Indexer))
        {
            foreach (var indexer in type.GetMembers(WellKnownMemberNames.Indexer))
            {
                if (indexer.MetadataName == name)
                {
                    return new Clash($"'{type.Name}' already declares an indexer named '{name}'", SourceLocation(indexer), false);
                }
            }
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (!baseType.MemberNames.Contains(name))
            {
                continue;
            }

            foreach (var member in baseType.GetMembers(name))
            {
                // A base class's own generated members are links too: OTO005 (LinkClashes) handles them when the base
                // class is in this compilation; one from another assembly is an ordinary member here.
                var handledByLinkClashes = IsGeneratedHere(member);
                if (member.DeclaredAccessibility != Accessibility.Private && !handledByLinkClashes)
                {
                    return new Clash($"its base class '{baseType.Name}' already declares '{name}'", SourceLocation(member), false);
                }
            }
        }

        return null;
    }

    private static Location? SourceLocation(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault() is { IsInSource: true } location ? location : null;

    /// <summary>
    /// Whether this generator wrote <paramref name="member"/> for a link of this compilation: a member it generated for
    /// another assembly's links (a type linked there too) is, to the clash checks, a member like any other.
    /// </summary>
    private static bool IsGeneratedHere(ISymbol member) => member.DeclaringSyntaxReferences.Length > 0 && IsGeneratedByUs(member);

    /// <summary>
    /// Whether this generator wrote <paramref name="member"/>: declared in one of its files (no binding needed), or
    /// marked with its <c>[GeneratedCode]</c> (a member from another assembly, or generated text compiled as a file).
    /// </summary>
    public static bool IsGeneratedByUs(ISymbol member)
    {
        // Every declaration in one of its files: a partial class the user also declares is not generated by us.
        var references = member.DeclaringSyntaxReferences;
        if (references.Length > 0 && references.All(reference => GeneratedNames.IsGeneratedFile(reference.SyntaxTree.FilePath)))
        {
            return true;
        }

        return member.GetAttributes().Any(a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" } &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value as string == GeneratedNames.Tool);
    }

    /// <summary>
    /// The location of a named argument's value, or, when <paramref name="name"/> is null, of the principal: the
    /// constructor's only argument, positional or given as <c>principal:</c>.
    /// </summary>
    public static Location? ArgumentLocation(AttributeSyntax? attribute, string? name)
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

        var fullyQualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var isDefinition = SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition);
        return new TypeModel
        {
            Namespace = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null,
            ContainingTypes = new EquatableArray<TypeDeclarationModel>(containing),
            Self = CreateDeclaration(type),
            Name = type.Name,
            FullyQualifiedName = fullyQualified,
            MetadataName = isDefinition ? MetadataName(type) : fullyQualified, // a closed generic: Box<int> is not Box<string>
            Accessibility = IsPublicToAll(type) ? "public" : "internal",
            DocReference = isDefinition
                ? $"<see cref=\"{fullyQualified}\"/>"
                : $"<c>{System.Security.SecurityElement.Escape(type.ToDisplayString())}</c>",
            BaseTypes = new EquatableArray<string>(BaseTypes(type)),
        };
    }

    private static IEnumerable<string> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return SymbolEqualityComparer.Default.Equals(current, current.OriginalDefinition)
                ? MetadataName(current)
                : current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
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
