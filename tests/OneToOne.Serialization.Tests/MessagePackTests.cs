using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using MessagePack;
using MessagePack.Resolvers;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// MessagePack with the contractless resolver (the model classes carry no MessagePack attributes, and a class-form
/// navigation cannot carry a [Key]): the resolver honours [IgnoreDataMember] on the reverse accessor, so serializing
/// either side walks no cycle; reading a dependent with its principal links both.
/// </summary>
public sealed class MessagePackTests
{
    private static readonly MessagePackSerializerOptions Options = ContractlessStandardResolver.Options;

    public MessagePackTests()
    {
        // MessagePack follows a cycle until the stack overflows, which ends the whole test run: without the
        // attribute these tests fail here instead, one by one.
        foreach (var (type, name) in new[] { (typeof(User), nameof(User.Profile)), (typeof(Account), nameof(Account.Card)) })
        {
            Assert.True(
                type.GetProperty(name)?.GetCustomAttribute<IgnoreDataMemberAttribute>() is not null,
                $"{type.Name}.{name} has no [IgnoreDataMember]: MessagePack would walk the cycle {type.Name} -> {name} -> back until the stack overflows.");
        }
    }

    /// <summary>The data as JSON, compared member by member (MessagePack's map keeps the members' declaration order).</summary>
    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);

    [Fact]
    public void Dependent_round_trip_writes_the_principal_and_reading_it_links_both()
    {
        var (_, profile) = Linked.Pair();

        var bytes = MessagePackSerializer.Serialize(profile, Options);

        AssertJson("""{"Bio":"Hello","User":{"Name":"ada"}}""", MessagePackSerializer.ConvertToJson(bytes));
        Linked.AssertDependentReadBack(MessagePackSerializer.Deserialize<Profile>(bytes, Options), profile);
    }

    [Fact]
    public void Principal_round_trip_leaves_the_reverse_accessor_out()
    {
        var (user, _) = Linked.Pair();

        var bytes = MessagePackSerializer.Serialize(user, Options);

        AssertJson("""{"Name":"ada"}""", MessagePackSerializer.ConvertToJson(bytes));
        Linked.AssertPrincipalReadBack(MessagePackSerializer.Deserialize<User>(bytes, Options), user);
    }

    [Fact]
    public void Chosen_names_are_followed_forward_and_left_out_in_reverse()
    {
        var (account, badge) = Linked.NamedPair();

        var badgeBytes = MessagePackSerializer.Serialize(badge, Options);

        AssertJson("""{"Number":7,"Owner":{"Login":"grace"}}""", MessagePackSerializer.ConvertToJson(badgeBytes));
        AssertJson("""{"Login":"grace"}""", MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(account, Options)));
        Linked.AssertNamedDependentReadBack(MessagePackSerializer.Deserialize<Badge>(badgeBytes, Options));
    }
}
