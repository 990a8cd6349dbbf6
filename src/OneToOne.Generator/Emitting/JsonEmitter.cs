using System.CodeDom.Compiler;
using System.Linq;
using OneToOne.Generator.Model;

namespace OneToOne.Generator.Emitting;

/// <summary>
/// Writes <c>OneToOne.OneToOneJsonModifiers.IncludeNavigations</c>: a System.Text.Json contract modifier that adds the
/// generated forward navigations to source-generated contracts. System.Text.Json's own generator cannot see
/// members written by another generator, so without it a <c>JsonSerializerContext</c> skips them.
/// </summary>
internal static class JsonEmitter
{
    public const string HintName = "OneToOne.Json.g.cs";

    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    public static string Emit(EquatableArray<LinkModel> links)
    {
        return SourceWriter.WriteHelperClass("System.Text.Json support for the <c>[OneToOne]</c> links of this assembly.", "OneToOneJsonModifiers", w => WriteMembers(w, links));
    }

    private static void WriteMembers(IndentedTextWriter w, EquatableArray<LinkModel> links)
    {
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Adds each generated forward navigation to the contract of its dependent when the contract lacks it, as the");
        w.WriteLine("/// contracts of a source-generated <c>JsonSerializerContext</c> do. Reverse accessors are never added: JSON follows");
        w.WriteLine("/// the forward navigation only. Use it as <c>MyContext.Default.WithAddedModifier(OneToOneJsonModifiers.IncludeNavigations)</c>.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <param name=\"typeInfo\">The contract being built.</param>");
        w.WriteLine($"public static void IncludeNavigations({Metadata}.JsonTypeInfo typeInfo)");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine("if (typeInfo is null)");
        w.WriteLine("{");
        w.WriteLine("    throw new global::System.ArgumentNullException(nameof(typeInfo));");
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"if (typeInfo.Kind != {Metadata}.JsonTypeInfoKind.Object)");
        w.WriteLine("{");
        w.WriteLine("    return;");
        w.WriteLine("}");
        foreach (var link in links.OrderBy(l => l.HintName, System.StringComparer.Ordinal))
        {
            var d = link.Dependent.FullyQualifiedName;
            var p = link.Principal.FullyQualifiedName;
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine($"if (typeInfo.Type == typeof({d}))");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine($"Add(typeInfo, \"{link.Navigation}\", typeof({p}), static dependent => (({d})dependent).{link.Navigation}, static (dependent, value) => (({d})dependent).{link.Navigation} = ({p}{(link.Required ? "" : "?")})value{(link.Required ? "!" : "")});");
            w.Indent--;
            w.WriteLine("}");
        }

        w.Indent--;
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"private static void Add({Metadata}.JsonTypeInfo typeInfo, string name, global::System.Type type, global::System.Func<object, object?> get, global::System.Action<object, object?> set)");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine("var jsonName = typeInfo.Options.PropertyNamingPolicy?.ConvertName(name) ?? name;");
        w.WriteLine("foreach (var existing in typeInfo.Properties)");
        w.WriteLine("{");
        w.WriteLine("    if (existing.Name == jsonName)");
        w.WriteLine("    {");
        w.WriteLine("        return; // a reflection-based contract already has it");
        w.WriteLine("    }");
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine("var property = typeInfo.CreateJsonPropertyInfo(type, jsonName);");
        w.WriteLine("property.Get = get;");
        w.WriteLine("property.Set = set;");
        w.WriteLine("typeInfo.Properties.Add(property);");
        w.Indent--;
        w.WriteLine("}");
    }
}
