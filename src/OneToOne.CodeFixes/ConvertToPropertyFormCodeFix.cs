using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Naming;
using OneToOne.Generator.Parsing;

namespace OneToOne.CodeFixes;

/// <summary>
/// OTO011: converts the class-form link the diagnostic names (its additional location is the <c>[OneToOne]</c>
/// attribute, possibly in another document) into the property form, which System.Text.Json's source generator
/// can see. See <see cref="PropertyFormConversion"/> for the rewrite. Offered from C# 13 on (partial properties).
/// Each fix converts one link; there is no Fix All, because several links of one class would insert their
/// properties at the same place.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToPropertyFormCodeFix)), Shared]
public sealed class ConvertToPropertyFormCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ContextMissesNavigation);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { IsInSource: true } target ||
                solution.GetDocument(target.SourceTree) is not { } document ||
                await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root ||
                root.FindNode(target.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { } attribute ||
                await PropertyFormConversion.PrepareAsync(document, attribute, context.CancellationToken).ConfigureAwait(false) is not { } conversion)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(conversion.Title, ct => conversion.ApplyAsync(ct), equivalenceKey: nameof(ConvertToPropertyFormCodeFix)),
                diagnostic);
        }
    }
}

/// <summary>
/// The same conversion as <see cref="ConvertToPropertyFormCodeFix"/>, offered on any class-form <c>[OneToOne]</c>
/// under the cursor, with or without a JSON context.
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ConvertToPropertyFormRefactoring)), Shared]
public sealed class ConvertToPropertyFormRefactoring : CodeRefactoringProvider
{
    /// <inheritdoc/>
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        // The attribute under the selection, or, for a caret right after it ('...)|]'), the one to its left.
        var attribute = root.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        if (attribute is null && context.Span.IsEmpty && context.Span.Start > 0)
        {
            attribute = root.FindToken(context.Span.Start - 1).Parent?.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        }

        if (attribute is null ||
            await PropertyFormConversion.PrepareAsync(context.Document, attribute, context.CancellationToken).ConfigureAwait(false) is not { } conversion)
        {
            return;
        }

        context.RegisterRefactoring(CodeAction.Create(conversion.Title, ct => conversion.ApplyAsync(ct), equivalenceKey: nameof(ConvertToPropertyFormRefactoring)));
    }
}

/// <summary>
/// Rewrites <c>[OneToOne(typeof(User), Navigation = "Owner", Reverse = "Card", Required = true, ...)]</c> on a class
/// into a property of that class, <c>[OneToOne(Reverse = "Card", ...)] public required partial User Owner { get; set; }</c>:
/// <list type="bullet">
/// <item>the name is <c>Navigation</c>, or the principal's name, as the class form names the navigation;</item>
/// <item><c>Required = true</c> becomes the <c>required</c> modifier and a non-nullable type, and the argument is
/// dropped (the modifier carries it); otherwise the type is nullable where nullable annotations are enabled;</item>
/// <item>every other named argument (<c>Reverse</c>, <c>OnConflict</c>, <c>OnDelete</c>, <c>ForeignKey</c>) is kept as
/// written;</item>
/// <item>the property is <c>public</c>, or <c>internal</c> when the principal is not public, as the generated
/// navigation was;</item>
/// <item>it goes after the property-form links the class already has, or first; the class keeps its other
/// attributes and its other <c>[OneToOne]</c> links.</item>
/// </list>
/// Only for C# 13 and newer, where partial properties exist.
/// </summary>
internal sealed class PropertyFormConversion
{
    private readonly Document _document;
    private readonly SyntaxNode _root;
    private readonly ClassDeclarationSyntax _class;
    private readonly AttributeSyntax _attribute;
    private readonly string _property;

    private PropertyFormConversion(Document document, SyntaxNode root, ClassDeclarationSyntax declaration, AttributeSyntax attribute, string property, string title)
    {
        _document = document;
        _root = root;
        _class = declaration;
        _attribute = attribute;
        _property = property;
        Title = title;
    }

    public string Title { get; }

