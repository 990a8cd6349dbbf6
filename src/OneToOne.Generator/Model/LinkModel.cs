namespace OneToOne.Generator.Model;

/// <summary>How the reverse accessor reaches the principal.</summary>
internal enum ReverseForm
{
    /// <summary>A property of the principal (declared in this compilation, partial): <c>u.Profile</c>.</summary>
    Member,

    /// <summary>
    /// A C# 14 extension property, for a principal this compilation cannot change: <c>u.Profile</c>; the methods
    /// <c>u.GetProfile()</c> and <c>u.SetProfile(p)</c> stay beside it, so raising the language version breaks no caller.
    /// </summary>
    ExtensionProperty,

    /// <summary>Extension methods below C# 14: <c>u.GetProfile()</c> and <c>u.SetProfile(p)</c>.</summary>
    ExtensionMethods,
}

/// <summary>One type declaration in a chain of containing types, as the emitter re-declares it.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="NameWithTypeParameters">The name as declared, with its type parameter list if any (<c>Outer&lt;T&gt;</c>).</param>
internal sealed record TypeDeclarationModel(string Keyword, string NameWithTypeParameters);

/// <summary>Where a type lives and how to name it in generated code.</summary>
internal sealed record TypeModel
{
    /// <summary>The containing namespace (<c>A.B</c>), or <see langword="null"/> for the global namespace.</summary>
    public required string? Namespace { get; init; }

    /// <summary>The containing types, outermost first.</summary>
    public required EquatableArray<TypeDeclarationModel> ContainingTypes { get; init; }

    /// <summary>The type's own declaration.</summary>
    public required TypeDeclarationModel Self { get; init; }

    /// <summary>The simple name (<c>User</c>), used in messages and as the default member name.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>global::</c> name used in code (<c>global::A.B.Outer.User</c>).</summary>
    public required string FullyQualifiedName { get; init; }

    /// <summary>The fully qualified metadata name (<c>A.B.Outer+User</c>), unique per type; used for hint names.</summary>
    public required string MetadataName { get; init; }

    /// <summary>The keyword generated members take when they mention this type: <c>public</c> or <c>internal</c>.</summary>
    public required string Accessibility { get; init; }

    /// <summary>How XML docs refer to it: a <c>see cref</c>, or for a closed generic its name in <c>c</c> tags.</summary>
    public required string DocReference { get; init; }

    /// <summary>The metadata names of its base classes, nearest first (a generated member must not hide another one, OTO005).</summary>
    public required EquatableArray<string> BaseTypes { get; init; }
}

/// <summary>
/// A navigation the user declared as a <c>partial</c> property (the property form), which the generator implements:
/// the implementing declaration must repeat the declaration's modifiers, type and accessors exactly.
/// </summary>
internal sealed record DeclaredPropertyModel
{
    /// <summary>The modifiers as declared, in order (<c>public required partial</c>).</summary>
    public required string Modifiers { get; init; }

    /// <summary>The type as declared, fully qualified, with its nullable annotation (<c>global::App.User?</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The setter's own accessibility modifier (<c>private</c>), or empty.</summary>
    public required string SetterModifiers { get; init; }

    /// <summary>The getter's own accessibility modifier, or empty.</summary>
    public required string GetterModifiers { get; init; }

    /// <summary>Whether the declared type is non-nullable (the getter needs <c>!</c>).</summary>
    public required bool NonNullable { get; init; }

    /// <summary>The attributes the user put on a declared reverse accessor (the generator does not repeat them); empty for a navigation.</summary>
    public required EquatableArray<string> Attributes { get; init; }
}

/// <summary>
/// Everything the emitter needs to write one link, and nothing else: strings, primitives and equatable arrays,
/// never a symbol, syntax node or location, so the incremental pipeline can compare and cache it. Facts about
/// the whole compilation are not here: they are <see cref="CompilationFacts"/>, computed once per compilation.
/// </summary>
internal sealed record LinkModel
{
    /// <summary>The class carrying the link.</summary>
    public required TypeModel Dependent { get; init; }

    /// <summary>The class on the other side.</summary>
    public required TypeModel Principal { get; init; }

    /// <summary>The forward navigation's name, on the dependent.</summary>
    public required string Navigation { get; init; }

    /// <summary>The reverse accessor's name, on the principal.</summary>
    public required string Reverse { get; init; }

    /// <summary>Django's <c>null=False</c>.</summary>
    public required bool Required { get; init; }

    /// <summary>What a link to a principal that has another dependent does.</summary>
    public required OneToOneConflict OnConflict { get; init; }

    /// <summary>The delete behaviour of the EF Core mapping.</summary>
    public required OneToOneDelete OnDelete { get; init; }

    /// <summary>How the reverse accessor is generated: a member of the principal, or an extension.</summary>
    public required ReverseForm ReverseForm { get; init; }

    /// <summary>The static class of the extension form (empty for <see cref="ReverseForm.Member"/>), in the dependent's namespace.</summary>
    public required string ExtensionClass { get; init; }

    /// <summary>Property form: the user's declaration of the forward navigation; <see langword="null"/> in the class form.</summary>
    public required DeclaredPropertyModel? DeclaredNavigation { get; init; }

    /// <summary>The principal declares the reverse accessor as a partial property: the generator implements it.</summary>
    public required DeclaredPropertyModel? DeclaredReverse { get; init; }

    /// <summary>The declaration passed every check that concerns it alone (all but the cross-link OTO005).</summary>
    public required bool IsValid { get; init; }

    /// <summary>Both member names are identifiers that clash with no user-written member, so they take part in OTO005.</summary>
    public required bool NamesValid { get; init; }

    public bool Replace => OnConflict == OneToOneConflict.Replace;

    /// <summary>The key of the forward navigation, unique per generated member (OTO005).</summary>
    public string NavigationKey => MemberKey(Dependent.MetadataName, Navigation);

    /// <summary>The key of the reverse accessor, unique per generated member (OTO005).</summary>
    public string ReverseKey => MemberKey(Principal.MetadataName, Reverse);

    /// <summary>A stable, unique name for the link, used for its hint name.</summary>
    public string HintName => $"{Dependent.MetadataName}.{Navigation}.OneToOne.g.cs";

    public static string MemberKey(string typeMetadataName, string member) => typeMetadataName + "::" + member;
}
