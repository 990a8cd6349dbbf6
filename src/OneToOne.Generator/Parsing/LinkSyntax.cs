using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Naming;

namespace OneToOne.Generator.Parsing;

/// <summary>
/// What a file says about its <c>[OneToOne]</c> attributes before anything is bound: which attributes may be one
/// (by name), and the names of the members each would generate. The analyzers use it to look at the few
/// attributes that matter instead of at every type of the compilation. Kept per syntax tree, which is immutable
/// and shared by every compilation after an edit elsewhere, so an edit re-reads one file.
/// </summary>
internal static class LinkSyntax
{
    private const string ShortName = "OneToOne", LongName = "OneToOneAttribute";

    private static readonly ConditionalWeakTable<SyntaxTree, TreeLinks> Trees = new();

    /// <summary>A possible <c>[OneToOne]</c> and the member names it would generate (<see langword="null"/>: not known without binding).</summary>
    internal sealed record Candidate(AttributeSyntax Attribute, string? Navigation, string? Reverse);

    /// <summary>The possible <c>[OneToOne]</c> attributes of one file.</summary>
    internal sealed class TreeLinks(IReadOnlyList<Candidate> candidates)
    {
        public IReadOnlyList<Candidate> Candidates { get; } = candidates;

        /// <summary>The candidates inside <paramref name="span"/>, in source order.</summary>
        public IEnumerable<Candidate> Within(Microsoft.CodeAnalysis.Text.TextSpan span) =>
            Candidates.Where(c => span.Contains(c.Attribute.Span));
    }

    /// <summary>The possible <c>[OneToOne]</c> attributes on classes and properties of <paramref name="tree"/>, read once per tree.</summary>
    public static TreeLinks Read(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        Trees.GetValue(tree, t => Scan(t, cancellationToken));

    /// <summary>
    /// Whether any file of <paramref name="compilation"/> may declare a link. Syntax only, and each file is read once
    /// (then kept with its tree), so after an edit this costs a lookup per file and a scan of the edited one.
    /// </summary>
    public static bool AnyDeclaredIn(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Read(tree, cancellationToken).Candidates.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every name a body must mention to take part in a link of this compilation: the linked types, the navigations,
    /// the reverse accessors and their extension methods. <see langword="null"/> when a link's names are not known
    /// from the syntax alone (a name given by a constant, or a type through an alias): then every body counts.
    /// </summary>
    public static HashSet<string>? NamesIn(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var candidate in Read(tree, cancellationToken).Candidates)
            {
                var target = Target(candidate.Attribute);
                var dependent = target is TypeDeclarationSyntax type ? type : target?.Parent as TypeDeclarationSyntax;
                var principal = target switch
                {
                    PropertyDeclarationSyntax property => RightmostName(property.Type),
                    _ => RightmostName((candidate.Attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression as TypeOfExpressionSyntax)?.Type),
                };
                if (candidate.Navigation is null || candidate.Reverse is null || dependent is null || principal is null)
                {
                    return null;
                }

                names.Add(candidate.Navigation);
                names.Add(candidate.Reverse);
                names.Add(GeneratedNames.Getter(candidate.Reverse));
                names.Add(GeneratedNames.Setter(candidate.Reverse));
                names.Add(dependent.Identifier.ValueText);
                names.Add(principal);
            }
        }

        return names;
    }

