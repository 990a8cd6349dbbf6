namespace OneToOne.Generator.Diagnostics;

/// <summary>Every diagnostic ID of the package, defined once: the descriptors and the code fixes use these.</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "OTO001";
    public const string PrincipalNotLinkable = "OTO002";
    public const string PrincipalNotPartial = "OTO003";
    public const string NameClash = "OTO004";
    public const string DuplicateGeneratedMember = "OTO005";
    public const string InvalidName = "OTO006";
    public const string RecordInLink = "OTO007";
    public const string ReplaceWithRequired = "OTO008";
    public const string DependentCannotCarryLink = "OTO009";
    public const string SetNullWithRequired = "OTO010";
    public const string ContextMissesNavigation = "OTO011";
    public const string InvalidNavigationProperty = "OTO012";
    public const string DoubleLink = "OTO100";
    public const string RepeatedLink = "OTO101";
}
