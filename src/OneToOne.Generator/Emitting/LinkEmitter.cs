using System;
using System.CodeDom.Compiler;
using System.Linq;
using OneToOne.Generator.Model;
using OneToOne.Generator.Naming;

namespace OneToOne.Generator.Emitting;

/// <summary>
/// Writes the source of one valid link, one file per link: the forward navigation and its storage on the
/// dependent, the reverse accessor and its storage on the principal (or its extension form), and the link's
/// storage accessor, a <c>file</c>-local struct that nothing outside this file can see.
/// </summary>
/// <remarks>
/// The storage fields are private where the target framework has <c>UnsafeAccessor</c> (.NET 8 and newer): the
/// accessor reaches them through it, and user code cannot write them at all. Elsewhere they are internal.
/// In the property form the user declared the navigation (and perhaps the reverse accessor) as a partial property:
/// the generator writes its implementing declaration, with the same modifiers, type and accessors.
/// </remarks>
internal static class LinkEmitter
{
    private const string NeverBrowsable = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
    private const string NeverInDebugger = "[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]";
    private const string Protocol = "global::OneToOne.Infrastructure.OneToOneLinks";
    private const string UnsafeAccessor = "global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field";

    private static string GeneratedCode => SourceWriter.GeneratedCode;

    public static string Emit(LinkModel link, CompilationFacts facts) => SourceWriter.Write(writer =>
    {
        WriteInType(writer, link.Dependent, () => WriteDependentMembers(writer, link, facts));
        writer.WriteLineNoTabs(string.Empty);
        if (link.ReverseForm == ReverseForm.Member)
        {
            WriteInType(writer, link.Principal, () => WritePrincipalMembers(writer, link, facts));
        }
        else
        {
            WriteInNamespace(writer, link.Dependent.Namespace, () => WriteExtensionClass(writer, link, facts));
        }

        writer.WriteLineNoTabs(string.Empty);
        WriteInNamespace(writer, link.Dependent.Namespace, () => WriteAccessor(writer, link, facts));
    });

    private static string Accessor(LinkModel link) => GeneratedNames.Accessor(link.Navigation);

    /// <summary>The accessor as code elsewhere in the file names it: it lives in the dependent's namespace.</summary>
    private static string AccessorReference(LinkModel link) =>
        link.Dependent.Namespace is { } ns ? $"global::{ns}.{Accessor(link)}" : $"global::{Accessor(link)}";

    /// <summary>A storage field: private where <c>UnsafeAccessor</c> reaches it (the compiler cannot see those writes), else internal.</summary>
    private static void WriteStorageField(IndentedTextWriter w, CompilationFacts facts, string type, string name)
    {
        if (facts.UnsafeAccessor)
        {
            w.WriteLineNoTabs("#pragma warning disable CS0649 // written by the link protocol, through UnsafeAccessor");
            w.WriteLine($"private {type} {name};");
            w.WriteLineNoTabs("#pragma warning restore CS0649");
        }
        else
        {
            w.WriteLine($"internal {type} {name};");
        }
    }

    /// <summary>The reverse accessor as the user calls it, for messages: <c>Profile</c>, or <c>GetProfile()</c>.</summary>
    private static string ReverseAsCalled(LinkModel link) =>
        link.ReverseForm == ReverseForm.ExtensionMethods ? GeneratedNames.Getter(link.Reverse) + "()" : link.Reverse;

    private static void WriteDependentMembers(IndentedTextWriter w, LinkModel link, CompilationFacts facts)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var storage = GeneratedNames.Storage(link.Navigation);
        var setter = $"{Protocol}.SetPrincipal<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {AccessorReference(link)}>(this, value)";

