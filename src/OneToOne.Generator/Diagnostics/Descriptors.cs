using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Diagnostics;

/// <summary>Every diagnostic of the package. Each rule has a page under <c>docs/rules/</c>, used as its help link.</summary>
internal static partial class Descriptors
{
    public const string HelpLinkBase = "https://github.com/onetoone-dotnet/OneToOne/blob/main/docs/rules/";
    private const string Declaration = "OneToOne.Declaration";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        DiagnosticIds.NotPartial, "A [OneToOne] class and the types containing it must be partial",
        "'{0}' must be partial: [OneToOne] on '{1}' generates members into it",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PrincipalNotLinkable = Create(
        DiagnosticIds.PrincipalNotLinkable, "The principal of a [OneToOne] link must be a class that can be linked",
        "'{0}' cannot be the principal of the link on '{1}': it is {2}; a principal must be a class that the whole assembly can see",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PrincipalNotPartial = Create(
        DiagnosticIds.PrincipalNotPartial, "The principal of a [OneToOne] link must be partial",
        "'{0}' must be partial: [OneToOne] on '{1}' generates the reverse accessor '{2}.{3}' into it",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameClash = Create(
        DiagnosticIds.NameClash, "A generated member's name clashes with an existing member",
        "[OneToOne] on '{0}' would generate '{1}.{2}', but {3}; {4}",
        Declaration, DiagnosticSeverity.Error);

    /// <summary>
    /// On an OTO004 whose clashing member looks like a hand-written navigation of the link (the generated member's
    /// name, the other class's type): the code fix removes that member, found at the first additional location.
    /// </summary>
    public const string HandWrittenNavigationKey = "HandWrittenNavigation";

    public static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> HandWrittenNavigationProperties =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(HandWrittenNavigationKey, "true");

    public static readonly DiagnosticDescriptor DuplicateGeneratedMember = Create(
        DiagnosticIds.DuplicateGeneratedMember, "Two links would generate the same member",
        "The link '{0}.{1}' to '{2}' and {3} would both generate '{4}.{5}'; give one of them another '{6}'",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidName = Create(
        DiagnosticIds.InvalidName, "Navigation or Reverse is not a valid C# identifier",
        "'{0}' given as {1} for the link '{2}' to '{3}' is not a valid C# identifier",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RecordInLink = Create(
        DiagnosticIds.RecordInLink, "A record cannot take part in a [OneToOne] link",
        "'{0}' is a record and cannot take part in the link '{1}' to '{2}': its generated equality, hash code and ToString would run round the link forever",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReplaceWithRequired = Create(
        DiagnosticIds.ReplaceWithRequired, "OnConflict = Replace cannot be combined with Required = true",
        "The link '{0}.{1}' to '{2}' has OnConflict = Replace and Required = true: a replaced {0} would lose its required {2}",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DependentCannotCarryLink = Create(
        DiagnosticIds.DependentCannotCarryLink, "This class cannot carry a [OneToOne] link",
        "'{0}' cannot carry the link to '{1}': it is {2}",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SetNullWithRequired = Create(
        DiagnosticIds.SetNullWithRequired, "OnDelete = SetNull cannot be combined with Required = true",
        "The link '{0}.{1}' to '{2}' has OnDelete = SetNull and Required = true: deleting the {2} would have to clear a required key",
        Declaration, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidNavigationProperty = Create(
        DiagnosticIds.InvalidNavigationProperty, "This property cannot be the navigation of a [OneToOne] link",
        "'{0}' cannot be the navigation of a [OneToOne] link: {1}",
        Declaration, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
