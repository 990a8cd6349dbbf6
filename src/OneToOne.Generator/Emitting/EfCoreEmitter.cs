using System.CodeDom.Compiler;
using System.Linq;
using OneToOne.Generator.Model;

namespace OneToOne.Generator.Emitting;

/// <summary>
/// Writes <c>OneToOne.OneToOneModelBuilderExtensions.ApplyOneToOneLinks</c> (): every valid link of the
/// compilation mapped as an EF Core one-to-one, when the compilation references EF Core.
/// </summary>
internal static class EfCoreEmitter
{
    public const string HintName = "OneToOne.EntityFrameworkCore.g.cs";

    private const string Ef = "global::Microsoft.EntityFrameworkCore";

    public static string Emit(EquatableArray<LinkModel> links)
    {
        return SourceWriter.WriteHelperClass("The EF Core mapping of every <c>[OneToOne]</c> link of this assembly.", "OneToOneModelBuilderExtensions", w => WriteMembers(w, links));
    }

    private static void WriteMembers(IndentedTextWriter w, EquatableArray<LinkModel> links)
    {
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Maps every <c>[OneToOne]</c> link of this assembly as an EF Core one-to-one: the class carrying the attribute is the");
        w.WriteLine("/// dependent, the foreign key is <c>&lt;Navigation&gt;Id</c> (a shadow property unless the dependent declares it), with a");
        w.WriteLine("/// unique index, <c>IsRequired(Required)</c> and <c>OnDelete</c> mapped to <see cref=\"" + Ef + ".DeleteBehavior\"/>.");
        w.WriteLine("/// Call it first in <c>OnModelCreating</c>: configuration written after it wins where both speak.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <param name=\"modelBuilder\">The model builder of <c>OnModelCreating</c>.</param>");
        w.WriteLine("/// <returns>The same model builder.</returns>");
        w.WriteLine("/// <remarks>A link whose dependent or principal the model ignores (<c>ModelBuilder.Ignore</c>) is skipped and reported through <see cref=\"global::System.Diagnostics.Trace\"/>.</remarks>");
        w.WriteLine($"public static {Ef}.ModelBuilder ApplyOneToOneLinks(this {Ef}.ModelBuilder modelBuilder) => ApplyOneToOneLinks(modelBuilder, null);");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Maps every <c>[OneToOne]</c> link of this assembly, as <see cref=\"ApplyOneToOneLinks(" + Ef + ".ModelBuilder)\"/> does, and");
        w.WriteLine("/// reports each skipped link (one whose dependent or principal the model ignores) to <paramref name=\"onSkipped\"/>.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <param name=\"modelBuilder\">The model builder of <c>OnModelCreating</c>.</param>");
        w.WriteLine("/// <param name=\"onSkipped\">Receives a message naming the link and the ignored type; <see langword=\"null\"/>: <see cref=\"global::System.Diagnostics.Trace.TraceWarning(string)\"/>.</param>");
        w.WriteLine("/// <returns>The same model builder.</returns>");
        w.WriteLine($"public static {Ef}.ModelBuilder ApplyOneToOneLinks(this {Ef}.ModelBuilder modelBuilder, global::System.Action<string>? onSkipped)");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine("if (modelBuilder is null)");
        w.WriteLine("{");
        w.WriteLine("    throw new global::System.ArgumentNullException(nameof(modelBuilder));");
        w.WriteLine("}");
        foreach (var link in links.OrderBy(l => l.HintName, System.StringComparer.Ordinal))
        {
            w.WriteLineNoTabs(string.Empty);
            WriteLink(w, link);
        }

        w.WriteLineNoTabs(string.Empty);
        w.WriteLine("return modelBuilder;");
        w.Indent--;
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine($"private static bool Skipped({Ef}.ModelBuilder modelBuilder, global::System.Type dependent, global::System.Type principal, string link, global::System.Action<string>? onSkipped)");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine("var ignored = modelBuilder.Model.IsIgnored(dependent) ? dependent : modelBuilder.Model.IsIgnored(principal) ? principal : null;");
        w.WriteLine("if (ignored is null)");
        w.WriteLine("{");
        w.WriteLine("    return false;");
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine("var message = $\"OneToOne: the link {link} is not mapped: the model ignores {ignored.Name} (ModelBuilder.Ignore). Map {ignored.Name}, or remove the Ignore, to persist the link.\";");
        w.WriteLine("if (onSkipped is null)");
        w.WriteLine("{");
        w.WriteLine("    global::System.Diagnostics.Trace.TraceWarning(message);");
        w.WriteLine("}");
        w.WriteLine("else");
        w.WriteLine("{");
        w.WriteLine("    onSkipped(message);");
        w.WriteLine("}");
        w.WriteLineNoTabs(string.Empty);
        w.WriteLine("return true;");
        w.Indent--;
        w.WriteLine("}");
    }

    private static void WriteLink(IndentedTextWriter w, LinkModel link)
    {
        var d = link.Dependent.FullyQualifiedName;
        var p = link.Principal.FullyQualifiedName;
        var foreignKey = link.Navigation + "Id";
        var deleteBehavior = link.OnDelete.ToString();

        w.WriteLine($"// {link.Dependent.Name}.{link.Navigation} <-> {link.Principal.Name}.{link.Reverse}");
        w.WriteLine($"if (!Skipped(modelBuilder, typeof({d}), typeof({p}), \"{link.Dependent.Name}.{link.Navigation}\", onSkipped))");
        w.WriteLine("{");
        w.Indent++;
        w.WriteLine($"modelBuilder.Entity<{d}>()");
        w.Indent++;
        w.WriteLine($".HasOne<{p}>(dependent => dependent.{link.Navigation})");
        // The reverse accessor of a principal from elsewhere is an extension: EF Core cannot map it.
        w.WriteLine(link.ReverseForm == ReverseForm.Member ? $".WithOne(principal => principal.{link.Reverse})" : ".WithOne()");
        w.WriteLine($".HasForeignKey<{d}>(\"{foreignKey}\")");
        w.WriteLine($".IsRequired({(link.Required ? "true" : "false")})");
        w.WriteLine($".OnDelete({Ef}.DeleteBehavior.{deleteBehavior});");
        w.Indent--;
        w.WriteLine($"modelBuilder.Entity<{d}>().HasIndex(\"{foreignKey}\").IsUnique();");
        if (link.ReverseForm == ReverseForm.Member)
        {
            // EF reads and writes the storage fields directly: materialization and fix-up set both sides, the
            // bookkeeping's invariant holds once they are done, and no link check runs in the middle of a fix-up.
            w.WriteLine($"modelBuilder.Entity<{d}>().Navigation(dependent => dependent.{link.Navigation}).HasField(\"{Naming.GeneratedNames.Storage(link.Navigation)}\").UsePropertyAccessMode({Ef}.PropertyAccessMode.Field);");
            w.WriteLine($"modelBuilder.Entity<{p}>().Navigation(principal => principal.{link.Reverse}).HasField(\"{Naming.GeneratedNames.Storage(link.Reverse)}\").UsePropertyAccessMode({Ef}.PropertyAccessMode.Field);");
        }
        else
        {
            // The reverse slot lives in weak storage: EF goes through the setter so that the slot is written too.
            w.WriteLine($"modelBuilder.Entity<{d}>().Navigation(dependent => dependent.{link.Navigation}).UsePropertyAccessMode({Ef}.PropertyAccessMode.Property);");
        }

        w.Indent--;
        w.WriteLine("}");
    }
}
