using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Model;
using OneToOne.Generator.Naming;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// Reports why a <c>[OneToOne]</c> declaration is invalid (OTO001-OTO010, OTO012). It runs the same checks as the
/// generator (<see cref="LinkParser"/>, <see cref="LinkClashes"/>), which silently skips invalid links, so the
/// user sees a diagnostic that <c>#pragma</c> and <c>.editorconfig</c> can configure.
/// </summary>
/// <remarks>
/// It looks at attributes only, and binds only those named like <c>[OneToOne]</c>: a compilation without links costs
/// one name comparison per attribute. The cross-link check OTO005 asks <see cref="LinkIndex"/> for the links that
/// generate a member of the same name, which is almost always none.
/// </remarks>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NotPartial,
        Descriptors.PrincipalNotLinkable,
        Descriptors.PrincipalNotPartial,
        Descriptors.NameClash,
        Descriptors.DuplicateGeneratedMember,
        Descriptors.InvalidName,
        Descriptors.RecordInLink,
        Descriptors.ReplaceWithRequired,
        Descriptors.DependentCannotCarryLink,
        Descriptors.SetNullWithRequired,
        Descriptors.InvalidNavigationProperty);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved once per compilation; nothing to do when the runtime library is not referenced.
            var attributeType = start.Compilation.GetTypeByMetadataName(GeneratedNames.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            var index = new LinkIndex(start.Compilation, attributeType);
            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, attributeType, index), SyntaxKind.Attribute);
            start.RegisterSyntaxNodeAction(node => AnalyzeTypeDeclaration(node, attributeType), SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration, SyntaxKind.InterfaceDeclaration);
        });
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, LinkIndex index)
    {
        var syntax = (AttributeSyntax)context.Node;
        if (!LinkSyntax.MayBeLink(syntax) || LinkSyntax.Target(syntax) is not { } target)
        {
            return; // the cheap, common case: not our attribute
        }

        var symbol = context.SemanticModel.GetDeclaredSymbol(target, context.CancellationToken);
        if (symbol is null || LinkSyntax.DataOf(symbol, syntax) is not { } data || !LinkSyntax.Is(data, attributeType))
        {
            return;
        }

        var read = LinkAttribute.Read(data, symbol);

        var sink = DiagnosticSink.Collecting();
        var link = LinkParser.Parse(read, sink, context.CancellationToken);
        foreach (var diagnostic in sink.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        if (link is { NamesValid: true })
        {
            ReportClashes(context, syntax, link, index);
        }
    }

    /// <summary>
    /// OTO001, once per type that is not partial and carries a link or contains a class that does, reported from the
    /// type's own declaration (a local diagnostic, as code fixes need). Syntax first: a partial type, or one without
    /// any attribute named like [OneToOne] inside it, costs a modifier check.
    /// </summary>
    private static void AnalyzeTypeDeclaration(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        foreach (var candidate in LinkSyntax.Read(declaration.SyntaxTree, context.CancellationToken).Within(declaration.Span))
        {
            if (LinkSyntax.Target(candidate.Attribute) is not { } target ||
                context.SemanticModel.GetDeclaredSymbol(target, context.CancellationToken) is not { } symbol ||
                LinkSyntax.DataOf(symbol, candidate.Attribute) is not { } data || !LinkSyntax.Is(data, attributeType))
            {
                continue;
            }

            var dependent = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } type && !LinkParser.IsPartial(type, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotPartial, declaration.Identifier.GetLocation(), type.ToDisplayString(), dependent.ToDisplayString()));
            }

            return;
        }
    }

    private static void ReportClashes(SyntaxNodeAnalysisContext context, AttributeSyntax syntax, LinkModel link, LinkIndex index)
    {
        var clashes = index.ClashesOf(link, syntax, context.CancellationToken);
        foreach (var isNavigation in new[] { true, false })
        {
            var member = new LinkClashes.GeneratedMember(link, isNavigation);
            if (!clashes.TryGetValue(member, out var others))
            {
                continue;
            }

            // Namespace-qualified names: the clashing links are often between classes of the same simple name.
            var description = string.Join(", ", others
                .Select(o => o.Link == link && o.IsNavigation == isNavigation
                    ? "an identical [OneToOne] on the same class"
                    : $"the link '{Display(o.Link.Dependent)}.{o.Link.Navigation}' to '{Display(o.Link.Principal)}' ({(o.IsNavigation ? "its navigation" : "its reverse accessor")} '{Display(o.Host)}.{o.Name}')")
                .Distinct());
            var argument = isNavigation ? "Navigation" : "Reverse";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DuplicateGeneratedMember,
                LinkParser.ArgumentLocation(syntax, argument) ?? syntax.GetLocation(),
                Display(link.Dependent), link.Navigation, Display(link.Principal), description, Display(member.Host), member.Name, argument));
        }
    }

    /// <summary>The type's name with its namespace and containing types, as in C# source (<c>App.Outer.Profile</c>).</summary>
    private static string Display(TypeModel type) =>
        type.FullyQualifiedName.StartsWith("global::", System.StringComparison.Ordinal)
            ? type.FullyQualifiedName.Substring("global::".Length)
            : type.FullyQualifiedName;
}
