using Microsoft.CodeAnalysis;
using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// Valid declarations of every supported shape: the analyzer reports nothing, and the compilation, with the
/// generated code, has no error, including code that uses the generated members (so the link really was generated).
/// </summary>
public class ValidDeclarationTests
{
    public static TheoryData<string, string> Valid => new()
    {
        {
            "seed pair",
            """
            using OneToOne;
            namespace App;
            public partial class User { public string Name { get; set; } = ""; }
            [OneToOne(typeof(User))]
            public partial class Profile { public string Bio { get; set; } = ""; }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "block namespaces, dependent and principal in different ones",
            """
            namespace Accounts
            {
                public partial class User { }
            }
            namespace Social.Profiles
            {
                using OneToOne;
                [OneToOne(typeof(Accounts.User))]
                public partial class Profile { }
                static class Use { static void M(Accounts.User u, Profile p) { p.User = u; u.Profile = p; } }
            }
            """
        },
        {
            "global namespace",
            """
            using OneToOne;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "nested dependent and nested principal",
            """
            using OneToOne;
            namespace App;
            public partial class Accounts
            {
                public partial class User { }
            }
            public static partial class Social
            {
                internal partial struct Holder
                {
                    [OneToOne(typeof(Accounts.User))]
                    public partial class Profile { }
                }
            }
            static class Use { static void M(Accounts.User u, Social.Holder.Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "several [OneToOne] on one class with distinct names",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [OneToOne(typeof(User))]
            [OneToOne(typeof(Account))]
            [OneToOne(typeof(User), Navigation = "Reviewer", Reverse = "ReviewedProfile")]
            public partial class Profile { }
            static class Use
            {
                static void M(User u, User r, Account a, Profile p)
                {
                    p.User = u; p.Account = a; p.Reviewer = r;
                    u.Profile = p; a.Profile = p; r.ReviewedProfile = p;
                }
            }
            """
        },
        {
            "several dependents on one principal with distinct reverse names",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            [OneToOne(typeof(User))]
            public partial class Settings { }
            [OneToOne(typeof(User), Reverse = "CurrentBadge")]
            public partial class Badge { }
            static class Use { static void M(User u, Profile p, Settings s, Badge b) { u.Profile = p; u.Settings = s; u.CurrentBadge = b; b.User = u; } }
            """
        },
        {
            "two dependents named alike in different namespaces, told apart by Reverse",
            """
            using OneToOne;
            namespace Accounts { public partial class User { } }
            namespace Billing { [OneToOne(typeof(Accounts.User), Reverse = "BillingProfile")] public partial class Profile { } }
            namespace Social { [OneToOne(typeof(Accounts.User), Reverse = "SocialProfile")] public partial class Profile { } }
            static class Use { static void M(Accounts.User u, Billing.Profile b, Social.Profile s) { u.BillingProfile = b; u.SocialProfile = s; } }
            """
        },
        {
            "self link with names",
            """
            using OneToOne;
            namespace App;
            [OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
            public partial class Person { }
            static class Use { static void M(Person a, Person b) { a.Mentor = b; b.Mentee = a; } }
            """
        },
        {
            "internal types",
            """
            using OneToOne;
            namespace App;
            internal partial class User { }
            [OneToOne(typeof(User))]
            internal partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "public principal, internal dependent",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))]
            internal partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "abstract and sealed classes",
            """
            using OneToOne;
            namespace App;
            public abstract partial class User { }
            public sealed class Admin : User { }
            [OneToOne(typeof(User))]
            public sealed partial class Profile { }
            [OneToOne(typeof(Profile))]
            public abstract partial class Avatar { }
            public sealed class Picture : Avatar { }
            static class Use { static void M(Admin u, Profile p, Picture a) { p.User = u; u.Profile = p; a.Profile = p; p.Avatar = a; } }
            """
        },
        {
            "dependent derived from another dependent, with other names",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            [OneToOne(typeof(Account))]
            public partial class AdminProfile : Profile { }
            static class Use { static void M(User u, Account a, AdminProfile p) { p.User = u; p.Account = a; a.AdminProfile = p; } }
            """
        },
        {
            "options",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Required = true, OnConflict = OneToOneConflict.Throw, OnDelete = OneToOneDelete.Restrict)]
            public partial class Profile { }
            [OneToOne(typeof(User), OnConflict = OneToOneConflict.Replace, OnDelete = OneToOneDelete.SetNull)]
            public partial class Settings { }
            static class Use { static void M(User u, Settings s) { _ = new Profile { User = u }; s.User = u; } }
            """
        },
        {
            "names given with nameof and constants",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = nameof(Names.Owner), Reverse = Names.Card)]
            public partial class Profile { }
            static class Names { public const string Card = "Card"; public const int Owner = 0; }
            static class Use { static void M(User u, Profile p) { p.Owner = u; u.Card = p; } }
            """
        },
        {
            "attribute written in full, qualified, with a parameter name",
            """
            namespace App;
            public partial class User { }
            [global::OneToOne.OneToOneAttribute(principal: typeof(User))]
            public partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
        {
            "parts of the dependent in several files, one of them with the attribute",
            """
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Profile { public string Bio { get; set; } = ""; }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            static class Use { static void M(User u, Profile p) { p.User = u; u.Profile = p; } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task ReportsNothing_AndTheGeneratedCodeCompiles(string name, string source)
    {
        Assert.NotEmpty(name);
        await VerifyAsync(source);
        var errors = (await TestCompiler.AnalyzeAsync(source)).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ClassWithoutTheAttribute_ReportsNothing()
    {
        // No [OneToOne] anywhere, but the shapes every rule looks at.
        await VerifyAsync("""
            namespace App;
            public class User { }
            public record Profile;
            public static class Helpers { }
            public class Box<T> { private class Secret { } }
            """);
    }

    [Fact]
    public async Task LookAlikeAttributeInAnotherNamespace_IsNotOurs()
    {
        await VerifyAsync("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class OneToOneAttribute(System.Type principal) : System.Attribute { public System.Type Principal { get; } = principal; }
            }
            namespace App
            {
                using Other;
                public class User { }
                [OneToOne(typeof(User))]
                public class Profile { }
            }
            """);
    }
}
