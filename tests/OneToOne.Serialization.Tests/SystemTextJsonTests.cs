using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// System.Text.Json, reflection-based and source-generated: the forward navigation is written, the reverse
/// accessor never is, and reading a dependent with its principal links both.
/// </summary>
public sealed class SystemTextJsonTests
{
    /// <summary>The class form's source-generated context, completed by the package's contract modifier.</summary>
    private static readonly JsonSerializerOptions SourceGenerated = new()
    {
        TypeInfoResolver = ModelJsonContext.Default.WithAddedModifier(OneToOneJsonModifiers.IncludeNavigations),
    };

    public static TheoryData<string> Modes => new() { "reflection", "source-generated" };

    private static JsonSerializerOptions Options(string mode) =>
        mode == "reflection" ? JsonSerializerOptions.Default : SourceGenerated;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Dependent_round_trip_writes_the_principal_and_reading_it_links_both(string mode)
    {
        var (_, profile) = Linked.Pair();

        var json = JsonSerializer.Serialize(profile, Options(mode));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Bio":"Hello","User":{"Name":"ada"}}"""), JsonNode.Parse(json)), json);
        Linked.AssertDependentReadBack(JsonSerializer.Deserialize<Profile>(json, Options(mode))!, profile);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Principal_round_trip_leaves_the_reverse_accessor_out(string mode)
    {
        var (user, _) = Linked.Pair();

        var json = JsonSerializer.Serialize(user, Options(mode));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Name":"ada"}"""), JsonNode.Parse(json)), json);
        Linked.AssertPrincipalReadBack(JsonSerializer.Deserialize<User>(json, Options(mode))!, user);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Chosen_names_are_followed_forward_and_left_out_in_reverse(string mode)
    {
        var (account, badge) = Linked.NamedPair();

        var badgeJson = JsonSerializer.Serialize(badge, Options(mode));
        var accountJson = JsonSerializer.Serialize(account, Options(mode));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Number":7,"Owner":{"Login":"grace"}}"""), JsonNode.Parse(badgeJson)), badgeJson);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Login":"grace"}"""), JsonNode.Parse(accountJson)), accountJson);
        Linked.AssertNamedDependentReadBack(JsonSerializer.Deserialize<Badge>(badgeJson, Options(mode))!);
    }

    [Fact]
    public void Source_generated_context_without_the_modifier_leaves_the_class_form_navigation_out()
    {
        // Why the modifier exists: System.Text.Json's generator does not see another generator's members.
        var (_, profile) = Linked.Pair();

        var json = JsonSerializer.Serialize(profile, ModelJsonContext.Default.Profile);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Bio":"Hello"}"""), JsonNode.Parse(json)), json);
    }
}