    /// <summary>The conversion of <paramref name="attribute"/>, or <see langword="null"/> when it is not a class-form link that can be converted.</summary>
    public static async Task<PropertyFormConversion?> PrepareAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        if (attribute.Parent is not AttributeListSyntax { Target: null, Parent: ClassDeclarationSyntax declaration } ||
            declaration.OpenBraceToken.IsMissing ||
            declaration.CloseBraceToken.IsMissing ||
            !LinkAttribute.SupportsPartialProperties(attribute.SyntaxTree) ||
            attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null) is not { Expression: TypeOfExpressionSyntax } ||
            await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root ||
            await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model ||
            model.GetDeclaredSymbol(declaration, cancellationToken) is not { } dependent)
        {
            return null;
        }

        var data = dependent.GetAttributes().FirstOrDefault(a =>
            a.ApplicationSyntaxReference is { } reference &&
            reference.SyntaxTree == attribute.SyntaxTree &&
            reference.Span == attribute.Span);
        if (data is null ||
            !SymbolEqualityComparer.Default.Equals(data.AttributeClass, model.Compilation.GetTypeByMetadataName(GeneratedNames.AttributeMetadataName)) ||
            LinkAttribute.Read(data, dependent) is not { HasErrors: false, IsPropertyForm: false, Principal: INamedTypeSymbol { TypeKind: TypeKind.Class } principal } link ||
            !LinkParser.IsIdentifier(link.Navigation))
        {
            return null;
        }

        var property = PropertyText(declaration, attribute, model, principal, link);
        return new PropertyFormConversion(document, root, declaration, attribute, property,
            $"Convert the link '{dependent.Name}.{link.Navigation}' to a partial property");
    }

    public Task<Document> ApplyAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var eol = EndOfLine(_root);
        var withoutAttribute = RemoveAttribute(_class, _attribute);
        var converted = AddProperty(withoutAttribute, _property, eol);
        return Task.FromResult(_document.WithSyntaxRoot(_root.ReplaceNode(_class, converted)));
    }

    /// <summary><c>[OneToOne(Reverse = "Card")] public partial User? Owner { get; set; }</c>, on one line per part.</summary>
    private static string PropertyText(ClassDeclarationSyntax declaration, AttributeSyntax attribute, SemanticModel model, INamedTypeSymbol principal, LinkAttribute link)
    {
        var kept = attribute.ArgumentList!.Arguments
            .Where(a => a.NameEquals is { } name && name.Name.Identifier.ValueText is not ("Navigation" or "Required"))
            .Select(a => a.ToString())
            .ToList();
        var attributeText = $"[{attribute.Name}{(kept.Count == 0 ? "" : "(" + string.Join(", ", kept) + ")")}]";

        // Named as it binds inside the class body, where the property will be.
        var position = declaration.OpenBraceToken.Span.End;
        var type = principal.ToMinimalDisplayString(model, position);
        var nullable = !link.Required && model.GetNullableContext(position).AnnotationsEnabled() ? "?" : "";
        var accessibility = LinkParser.CreateTypeModel(principal).Accessibility;
        var modifiers = link.Required ? $"{accessibility} required partial" : $"{accessibility} partial";
        return attributeText + "\n" + $"{modifiers} {type}{nullable} {link.Navigation} {{ get; set; }}";
    }

    /// <summary>Removes the attribute, or its whole list when it is alone in it; the list's comments and docs stay on the class.</summary>
    private static ClassDeclarationSyntax RemoveAttribute(ClassDeclarationSyntax declaration, AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        if (list.Attributes.Count > 1)
        {
            return declaration.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        var index = declaration.AttributeLists.IndexOf(list);
        var leading = list.GetLeadingTrivia();
        var result = declaration.WithAttributeLists(declaration.AttributeLists.RemoveAt(index));
        if (index < result.AttributeLists.Count)
        {
            var next = result.AttributeLists[index];
            return result.ReplaceNode(next, next.WithLeadingTrivia(leading));
        }

        // The next token is the first modifier or the 'class' keyword; it takes the removed list's place.
        var first = result.Modifiers.Count > 0 ? result.Modifiers[0] : result.Keyword;
        return result.ReplaceToken(first, first.WithLeadingTrivia(leading));
    }

    private static ClassDeclarationSyntax AddProperty(ClassDeclarationSyntax declaration, string propertyText, string eol)
    {
        var classIndent = Indentation(declaration.GetFirstToken().LeadingTrivia);
        var unit = classIndent.Contains("\t") ? "\t" : "    ";
        var result = declaration;
        string memberIndent;
        if (EndsWithNewLine(result.OpenBraceToken))
        {
            memberIndent = result.Members.Count > 0 ? Indentation(result.Members[0].GetFirstToken().LeadingTrivia) : classIndent + unit;
        }
        else
        {
            // '{ }' or '{ int X; }' on one line: the body gets lines of its own, braces at the class's indentation.
            memberIndent = classIndent + unit;
            result = OpenBodyOnItsOwnLines(result, classIndent, memberIndent, eol);
        }

        var text = string.Join(eol, propertyText.Split('\n').Select(line => memberIndent + line)) + eol;
        var property = SyntaxFactory.ParseMemberDeclaration(text)!;

        // After the links already declared on properties, so the navigations stay together; otherwise first.
        var members = result.Members;
        var index = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is PropertyDeclarationSyntax existing && existing.AttributeLists.SelectMany(l => l.Attributes).Any(IsOneToOne))
            {
                index = i + 1;
            }
        }

        if (index == 0 && members.Count > 0)
        {
            // A blank line between the new navigation and the members that follow it.
            var next = members[0];
            members = members.Replace(next, next.WithLeadingTrivia(next.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(eol))));
        }

        return result.WithMembers(members.Insert(index, property));
    }

    private static ClassDeclarationSyntax OpenBodyOnItsOwnLines(ClassDeclarationSyntax declaration, string classIndent, string memberIndent, string eol)
    {
        var result = declaration;

        // The open brace on a line of its own.
        var beforeBrace = result.OpenBraceToken.GetPreviousToken();
        var beforeBraceTrivia = beforeBrace.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
        var braceOnNewLine = beforeBraceTrivia.Count > 0 && beforeBraceTrivia[beforeBraceTrivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);
        result = result.ReplaceToken(beforeBrace, beforeBrace.WithTrailingTrivia(beforeBraceTrivia));
        result = result.WithOpenBraceToken(result.OpenBraceToken
            .WithLeadingTrivia(braceOnNewLine
                ? SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(classIndent))
                : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(eol), SyntaxFactory.Whitespace(classIndent)))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(eol)));

        if (result.Members.Count > 0)
        {
            // The first member on a new line, at the members' indentation.
            var first = result.Members[0];
            var leading = first.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
            result = result.ReplaceNode(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList(leading).Add(SyntaxFactory.Whitespace(memberIndent))));

            // The close brace on a new line.
            var beforeClose = result.CloseBraceToken.GetPreviousToken();
            if (!EndsWithNewLine(beforeClose))
            {
                var trailing = beforeClose.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
                result = result.ReplaceToken(beforeClose, beforeClose.WithTrailingTrivia(SyntaxFactory.TriviaList(trailing).Add(SyntaxFactory.EndOfLine(eol))));
            }
        }

        return result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Whitespace(classIndent)));
    }

    private static bool IsOneToOne(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        var simpleName = GeneratedNames.AttributeMetadataName.Substring(GeneratedNames.AttributeMetadataName.LastIndexOf('.') + 1);
        return name == simpleName || name + "Attribute" == simpleName;
    }

    private static bool EndsWithNewLine(SyntaxToken token) =>
        token.TrailingTrivia.Count > 0 && token.TrailingTrivia.Last().IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>The whitespace after the last line break of the trivia: the line's indentation.</summary>
    private static string Indentation(SyntaxTriviaList trivia)
    {
        var result = "";
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                result = item.ToString();
            }
            else
            {
                result = "";
            }
        }

        return result;
    }

    private static string EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found ? found.ToString() : "\n";
}
