using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>Owns how the analysis names things in its messages and where it places a warning on a call.</summary>
internal static class Describe
{
    /// <summary>An object made at <paramref name="syntax"/>: the variable it initializes or is assigned to, or <paramref name="otherwise"/>.</summary>
    public static string MadeObject(SyntaxNode syntax, string otherwise)
    {
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name }:
                    return name.Identifier.ValueText;
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax:
                    continue;
            }

            break;
        }

        return otherwise;
    }

    /// <summary>An object made by <c>new</c>.</summary>
    public static string Creation(IObjectCreationOperation creation) => MadeObject(creation.Syntax, "a new " + creation.Type?.Name);

    /// <summary>What a call gives back: <c>the result of Make()</c>, or the variable it initializes; for <c>new</c>, the new object.</summary>
    public static string Result(IOperation call) => call switch
    {
        IInvocationOperation invocation => MadeObject(invocation.Syntax, "the result of " + invocation.TargetMethod.Name + "()"),
        IObjectCreationOperation creation => Creation(creation),
        _ => MadeObject(call.Syntax, call.Syntax.ToString()),
    };

    /// <summary>A method as the messages name it: <c>the constructor 'Profile(User)'</c>, <c>'Links.Attach(Profile, User)'</c>.</summary>
    public static string Method(IMethodSymbol method)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        return method.MethodKind switch
        {
            MethodKind.Constructor => $"the constructor '{method.ContainingType.Name}({parameters})'",
            MethodKind.LocalFunction => $"'{method.Name}({parameters})'",
            _ => $"'{method.ContainingType?.Name}.{method.Name}({parameters})'",
        };
    }

    /// <summary>Where a warning about a call sits: the call, without an object initializer that follows it.</summary>
    public static Location CallLocation(IOperation call)
    {
        var syntax = call.Syntax;
        var end = syntax switch
        {
            ObjectCreationExpressionSyntax { Initializer: not null } creation => creation.ArgumentList?.Span.End ?? creation.Type.Span.End,
            ImplicitObjectCreationExpressionSyntax { Initializer: not null } creation => creation.ArgumentList.Span.End,
            _ => syntax.Span.End,
        };
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }

    /// <summary>
    /// Whether a link made on every run is in a loop of its own function (a loop statement, or a loop made with
    /// <c>goto</c>) rather than in a lambda run repeatedly.
    /// </summary>
    public static bool InLoop(IOperation operation)
    {
        for (var node = operation.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForEachStatementSyntax or ForEachVariableStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax:
                    return false;
                case LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }
}
