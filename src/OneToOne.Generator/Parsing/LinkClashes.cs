using System.Collections.Generic;
using System.Linq;
using OneToOne.Generator.Model;

namespace OneToOne.Generator.Parsing;

/// <summary>
/// The cross-link check OTO005 (Django fields.E304/E305): two links must not generate the same member, nor a
/// member that hides another generated member of a base class. Shared by the generator and the analyzer.
/// </summary>
internal static class LinkClashes
{
    /// <summary>One member a link generates.</summary>
    internal readonly record struct GeneratedMember(LinkModel Link, bool IsNavigation)
    {
        public TypeModel Host => IsNavigation ? Link.Dependent : Link.Principal;

        public string Name => IsNavigation ? Link.Navigation : Link.Reverse;

        public string Key => LinkModel.MemberKey(Host.MetadataName, Name);
    }

    /// <summary>
    /// For every generated member that clashes, the other members it clashes with. Links whose names are not
    /// valid (OTO004, OTO006) take no part.
    /// </summary>
    public static Dictionary<GeneratedMember, List<GeneratedMember>> Find(IEnumerable<LinkModel> links)
    {
        var members = new List<GeneratedMember>();
        foreach (var link in links)
        {
            if (link.NamesValid)
            {
                members.Add(new GeneratedMember(link, IsNavigation: true));
                members.Add(new GeneratedMember(link, IsNavigation: false));
            }
        }

        // Grouped by name, then by host type: the cost grows with the number of links, never with pairs of them
        // (thousands of dependents of one principal are thousands of different names).
        var result = new Dictionary<GeneratedMember, List<GeneratedMember>>();
        foreach (var byName in members.GroupBy(m => m.Name))
        {
            var byHost = byName.GroupBy(m => m.Host.MetadataName).ToDictionary(g => g.Key, g => g.ToList());
            if (byHost.Count == 1 && byHost.Values.First().Count < 2)
            {
                continue;
            }

            foreach (var member in byName)
            {
                // Same host: every other member of that name on it.
                var sameHost = byHost[member.Host.MetadataName];
                if (sameHost.Count > 1)
                {
                    Add(result, member, sameHost.Where(other => !ReferenceEquals(other.Link, member.Link) || other.IsNavigation != member.IsNavigation));
                }

                // A base class's member of that name: both hide each other.
                foreach (var baseType in member.Host.BaseTypes)
                {
                    if (byHost.TryGetValue(baseType, out var inBase))
                    {
                        Add(result, member, inBase);
                        foreach (var other in inBase)
                        {
                            Add(result, other, new[] { member });
                        }
                    }
                }
            }
        }

        return result;
    }

    private static void Add(Dictionary<GeneratedMember, List<GeneratedMember>> result, GeneratedMember member, IEnumerable<GeneratedMember> others)
    {
        foreach (var other in others)
        {
            if (!result.TryGetValue(member, out var list))
            {
                result[member] = list = new List<GeneratedMember>();
            }

            list.Add(other);
        }
    }

    /// <summary>The keys (<see cref="LinkModel.MemberKey"/>) of every member that clashes.</summary>
    public static EquatableArray<string> ClashingKeys(IEnumerable<LinkModel> links) =>
        new(Find(links).Keys.Select(m => m.Key).Distinct().OrderBy(k => k, System.StringComparer.Ordinal));
}
