using static OneToOne.TestSupport.DiagnosticMarkup;

namespace OneToOne.Generator.Tests.Analyzers;

/// <summary>
/// The names of the generated members: OTO004 (clash with a member the user wrote), OTO005 (two links generate
/// the same member), OTO006 (not an identifier).
/// </summary>
public class NameRuleTests
{
    [Fact]
    public async Task OTO004_UserMemberOnTheDependentNamedLikeTheNavigation()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile
            {
                public string User { get; set; } = "";
            }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "[OneToOne] on 'Profile'", "'Profile.User'", "'Profile' already declares 'User'", "'Navigation'");
        Assert.Equal("User", AdditionalText(diagnostic));
    }

    [Fact]
    public async Task OTO004_UserMemberNamedLikeAnExplicitNavigation_ReportedOnTheName()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO004:"Owner"|})]
            public partial class Profile
            {
                public void Owner() { }
            }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.Owner'", "'Profile' already declares 'Owner'", "'Navigation'");
    }

    [Fact]
    public async Task OTO004_UserMemberOnThePrincipalNamedLikeTheReverse()
    {
        var diagnostics = await VerifyAsync(
            """
            namespace App;
            public partial class User
            {
                public int Profile() => 0;
            }
            """,
            """
            using OneToOne;
            namespace App;
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
        var diagnostic = diagnostics.Single();
        AssertMessage(diagnostic, "[OneToOne] on 'Profile'", "'User.Profile'", "'User' already declares 'Profile'", "'Reverse'");
        Assert.Equal("Profile", AdditionalText(diagnostic));
        Assert.Equal("Source0.cs", AdditionalFile(diagnostic));
    }

    [Fact]
    public async Task OTO004_NestedTypeOnThePrincipalNamedLikeTheReverse()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User
            {
                public class Card { }
            }
            [OneToOne(typeof(User), Reverse = {|OTO004:"Card"|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'User.Card'", "'User' already declares 'Card'", "'Reverse'");
    }

    [Fact]
    public async Task OTO004_IndexerOnTheDependentTakesTheNameItem()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO004:"Item"|})]
            public partial class Profile
            {
                public int this[int index] => index;
            }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.Item'", "'Profile' already declares an indexer named 'Item'", "'Navigation'");
    }

    [Fact]
    public async Task OTO004_IndexerOnThePrincipalWithAnIndexerName()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User
            {
                [System.Runtime.CompilerServices.IndexerName("Profile")]
                public int this[int index] => index;
            }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'User.Profile'", "'User' already declares an indexer named 'Profile'", "'Reverse'");
        Assert.Equal("this", AdditionalText(diagnostics.Single()));
    }

    [Fact]
    public async Task OTO004_SelfLinkWithoutNames()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            [{|OTO004:{|OTO004:OneToOne(typeof(Person))|}|}]
            public partial class Person { }
            """);
        Assert.All(diagnostics, d => AssertMessage(d, "'Person.Person'", "same name as its enclosing type 'Person'"));
        Assert.Equal(new[] { "'Navigation'", "'Reverse'" }, diagnostics.Select(d => d.GetMessage().Contains("'Navigation'") ? "'Navigation'" : "'Reverse'").Order());
    }

    [Fact]
    public async Task OTO004_NavigationNamedLikeTheDependentItself()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO004:"Profile"|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.Profile'", "enclosing type 'Profile'");
    }

    [Fact]
    public async Task OTO004_MemberInheritedFromABaseClassOfTheDependent()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public class Entity
            {
                public object? User { get; set; }
            }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile : Entity { }
            """);
        AssertMessage(diagnostics.Single(), "'Profile.User'", "base class 'Entity' already declares 'User'");
    }

    [Fact]
    public async Task OTO004_ProtectedMemberInheritedFromAGrandparentOfThePrincipal()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public class Entity
            {
                protected int Profile;
            }
            public class Person : Entity { }
            public partial class User : Person { }
            [{|OTO004:OneToOne(typeof(User))|}]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), "'User.Profile'", "base class 'Entity' already declares 'Profile'", "'Reverse'");
    }

    [Fact]
    public async Task OTO004_PrivateMemberOfABaseClass_IsClean()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public class Entity
            {
                private int User = 0;
                public int Read() => User;
            }
            [OneToOne(typeof(User))]
            public partial class Profile : Entity { }
            """);
    }

    [Fact]
    public async Task OTO004_MemberWithAnotherName_IsClean()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User
            {
                public string Name { get; set; } = "";
                public string Profiles { get; set; } = "";
            }
            [OneToOne(typeof(User))]
            public partial class Profile
            {
                public string Users { get; set; } = "";
                public string user { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task OTO005_TwoDependentsWithTheSameNameInDifferentNamespaces()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace Accounts
            {
                public partial class User { }
            }
            namespace Billing
            {
                [{|OTO005:OneToOne(typeof(Accounts.User))|}]
                public partial class Profile { }
            }
            namespace Social
            {
                [{|OTO005:OneToOne(typeof(Accounts.User))|}]
                public partial class Profile { }
            }
            """);
        AssertMessage(diagnostics[0], "'Billing.Profile.User'", "'Social.Profile.User'", "'Accounts.User.Profile'", "'Reverse'");
        AssertMessage(diagnostics[1], "'Social.Profile.User'", "'Billing.Profile.User'", "'Accounts.User.Profile'", "'Reverse'");
    }

    [Fact]
    public async Task OTO005_NestedDependentsInNestedNamespaces()
    {
        // Each link finds the other by its metadata name: namespaces (one declaration inside another too) joined by '.',
        // nested classes by '+'.
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace Accounts
            {
                public partial class User { }
            }
            namespace Billing
            {
                namespace Cards
                {
                    public partial class Outer
                    {
                        [{|OTO005:OneToOne(typeof(Accounts.User))|}]
                        public partial class Profile { }
                    }
                }
            }
            namespace Social
            {
                public partial class Holder
                {
                    public partial class Inner
                    {
                        [{|OTO005:OneToOne(typeof(Accounts.User))|}]
                        public partial class Profile { }
                    }
                }
            }
            """);
        AssertMessage(diagnostics[0], "'Billing.Cards.Outer.Profile.User'", "'Social.Holder.Inner.Profile.User'", "'Accounts.User.Profile'");
        AssertMessage(diagnostics[1], "'Social.Holder.Inner.Profile.User'", "'Billing.Cards.Outer.Profile.User'", "'Accounts.User.Profile'");
    }

    [Fact]
    public async Task OTO005_AGenericDependentAndAPlainOne()
    {
        // The generic dependent is OTO009; the plain one still finds it by its metadata name (Card`1) and clashes.
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App
            {
                public partial class User { }
                [{|OTO009:OneToOne(typeof(User), Reverse = {|OTO005:"Card"|})|}]
                public partial class Card<T> { }
            }
            namespace Other
            {
                [{|OTO005:OneToOne(typeof(App.User))|}]
                public partial class Card { }
            }
            """);
        AssertMessage(diagnostics.Single(d => d.Id == "OTO005" && d.Location.SourceSpan.Start > 150), "'Other.Card.User'", "'App.User.Card'");
    }

    [Fact]
    public async Task OTO005_DifferentNavigationsButTheSameReverse()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = "Owner", Reverse = {|OTO005:"Card"|})]
            public partial class Profile { }
            [OneToOne(typeof(User), Reverse = {|OTO005:"Card"|})]
            public partial class Badge { }
            """);
        AssertMessage(diagnostics[0], "'App.Profile.Owner'", "'App.Badge.User'", "'App.User.Card'", "'Reverse'");
        AssertMessage(diagnostics[1], "'App.Badge.User'", "'App.Profile.Owner'", "'App.User.Card'", "'Reverse'");
    }

    [Fact]
    public async Task OTO005_TheSameNavigationTwiceOnOneClass()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [{|OTO005:OneToOne(typeof(User))|}]
            [OneToOne(typeof(Account), Navigation = {|OTO005:"User"|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics[0], "'App.Profile.User' to 'App.User'", "'App.Profile.User' to 'App.Account'", "'App.Profile.User'", "'Navigation'");
        AssertMessage(diagnostics[1], "'App.Profile.User' to 'App.Account'", "'App.Profile.User' to 'App.User'", "'Navigation'");
    }

    [Fact]
    public async Task OTO005_TheSameAttributeTwice()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [{|OTO005:{|OTO005:OneToOne(typeof(User))|}|}]
            [{|OTO005:{|OTO005:OneToOne(typeof(User))|}|}]
            public partial class Profile { }
            """);
        Assert.All(diagnostics, d => AssertMessage(d, "'App.Profile.User' to 'App.User'", "an identical [OneToOne] on the same class"));
        Assert.Equal(2, diagnostics.Count(d => d.GetMessage().Contains("'App.User.Profile'")));
        Assert.Equal(2, diagnostics.Count(d => d.GetMessage().Contains("would both generate 'App.Profile.User'")));
    }

    [Fact]
    public async Task OTO005_SelfLinkWithNavigationEqualToReverse()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            [OneToOne(typeof(Person), Navigation = {|OTO005:"Buddy"|}, Reverse = {|OTO005:"Buddy"|})]
            public partial class Person { }
            """);
        Assert.All(diagnostics, d => AssertMessage(d, "'App.Person.Buddy' to 'App.Person'", "would both generate 'App.Person.Buddy'"));
        AssertMessage(diagnostics[0], "its reverse accessor 'App.Person.Buddy'", "'Navigation'");
        AssertMessage(diagnostics[1], "its navigation 'App.Person.Buddy'", "'Reverse'");
    }

    [Fact]
    public async Task OTO005_NavigationOfOneLinkAndReverseOfAnotherOnTheSameClass()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO005:"Owner"|})]
            public partial class Profile { }
            [OneToOne(typeof(Profile), Reverse = {|OTO005:"Owner"|})]
            public partial class Avatar { }
            """);
        AssertMessage(diagnostics[0], "'App.Profile.Owner' to 'App.User'", "'App.Avatar.Profile' to 'App.Profile'", "'App.Profile.Owner'");
        AssertMessage(diagnostics[1], "'App.Avatar.Profile' to 'App.Profile'", "'App.Profile.Owner' to 'App.User'", "'App.Profile.Owner'");
    }

    [Fact]
    public async Task OTO005_NavigationHidingTheGeneratedNavigationOfABaseClass()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [{|OTO005:OneToOne(typeof(User))|}]
            public partial class Profile { }
            [OneToOne(typeof(Account), Navigation = {|OTO005:"User"|})]
            public partial class AdminProfile : Profile { }
            """);
    }

    [Fact]
    public async Task OTO005_TheSameNameOnUnrelatedClasses_IsClean()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public partial class Account { }
            [OneToOne(typeof(User), Reverse = "Card")]
            public partial class Profile { }
            [OneToOne(typeof(Account), Reverse = "Card")]
            public partial class Badge { }
            """);
    }

    [Theory]
    [InlineData("Navigation", "1abc")]
    [InlineData("Navigation", "a b")]
    [InlineData("Navigation", "")]
    [InlineData("Navigation", "User.Name")]
    [InlineData("Navigation", "int")]
    [InlineData("Reverse", "class")]
    [InlineData("Reverse", "Profile-1")]
    [InlineData("Reverse", "@Profile")]
    public async Task OTO006_NotAValidIdentifier(string argument, string name)
    {
        var diagnostics = await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), {{argument}} = {|OTO006:"{{name}}"|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics.Single(), $"'{name}' given as {argument}", "'User'", "'Profile.");
    }

    [Fact]
    public async Task OTO006_BothNamesInvalid()
    {
        var diagnostics = await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO006:"a b"|}, Reverse = {|OTO006:"class"|})]
            public partial class Profile { }
            """);
        AssertMessage(diagnostics[0], "'a b' given as Navigation", "'Profile.a b' to 'User'");
        AssertMessage(diagnostics[1], "'class' given as Reverse", "to 'User'");
    }

    [Fact]
    public async Task OTO006_NameFromAConstant()
    {
        await VerifyAsync("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = {|OTO006:Names.Owner|})]
            public partial class Profile { }
            public static class Names { public const string Owner = "the owner"; }
            """);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("_owner")]
    [InlineData("Owner2")]
    [InlineData("Élève")]
    [InlineData("var")]
    [InlineData("nameof")]
    public async Task OTO006_ValidIdentifiers_AreClean(string name)
    {
        await VerifyAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), Navigation = "{{name}}", Reverse = "{{name}}Profile")]
            public partial class Profile { }
            """);
    }
}