    /// <summary>
    /// Whether a referenced assembly other than the runtime library itself was built against the runtime library,
    /// so it may declare links that code of this compilation uses (a layered solution's entities library).
    /// </summary>
    public static bool AnyInReferences(Compilation compilation)
    {
        var runtime = compilation.GetTypeByMetadataName(GeneratedNames.AttributeMetadataName)?.ContainingAssembly;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, runtime))
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (runtime is not null && referenced.Name == runtime.Identity.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="attribute"/> may be <c>[OneToOne]</c> by its name (<c>OneToOne</c>,
    /// <c>OneToOneAttribute</c>, qualified or not), or names a type through a using alias (binding decides then).
    /// </summary>
    public static bool MayBeLink(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return name is ShortName or LongName || (attribute.Name is IdentifierNameSyntax && HasAliases(attribute.SyntaxTree));
    }

    private static bool HasAliases(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax root &&
        (root.Usings.Any(u => u.Alias is not null) ||
         root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Any(u => u.Alias is not null));

    /// <summary>The class or property an attribute is applied to, or <see langword="null"/>.</summary>
    public static MemberDeclarationSyntax? Target(AttributeSyntax attribute) =>
        attribute.Parent is AttributeListSyntax { Target: null } list && list.Parent is ClassDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword }
            ? (MemberDeclarationSyntax)list.Parent
            : null;

    private static TreeLinks Scan(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var root = tree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not MemberDeclarationSyntax member)
            {
                continue;
            }

            foreach (var list in member.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (Target(attribute) is { } target && MayBeLink(attribute))
                    {
                        candidates.Add(Names(attribute, target));
                    }
                }
            }
        }

        return new TreeLinks(candidates);
    }

    /// <summary>The member names an attribute would generate, as far as the syntax tells.</summary>
    private static Candidate Names(AttributeSyntax attribute, MemberDeclarationSyntax target)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        string? Named(string name, out bool given)
        {
            var argument = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            given = argument is not null;
            return argument?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                ? literal.Token.ValueText
                : null;
        }

        var dependent = target is PropertyDeclarationSyntax ? target.Parent as TypeDeclarationSyntax : target as TypeDeclarationSyntax;
        var reverse = Named("Reverse", out var reverseGiven);
        if (!reverseGiven)
        {
            reverse = dependent?.Identifier.ValueText;
        }

        string? navigation;
        if (target is IndexerDeclarationSyntax)
        {
            navigation = WellKnownMemberNames.Indexer; // never a navigation (OTO012): a name no other link generates
        }
        else if (target is PropertyDeclarationSyntax property)
        {
            navigation = property.Identifier.ValueText;
        }
        else
        {
            navigation = Named("Navigation", out var navigationGiven);
            if (!navigationGiven)
            {
                // The principal's simple name; through an alias the real name is known only once bound.
                var typeOf = arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression as TypeOfExpressionSyntax;
                navigation = HasAliases(attribute.SyntaxTree) ? null : RightmostName(typeOf?.Type);
            }
        }

        return new Candidate(attribute, navigation, reverse);
    }

    private static string? RightmostName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => null,
    };

    /// <summary>
    /// The symbol an attributed class or property declaration declares, found by name from the compilation, without
    /// a semantic model (analyzers may not create one for another file).
    /// </summary>
    public static ISymbol? DeclaredSymbol(Compilation compilation, MemberDeclarationSyntax target)
    {
        var typeDeclaration = target as TypeDeclarationSyntax ?? target.Parent as TypeDeclarationSyntax;
        if (typeDeclaration is null || MetadataName(typeDeclaration) is not { } metadataName ||
            compilation.Assembly.GetTypeByMetadataName(metadataName) is not { } type)
        {
            return null;
        }

        return target switch
        {
            PropertyDeclarationSyntax property => type.GetMembers(property.Identifier.ValueText).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsIndexer),
            TypeDeclarationSyntax => type,
            _ => null,
        };
    }

    private static string? MetadataName(TypeDeclarationSyntax type)
    {
        var parts = new List<string>();
        SyntaxNode? current = type;
        var nested = new List<string>();
        while (current is not null)
        {
            switch (current)
            {
                case TypeDeclarationSyntax t:
                    var arity = t.TypeParameterList?.Parameters.Count ?? 0;
                    nested.Insert(0, arity == 0 ? t.Identifier.ValueText : t.Identifier.ValueText + "`" + arity);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    parts.Insert(0, ns.Name.ToString().Replace(" ", ""));
                    break;
                case CompilationUnitSyntax:
                    break;
                default:
                    return null;
            }

            current = current.Parent;
        }

        var prefix = string.Join(".", parts);
        var name = string.Join("+", nested);
        return prefix.Length == 0 ? name : prefix + "." + name;
    }

    /// <summary>The attribute data of <paramref name="attribute"/> on <paramref name="symbol"/>.</summary>
    public static AttributeData? DataOf(ISymbol symbol, AttributeSyntax attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            var reference = data.ApplicationSyntaxReference;
            if (reference is not null && reference.SyntaxTree == attribute.SyntaxTree && reference.Span == attribute.Span)
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="data"/> is <c>[OneToOne]</c> once bound.</summary>
    public static bool Is(AttributeData data, INamedTypeSymbol attributeType) =>
        SymbolEqualityComparer.Default.Equals(data.AttributeClass, attributeType) ||
        data.AttributeClass?.ToDisplayString() == GeneratedNames.AttributeMetadataName;
}
