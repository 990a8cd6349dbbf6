using System;
using System.CodeDom.Compiler;
using System.IO;
using OneToOne.Generator.Model;

namespace OneToOne.Generator.Emitting;

/// <summary>
/// Writes the source of one valid link: the forward navigation, its storage and the storage accessor on the
/// dependent, and the reverse accessor with its storage on the principal. One file per link.
/// </summary>
internal static class LinkEmitter
{
    private static readonly string GeneratedCode = SourceWriter.GeneratedCode;
    private const string NeverBrowsable = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
    private const string NeverInDebugger = "[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]";
    private const string Protocol = "global::OneToOne.Infrastructure.OneToOneLinks";

    public static string Emit(LinkModel link) => SourceWriter.Write(writer =>
    {
        WriteInType(writer, link.Dependent, () => WriteDependentMembers(writer, link));
        writer.WriteLineNoTabs(string.Empty);
        if (link.ReverseForm == ReverseForm.Member)
        {
            WriteInType(writer, link.Principal, () => WritePrincipalMembers(writer, link));
        }
        else
        {
            WriteExtensionClass(writer, link);
        }
    });

    private static string StorageName(string member) => Naming.GeneratedNames.Storage(member);

    private static string AccessorName(LinkModel link) => Naming.GeneratedNames.Accessor(link.Navigation);

    private static void WriteDependentMembers(IndentedTextWriter w, LinkModel link)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var storage = StorageName(link.Navigation);
        var accessor = AccessorName(link);
        var nullable = link.Required ? "" : "?";

