using System.CodeDom.Compiler;
using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>What the generated members look like from outside.</summary>
public class GeneratedSurfaceTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    [Fact]
    public void MembersArePublicUnlessTheOtherClassIsLessAccessible()
    {
        Assert.True(typeof(Profile).GetProperty("User")!.GetMethod!.IsPublic);
        Assert.True(typeof(User).GetProperty("Profile")!.GetMethod!.IsPublic);

        // A public dependent of an internal principal: the navigation is internal, the reverse accessor public.
        var navigation = typeof(Models.Block.PublicDependentOfInternal).GetProperty("InternalPrincipal", All)!;
        Assert.True(navigation.GetMethod!.IsAssembly);
        Assert.True(navigation.SetMethod!.IsAssembly);
        Assert.True(typeof(Models.Block.InternalPrincipal).GetProperty("Link")!.GetMethod!.IsPublic);

        // A public principal of an internal dependent gets an internal reverse accessor.
        var reverse = typeof(GlobalPrincipal).GetProperty("GlobalDependent", All)!;
        Assert.True(reverse.GetMethod!.IsAssembly);
    }

    [Fact]
    public void StorageIsHiddenFromIntelliSenseAndTheDebugger()
    {
        foreach (var type in new[] { typeof(Profile), typeof(User) })
        {
            var storage = type.GetFields(All).Where(f => f.Name.StartsWith("__oneToOne_", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(storage);
            Assert.All(storage, f =>
            {
                Assert.False(f.IsPublic);
                Assert.Equal(EditorBrowsableState.Never, f.GetCustomAttribute<EditorBrowsableAttribute>()!.State);
                Assert.Equal(DebuggerBrowsableState.Never, f.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State);
            });
        }
    }

    [Fact]
    public void GeneratedMembersCarryGeneratedCode()
    {
        Assert.Equal("OneToOne.Generator", typeof(Profile).GetProperty("User")!.GetCustomAttribute<GeneratedCodeAttribute>()!.Tool);
        Assert.Equal("OneToOne.Generator", typeof(User).GetProperty("Profile")!.GetCustomAttribute<GeneratedCodeAttribute>()!.Tool);
        // The user's own type is not marked as generated.
        Assert.Null(typeof(Profile).GetCustomAttribute<GeneratedCodeAttribute>());
    }

    [Fact]
    public void JsonFollowsTheForwardNavigationOnly()
    {
        var u = new User { Name = "ada" };
        var p = new Profile { User = u, Bio = "Hello" };

        var profileJson = JsonSerializer.Serialize(p);
        var userJson = JsonSerializer.Serialize(u);

        Assert.Contains("\"User\":{", profileJson);
        Assert.DoesNotContain("\"Profile\"", userJson);

        var back = JsonSerializer.Deserialize<Profile>(profileJson)!;
        Assert.Equal("ada", back.User!.Name);
        Assert.Same(back, back.User.Profile); // deserializing links both sides
    }
}

/// <summary>A source-generated context: System.Text.Json's generator cannot see the generated members.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Profile))]
[System.Text.Json.Serialization.JsonSerializable(typeof(User))] // the navigation's type needs a contract too
[System.Diagnostics.CodeAnalysis.SuppressMessage("OneToOne.Serialization", "OTO011", Justification = "These tests show the class form with and without OneToOneJsonModifiers.IncludeNavigations")]
internal partial class SeedJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}

/// <summary>JSON with a source-generated <c>JsonSerializerContext</c>, through the generated modifier.</summary>
public class SourceGeneratedJsonTests
{
    [Fact]
    public void WithoutTheModifierTheContextDoesNotSeeTheNavigation()
    {
        var p = new Profile { User = new User { Name = "ada" }, Bio = "Hello" };
        Assert.Equal("""{"Bio":"Hello"}""", JsonSerializer.Serialize(p, SeedJsonContext.Default.Profile));
    }

    [Fact]
    public void TheGeneratedModifierAddsTheForwardNavigationAndLinksBothWays()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = SeedJsonContext.Default.WithAddedModifier(OneToOne.OneToOneJsonModifiers.IncludeNavigations),
        };
        var u = new User { Name = "ada" };
        var p = new Profile { User = u, Bio = "Hello" };

        var json = JsonSerializer.Serialize(p, options);
        Assert.Equal("""{"Bio":"Hello","User":{"Name":"ada"}}""", json);

        var back = JsonSerializer.Deserialize<Profile>(json, options)!;
        Assert.Equal("ada", back.User!.Name);
        Assert.Same(back, back.User.Profile);
    }

    [Fact]
    public void TheModifierHonoursTheNamingPolicyAndDoesNotDuplicateReflectionMembers()
    {
        var camel = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver().WithAddedModifier(OneToOne.OneToOneJsonModifiers.IncludeNavigations),
        };
        var p = new Profile { User = new User { Name = "ada" }, Bio = "Hello" };
        var json = JsonSerializer.Serialize(p, camel);
        Assert.Contains("\"user\":{\"name\":\"ada\"}", json, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"user\"").Cast<System.Text.RegularExpressions.Match>());
    }
}
