using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OneToOne.Generator.Emitting;
using OneToOne.Generator.Model;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator;

/// <summary>
/// The source generator: for every valid <c>[OneToOne]</c> it writes one file with the forward navigation and the
/// reverse accessor. Invalid declarations produce nothing; <see cref="Analyzers.DeclarationAnalyzer"/> says why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OneToOneGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for the caching tests.</summary>
    public static class Steps
    {
        public const string Links = "OneToOne.Links";
        public const string Clashes = "OneToOne.Clashes";
        public const string ValidLinks = "OneToOne.ValidLinks";
        public const string EfCoreLinks = "OneToOne.EfCoreLinks";
        public const string JsonLinks = "OneToOne.JsonLinks";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parser: one model per [OneToOne] application; symbols never leave the transform.
        var links = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LinkParser.AttributeMetadataName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (ctx, ct) =>
                {
                    var dependent = (INamedTypeSymbol)ctx.TargetSymbol;
                    var models = new List<LinkModel>();
                    foreach (var attribute in ctx.Attributes)
                    {
                        ct.ThrowIfCancellationRequested();
                        var model = LinkParser.Parse(dependent, attribute, ctx.SemanticModel.Compilation, DiagnosticSink.None, ct);
                        if (model is not null)
                        {
                            models.Add(model);
                        }
                    }

                    return new EquatableArray<LinkModel>(models);
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
        context.RegisterSourceOutput(valid, static (spc, link) => spc.AddSource(link.HintName, LinkEmitter.Emit(link)));

        // With System.Text.Json's contract API: a modifier that shows the navigations to source-generated contracts.
        var jsonLinks = valid
            .Where(static link => link.JsonMetadata)
            .Collect()
            .Select(static (all, _) => new EquatableArray<LinkModel>(all))
            .WithTrackingName(Steps.JsonLinks);
        context.RegisterSourceOutput(jsonLinks, static (spc, all) =>
        {
            if (all.Count > 0)
            {
                spc.AddSource(JsonEmitter.HintName, JsonEmitter.Emit(all));
            }
        });

        // With EF Core referenced: ApplyOneToOneLinks and UseOneToOne, one fixed file that finds the links at run time
        // (also those of referenced assemblies), so no link, valid or not, decides whether it exists.
        var efCore = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(EfCoreEmitter.ModelBuilderMetadataName) is not null)
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
