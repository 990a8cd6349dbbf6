namespace OneToOne.Generator.Model;

/// <summary>How the reverse accessor reaches the principal.</summary>
internal enum ReverseForm
{
    /// <summary>A property of the principal (declared in this compilation, partial): <c>u.Profile</c>.</summary>
    Member,

    /// <summary>A C# 14 extension property, for a principal this compilation cannot change: <c>u.Profile</c>.</summary>
    ExtensionProperty,

    /// <summary>Extension methods below C# 14: <c>u.GetProfile()</c> and <c>u.SetProfile(p)</c>.</summary>
    ExtensionMethods,
}

/// <summary>One type declaration in a chain of containing types, as the emitter re-declares it.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="NameWithTypeParameters">The name as declared, with its type parameter list if any (<c>Outer&lt;T&gt;</c>).</param>
internal sealed record TypeDeclarationModel(string Keyword, string NameWithTypeParameters);

/// <summary>Where a type lives and how to name it in generated code.</summary>
/// <param name="Namespace">The containing namespace (<c>A.B</c>), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="Self">The type's own declaration.</param>
/// <param name="Name">The simple name (<c>User</c>), used in messages and as the default member name.</param>
/// <param name="FullyQualifiedName">The <c>global::</c> name used in code (<c>global::A.B.Outer.User</c>).</param>
/// <param name="MetadataName">The fully qualified metadata name (<c>A.B.Outer+User</c>), unique per type; used for hint names.</param>
/// <param name="Accessibility">The keyword generated members take when they mention this type: <c>public</c> or <c>internal</c>.</param>
/// <param name="DocReference">How XML docs refer to it: a <c>see cref</c>, or for a closed generic its name in <c>c</c> tags.</param>
/// <param name="BaseTypes">The metadata names of its base classes, nearest first (a generated member must not hide another one, OTO005).</param>
internal sealed record TypeModel(
    string? Namespace,
    EquatableArray<TypeDeclarationModel> ContainingTypes,
    TypeDeclarationModel Self,
    string Name,
    string FullyQualifiedName,
    string MetadataName,
    string Accessibility,
    string DocReference,
    EquatableArray<string> BaseTypes);

/// <summary>
/// Everything the emitter needs to write one link, and nothing else: strings, primitives and equatable arrays,
/// never a symbol, syntax node or location, so the incremental pipeline can compare and cache it.
/// </summary>
/// <param name="Dependent">The class carrying <c>[OneToOne]</c>.</param>
/// <param name="Principal">The class named by the attribute.</param>
/// <param name="Navigation">The forward navigation's name, on the dependent.</param>
/// <param name="Reverse">The reverse accessor's name, on the principal.</param>
/// <param name="Required">Django's <c>null=False</c>.</param>
/// <param name="Replace"><c>OnConflict = Replace</c>.</param>
/// <param name="OnDelete">The <c>OneToOneDelete</c> value (for the EF Core mapping).</param>
/// <param name="JsonIgnoreReverse">The compilation references System.Text.Json: the reverse accessor gets <c>[JsonIgnore]</c>.</param>
/// <param name="JsonMetadata">The compilation has System.Text.Json's contract API (<c>JsonTypeInfo</c>, .NET 7+): the link is part of <c>OneToOneJsonModifiers</c>.</param>
/// <param name="EfCore">The compilation references EF Core (<c>ModelBuilder</c> exists): the link is part of <c>ApplyOneToOneLinks</c>.</param>
/// <param name="IsValid">The declaration passed every check that concerns it alone (OTO001-OTO004, OTO006-OTO010).</param>
/// <param name="ReverseForm">How the reverse accessor is generated: a member of the principal, or an extension.</param>
/// <param name="ExtensionClass">The static class of the extension form (empty for <see cref="ReverseForm.Member"/>), in the dependent's namespace.</param>
/// <param name="NamesValid">Both member names are identifiers that clash with no user-written member, so they take part in the cross-link check OTO005.</param>
internal sealed record LinkModel(
    TypeModel Dependent,
    TypeModel Principal,
    string Navigation,
    string Reverse,
    bool Required,
    bool Replace,
    int OnDelete,
    bool JsonIgnoreReverse,
    bool JsonMetadata,
    bool EfCore,
    bool IsValid,
    bool NamesValid,
    ReverseForm ReverseForm,
    string ExtensionClass)
{
    /// <summary>The key of the forward navigation, unique per generated member (OTO005).</summary>
    public string NavigationKey => MemberKey(Dependent.MetadataName, Navigation);

    /// <summary>The key of the reverse accessor, unique per generated member (OTO005).</summary>
    public string ReverseKey => MemberKey(Principal.MetadataName, Reverse);

    /// <summary>A stable, unique name for the link, used for its hint name.</summary>
    public string HintName => $"{Dependent.MetadataName}.{Navigation}.OneToOne.g.cs";

    public static string MemberKey(string typeMetadataName, string member) => typeMetadataName + "::" + member;
}
