using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace OneToOne.Generator.Tests;

/// <summary>
/// The exact generated text for representative inputs, kept as files under <c>Snapshots/&lt;case&gt;/</c> and
/// verified by Roslyn's source generator test library (<see cref="CSharpSourceGeneratorTest{TSourceGenerator, TVerifier}"/>),
/// which runs the generator and compares every generated file, its hint name and its text. Set
/// <c>ONETOONE_UPDATE_SNAPSHOTS=1</c> to rewrite the files after a deliberate change, then review the diff.
/// </summary>
public class SnapshotTests
{
    private sealed class Test(CSharpParseOptions parseOptions) : CSharpSourceGeneratorTest<OneToOneGenerator, DefaultVerifier>
    {
        protected override ParseOptions CreateParseOptions() => parseOptions;

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
    public static TheoryData<string> Cases => new(SnapshotCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GeneratedSourceMatchesSnapshot(string name)
    {
        var sources = SnapshotCases.All[name];
        var options = TestCompiler.OptionsFor(sources[0]);
        var generated = TestCompiler.GeneratedSources(options, sources);
        Assert.NotEmpty(generated);

        var folder = Path.Combine(Repository.Root, "tests", "OneToOne.Generator.Tests", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("ONETOONE_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (hint, text) in generated)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, hint), text);
            }
        }

        var expectedFiles = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
        Assert.Equal(expectedFiles, generated.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        var test = new Test(options)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None, // the compile check below is stricter and says more
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var file in expectedFiles)
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(folder, file!));
            test.TestState.GeneratedSources.Add((typeof(OneToOneGenerator), file!, SourceText.From(expected, Encoding.UTF8)));
        }

        await test.RunAsync();

        // And the generated code compiles without a single diagnostic (documentation warnings included).
        if (options != TestCompiler.ParseOptions)
        {
            var compiled = CSharpGeneratorDriver.Create([new OneToOneGenerator().AsSourceGenerator()], parseOptions: options);
            compiled.RunGeneratorsAndUpdateCompilation(TestCompiler.Create(options, sources), out var output, out _);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Select(d => d.ToString()));
            return;
        }

        var all = await TestCompiler.AnalyzeAsync(sources);
        Assert.Empty(all.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Select(d => d.ToString()));
        Assert.Empty(all.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).Select(d => d.ToString()));
    }
}

/// <summary>The inputs of the snapshot tests.</summary>
public static class SnapshotCases
{
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        ["SeedPair"] = ["""
            using OneToOne;
            namespace App;
            public partial class User { public string Name { get; set; } = ""; }
            [OneToOne(typeof(User))]
            public partial class Profile { public string Bio { get; set; } = ""; }
            """],
        ["Nested"] = ["""
            using OneToOne;
            namespace App.Accounts
            {
                public partial class Outer
                {
                    public partial struct Holder
                    {
                        public partial class User { }
                    }
                }
            }
            namespace App.Profiles
            {
                public static partial class Container
                {
                    [OneToOne(typeof(App.Accounts.Outer.Holder.User))]
                    public partial class Profile { }
                }
            }
            """],
        ["FileScopedNamespace"] = ["""
            namespace App.FileScoped;
            using OneToOne;
            internal sealed partial class User { }
            [OneToOne(typeof(User))]
            public abstract partial class Profile { }
            """],
        ["GlobalNamespace"] = ["""
            using OneToOne;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """],
        ["SeveralLinks"] = ["""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Team { }
            [OneToOne(typeof(User), Navigation = "Owner", Reverse = "OwnedProject")]
            [OneToOne(typeof(Team))]
            public partial class Project { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            """],
        ["SelfLink"] = ["""
            using OneToOne;
            namespace App;
            [OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
            public partial class Person { }
            """],
        ["Required"] = ["""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Required = true, OnDelete = OneToOneDelete.Restrict)]
            public partial class Profile { }
            """],
        ["ExtensionProperty"] = ["""
            // LangVersion: preview
            using OneToOne;
            namespace App;
            public partial class Box<T> { public T? Value { get; set; } }
            [OneToOne(typeof(Box<int>), Reverse = "Card")]
            public partial class Card { }
            [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder")]
            internal partial class Draft { }
            """],
        ["ExtensionMethods"] = ["""
            // LangVersion: 13
            using OneToOne;
            namespace App;
            public partial class Box<T> { public T? Value { get; set; } }
            [OneToOne(typeof(Box<int>), Reverse = "Card")]
            public partial class Card { }
            """],
        ["PropertyForm"] = ["""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile
            {
                /// <summary>The user this profile describes.</summary>
                [OneToOne] public partial User? User { get; set; }
            }
            """],
        ["PropertyFormDeclaredReverse"] = ["""
            using OneToOne;
            namespace App;
            public partial class User
            {
                /// <summary>The user's profile.</summary>
                public partial Profile? Profile { get; set; }
            }
            public partial class Profile
            {
                /// <summary>The user this profile describes.</summary>
                [OneToOne] public partial User? User { get; set; }
            }
            """],
        ["PropertyFormRequired"] = ["""
            using OneToOne;
            namespace App;
            public partial class Account { }
            public partial class Settings
            {
                /// <summary>The account these settings belong to.</summary>
                [OneToOne(Reverse = "Preferences", OnDelete = OneToOneDelete.Restrict)]
                public required partial Account Owner { get; set; }
            }
            """],
        ["PropertyFormReplaceNested"] = ["""
            using OneToOne;
            namespace App;
            internal partial class Device { }
            internal static partial class Sessions
            {
                internal partial class Session
                {
                    /// <summary>The device this session runs on.</summary>
                    [OneToOne(OnConflict = OneToOneConflict.Replace)]
                    public partial Device? Device { get; private set; }
                }
            }
            """],
        ["PropertyFormExternal"] = ["""
            using OneToOne;
            namespace App;
            public partial class Draft
            {
                /// <summary>The builder this draft is written into.</summary>
                [OneToOne] public partial System.Text.StringBuilder? Builder { get; set; }
            }
            """],
        ["ExtensionRequired"] = ["""
            // LangVersion: preview
            using OneToOne;
            namespace App;
            [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder", Required = true)]
            public partial class Draft { }
            """],
        ["ExtensionMethodsReplace"] = ["""
            // LangVersion: 13
            using OneToOne;
            namespace App;
            [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder", OnConflict = OneToOneConflict.Replace)]
            public partial class Draft { }
            """],
        ["SerializerIgnores"] = ["""
            using OneToOne;
            namespace Newtonsoft.Json
            {
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class JsonIgnoreAttribute : System.Attribute { }
            }
            namespace App
            {
                public partial class User
                {
                    /// <summary>The user's profile.</summary>
                    [System.Text.Json.Serialization.JsonIgnore]
                    public partial Profile? Profile { get; set; }
                }
                public partial class Profile
                {
                    /// <summary>The user this profile describes.</summary>
                    [OneToOne] public partial User? User { get; set; }
                }
                public partial class Account { }
                [OneToOne(typeof(Account))]
                public partial class Settings { }
            }
            """],
        ["Replace"] = ["""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), OnConflict = OneToOneConflict.Replace, Reverse = "CurrentSession")]
            public partial class Session { }
            """],
    };
}
