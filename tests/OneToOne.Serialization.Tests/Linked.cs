using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>The objects every serializer test starts from, linked through the generated members.</summary>
internal static class Linked
{
    /// <summary>A User "ada" and its Profile "Hello", linked both ways.</summary>
    public static (User User, Profile Profile) Pair()
    {
        var user = new User { Name = "ada" };
        var profile = new Profile { Bio = "Hello", User = user };
        Assert.Same(profile, user.Profile);
        return (user, profile);
    }

    /// <summary>An Account "grace" and its Badge 7, linked through the chosen names Badge.Owner and Account.Card.</summary>
    public static (Account Account, Badge Badge) NamedPair()
    {
        var account = new Account { Login = "grace" };
        var badge = new Badge { Number = 7, Owner = account };
        Assert.Same(badge, account.Card);
        return (account, badge);
    }

    /// <summary>A dependent read back from its serialized form: its principal came with it, and the two are linked.</summary>
    public static void AssertDependentReadBack(Profile back, Profile original)
    {
        Assert.NotSame(original, back);
        Assert.Equal("Hello", back.Bio);
        Assert.NotNull(back.User);
        Assert.NotSame(original.User, back.User);
        Assert.Equal("ada", back.User.Name);
        Assert.Same(back, back.User.Profile);
        // The original pair is untouched.
        Assert.Same(original, original.User!.Profile);
    }

    /// <summary>A principal read back from its serialized form: the reverse accessor was not written, so it is unlinked.</summary>
    public static void AssertPrincipalReadBack(User back, User original)
    {
        Assert.NotSame(original, back);
        Assert.Equal("ada", back.Name);
        Assert.Null(back.Profile);
        Assert.NotNull(original.Profile);
        Assert.Same(original, original.Profile.User);
    }

    public static void AssertNamedDependentReadBack(Badge back)
    {
        Assert.Equal(7, back.Number);
        Assert.NotNull(back.Owner);
        Assert.Equal("grace", back.Owner.Login);
        Assert.Same(back, back.Owner.Card);
    }
}
