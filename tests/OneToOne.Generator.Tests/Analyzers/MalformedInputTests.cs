namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// Half-typed and malformed declarations, as an IDE shows them to the generator and the analyzer on every keystroke:
/// neither may throw (AD0001 for the analyzer, CS8784/CS8785 for the generator).
/// </summary>
public class MalformedInputTests
{
    private const string Principal = "public partial class User { }\n";

    public static TheoryData<string, string> Malformed => new()
    {
        { "no arguments", "[OneToOne] public partial class Profile { }" },
        { "empty argument list", "[OneToOne()] public partial class Profile { }" },
        { "empty typeof", "[OneToOne(typeof())] public partial class Profile { }" },
        { "unknown type", "[OneToOne(typeof(Missing))] public partial class Profile { }" },
        { "unknown nested type", "[OneToOne(typeof(User.Missing))] public partial class Profile { }" },
        { "unknown generic", "[OneToOne(typeof(Missing<int>))] public partial class Profile { }" },
        { "not a typeof", "[OneToOne(\"User\")] public partial class Profile { }" },
        { "a non-constant", "[OneToOne(new User().GetType())] public partial class Profile { }" },
        { "two principals", "[OneToOne(typeof(User), typeof(User))] public partial class Profile { }" },
        { "Navigation of the wrong type", "[OneToOne(typeof(User), Navigation = 5)] public partial class Profile { }" },
        { "Reverse of the wrong type", "[OneToOne(typeof(User), Reverse = typeof(User))] public partial class Profile { }" },
        { "Required of the wrong type", "[OneToOne(typeof(User), Required = \"yes\")] public partial class Profile { }" },
        { "unknown named argument", "[OneToOne(typeof(User), Nope = 1)] public partial class Profile { }" },
        { "named argument without a value", "[OneToOne(typeof(User), Navigation = )] public partial class Profile { }" },
        { "named argument given twice", "[OneToOne(typeof(User), Navigation = \"A\", Navigation = \"B\")] public partial class Profile { }" },
        { "Navigation = null", "[OneToOne(typeof(User), Navigation = null, Reverse = null)] public partial class Profile { }" },
        { "OnConflict out of range", "[OneToOne(typeof(User), OnConflict = (OneToOneConflict)7)] public partial class Profile { }" },
        { "OnDelete out of range", "[OneToOne(typeof(User), OnDelete = (OneToOneDelete)(-1), Required = true)] public partial class Profile { }" },
        { "unclosed attribute", "[OneToOne(typeof(User)] public partial class Profile { }" },
        { "unclosed argument list", "[OneToOne(typeof(User) public partial class Profile { }" },
        { "attribute alone at the end", "[OneToOne(typeof(User))]" },
        { "unterminated class", "[OneToOne(typeof(User))] public partial class Profile {" },
        { "class without a name", "[OneToOne(typeof(User))] public partial class { }" },
        { "class without a body", "[OneToOne(typeof(User))] public partial class Profile" },
        { "duplicate attributes", "[OneToOne(typeof(User))][OneToOne(typeof(User))][OneToOne(typeof(User))] public partial class Profile { }" },
        { "attribute on both parts", "[OneToOne(typeof(User))] public partial class Profile { } [OneToOne(typeof(User), Navigation = \"Owner\")] public partial class Profile { }" },
        { "duplicate class", "[OneToOne(typeof(User))] public partial class Profile { } [OneToOne(typeof(User))] public class Profile { }" },
        { "on a struct", "[OneToOne(typeof(User))] public partial struct Profile { }" },
        { "on a record struct", "[OneToOne(typeof(User))] public partial record struct Profile;" },
        { "on an interface", "[OneToOne(typeof(User))] public partial interface IProfile { }" },
        { "on an enum", "[OneToOne(typeof(User))] public enum Kind { A }" },
        { "on a delegate", "[OneToOne(typeof(User))] public delegate void Handler();" },
        { "on a method", "public partial class Profile { [OneToOne(typeof(User))] public void M() { } }" },
        { "on a property", "public partial class Profile { [OneToOne(typeof(User))] public int P { get; set; } }" },
        { "on the assembly", "[assembly: OneToOne(typeof(User))]" },
        { "on a type parameter", "public partial class Profile<[OneToOne(typeof(User))] T> { }" },
        { "typeof a type parameter", "public partial class Profile<T> { [OneToOne(typeof(T))] public partial class Inner { } }" },
        { "pointer principal", "[OneToOne(typeof(int*))] public partial class Profile { }" },
        { "function pointer principal", "[OneToOne(typeof(delegate*<void>))] public partial class Profile { }" },
        { "void principal", "[OneToOne(typeof(void))] public partial class Profile { }" },
        { "nullable principal", "[OneToOne(typeof(User?))] public partial class Profile { }" },
        { "nullable value type principal", "[OneToOne(typeof(int?))] public partial class Profile { }" },
        { "tuple principal", "[OneToOne(typeof((User, User)))] public partial class Profile { }" },
        { "dynamic principal", "[OneToOne(typeof(dynamic))] public partial class Profile { }" },
        { "closed generic principal in source", "public partial class Box<T> { } [OneToOne(typeof(Box<int>))] public partial class Profile { }" },
        { "principal from metadata", "[OneToOne(typeof(System.Exception))] public partial class Profile { }" },
        { "object principal", "[OneToOne(typeof(object))] public partial class Profile { }" },
        { "cyclic base classes", "[OneToOne(typeof(User))] public partial class Profile : Avatar { } [OneToOne(typeof(User), Reverse = \"A\")] public partial class Avatar : Profile { }" },
        { "base class is the dependent itself", "[OneToOne(typeof(User))] public partial class Profile : Profile { }" },
        { "base class is missing", "[OneToOne(typeof(User))] public partial class Profile : Missing { }" },
        { "principal derives from a missing class", "public partial class Admin : Missing { } [OneToOne(typeof(Admin))] public partial class Profile { }" },
        { "self link, nested, unclosed", "public partial class Outer { [OneToOne(typeof(Outer.Inner))] public partial class Inner { [OneToOne(typeof(Outer))] partial class Deeper" },
        { "file-local dependent", "[OneToOne(typeof(User))] file partial class Profile { }" },
        { "file-local principal", "file partial class Local { } [OneToOne(typeof(Local))] internal partial class Profile { }" },
        { "user-defined attribute with the same name in the same namespace", "namespace OneToOne { public class OneToOneAttribute : System.Attribute { } } [OneToOne.OneToOne] public partial class Profile { }" },
        { "member named like the generated storage", "[OneToOne(typeof(User))] public partial class Profile { private int __oneToOne_User; }" },
        { "identifier with an escape", "[OneToOne(typeof(User), Navigation = \"\\u0041bc\")] public partial class Profile { }" },
        { "very long name", $"[OneToOne(typeof(User), Navigation = \"{new string('N', 2000)}\")] public partial class Profile {{ }}" },
        { "garbage", "[OneToOne(typeof(User), ,,, = ] partial partial class class Profile : : { ] }" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task NeitherTheGeneratorNorTheAnalyzerThrows(string name, string declaration)
    {
        Assert.NotEmpty(name);
        var source = "using OneToOne;\n" + Principal + declaration;
        var diagnostics = await TestCompiler.AnalyzeAsync(source);
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785").Select(d => d.ToString()).ToArray();
        Assert.True(crashes.Length == 0, string.Join("\n", crashes));
    }

    public static TheoryData<string> Unbound => new()
    {
        "[OneToOne(\"User\")] public partial class Profile { }",
        "[OneToOne(typeof(User), Navigation = 5)] public partial class Profile { }",
        "[OneToOne(typeof(User), Reverse = typeof(User))] public partial class Profile { }",
        "[OneToOne(typeof(User), Required = \"yes\")] public partial class Profile { }",
        "[OneToOne(typeof(User), OnConflict = Missing.Value)] public partial class Profile { }",
    };

    /// <summary>
    /// An argument the compiler cannot bind is the compiler's error alone: the link is not generated (with a default in
    /// place of the broken argument) and no OneToOne diagnostic is added on top.
    /// </summary>
    [Theory]
    [MemberData(nameof(Unbound))]
    public async Task AnArgumentThatDoesNotBind_GeneratesNothingAndAddsNoDiagnostic(string declaration)
    {
        var source = "using OneToOne;\nnamespace App;\n" + Principal + declaration;
        var generated = TestCompiler.GeneratedSources(source);
        Assert.DoesNotContain(generated.Keys, hint => hint.Contains("Profile", StringComparison.Ordinal));
        Assert.Empty((await TestCompiler.OneToOneDiagnosticsAsync(source)).Select(d => d.ToString()));
        Assert.Contains(TestCompiler.Create(source).GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
