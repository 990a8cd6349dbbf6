using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Emitting;
using OneToOne.Generator.Model;
using OneToOne.Generator.Naming;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator;

/// <summary>
/// The source generator: for every valid <c>[OneToOne]</c> (on a class, or on a partial property) it writes one file
/// with the forward navigation and the reverse accessor, and, for the whole compilation, the EF Core mapping and the
/// System.Text.Json contract modifier. Invalid declarations produce nothing; the analyzers say why, and the valid
/// links are generated all the same.
/// </summary>
[Generator(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class OneToOneGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for the caching tests.</summary>
    public static class Steps
    {
        public const string Facts = "OneToOne.Facts";
        public const string Links = "OneToOne.Links";
        public const string Clashes = "OneToOne.Clashes";
        public const string ValidLinks = "OneToOne.ValidLinks";
        public const string EfCoreLinks = "OneToOne.EfCoreLinks";
        public const string JsonLinks = "OneToOne.JsonLinks";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Facts about the whole compilation (which serializers, EF Core, UnsafeAccessor): read once per compilation,
        // a small equatable value, so a new compilation with the same facts changes nothing downstream.
        // The MSBuild property OneToOneStorageAccess=Fields asks for internal storage fields instead of UnsafeAccessor
        // (for tools that rewrite the compiled assembly and cannot follow UnsafeAccessor, such as Coyote's rewriter).
        var fieldsOnly = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(GeneratedNames.StorageAccessProperty, out var value) &&
                string.Equals(value, "Fields", System.StringComparison.OrdinalIgnoreCase));
        var facts = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFacts.From(compilation))
            .Combine(fieldsOnly)
            .Select(static (pair, _) => pair.Right ? pair.Left with { UnsafeAccessor = false } : pair.Left)
            .WithTrackingName(Steps.Facts);

        // Parser: one model per [OneToOne] application, on a class or a property; symbols never leave the transform.
        var links = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GeneratedNames.AttributeMetadataName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or PropertyDeclarationSyntax,
                transform: static (ctx, ct) =>
                {
                    var models = new LinkModel[ctx.Attributes.Length];
                    var count = 0;
                    foreach (var attribute in ctx.Attributes)
                    {
                        ct.ThrowIfCancellationRequested();
                        if (LinkParser.Parse(LinkAttribute.Read(attribute, ctx.TargetSymbol), DiagnosticSink.None, ct) is { } model)
                        {
                            models[count++] = model;
                        }
                    }

                    return new EquatableArray<LinkModel>(models.Take(count));
                })
            .SelectMany(static (models, _) => models)
            .WithTrackingName(Steps.Links);

        // OTO005 needs every link: the keys of members generated twice.
        var clashes = links
            .Collect()
            .Select(static (all, _) => LinkClashes.ClashingKeys(all))
            .WithTrackingName(Steps.Clashes);

        var valid = links
            .Combine(clashes)
            .Where(static pair => pair.Left.IsValid &&
                                  !pair.Right.Contains(pair.Left.NavigationKey) &&
                                  !pair.Right.Contains(pair.Left.ReverseKey))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(Steps.ValidLinks);

        // Emitter: one file per link.
        context.RegisterSourceOutput(valid.Combine(facts), static (spc, pair) =>
            spc.AddSource(pair.Left.HintName, LinkEmitter.Emit(pair.Left, pair.Right)));

        // With System.Text.Json's contract API: a modifier that shows the class-form navigations to source-generated
        // contracts (the property form is the user's own declaration, which System.Text.Json sees).
        var jsonLinks = valid
            .Where(static link => link.DeclaredNavigation is null)
            .Collect()
            .Select(static (all, _) => new EquatableArray<LinkModel>(all))
            .WithTrackingName(Steps.JsonLinks);
        context.RegisterSourceOutput(jsonLinks.Combine(facts), static (spc, pair) =>
        {
            if (pair.Right.SystemTextJsonMetadata && pair.Left.Count > 0)
            {
                spc.AddSource(JsonEmitter.HintName, JsonEmitter.Emit(pair.Left));
            }
        });

        // With EF Core referenced: ApplyOneToOneLinks and UseOneToOne, one fixed file that finds the links at run time
        // (also those of referenced assemblies), so no link, valid or not, decides whether it exists.
        var efCore = facts
            .Select(static (facts, _) => facts.EfCore)
            .WithTrackingName(Steps.EfCoreLinks);
        context.RegisterSourceOutput(efCore, static (spc, referencesEfCore) =>
        {
            if (referencesEfCore)
            {
                spc.AddSource(EfCoreEmitter.HintName, EfCoreEmitter.Source);
            }
        });
    }
}