        w.WriteLine($"/// <summary>Storage of <see cref=\"{link.Navigation}\"/>, written only by the link protocol.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine(NeverBrowsable);
        w.WriteLine(NeverInDebugger);
        w.WriteLine($"private {p.FullyQualifiedName}? {storage};");
        w.WriteLineNoTabs(string.Empty);

        w.WriteLine("/// <summary>");
        w.WriteLine($"/// The {p.DocReference} this {d.Name} is linked to, one to one; the other side is");
        w.WriteLine(link.ReverseForm == ReverseForm.Member
            ? $"/// <see cref=\"{p.FullyQualifiedName}.{link.Reverse}\"/>."
            : $"/// the extension <c>{link.ExtensionClass}.{(link.ReverseForm == ReverseForm.ExtensionProperty ? link.Reverse : Naming.GeneratedNames.Getter(link.Reverse))}</c>.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        w.WriteLine($"/// Assigning a {p.Name} links both sides at once, moving this {d.Name} away from any {p.Name} it had;");
        w.WriteLine(link.Required
            ? $"/// the link is required: assigning <see langword=\"null\"/> throws <see cref=\"global::System.ArgumentNullException\"/>."
            : $"/// assigning <see langword=\"null\"/> unlinks both sides.");
        w.WriteLine(link.Replace
            ? $"/// A {d.Name} that the {p.Name} already had is unlinked first (OnConflict = Replace)."
            : $"/// A {p.Name} that already has another {d.Name} is refused and nothing changes.");
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
        w.WriteLine($"set => {Protocol}.SetPrincipal<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {accessor}>(this, value);");
        w.Indent--;
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);

        w.WriteLine($"/// <summary>Gives the link protocol access to the storage of <see cref=\"{link.Navigation}\"/>. Not for use in code.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine(NeverBrowsable);
        w.WriteLine($"internal readonly struct {accessor} : global::OneToOne.Infrastructure.IOneToOneLink<{d.FullyQualifiedName}, {p.FullyQualifiedName}>");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"public {p.FullyQualifiedName}? GetPrincipal({d.FullyQualifiedName} dependent) => dependent.{storage};");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public void SetPrincipal({d.FullyQualifiedName} dependent, {p.FullyQualifiedName}? principal) => dependent.{storage} = principal;");
        w.WriteLineNoTabs(string.Empty);
        if (link.ReverseForm == ReverseForm.Member)
        {
            w.WriteLine($"public {d.FullyQualifiedName}? GetDependent({p.FullyQualifiedName} principal) => principal.{StorageName(link.Reverse)};");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetDependent({p.FullyQualifiedName} principal, {d.FullyQualifiedName}? dependent) => principal.{StorageName(link.Reverse)} = dependent;");
        }
        else
        {
            w.WriteLine($"public {d.FullyQualifiedName}? GetDependent({p.FullyQualifiedName} principal) => ReverseStorage.Get(principal);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"public void SetDependent({p.FullyQualifiedName} principal, {d.FullyQualifiedName}? dependent) => ReverseStorage.Set(principal, dependent);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"/// <summary>The reverse slots of {p.DocReference}, which this compilation cannot change: weak, they never keep a {p.Name} alive.</summary>");
            w.WriteLine($"internal static readonly global::OneToOne.Infrastructure.WeakReverseStorage<{p.FullyQualifiedName}, {d.FullyQualifiedName}> ReverseStorage = new global::OneToOne.Infrastructure.WeakReverseStorage<{p.FullyQualifiedName}, {d.FullyQualifiedName}>();");
        }
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public global::OneToOne.OneToOneConflict OnConflict => global::OneToOne.OneToOneConflict.{(link.Replace ? "Replace" : "Throw")};");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public bool Required => {(link.Required ? "true" : "false")};");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string DependentName => \"{d.Name}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string PrincipalName => \"{p.Name}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string NavigationName => \"{link.Navigation}\";");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"public string ReverseName => \"{link.Reverse}\";");
        w.Indent--;
        w.WriteLine("}");
    }

    private static void WritePrincipalMembers(IndentedTextWriter w, LinkModel link)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var storage = StorageName(link.Reverse);

        w.WriteLine($"/// <summary>Storage of <see cref=\"{link.Reverse}\"/>, written only by the link protocol.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine(NeverBrowsable);
        w.WriteLine(NeverInDebugger);
        w.WriteLine($"internal {d.FullyQualifiedName}? {storage};");
        w.WriteLineNoTabs(string.Empty);

        WriteReverseDocs(w, link);
        w.WriteLine(GeneratedCode);
        if (link.JsonIgnoreReverse)
        {
            w.WriteLine("[global::System.Text.Json.Serialization.JsonIgnore]");
        }

        w.WriteLine($"{d.Accessibility} {d.FullyQualifiedName}? {link.Reverse}");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"get => this.{storage};");
        w.WriteLine($"set => {Protocol}.SetDependent<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {d.FullyQualifiedName}.{AccessorName(link)}>(this, value);");
        w.Indent--;
        w.WriteLine("}");
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
        w.WriteLine($"/// Assigning a {d.Name} is the same operation as assigning its <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/>;");
        w.WriteLine(link.Required
            ? $"/// the link is required: assigning <see langword=\"null\"/> while a {d.Name} is linked throws <see cref=\"global::System.InvalidOperationException\"/>."
            : $"/// assigning <see langword=\"null\"/> unlinks the {d.Name} this {p.Name} has.");
        if (link.JsonIgnoreReverse)
        {
            w.WriteLine($"/// Not serialized: JSON follows the forward navigation only, so no cycle is walked.");
        }

        w.WriteLine(link.ReverseForm == ReverseForm.Member
            ? "/// Assignments are atomic; reading is a plain field read."
            : $"/// Assignments are atomic; reading is a lock-free lookup in weak storage that never keeps a {p.Name} alive.");
        w.WriteLine("/// </remarks>");
        if (!link.Replace)
        {
            w.WriteLine($"/// <exception cref=\"global::OneToOne.OneToOneViolationException\">This {p.Name} already has another {d.Name}.</exception>");
        }
    }

    /// <summary>
    /// The reverse accessor of a principal this compilation cannot change: a static class in the dependent's
    /// namespace with a C# 14 extension property, or Get/Set extension methods below C# 14.
    /// </summary>
    private static void WriteExtensionClass(IndentedTextWriter w, LinkModel link)
    {
        var d = link.Dependent;
        var p = link.Principal;
        var accessor = $"{d.FullyQualifiedName}.{AccessorName(link)}";
        var setter = $"{Protocol}.SetDependent<{d.FullyQualifiedName}, {p.FullyQualifiedName}, {accessor}>";
        var classAccessibility = d.Accessibility == "public" && p.Accessibility == "public" ? "public" : "internal";
        var depth = 0;
        if (d.Namespace is not null)
        {
            w.WriteLine($"namespace {d.Namespace}");
            w.WriteLine("{");
            w.Indent++;
            depth++;
        }

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
            if (link.JsonIgnoreReverse)
            {
                w.WriteLine("[global::System.Text.Json.Serialization.JsonIgnore]");
            }

            w.WriteLine($"public {d.FullyQualifiedName}? {link.Reverse}");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine($"get => {accessor}.ReverseStorage.Get(principal);");
            w.WriteLine($"set => {setter}(principal, value);");
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
        }
        else
        {
            w.WriteLine($"/// <summary>The {d.DocReference} linked to <paramref name=\"principal\"/>, one to one, or <see langword=\"null\"/>.</summary>");
            w.WriteLine($"/// <param name=\"principal\">The {p.Name}.</param>");
            w.WriteLine($"/// <returns>Its {d.Name}, or <see langword=\"null\"/>.</returns>");
            w.WriteLine(GeneratedCode);
            w.WriteLine($"public static {d.FullyQualifiedName}? Get{link.Reverse}(this {p.FullyQualifiedName} principal) => {accessor}.ReverseStorage.Get(principal);");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"/// <summary>Links <paramref name=\"value\"/> to <paramref name=\"principal\"/>: the same operation as assigning <see cref=\"{d.FullyQualifiedName}.{link.Navigation}\"/>; <see langword=\"null\"/> unlinks.</summary>");
            w.WriteLine($"/// <param name=\"principal\">The {p.Name}.</param>");
            w.WriteLine($"/// <param name=\"value\">The {d.Name} to link, or <see langword=\"null\"/>.</param>");
            if (!link.Replace)
            {
                w.WriteLine($"/// <exception cref=\"global::OneToOne.OneToOneViolationException\">The {p.Name} already has another {d.Name}.</exception>");
            }

            w.WriteLine(GeneratedCode);
            w.WriteLine($"public static void Set{link.Reverse}(this {p.FullyQualifiedName} principal, {d.FullyQualifiedName}? value) => {setter}(principal, value);");
        }

        w.Indent--;
        w.WriteLine("}");
        for (var i = 0; i < depth; i++)
        {
            w.Indent--;
            w.WriteLine("}");
        }
    }

    /// <summary>Opens the namespace and every containing type of <paramref name="type"/>, writes its body, and closes them.</summary>
    private static void WriteInType(IndentedTextWriter w, TypeModel type, Action body)
    {
        var depth = 0;
        if (type.Namespace is not null)
        {
            w.WriteLine($"namespace {type.Namespace}");
            w.WriteLine("{");
            w.Indent++;
            depth++;
        }

        foreach (var declaration in type.ContainingTypes)
        {
            OpenType(w, declaration);
            depth++;
        }

        OpenType(w, type.Self);
        depth++;
        body();
        for (var i = 0; i < depth; i++)
        {
            w.Indent--;
            w.WriteLine("}");
        }
    }

    private static void OpenType(IndentedTextWriter w, TypeDeclarationModel declaration)
    {
        w.WriteLine($"partial {declaration.Keyword} {declaration.NameWithTypeParameters}");
        w.WriteLine("{");
        w.Indent++;
    }
}
