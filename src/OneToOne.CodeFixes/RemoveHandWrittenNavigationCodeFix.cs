using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Diagnostics;

namespace OneToOne.CodeFixes;

/// <summary>
/// OTO004 on a hand-written navigation (a member with the generated member's name and the other class's type, as
/// a model converted from plain EF Core has): removes that property, which the generator now writes. A property
/// that only wraps a private field (<c>get => _user; set => _user = value;</c>) loses that field too when nothing
/// else in the class uses it; nothing else is touched.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveHandWrittenNavigationCodeFix)), Shared]
public sealed class RemoveHandWrittenNavigationCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NameClash);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(Descriptors.HandWrittenNavigationKey, out var flag) || flag != "true" ||
                diagnostic.AdditionalLocations.FirstOrDefault() is not { IsInSource: true } target ||
                await FindPropertyAsync(context.Document.Project.Solution, target, context.CancellationToken).ConfigureAwait(false) is not { } found)
            {
                continue;
            }

            var type = (found.Property.Parent as TypeDeclarationSyntax)?.Identifier.ValueText;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the hand-written '{type}.{found.Property.Identifier.ValueText}' (the generator writes it)",
                    ct => RemoveAsync(context.Document.Project.Solution, target, ct),
                    equivalenceKey: nameof(RemoveHandWrittenNavigationCodeFix)),
                diagnostic);
        }
    }

    private static async Task<(Document Document, SyntaxNode Root, PropertyDeclarationSyntax Property)?> FindPropertyAsync(
        Solution solution, Location target, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(target.SourceTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        var property = root.FindToken(target.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        return property is null ? null : (document, root, property);
    }

    private static async Task<Solution> RemoveAsync(Solution solution, Location target, CancellationToken cancellationToken)
    {
        if (await FindPropertyAsync(solution, target, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return solution;
        }

        var remove = new System.Collections.Generic.List<SyntaxNode> { found.Property };
        if (found.Property.Parent is TypeDeclarationSyntax type && BackingField(found.Property, type) is { } field)
        {
            remove.Add(field);
        }

        var newRoot = found.Root.RemoveNodes(remove, SyntaxRemoveOptions.KeepNoTrivia)!;
        return solution.WithDocumentSyntaxRoot(found.Document.Id, newRoot);
    }

    /// <summary>
    /// The private field the property only wraps (its getter returns it, its setter assigns <c>value</c> to it), when
    /// the field is declared alone and used nowhere else in the class; otherwise <see langword="null"/>.
    /// </summary>
    private static FieldDeclarationSyntax? BackingField(PropertyDeclarationSyntax property, TypeDeclarationSyntax type)
    {
        if (property.AccessorList is not { } accessors)
        {
            return null;
        }

        // The single expression of an accessor: its expression body, or its body's only statement.
        ExpressionSyntax? Single(AccessorDeclarationSyntax accessor) =>
            accessor.ExpressionBody?.Expression ??
            (accessor.Body?.Statements.Count == 1
                ? accessor.Body.Statements[0] switch
                {
                    ReturnStatementSyntax r => r.Expression,
                    ExpressionStatementSyntax e => e.Expression,
                    _ => null,
                }
                : null);

        string? Returned(AccessorDeclarationSyntax accessor) => Single(accessor) is { } e ? FieldName(e) : null;

        string? Assigned(AccessorDeclarationSyntax accessor) =>
            Single(accessor) is AssignmentExpressionSyntax { Right: IdentifierNameSyntax { Identifier.ValueText: "value" } } a ? FieldName(a.Left) : null;

        var getter = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        var setter = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.SetAccessorDeclaration));
        if (getter is null || setter is null || Returned(getter) is not { } name || Assigned(setter) != name)
        {
            return null;
        }

        var field = type.Members.OfType<FieldDeclarationSyntax>().FirstOrDefault(f =>
            f.Declaration.Variables.Count == 1 && f.Declaration.Variables[0].Identifier.ValueText == name &&
            !f.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)));
        if (field is null)
        {
            return null;
        }

        var usesElsewhere = type.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Any(identifier => identifier.Identifier.ValueText == name && !property.Span.Contains(identifier.Span));
        return usesElsewhere ? null : field;
    }

    private static string? FieldName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ => null,
    };
}