        w.WriteLine($"/// <summary>Storage of <see cref=\"{link.Navigation}\"/>, written only by the link protocol.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine(NeverBrowsable);
        w.WriteLine(NeverInDebugger);
        WriteStorageField(w, facts, $"{p.FullyQualifiedName}?", storage);
        w.WriteLineNoTabs(string.Empty);

        if (link.DeclaredNavigation is { } declared)
        {
            // The property form: the user's declaration carries the docs and attributes; this is its implementation.
            WriteImplementation(w, declared, link.Navigation, $"this.{storage}", setter);
            return;
        }

        var nullable = link.Required ? "" : "?";
        w.WriteLine("/// <summary>");
        w.WriteLine($"/// The {p.DocReference} this {d.Name} is linked to, one to one; the other side is");
        w.WriteLine(link.ReverseForm == ReverseForm.Member
            ? $"/// <see cref=\"{p.FullyQualifiedName}.{link.Reverse}\"/>."
            : $"/// the extension <c>{link.ExtensionClass}.{(link.ReverseForm == ReverseForm.ExtensionProperty ? link.Reverse : GeneratedNames.Getter(link.Reverse))}</c>.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        w.WriteLine($"/// Assigning {Article(p.Name)} {p.Name} links both sides at once, moving this {d.Name} away from any {p.Name} it had;");
        w.WriteLine(link.Required
            ? "/// the link is required: assigning <see langword=\"null\"/> throws <see cref=\"global::System.ArgumentNullException\"/>."
            : "/// assigning <see langword=\"null\"/> unlinks both sides.");
        w.WriteLine(link.Replace
            ? $"/// {Capitalized(Article(d.Name))} {d.Name} that the {p.Name} already had is unlinked first (OnConflict = Replace)."
            : $"/// {Capitalized(Article(p.Name))} {p.Name} that already has another {d.Name} is refused and nothing changes.");
        w.WriteLine("/// Assignments are atomic; reading is a plain field read.");
        w.WriteLine("/// </remarks>");
        if (!link.Replace)
        {
            w.WriteLine($"/// <exception cref=\"global::OneToOne.OneToOneViolationException\">The {p.Name} already has another {d.Name}.</exception>");
        }

        if (link.Required)
        {
            w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\">The value is <see langword=\"null\"/>.</exception>");
        }

        w.WriteLine(GeneratedCode);
        w.WriteLine($"{p.Accessibility} {(link.Required ? "required " : "")}{p.FullyQualifiedName}{nullable} {link.Navigation}");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"get => this.{storage}{(link.Required ? "!" : "")};");
        w.WriteLine($"set => {setter};");
        w.Indent--;
        w.WriteLine("}");
    }

    private static void WritePrincipalMembers(IndentedTextWriter w, LinkModel link, CompilationFacts facts)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var storage = GeneratedNames.Storage(link.Reverse);
        var setter = $"{Protocol}.SetDependent<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {AccessorReference(link)}>(this, value)";

        w.WriteLine($"/// <summary>Storage of <see cref=\"{link.Reverse}\"/>, written only by the link protocol.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine(NeverBrowsable);
        w.WriteLine(NeverInDebugger);
        WriteStorageField(w, facts, $"{d.FullyQualifiedName}?", storage);
        w.WriteLineNoTabs(string.Empty);

        if (link.DeclaredReverse is { } declared)
        {
            WriteSerializerIgnores(w, facts, declared.Attributes);
            WriteImplementation(w, declared, link.Reverse, $"this.{storage}", setter);
            return;
        }

        WriteReverseDocs(w, link);
        w.WriteLine(GeneratedCode);
        WriteSerializerIgnores(w, facts, EquatableArray<string>.Empty);
        w.WriteLine($"{d.Accessibility} {d.FullyQualifiedName}? {link.Reverse}");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"get => this.{storage};");
        w.WriteLine($"set => {setter};");
        w.Indent--;
        w.WriteLine("}");
    }

    /// <summary>The implementing declaration of a partial property the user declared.</summary>
    private static void WriteImplementation(IndentedTextWriter w, DeclaredPropertyModel declared, string name, string storage, string setter)
    {
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{declared.Modifiers} {declared.Type} {name}");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"{Prefixed(declared.GetterModifiers)}get => {storage}{(declared.NonNullable ? "!" : "")};");
        w.WriteLine($"{Prefixed(declared.SetterModifiers)}set => {setter};");
        w.Indent--;
        w.WriteLine("}");
    }

    private static string Prefixed(string modifiers) => modifiers.Length == 0 ? "" : modifiers + " ";

    /// <summary>
    /// The reverse accessor is never serialized, whatever the serializer: JSON (both libraries), data contracts
    /// (also MessagePack) and XML follow the forward navigation only, so no cycle is ever walked.
    /// </summary>
    private static void WriteSerializerIgnores(IndentedTextWriter w, CompilationFacts facts, EquatableArray<string> present)
    {
        void Write(bool available, string metadataName)
        {
            if (available && !present.Contains(metadataName))
            {
                w.WriteLine($"[global::{metadataName}]");
            }
        }

        Write(facts.SystemTextJson, "System.Text.Json.Serialization.JsonIgnoreAttribute");
        Write(facts.NewtonsoftJson, "Newtonsoft.Json.JsonIgnoreAttribute");
        Write(facts.DataContracts, "System.Runtime.Serialization.IgnoreDataMemberAttribute");
        Write(facts.XmlSerializer, "System.Xml.Serialization.XmlIgnoreAttribute");
    }

    private static void WriteReverseDocs(IndentedTextWriter w, LinkModel link)
    {
        var d = link.Dependent;
        var p = link.Principal;
        w.WriteLine("/// <summary>");
        w.WriteLine($"/// The {d.DocReference} linked to this {p.Name}, one to one (the reverse accessor of");
        w.WriteLine($"/// <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/>), or <see langword=\"null\"/>.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        w.WriteLine($"/// Assigning {Article(d.Name)} {d.Name} is the same operation as assigning its <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/>;");
        w.WriteLine(link.Required
            ? $"/// the link is required: assigning <see langword=\"null\"/> while {Article(d.Name)} {d.Name} is linked throws <see cref=\"global::System.InvalidOperationException\"/>."
            : $"/// assigning <see langword=\"null\"/> unlinks the {d.Name} this {p.Name} has.");
        w.WriteLine("/// Never serialized: serializers follow the forward navigation only, so no cycle is walked.");
        w.WriteLine(link.ReverseForm == ReverseForm.Member
            ? "/// Assignments are atomic; reading is a plain field read."
            : $"/// Assignments are atomic; reading is a lock-free lookup in weak storage that never keeps {Article(p.Name)} {p.Name} alive.");
        w.WriteLine("/// </remarks>");
        if (!link.Replace)
        {
            w.WriteLine($"/// <exception cref=\"global::OneToOne.OneToOneViolationException\">This {p.Name} already has another {d.Name}.</exception>");
        }
    }

    /// <summary>
    /// The reverse accessor of a principal this compilation cannot change: a static class in the dependent's
    /// namespace with <c>u.GetProfile()</c> and <c>u.SetProfile(p)</c>, and from C# 14 on also the extension
    /// property <c>u.Profile</c> (the methods stay, so raising the language version breaks no caller).
    /// </summary>
    private static void WriteExtensionClass(IndentedTextWriter w, LinkModel link, CompilationFacts facts)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var storage = $"{AccessorReference(link)}.ReverseStorage";
        var setter = $"{Protocol}.SetDependent<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {AccessorReference(link)}>";
        var classAccessibility = d.Accessibility == "public" && p.Accessibility == "public" ? "public" : "internal";

        w.WriteLine("/// <summary>");
        w.WriteLine($"/// The reverse accessor of <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/> on {p.DocReference}, a type this");
        w.WriteLine("/// compilation cannot change. Its storage is weak: it never keeps a principal alive.");
        w.WriteLine("/// </summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{classAccessibility} static class {link.ExtensionClass}");
        w.WriteLine("{");
        w.Indent++;
        if (link.ReverseForm == ReverseForm.ExtensionProperty)
        {
            w.WriteLine($"extension({p.FullyQualifiedName} principal)");
            w.WriteLine("{");
            w.Indent++;
            WriteReverseDocs(w, link);
            w.WriteLine(GeneratedCode);
            WriteSerializerIgnores(w, facts, EquatableArray<string>.Empty);
            w.WriteLine($"public {d.FullyQualifiedName}? {link.Reverse}");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine($"get => {storage}.Get(principal);");
            w.WriteLine($"set => {setter}(principal, value);");
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
            w.WriteLineNoTabs(string.Empty);
        }

        w.WriteLine($"/// <summary>The {d.DocReference} linked to <paramref name=\"principal\"/>, one to one, or <see langword=\"null\"/>.</summary>");
        w.WriteLine($"/// <param name=\"principal\">The {p.Name}.</param>");
        w.WriteLine($"/// <returns>Its {d.Name}, or <see langword=\"null\"/>.</returns>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public static {d.FullyQualifiedName}? {GeneratedNames.Getter(link.Reverse)}(this {p.FullyQualifiedName} principal) => {storage}.Get(principal);");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"/// <summary>Links <paramref name=\"value\"/> to <paramref name=\"principal\"/>: the same operation as assigning <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/>; <see langword=\"null\"/> unlinks.</summary>");
        w.WriteLine($"/// <param name=\"principal\">The {p.Name}.</param>");
        w.WriteLine($"/// <param name=\"value\">The {d.Name} to link, or <see langword=\"null\"/>.</param>");
        if (!link.Replace)
        {
            w.WriteLine($"/// <exception cref=\"global::OneToOne.OneToOneViolationException\">The {p.Name} already has another {d.Name}.</exception>");
        }

        w.WriteLine(GeneratedCode);
        w.WriteLine($"public static void {GeneratedNames.Setter(link.Reverse)}(this {p.FullyQualifiedName} principal, {d.FullyQualifiedName}? value) => {setter}(principal, value);");
        w.Indent--;
        w.WriteLine("}");
    }

    /// <summary>
    /// The link's storage accessor: a <c>file</c>-local struct, so no code outside this file can name it. The link
    /// protocol runs through it; the JIT specialises the protocol for it, so every call is a direct field access.
    /// </summary>
    private static void WriteAccessor(IndentedTextWriter w, LinkModel link, CompilationFacts facts)
    {
        var d = link.Dependent.FullyQualifiedName;
        var p = link.Principal.FullyQualifiedName;
        var forward = GeneratedNames.Storage(link.Navigation);
        var reverse = GeneratedNames.Storage(link.Reverse);
        var memberReverse = link.ReverseForm == ReverseForm.Member;

        w.WriteLine($"/// <summary>Gives the link protocol access to the storage of the link <c>{link.Dependent.Name}.{link.Navigation}</c>.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"file readonly struct {Accessor(link)} : global::OneToOne.Infrastructure.IOneToOneLink<{d}, {p}>");
        w.WriteLine("{");
        w.Indent++;
        if (facts.UnsafeAccessor)
        {
            w.WriteLine($"[{UnsafeAccessor}, Name = \"{forward}\")]");
            w.WriteLine($"private static extern ref {p}? Forward({d} dependent);");
            w.WriteLineNoTabs(string.Empty);
            if (memberReverse)
            {
                w.WriteLine($"[{UnsafeAccessor}, Name = \"{reverse}\")]");
                w.WriteLine($"private static extern ref {d}? Reverse({p} principal);");
                w.WriteLineNoTabs(string.Empty);
            }

            w.WriteLine($"public {p}? GetPrincipal({d} dependent) => Forward(dependent);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetPrincipal({d} dependent, {p}? principal) => Forward(dependent) = principal;");
        }
        else
        {
            w.WriteLine($"public {p}? GetPrincipal({d} dependent) => dependent.{forward};");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetPrincipal({d} dependent, {p}? principal) => dependent.{forward} = principal;");
        }

        w.WriteLineNoTabs(string.Empty);
        if (memberReverse)
        {
            var slot = facts.UnsafeAccessor ? "Reverse(principal)" : $"principal.{reverse}";
            w.WriteLine($"public {d}? GetDependent({p} principal) => {slot};");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetDependent({p} principal, {d}? dependent) => {slot} = dependent;");
        }
        else
        {
            w.WriteLine($"public {d}? GetDependent({p} principal) => ReverseStorage.Get(principal);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetDependent({p} principal, {d}? dependent) => ReverseStorage.Set(principal, dependent);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"/// <summary>The reverse slots of {link.Principal.DocReference}, which this compilation cannot change: weak, they never keep {Article(link.Principal.Name)} {link.Principal.Name} alive.</summary>");
            w.WriteLine($"internal static readonly global::OneToOne.Infrastructure.WeakReverseStorage<{p}, {d}> ReverseStorage = new global::OneToOne.Infrastructure.WeakReverseStorage<{p}, {d}>();");
        }

        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public global::OneToOne.OneToOneConflict OnConflict => global::OneToOne.OneToOneConflict.{link.OnConflict};");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public bool Required => {(link.Required ? "true" : "false")};");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string DependentName => \"{link.Dependent.Name}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string PrincipalName => \"{link.Principal.Name}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string NavigationName => \"{link.Navigation}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string ReverseName => \"{ReverseAsCalled(link)}\";");
        w.Indent--;
        w.WriteLine("}");
    }

    private static string Article(string word) => global::OneToOne.EnglishArticle.For(word);

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

    /// <summary>Opens <paramref name="ns"/> (unless global), writes the body, and closes it.</summary>
    private static void WriteInNamespace(IndentedTextWriter w, string? ns, Action body)
    {
        if (ns is null)
        {
            body();
            return;
        }

        w.WriteLine($"namespace {ns}");
        w.WriteLine("{");
        w.Indent++;
        body();
        w.Indent--;
        w.WriteLine("}");
    }

    /// <summary>Opens the namespace and every containing type of <paramref name="type"/>, writes its body, and closes them.</summary>
    private static void WriteInType(IndentedTextWriter w, TypeModel type, Action body) =>
        WriteInNamespace(w, type.Namespace, () =>
        {
            foreach (var declaration in type.ContainingTypes)
            {
                OpenType(w, declaration);
            }

            OpenType(w, type.Self);
            body();
            for (var i = 0; i <= type.ContainingTypes.Count; i++)
            {
                w.Indent--;
                w.WriteLine("}");
            }
        });

    private static void OpenType(IndentedTextWriter w, TypeDeclarationModel declaration)
    {
        w.WriteLine($"partial {declaration.Keyword} {declaration.NameWithTypeParameters}");
        w.WriteLine("{");
        w.Indent++;
    }
}
