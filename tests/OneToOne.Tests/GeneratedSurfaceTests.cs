using System.CodeDom.Compiler;
using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>SPEC section 4: what the generated members look like from outside.</summary>
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
