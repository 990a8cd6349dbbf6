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

        var result = new Dictionary<GeneratedMember, List<GeneratedMember>>();
        foreach (var group in members.Select((m, i) => (Member: m, Index: i)).GroupBy(x => x.Member.Name))
        {
            var list = group.ToList();
            if (list.Count < 2)
            {
                continue;
            }

            foreach (var a in list)
            {
                foreach (var b in list)
                {
                    if (a.Index != b.Index && SameOrRelated(a.Member.Host, b.Member.Host))
                    {
                        if (!result.TryGetValue(a.Member, out var others))
                        {
                            result[a.Member] = others = new List<GeneratedMember>();
                        }

                        others.Add(b.Member);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The keys (<see cref="LinkModel.MemberKey"/>) of every member that clashes.</summary>
    public static EquatableArray<string> ClashingKeys(IEnumerable<LinkModel> links) =>
        new(Find(links).Keys.Select(m => m.Key).Distinct().OrderBy(k => k, System.StringComparer.Ordinal));

    private static bool SameOrRelated(TypeModel a, TypeModel b) =>
        a.MetadataName == b.MetadataName ||
        a.BaseTypes.Contains(b.MetadataName) ||
        b.BaseTypes.Contains(a.MetadataName);
}
