using System.Reflection;

namespace OneToOne.Generator.Naming;

/// <summary>
/// The one place that defines every name the generator writes and the analyzers and code fixes recognise. A
/// rename here changes the emitted code and everything that reads it back, together.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The attribute the generator is driven by.</summary>
    public const string AttributeMetadataName = "OneToOne.OneToOneAttribute";

    /// <summary>The runtime library's namespace (attribute, enums, exception, and the generated helper classes).</summary>
    public const string RuntimeNamespace = "OneToOne";

    /// <summary>The tool name written into every <c>[GeneratedCode]</c>; also how generated members are recognised.</summary>
    public const string Tool = "OneToOne.Generator";

    /// <summary>The tool version written into every <c>[GeneratedCode]</c>: this assembly's version.</summary>
    public static readonly string ToolVersion =
        typeof(GeneratedNames).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    /// <summary>The prefix of a generated member's hidden storage field (<c>__oneToOne_User</c>).</summary>
    public const string StoragePrefix = "__oneToOne_";

    /// <summary>The prefix of a link's storage accessor type (<c>__OneToOneLink_User</c>).</summary>
    public const string AccessorPrefix = "__OneToOneLink_";

    /// <summary>The prefixes of the extension-method form of a reverse accessor (<c>GetProfile()</c>, <c>SetProfile(p)</c>).</summary>
    public const string GetterPrefix = "Get", SetterPrefix = "Set";

    /// <summary>The suffix of the static class holding a reverse accessor's extension form (<c>ProfileUserOneToOneExtensions</c>).</summary>
    public const string ExtensionClassSuffix = "OneToOneExtensions";

    /// <summary>The EF Core helper class and its methods, generated in namespace <see cref="RuntimeNamespace"/>.</summary>
    public const string ModelBuilderExtensionsClass = "OneToOneModelBuilderExtensions", ApplyLinksMethod = "ApplyOneToOneLinks";

    /// <summary>The EF Core options extension method, generated in namespace <see cref="RuntimeNamespace"/>.</summary>
    public const string OptionsExtensionsClass = "OneToOneDbContextOptionsExtensions", UseOneToOneMethod = "UseOneToOne";

    /// <summary>The System.Text.Json contract modifier class, generated in namespace <see cref="RuntimeNamespace"/>.</summary>
    public const string JsonModifiersClass = "OneToOneJsonModifiers";

    /// <summary>The MSBuild property (made visible to the compiler) that chooses internal storage fields: <c>Fields</c>.</summary>
    public const string StorageAccessProperty = "build_property.OneToOneStorageAccess";

    /// <summary>The generator's type: Roslyn names every generated file's path after it.</summary>
    public const string GeneratorType = "OneToOne.Generator.OneToOneGenerator";

    /// <summary>Whether <paramref name="path"/> is a file this generator wrote (its path names the generator type).</summary>
    public static bool IsGeneratedFile(string? path) =>
        path is not null && path.IndexOf(GeneratorType, System.StringComparison.Ordinal) >= 0;

    /// <summary>The hidden storage field of the generated member <paramref name="member"/>.</summary>
    public static string Storage(string member) => StoragePrefix + member;

    /// <summary>The storage accessor type of the link whose navigation is <paramref name="navigation"/>.</summary>
    public static string Accessor(string navigation) => AccessorPrefix + navigation;

    /// <summary>The extension getter of a reverse accessor: <c>GetProfile</c>.</summary>
    public static string Getter(string reverse) => GetterPrefix + reverse;

    /// <summary>The extension setter of a reverse accessor: <c>SetProfile</c>.</summary>
    public static string Setter(string reverse) => SetterPrefix + reverse;

    /// <summary>The default foreign-key property of a navigation: <c>UserId</c>.</summary>
    public static string DefaultForeignKey(string navigation) => navigation + "Id";
}
