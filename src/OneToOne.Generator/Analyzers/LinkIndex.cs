using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OneToOne.Generator.Model;
using OneToOne.Generator.Parsing;

namespace OneToOne.Generator.Analyzers;

/// <summary>
/// The links of one compilation by the names of the members they generate, for the cross-link check OTO005. Built
/// lazily from <see cref="LinkSyntax"/> (per file, reused across compilations), so its cost grows with the number of
/// links, never with the number of types; a link is bound and parsed only when another link generates a member of
/// the same name.
/// </summary>
internal sealed class LinkIndex(Compilation compilation, INamedTypeSymbol attributeType)
{
    private readonly object _gate = new();
    private Dictionary<string, List<LinkSyntax.Candidate>>? _byName;
    private List<LinkSyntax.Candidate>? _unnamed;
    private readonly ConcurrentDictionary<AttributeSyntax, LinkModel?> _parsed = new();

    /// <summary>
    /// Every clash of the members <paramref name="link"/> generates (as <see cref="LinkClashes.Find"/> gives them),
    /// among the links that generate a member of the same name.
    /// </summary>
    public Dictionary<LinkClashes.GeneratedMember, List<LinkClashes.GeneratedMember>> ClashesOf(
        LinkModel link, AttributeSyntax syntax, CancellationToken cancellationToken)
    {
        var (byName, unnamed) = Build(cancellationToken);
        var candidates = new HashSet<AttributeSyntax>();
        foreach (var name in new[] { link.Navigation, link.Reverse })
        {
            if (byName.TryGetValue(name, out var named))
            {
                foreach (var candidate in named)
                {
                    candidates.Add(candidate.Attribute);
                }
            }
        }

        foreach (var candidate in unnamed)
        {
            candidates.Add(candidate.Attribute);
        }

        candidates.Remove(syntax);
        var links = new List<LinkModel> { link };
        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_parsed.GetOrAdd(candidate, c => Parse(c, cancellationToken)) is { } other)
            {
                links.Add(other);
            }
        }

        return LinkClashes.Find(links); // also a link alone: a self link whose navigation and reverse accessor share a name
    }

    private (Dictionary<string, List<LinkSyntax.Candidate>> ByName, List<LinkSyntax.Candidate> Unnamed) Build(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byName is null || _unnamed is null)
            {
                var byName = new Dictionary<string, List<LinkSyntax.Candidate>>();
                var unnamed = new List<LinkSyntax.Candidate>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var candidate in LinkSyntax.Read(tree, cancellationToken).Candidates)
                    {
                        if (candidate.Navigation is null || candidate.Reverse is null)
                        {
                            unnamed.Add(candidate);
                        }

                        foreach (var name in new[] { candidate.Navigation, candidate.Reverse })
                        {
                            if (name is null)
                            {
                                continue;
                            }

                            if (!byName.TryGetValue(name, out var list))
                            {
                                byName[name] = list = new List<LinkSyntax.Candidate>();
                            }

                            list.Add(candidate);
                        }
                    }
                }

                (_byName, _unnamed) = (byName, unnamed);
            }

            return (_byName, _unnamed);
        }
    }

    private LinkModel? Parse(AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        if (LinkSyntax.Target(attribute) is not { } target ||
            LinkSyntax.DeclaredSymbol(compilation, target) is not { } symbol ||
            LinkSyntax.DataOf(symbol, attribute) is not { } data ||
            !LinkSyntax.Is(data, attributeType))
        {
            return null;
        }

        return LinkParser.Parse(LinkAttribute.Read(data, symbol), DiagnosticSink.None, cancellationToken);
    }
}
