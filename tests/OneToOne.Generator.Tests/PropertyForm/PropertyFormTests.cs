using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Tests.PropertyForm;

/// <summary>
/// The property form: <c>[OneToOne]</c> on a partial property declares the link on its navigation, which the
/// generator implements. Each valid shape compiles with the generated code, without any diagnostic.
/// </summary>
public class PropertyFormTests
{
    public static TheoryData<string, string> Valid => new()
    {
        {
            "optional navigation",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile { [OneToOne] public partial User? User { get; set; } }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; _ = p.User?.Profile; } }
            """
        },
        {
            "required navigation, renamed reverse, the user's own attributes",
            """
            using OneToOne;
            using System.Text.Json.Serialization;
            namespace App;
            public partial class Account { }
            public partial class Settings
            {
                /// <summary>The account these settings belong to.</summary>
                [OneToOne(Reverse = "Preferences")]
                [JsonPropertyName("owner")]
                public required partial Account Owner { get; set; }
            }
            static class Use { static void M(Account a) { var s = new Settings { Owner = a }; _ = a.Preferences == s; } }
            """
        },
        {
            "a reverse accessor the principal declares itself",
            """
            using OneToOne;
            namespace App;
            public partial class User { public partial Profile? Profile { get; set; } }
            public partial class Profile { [OneToOne] public partial User? User { get; set; } }
            static class Use { static void M(User u, Profile p) { u.Profile = p; _ = p.User == u; } }
            """
        },
        {
            "replace, internal, nested, with a private setter",
            """
            using OneToOne;
            namespace App;
            internal partial class Outer
            {
                internal partial class Session
                {
                    [OneToOne(OnConflict = OneToOneConflict.Replace)] public partial Device? Device { get; private set; }
                    public void Attach(Device d) => Device = d;
                }
            }
            internal partial class Device { }
            static class Use { static void M(Device d, Outer.Session s) { s.Attach(d); _ = d.Session; } }
            """
        },
        {
            "class form and property form on one class",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Team { }
            [OneToOne(typeof(Team))]
            public partial class Profile { [OneToOne] public partial User? User { get; set; } }
            static class Use { static void M(User u, Team t, Profile p) { p.User = u; p.Team = t; _ = u.Profile == t.Profile; } }
            """
        },
        {
            "a principal from another assembly",
            """
            using OneToOne;
            using System.Text;
            namespace App;
            public partial class Draft { [OneToOne] public partial StringBuilder? Builder { get; set; } }
            static class Use { static void M(StringBuilder b, Draft d) { d.Builder = b; _ = b.GetDraft(); b.SetDraft(null); } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task ReportsNothing_AndTheGeneratedCodeCompiles(string name, string source)
    {
        Assert.NotEmpty(name);
        var all = await TestCompiler.AnalyzeAsync(source);
        // Errors anywhere; warnings from OneToOne or in the generated code (the test sources have no XML docs: CS1591 there is theirs).
        Assert.Empty(all
            .Where(d => d.Severity == DiagnosticSeverity.Error ||
                        d.Severity == DiagnosticSeverity.Warning && (d.Id.StartsWith("OTO", StringComparison.Ordinal) || d.Location.SourceTree?.FilePath.Contains("OneToOneGenerator", StringComparison.Ordinal) == true))
            .Select(d => d.ToString()));
    }
}
