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

namespace OneToOne.CodeFixes;

/// <summary>
/// OTO001 and OTO003: makes the type the diagnostic names <c>partial</c>. For OTO001 the type is the one the
/// diagnostic sits on; for OTO003 it is the principal or a type containing it, found through the diagnostic's
/// additional location (it may be in another document). Each type that is not partial has a diagnostic of its
/// own, so each fix changes one declaration, and Fix All makes the whole chain partial in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Generator.Diagnostics.DiagnosticIds.NotPartial, Generator.Diagnostics.DiagnosticIds.PrincipalNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var target = diagnostic.Id == Generator.Diagnostics.DiagnosticIds.PrincipalNotPartial ? diagnostic.AdditionalLocations.FirstOrDefault() : diagnostic.Location;
            if (target is null || !target.IsInSource ||
                await FindDeclarationAsync(context.Document.Project.Solution, target, context.CancellationToken).ConfigureAwait(false) is not { } found)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{found.Declaration.Identifier.ValueText}' partial",
                    ct => MakePartialAsync(context.Document.Project.Solution, target, ct),
                    equivalenceKey: nameof(MakePartialCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The type declaration whose name is at <paramref name="target"/>, if it is not partial yet.</summary>
    private static async Task<(Document Document, SyntaxNode Root, TypeDeclarationSyntax Declaration)?> FindDeclarationAsync(
        Solution solution, Location target, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(target.SourceTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        var declaration = root.FindToken(target.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return null;
        }

        return (document, root, declaration);
    }

    private static async Task<Solution> MakePartialAsync(Solution solution, Location target, CancellationToken cancellationToken)
    {
        if (await FindDeclarationAsync(solution, target, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return solution;
        }

        var newRoot = found.Root.ReplaceNode(found.Declaration, AddPartial(found.Declaration));
        return solution.WithDocumentSyntaxRoot(found.Document.Id, newRoot);
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        // 'partial' goes last among the modifiers, right before the keyword.
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count == 0)
        {
            // Keep the keyword's leading trivia (indentation, comments) in front of the new modifier.
            var keyword = declaration.Keyword;
            partial = partial.WithLeadingTrivia(keyword.LeadingTrivia);
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(partial));
    }
}
