using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// Newtonsoft.Json with its default settings (ReferenceLoopHandling.Error): serializing either side must not
/// meet the reverse accessor, so no "Self referencing loop detected"; reading a dependent with its principal
/// links both.
/// </summary>
public sealed class NewtonsoftJsonTests
{
    [Fact]
    public void Dependent_round_trip_writes_the_principal_and_reading_it_links_both()
    {
        var (_, profile) = Linked.Pair();

        var json = JsonConvert.SerializeObject(profile);

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"Bio":"Hello","User":{"Name":"ada"}}"""), JObject.Parse(json)), json);
        Linked.AssertDependentReadBack(JsonConvert.DeserializeObject<Profile>(json)!, profile);
    }

    [Fact]
    public void Principal_round_trip_leaves_the_reverse_accessor_out()
    {
        var (user, _) = Linked.Pair();

        var json = JsonConvert.SerializeObject(user);

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"Name":"ada"}"""), JObject.Parse(json)), json);
        Linked.AssertPrincipalReadBack(JsonConvert.DeserializeObject<User>(json)!, user);
    }

    [Fact]
    public void Chosen_names_are_followed_forward_and_left_out_in_reverse()
    {
        var (account, badge) = Linked.NamedPair();

        var badgeJson = JsonConvert.SerializeObject(badge);
        var accountJson = JsonConvert.SerializeObject(account);

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"Number":7,"Owner":{"Login":"grace"}}"""), JObject.Parse(badgeJson)), badgeJson);
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"Login":"grace"}"""), JObject.Parse(accountJson)), accountJson);
        Linked.AssertNamedDependentReadBack(JsonConvert.DeserializeObject<Badge>(badgeJson)!);
    }

    [Fact]
    public void Reading_a_dependent_with_its_principal_links_both()
    {
        var back = JsonConvert.DeserializeObject<Profile>("""{"Bio":"Hello","User":{"Name":"ada"}}""")!;

        Assert.Equal("Hello", back.Bio);
        Assert.Equal("ada", back.User!.Name);
        Assert.Same(back, back.User.Profile);
    }
}
