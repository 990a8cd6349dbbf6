using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// A source-generated System.Text.Json context for the dependents. System.Text.Json's generator runs on the same input
/// as the OneToOne generator and never sees another generator's output (dotnet/roslyn#71426, by design;
/// dotnet/runtime#74841), so for it <see cref="Profile"/> has only the members the user wrote.
/// </summary>
/// <remarks>
/// <see cref="Passport"/> (a Required link) is deliberately absent: listing it does not compile. The JSON generator does
/// not see the generated <c>required Ext.Account Owner</c>, emits <c>ObjectCreator = () => new Passport()</c>, and that line
/// is error CS9035 ("Required member 'Passport.Owner' must be set in the object initializer or attribute constructor")
/// in ProfileJsonContext.Passport.g.cs. A test project cannot assert a compile error about itself: OTO011 reports that
/// case, and tests/OneToOne.Generator.Tests/Analyzers/JsonContextRuleTests.cs shows it with System.Text.Json's generator.
/// </remarks>
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(Label))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(Box<int>))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("OneToOne.Serialization", "OTO011", Justification = "These tests show the class form with and without OneToOneJsonModifiers.IncludeNavigations")]
internal partial class ProfileJsonContext : JsonSerializerContext
{
}

/// <summary>
/// What a source-generated context does with links to principals from elsewhere: it compiles, but the generated
/// navigation is invisible to it, so it is neither written nor read. A resolver modifier puts it back (last test).
/// </summary>
public class SourceGenJsonTests
{
    [Fact]
    public void TheContextDoesNotSeeTheGeneratedNavigation()
    {
        // Only the user's own member is in the generated metadata: Profile.Account comes from the OneToOne generator.
        Assert.Equal(["Bio"], ProfileJsonContext.Default.Profile.Properties.Select(p => p.Name));
        Assert.Equal(["Text"], ProfileJsonContext.Default.Label.Properties.Select(p => p.Name));
        // With reflection the navigation is there (JsonTests); the difference is the generator, not the type.
        Assert.Contains("Account", JsonSerializerOptions.Default.GetTypeInfo(typeof(Profile)).Properties.Select(p => p.Name));
    }

    [Fact]
    public void SerializingADependentThroughTheContextOmitsItsPrincipal()
    {
        var a = new Account { Login = "ada" };
        var p = new Profile { Account = a, Bio = "Hello" };
        Assert.Equal("""{"Bio":"Hello"}""", JsonSerializer.Serialize(p, ProfileJsonContext.Default.Profile));
        var label = new Label { Box = new Box<int> { Value = 7 }, Text = "seven" };
        Assert.Equal("""{"Text":"seven"}""", JsonSerializer.Serialize(label, ProfileJsonContext.Default.Label));
    }

    [Fact]
    public void SerializingThePrincipalThroughTheContextDoesNotWalkBack()
    {
        var a = new Account { Login = "ada" };
        _ = new Profile { Account = a };
        Assert.Equal("""{"Login":"ada"}""", JsonSerializer.Serialize(a, ProfileJsonContext.Default.Account));
        var box = new Box<int> { Value = 7 };
        _ = new Label { Box = box };
        Assert.Equal("""{"Value":7}""", JsonSerializer.Serialize(box, ProfileJsonContext.Default.BoxInt32));
    }

    [Fact]
    public void DeserializingThroughTheContextIgnoresThePrincipalAndLinksNothing()
    {
        // "Account" is an unknown member for the context's metadata: skipped (the default JsonUnmappedMemberHandling).
        var back = JsonSerializer.Deserialize("""{"Bio":"Hello","Account":{"Login":"ada"}}""", ProfileJsonContext.Default.Profile)!;
        Assert.Equal("Hello", back.Bio);
        Assert.Null(back.Account);
    }

    [Fact]
    public void AResolverModifierAddsTheNavigationAndLinksBothWays()
    {
        // Stays source-generated (no reflection): the generated modifier adds the navigation to the context's metadata.
        var options = new JsonSerializerOptions
        {
            // OneToOneJsonModifiers is generated into this assembly: it adds each forward navigation the contract lacks.
            TypeInfoResolver = ProfileJsonContext.Default.WithAddedModifier(OneToOne.OneToOneJsonModifiers.IncludeNavigations),
        };
        var a = new Account { Login = "ada" };
        var p = new Profile { Account = a, Bio = "Hello" };

        var json = JsonSerializer.Serialize(p, options);
        Assert.Equal("""{"Bio":"Hello","Account":{"Login":"ada"}}""", json);
        Assert.Equal("""{"Login":"ada"}""", JsonSerializer.Serialize(a, options));

        var back = JsonSerializer.Deserialize<Profile>(json, options)!;
        Assert.Equal("ada", back.Account!.Login);
        Assert.Same(back, Reverse.ProfileOf(back.Account)); // the setter ran the link protocol
    }
}
