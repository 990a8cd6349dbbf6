using System.Collections.Generic;
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
/// OTO001 and OTO003: makes the class, and every type containing it, <c>partial</c>. For OTO001 the class is the
/// one the diagnostic sits on; for OTO003 it is the principal, found through the diagnostic's additional location
/// (it may be in another document).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    public const string Title = "Make the class and its containing types partial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("OTO001", "OTO003");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var target = diagnostic.Id == "OTO003" ? diagnostic.AdditionalLocations.FirstOrDefault() : diagnostic.Location;
            if (target is null || !target.IsInSource)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MakePartialAsync(context.Document.Project.Solution, target, ct), equivalenceKey: nameof(MakePartialCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> MakePartialAsync(Solution solution, Location target, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(target.SourceTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        var declaration = root.FindToken(target.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (declaration is null)
        {
            return solution;
        }

        // The declaration and every enclosing type declaration (they are all in this document).
        var chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>()
            .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword))
            .ToList();
        var newRoot = root.ReplaceNodes(chain, (original, _) => AddPartial(original));
        return solution.WithDocumentSyntaxRoot(document.Id, newRoot);
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
