using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Diagnostics;

/// <summary>The flow-sensitive usage warnings (the flow analysis).</summary>
internal static partial class Descriptors
{
    private const string Usage = "OneToOne.Usage";

    /// <summary>
    /// {0} the principal, {1} the dependent type, {2} the earlier dependents (quoted, each with the call it was linked
    /// through when that was not a plain assignment), {3} the new dependent, {4} how it is linked (the navigation,
    /// quoted, or the call).
    /// </summary>
    public static readonly DiagnosticDescriptor DoubleLink = new(
        DiagnosticIds.DoubleLink, "Two dependents may be linked to the same principal",
        "'{0}' may already have a {1} ({2}) when '{3}' is linked to it through {4}; this second link throws OneToOneViolationException",
        Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + DiagnosticIds.DoubleLink + ".md");

    /// <summary>{0} the principal, {1} the dependent type, {2} how it is linked (the navigation, quoted, or the call), {3} loop or lambda.</summary>
    public static readonly DiagnosticDescriptor RepeatedLink = new(
        DiagnosticIds.RepeatedLink, "A link is made repeatedly to a principal that does not change",
        "'{0}' gets a different {1} through {2} on every run of this {3}, but '{0}' stays the same between runs; from the second run on the link throws OneToOneViolationException",
        Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + DiagnosticIds.RepeatedLink + ".md");
}
