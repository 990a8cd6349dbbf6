using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneToOne.Benchmarks.Build;

/// <summary>
/// The least any generator built on <c>ForAttributeWithMetadataName</c> with a semantic transform can do: find every
/// <c>[OneToOne]</c> class and return its name (an equatable string), emitting nothing. Roslyn runs such a transform
/// again for every annotated class whenever the compilation changes, so its re-run time is the floor under the
/// OneToOne generator's re-run time. Used by <see cref="IncrementalChecks"/> only; not part of the product.
/// </summary>
public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "OneToOne.OneToOneAttribute",
            static (node, _) => node is ClassDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
