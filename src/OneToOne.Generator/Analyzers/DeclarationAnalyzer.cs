using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OneToOne.Generator.Diagnostics;
using OneToOne.Generator.Model;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// Reports why a <c>[OneToOne]</c> declaration is invalid (OTO001-OTO010). It runs the same checks as the
/// generator (<see cref="LinkParser"/>, <see cref="LinkClashes"/>), which silently skips invalid links, so the
/// user sees a diagnostic that <c>#pragma</c> and <c>.editorconfig</c> can configure.
/// </summary>
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
        Descriptors.SetNullWithRequired);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved once per compilation; nothing to do when the runtime library is not referenced.
            var attributeType = start.Compilation.GetTypeByMetadataName(LinkParser.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            var index = new LinkIndex(start.Compilation, attributeType);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributeType, index), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType, LinkIndex index)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attributes = OneToOneAttributes(type, attributeType);

        // OTO001 once per type, from the type's own analysis (so the diagnostic is local to it, as code fixes need):
        // it is not partial, and it carries [OneToOne] or contains a class that does.
        if (!LinkParser.IsPartial(type, context.CancellationToken) &&
            (attributes.Count > 0 ? type : FirstDependentWithin(type, attributeType)) is { } dependent)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotPartial, type.Locations.FirstOrDefault(), type.ToDisplayString(), dependent.ToDisplayString()));
        }

        if (attributes.Count == 0)
        {
            return; // the cheap, common case
        }

        foreach (var attribute in attributes)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var sink = DiagnosticSink.Collecting();
            var link = LinkParser.Parse(type, attribute, context.Compilation, sink, context.CancellationToken);
            foreach (var diagnostic in sink.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic);
            }

            if (link is { NamesValid: true })
            {
                ReportClashes(context, attribute, link, index.Clashes(context.CancellationToken));
            }
        }
    }

    /// <summary>The first class nested in <paramref name="type"/>, at any depth, that carries <c>[OneToOne]</c>.</summary>
    private static INamedTypeSymbol? FirstDependentWithin(INamedTypeSymbol type, INamedTypeSymbol attributeType)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (OneToOneAttributes(nested, attributeType).Count > 0)
            {
                return nested;
            }

            if (FirstDependentWithin(nested, attributeType) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private static void ReportClashes(
        SymbolAnalysisContext context,
        AttributeData attribute,
        LinkModel link,
        Dictionary<LinkClashes.GeneratedMember, List<LinkClashes.GeneratedMember>> clashes)
    {
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
                ArgumentOrAttributeLocation(attribute, argument, context.CancellationToken),
                Display(link.Dependent), link.Navigation, Display(link.Principal), description, Display(member.Host), member.Name, argument));
        }
    }

    /// <summary>The type's name with its namespace and containing types, as in C# source (<c>App.Outer.Profile</c>).</summary>
    private static string Display(TypeModel type) =>
        type.FullyQualifiedName.StartsWith("global::", System.StringComparison.Ordinal)
            ? type.FullyQualifiedName.Substring("global::".Length)
            : type.FullyQualifiedName;

    private static Location? ArgumentOrAttributeLocation(AttributeData attribute, string argument, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var named = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argument);
        return named?.Expression.GetLocation() ?? syntax.GetLocation();
    }

    /// <summary>
    /// The <c>[OneToOne]</c> applications on <paramref name="type"/>. None on anything but a class: the attribute
    /// applies to classes only, the compiler reports it elsewhere (CS0592), and the generator reads classes only.
    /// </summary>
    internal static List<AttributeData> OneToOneAttributes(INamedTypeSymbol type, INamedTypeSymbol attributeType)
    {
        var result = new List<AttributeData>();
        if (type.TypeKind != TypeKind.Class)
        {
            return result;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                result.Add(attribute);
            }
        }

        return result;
    }

    /// <summary>
    /// Every link of the compilation, parsed once, the first time a class with <c>[OneToOne]</c> is analysed
    /// (OTO005 needs them all). A cancelled build caches nothing.
    /// </summary>
    private sealed class LinkIndex(Compilation compilation, INamedTypeSymbol attributeType)
    {
        private readonly object _gate = new();
        private Dictionary<LinkClashes.GeneratedMember, List<LinkClashes.GeneratedMember>>? _clashes;

        public Dictionary<LinkClashes.GeneratedMember, List<LinkClashes.GeneratedMember>> Clashes(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _clashes) is { } ready)
            {
                return ready;
            }

            lock (_gate)
            {
                if (_clashes is null)
                {
                    var links = new List<LinkModel>();
                    Collect(compilation.Assembly.GlobalNamespace, links, cancellationToken);
                    Volatile.Write(ref _clashes, LinkClashes.Find(links));
                }

                return _clashes!;
            }
        }

        private void Collect(INamespaceOrTypeSymbol container, List<LinkModel> links, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    Collect(ns, links, cancellationToken);
                }
                else if (member is INamedTypeSymbol type)
                {
                    foreach (var attribute in OneToOneAttributes(type, attributeType))
                    {
                        if (LinkParser.Parse(type, attribute, compilation, DiagnosticSink.None, cancellationToken) is { } link)
                        {
                            links.Add(link);
                        }
                    }

                    Collect(type, links, cancellationToken);
                }
            }
        }
    }
}
