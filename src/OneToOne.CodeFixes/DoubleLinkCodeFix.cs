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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using OneToOne.Generator.Analyzers;
using OneToOne.Generator.Analyzers.Flow;
using OneToOne.Generator.Parsing;

namespace OneToOne.CodeFixes;

/// <summary>
/// OTO100: two rewrites that make the second link safe, offered only where they are.
/// <list type="bullet">
/// <item><b>Unlink the earlier &lt;Dependent&gt; from '&lt;principal&gt;' first</b>: inserts <c>principal.Reverse = null;</c>
/// right before the statement that holds the link (an expression statement, a local declaration or a return). Not
/// offered for <c>Required = true</c> links, where that unlink throws.</item>
/// <item><b>Link only when '&lt;principal&gt;' has no &lt;Dependent&gt;</b>: when the link is a whole expression statement,
/// wraps it in <c>if (principal.Reverse is null) { ... }</c>.</item>
/// </list>
/// Both need the principal as a plain name or member access (the diagnostic's <c>Principal</c> property), the
/// link's reverse accessor as a property of it at that point (not the extension methods of a principal from another
/// assembly), and a principal that the statement itself does not declare or assign (reading it before the
/// statement must give the same object).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoubleLinkCodeFix)), Shared]
public sealed class DoubleLinkCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of "unlink the earlier dependent first".</summary>
    public const string UnlinkFirstKey = nameof(DoubleLinkCodeFix) + ".UnlinkFirst";

    /// <summary>The equivalence key of "link only when the principal has no dependent".</summary>
    public const string GuardKey = nameof(DoubleLinkCodeFix) + ".LinkOnlyWhenFree";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Generator.Diagnostics.DiagnosticIds.DoubleLink);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Site.Find(root, model, diagnostic, context.CancellationToken) is not { } site)
            {
                continue;
            }

            if (site.CanUnlinkFirst)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Unlink the earlier {site.Dependent} from '{site.PrincipalText}' first",
                        _ => Task.FromResult(document.WithSyntaxRoot(UnlinkFirst(root, site))),
                        UnlinkFirstKey),
                    diagnostic);
            }

            if (site.CanGuard)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Link only when '{site.PrincipalText}' has no {site.Dependent}",
                        _ => Task.FromResult(document.WithSyntaxRoot(Guard(root, site))),
                        GuardKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Inserts <c>principal.Reverse = null;</c> before the statement.</summary>
    private static SyntaxNode UnlinkFirst(SyntaxNode root, Site site)
    {
        var statement = site.Statement;
        var unlink = SyntaxFactory.ParseStatement($"{site.ReceiverText}.{site.ReverseText} = null;");
        if (!IsInStatementList(statement))
        {
            // An embedded statement (if, else, loop body, label): both go into a new block.
            var block = SyntaxFactory.Block(unlink, statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(LineEnd(statement))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(statement, block);
        }

        // The unlink takes the statement's leading trivia (blank lines, comments, directives), the statement keeps
        // its indentation; on a line with other code, the two stay on one line.
        var text = statement.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(statement.SpanStart);
        var before = text.ToString(TextSpan.FromBounds(line.Start, statement.SpanStart));
        SyntaxNode original;
        if (string.IsNullOrWhiteSpace(before))
        {
            unlink = unlink.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(EndOfLine(root, statement));
            original = statement.WithLeadingTrivia(SyntaxFactory.Whitespace(before));
        }
        else
        {
            unlink = unlink.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
            original = statement.WithoutLeadingTrivia();
        }

        if (statement.Parent is GlobalStatementSyntax global)
        {
            return root.ReplaceNode(global, new SyntaxNode[] { SyntaxFactory.GlobalStatement(unlink), global.WithStatement((StatementSyntax)original) });
        }

        return root.ReplaceNode(statement, new[] { unlink, original });
    }

    /// <summary>Wraps the statement in <c>if (principal.Reverse is null) { ... }</c>.</summary>
    private static SyntaxNode Guard(SyntaxNode root, Site site)
    {
        var statement = site.Statement;
        var condition = SyntaxFactory.ParseExpression($"{site.ReceiverText}.{site.ReverseText} is null");
        StatementSyntax guarded = SyntaxFactory.IfStatement(
                condition,
                SyntaxFactory.Block(statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker)))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(LineEnd(statement))
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (!IsInStatementList(statement))
        {
            // 'if (x) link; else ...' must not become 'if (x) if (free) { link } else ...' (the else would move).
            guarded = SyntaxFactory.Block(guarded.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(LineEnd(statement))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return root.ReplaceNode(statement, guarded);
    }

    private static bool IsInStatementList(StatementSyntax statement) =>
        statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;

    /// <summary>
    /// What follows a new block in place of <paramref name="statement"/>: its line break, so the formatter adds no
    /// blank line after the block (the statement's trailing comment stays inside, with the statement).
    /// </summary>
    private static SyntaxTrivia LineEnd(StatementSyntax statement) =>
        statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var end && end.IsKind(SyntaxKind.EndOfLineTrivia)
            ? end
            : SyntaxFactory.ElasticMarker;

    /// <summary>The line break the statement ends with, or the first one in the document.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root, SyntaxNode statement)
    {
        foreach (var trivia in statement.GetTrailingTrivia().Concat(root.DescendantTrivia()))
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>Where the reported link is and which rewrites are safe there.</summary>
    private sealed class Site
    {
        private Site(StatementSyntax statement, string principalText, string receiverText, string reverseText, string dependent, bool canUnlinkFirst, bool canGuard)
        {
            Statement = statement;
            PrincipalText = principalText;
            ReceiverText = receiverText;
            ReverseText = reverseText;
            Dependent = dependent;
            CanUnlinkFirst = canUnlinkFirst;
            CanGuard = canGuard;
        }

        public StatementSyntax Statement { get; }

        /// <summary>The principal as written (the diagnostic's <c>Principal</c> property).</summary>
        public string PrincipalText { get; }

        /// <summary>The principal as the new code writes it: without parentheses, with the <c>!</c> the link has.</summary>
        public string ReceiverText { get; }

        /// <summary>The reverse accessor's name, escaped if it is a keyword.</summary>
        public string ReverseText { get; }

        public string Dependent { get; }

        public bool CanUnlinkFirst { get; }

        public bool CanGuard { get; }

        public static Site? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(ConflictReporter.PropertyPrincipal, out var principalText) || string.IsNullOrEmpty(principalText) ||
                !properties.TryGetValue(ConflictReporter.PropertyReverse, out var reverse) || string.IsNullOrEmpty(reverse) ||
                !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            if (root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment ||
                assignment.Span != span || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ||
                model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol property ||
                model.Compilation.GetTypeByMetadataName(Generator.Naming.GeneratedNames.AttributeMetadataName) is not { } attributeType)
            {
                return null;
            }

            var resolver = new LinkResolver(attributeType);
            if (resolver.Resolve(property) is not { } end)
            {
                return null;
            }

            // The principal in the syntax must be the one the diagnostic names (an implicit 'this' is not written).
            var written = end.IsForward ? assignment.Right : (assignment.Left as MemberAccessExpressionSyntax)?.Expression;
            var principal = Unparenthesize(written, out var suppressed);
            if (written is null || principal is null || principal.ToString() != principalText || ContainingStatement(assignment) is not { } statement ||
                !SameObjectBeforeStatement(principal, statement, model, cancellationToken))
            {
                return null;
            }

            // 'u.Profile' on a 'u' that may be null would throw where the link itself (an unlink, then) would not.
            if (model.GetTypeInfo(written, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull)
            {
                return null;
            }

            var receiverText = suppressed ? principalText + "!" : principalText!;

            // 'principal.Reverse' must bind, right before the statement, to this link's reverse accessor as the analysis
            // knows it (so the unlink and the guard are seen and the fixed code is clean): not to the extension
            // methods of a principal from another assembly, nor to anything else of that name.
            var reverseText = SyntaxFacts.GetKeywordKind(reverse!) != SyntaxKind.None ? "@" + reverse : reverse!;
            var accessor = SyntaxFactory.ParseExpression($"{receiverText}.{reverseText}");
            if (model.GetSpeculativeSymbolInfo(statement.SpanStart, accessor, SpeculativeBindingOption.BindAsExpression).Symbol is not IPropertySymbol
                {
                    GetMethod: not null, SetMethod: not null,
                } reverseAccessor ||
                resolver.Resolve(reverseAccessor) is not { IsForward: false } reverseEnd || reverseEnd.Link != end.Link)
            {
                return null;
            }

            var dependent = properties.TryGetValue(ConflictReporter.PropertyDependent, out var name) && !string.IsNullOrEmpty(name) ? name! : end.Link.Dependent.Name;
            var canUnlinkFirst = statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax &&
                                 !IsRequired(end.Link, attributeType);
            var canGuard = statement is ExpressionStatementSyntax expressionStatement && expressionStatement.Expression == assignment;
            return canUnlinkFirst || canGuard ? new Site(statement, principalText!, receiverText, reverseText, dependent, canUnlinkFirst, canGuard) : null;
        }

        /// <summary>The expression inside parentheses and <c>!</c>, which the analysis looks through.</summary>
        private static ExpressionSyntax? Unparenthesize(ExpressionSyntax? expression, out bool suppressed)
        {
            suppressed = false;
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppression:
                        expression = suppression.Operand;
                        suppressed = true;
                        break;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The statement that runs the link, in the same function (not one around a lambda or local function).</summary>
        private static StatementSyntax? ContainingStatement(SyntaxNode link)
        {
            for (var node = link.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or ArrowExpressionClauseSyntax or MemberDeclarationSyntax:
                        return null;
                    case StatementSyntax statement:
                        return statement;
                }
            }

            return null;
        }

        /// <summary>
        /// Reading the principal right before the statement gives the object the link gets: the statement neither
        /// declares nor assigns any name the principal expression is made of.
        /// </summary>
        private static bool SameObjectBeforeStatement(ExpressionSyntax principal, StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbols = principal.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Select(n => model.GetSymbolInfo(n, cancellationToken).Symbol)
                .ToList();
            if (symbols.Any(s => s is null || s.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == statement.SyntaxTree && statement.Span.Contains(r.Span))))
            {
                return false;
            }

            foreach (var node in statement.DescendantNodes())
            {
                var written = node switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } u => u.Operand,
                    PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } u => u.Operand,
                    _ => null,
                };
                if (written is not null && model.GetSymbolInfo(written, cancellationToken).Symbol is { } target &&
                    symbols.Contains(target, SymbolEqualityComparer.Default))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>Required = true</c>: unlinking throws, so "unlink first" is not offered.</summary>
        private static bool IsRequired(LinkInfo link, INamedTypeSymbol attributeType) =>
            LinkAttribute.DeclaredBy(link.Dependent, attributeType)
                .Any(read => !read.HasErrors && read.Navigation == link.Navigation && read.Required);
    }
}
