using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Naming;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// OTO011: a source-generated System.Text.Json context (a class deriving from <c>JsonSerializerContext</c> with
/// <c>[JsonSerializable(typeof(X))]</c>) that serializes a class-form dependent, listed or reachable from a listed
/// type. Source generators never see each other's output, so System.Text.Json's generator does not know the
/// navigation OneToOne generates: it silently leaves it out, and for a <c>Required</c> link its generated code
/// creates the dependent without setting the <c>required</c> navigation (error CS9035 in its own file). A link
/// declared on a partial property (the property form) is the user's declaration, which that generator sees, so it
/// is never reported.
/// </summary>
/// <remarks>
/// Cost: one symbol action per named type, which returns at once unless the type derives from
/// <c>JsonSerializerContext</c>; for a context, a walk over the types it can reach, each visited once (bounded by
/// <see cref="MaxTypesPerContext"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonContextAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The System.Text.Json types the rule is about, by metadata name.</summary>
    internal const string ContextMetadataName = "System.Text.Json.Serialization.JsonSerializerContext",
        SerializableMetadataName = "System.Text.Json.Serialization.JsonSerializableAttribute",
        IgnoreMetadataName = "System.Text.Json.Serialization.JsonIgnoreAttribute",
        IncludeMetadataName = "System.Text.Json.Serialization.JsonIncludeAttribute",
        DerivedTypeMetadataName = "System.Text.Json.Serialization.JsonDerivedTypeAttribute",
        OptionsMetadataName = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";

    /// <summary>A context reaching more types than this is walked this far only (a guard, far above real models).</summary>
    internal const int MaxTypesPerContext = 5000;

    /// <summary><c>JsonIgnoreCondition.Always</c>, the default condition of <c>[JsonIgnore]</c>.</summary>
    private const int IgnoreAlways = 1;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ContextMissesNavigation, Descriptors.ContextMissesRequiredNavigation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved once per compilation; nothing at all to do without System.Text.Json or the runtime library.
            var compilation = start.Compilation;
            var jsonContext = compilation.GetTypeByMetadataName(ContextMetadataName);
            var serializable = compilation.GetTypeByMetadataName(SerializableMetadataName);
            var oneToOne = compilation.GetTypeByMetadataName(GeneratedNames.AttributeMetadataName);
            if (jsonContext is null || serializable is null || oneToOne is null ||
                !LinkSyntax.AnyDeclaredIn(compilation, start.CancellationToken) && !LinkSyntax.AnyInReferences(compilation))
            {
                return; // no link declared here or in a referenced assembly: no context can miss a navigation
            }

            var symbols = new JsonSymbols(
                jsonContext,
                serializable,
                oneToOne,
                compilation.GetTypeByMetadataName(IgnoreMetadataName),
                compilation.GetTypeByMetadataName(IncludeMetadataName),
                compilation.GetTypeByMetadataName(DerivedTypeMetadataName),
                compilation.GetTypeByMetadataName(OptionsMetadataName));
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private sealed record JsonSymbols(
        INamedTypeSymbol Context,
        INamedTypeSymbol Serializable,
        INamedTypeSymbol OneToOne,
        INamedTypeSymbol? Ignore,
        INamedTypeSymbol? Include,
        INamedTypeSymbol? DerivedType,
        INamedTypeSymbol? Options);

    private static void AnalyzeType(SymbolAnalysisContext context, JsonSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || !DerivesFrom(type, symbols.Context))
        {
            return; // the cheap, common case
        }

        var walk = new Walk(context, type, symbols);
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.Serializable) ||
                attribute.ConstructorArguments.Length != 1 ||
                attribute.ConstructorArguments[0].Value is not ITypeSymbol listed ||
                attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            walk.From(listed, reference);
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The types one context serializes, visited breadth-first from each <c>[JsonSerializable]</c> in declaration
    /// order. Each type is visited once per context and each link reported once per context, at the first attribute
    /// that reaches it.
    /// </summary>
    private sealed class Walk(SymbolAnalysisContext context, INamedTypeSymbol jsonContext, JsonSymbols symbols)
    {
        private readonly HashSet<ITypeSymbol> _visited = new(SymbolEqualityComparer.Default);
        private readonly HashSet<AttributeData> _reported = new();
        private readonly Compilation _compilation = context.Compilation;
        private readonly bool _includeFields = IncludesFields(jsonContext, symbols.Options);

        public void From(ITypeSymbol listed, SyntaxReference attribute)
        {
            var queue = new Queue<ITypeSymbol>();
            Enqueue(queue, listed);
            while (queue.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var type = queue.Dequeue();
                if (type is not INamedTypeSymbol named || !IsInSource(named))
                {
                    // A framework or library type: its members cannot mention this compilation's types, its type
                    // arguments can (List<Profile>, Dictionary<string, Profile>, Profile?).
                    if (type is IArrayTypeSymbol array)
                    {
                        Enqueue(queue, array.ElementType);
                    }
                    else if (type is INamedTypeSymbol { IsGenericType: true } generic)
                    {
                        foreach (var argument in generic.TypeArguments)
                        {
                            Enqueue(queue, argument);
                        }
                    }

                    continue;
                }

                // The type itself and its base classes: serializing it includes every inherited member.
                for (var current = named; current is not null && IsInSource(current); current = current.BaseType)
                {
                    foreach (var attributeData in current.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attributeData.AttributeClass, symbols.OneToOne))
                        {
                            ReportLink(named, current, attributeData, attribute, queue);
                        }
                        else if (symbols.DerivedType is not null &&
                                 SymbolEqualityComparer.Default.Equals(attributeData.AttributeClass, symbols.DerivedType) &&
                                 attributeData.ConstructorArguments.Length > 0 &&
                                 attributeData.ConstructorArguments[0].Value is ITypeSymbol derived)
                        {
                            Enqueue(queue, derived); // polymorphism: [JsonDerivedType(typeof(Student))]
                        }
                    }

                    foreach (var member in current.GetMembers())
                    {
                        if (SerializedType(member) is { } memberType)
                        {
                            Enqueue(queue, memberType);
                        }
                    }
                }

                if (named.IsGenericType)
                {
                    foreach (var argument in named.TypeArguments)
                    {
                        Enqueue(queue, argument);
                    }
                }
            }
        }

        private void Enqueue(Queue<ITypeSymbol> queue, ITypeSymbol type)
        {
            if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer ||
                type.SpecialType != SpecialType.None ||
                _visited.Count >= MaxTypesPerContext)
            {
                return;
            }

            // Profile? and Profile are the same contract.
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (_visited.Add(type))
            {
                queue.Enqueue(type);
            }
        }

        /// <summary>
        /// A class-level <c>[OneToOne]</c> on <paramref name="declaring"/> (the serialized type or one of its base
        /// classes): the class form. Reported when the link is valid, so its navigation is really generated.
        /// </summary>
        private void ReportLink(INamedTypeSymbol serialized, INamedTypeSymbol declaring, AttributeData link, SyntaxReference at, Queue<ITypeSymbol> queue)
        {
            var read = LinkAttribute.Read(link, declaring);
            if (read.Principal is not INamedTypeSymbol principal ||
                LinkParser.Parse(read, DiagnosticSink.None, context.CancellationToken) is not { IsValid: true } model)
            {
                return;
            }

            // The navigation leads to the principal: once it is visible (after the fix, or with the modifier) the
            // principal is serialized too, and its own class-form links matter as well.
            Enqueue(queue, principal);
            if (!_reported.Add(link))
            {
                return;
            }

            var descriptor = model.Required ? Descriptors.ContextMissesRequiredNavigation : Descriptors.ContextMissesNavigation;
            var additional = link.ApplicationSyntaxReference is { } linkSyntax
                ? new[] { linkSyntax.SyntaxTree.GetLocation(linkSyntax.Span) }
                : null;
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                at.SyntaxTree.GetLocation(at.Span),
                additional,
                jsonContext.ToDisplayString(),
                serialized.ToDisplayString(),
                declaring.ToDisplayString(),
                model.Navigation));
        }

        /// <summary>
        /// The type of a member that System.Text.Json's generator serializes: an instance property with a public
        /// getter (or <c>[JsonInclude]</c>), a public field when the context includes fields (or <c>[JsonInclude]</c>),
        /// never one with <c>[JsonIgnore]</c> (condition Always) and never a member OneToOne generated, unless the user declared it (the generator
        /// cannot see those; the navigation's principal is followed through the link itself).
        /// </summary>
        private ITypeSymbol? SerializedType(ISymbol member)
        {
            // A member OneToOne generated is invisible to System.Text.Json's generator, except a partial property the
            // user declared (the property form, or a declared reverse accessor): its declaration is the user's.
            if (member.IsStatic || member.IsImplicitlyDeclared ||
                (LinkParser.IsGeneratedByUs(member) && member is not IPropertySymbol { IsPartialDefinition: true }))
            {
                return null;
            }

            var (type, visible) = member switch
            {
                IPropertySymbol { IsIndexer: false } property => (property.Type, property.GetMethod is { DeclaredAccessibility: Accessibility.Public } && property.DeclaredAccessibility == Accessibility.Public),
                IFieldSymbol { AssociatedSymbol: null } field => (field.Type, field.DeclaredAccessibility == Accessibility.Public && _includeFields),
                _ => ((ITypeSymbol?)null, false),
            };
            if (type is null)
            {
                return null;
            }

            var included = false;
            foreach (var attribute in member.GetAttributes())
            {
                if (symbols.Ignore is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.Ignore) && IsAlwaysIgnored(attribute))
                {
                    return null;
                }

                included |= symbols.Include is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.Include);
            }

            return visible || included ? type : null;
        }

        private static bool IsAlwaysIgnored(AttributeData ignore)
        {
            foreach (var named in ignore.NamedArguments)
            {
                if (named.Key == "Condition")
                {
                    return named.Value.Value is int condition && condition == IgnoreAlways;
                }
            }

            return true;
        }

        private bool IsInSource(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

        private static bool IncludesFields(INamedTypeSymbol jsonContext, INamedTypeSymbol? options)
        {
            if (options is null)
            {
                return false;
            }

            foreach (var attribute in jsonContext.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, options) &&
                    attribute.NamedArguments.Any(a => a.Key == "IncludeFields" && a.Value.Value is true))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
