using System.Text.Json;
using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// Serialization with reflection-based System.Text.Json: serializing follows the forward navigation only, so no cycle
/// is walked; the external principal has no reverse member at all that the serializer could see (an extension member
/// is not a property of the type); deserializing a dependent with its principal links both ways.
/// </summary>
public class JsonTests
{
    [Fact]
    public void SerializingADependentIncludesItsPrincipal()
    {
        var a = new Account { Login = "ada" };
        var p = new Profile { Account = a, Bio = "Hello" };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(p));

        Assert.Equal("Hello", json.RootElement.GetProperty("Bio").GetString());
        var account = json.RootElement.GetProperty("Account");
        Assert.Equal("""{"Login":"ada"}""", account.GetRawText());
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void SerializingAnUnlinkedDependentWritesANullPrincipal()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new Profile { Bio = "alone" }));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("Account").ValueKind);
    }

    [Fact]
    public void SerializingThePrincipalDoesNotWalkBack()
    {
        var a = new Account { Login = "ada" };
        _ = new Profile { Account = a };
        _ = new AccountSettings { Owner = a };
        _ = new Badge { Holder = a };
        _ = new Passport { Owner = a };

        // Only the principal's own property: the reverse accessors are extensions, invisible to the serializer.
        Assert.Equal("""{"Login":"ada"}""", JsonSerializer.Serialize(a));
        var box = new Box<int> { Value = 7 };
        _ = new Label { Box = box };
        Assert.Equal("""{"Value":7}""", JsonSerializer.Serialize(box));
    }

    [Fact]
    public void DeserializingADependentWithItsPrincipalLinksBothWays()
    {
        var back = JsonSerializer.Deserialize<Profile>("""{"Bio":"Hello","Account":{"Login":"ada"}}""")!;

        Assert.Equal("Hello", back.Bio);
        Assert.NotNull(back.Account);
        Assert.Equal("ada", back.Account.Login);
        Assert.Same(back, Reverse.ProfileOf(back.Account));
    }

    [Fact]
    public void RoundTripLinksBothWays()
    {
        var a = new Account { Login = "grace" };
        var p = new Profile { Account = a, Bio = "COBOL" };

        var back = JsonSerializer.Deserialize<Profile>(JsonSerializer.Serialize(p))!;

        Assert.NotSame(p, back);
        Assert.Equal("grace", back.Account!.Login);
        Assert.NotSame(a, back.Account);
        Assert.Same(back, Reverse.ProfileOf(back.Account));
        Assert.Same(p, Reverse.ProfileOf(a)); // the original link is untouched
    }

    [Fact]
    public void DeserializingARequiredLinkLinksBothWaysAndRequiresThePrincipal()
    {
        var back = JsonSerializer.Deserialize<Passport>("""{"Number":"X1","Owner":{"Login":"ada"}}""")!;
        Assert.Equal("ada", back.Owner.Login);
        Assert.Same(back, Reverse.PassportOf(back.Owner));

        // Owner is a C# required member: System.Text.Json refuses JSON without it.
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Passport>("""{"Number":"X1"}"""));
    }

    [Fact]
    public void DeserializingADependentOfAClosedGenericLinksBothWays()
    {
        var back = JsonSerializer.Deserialize<Label>("""{"Text":"seven","Box":{"Value":7}}""")!;
        Assert.Equal(7, back.Box!.Value);
        Assert.Same(back, Reverse.LabelOf(back.Box));
        Assert.Equal("""{"Text":"seven","Box":{"Value":7}}""", JsonSerializer.Serialize(back));
    }

    [Fact]
    public void DeserializingAPrincipalGivesAnUnlinkedPrincipal()
    {
        // Even JSON that names a "Profile" cannot reach the reverse accessor: it is not a member of Account.
        var a = JsonSerializer.Deserialize<Account>("""{"Login":"ada","Profile":{"Bio":"ignored"}}""")!;
        Assert.Equal("ada", a.Login);
        Assert.Null(Reverse.ProfileOf(a));
    }
}
