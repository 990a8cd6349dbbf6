using OneToOne;

namespace OneToOne.Serialization.Tests.Models;

/// <summary>The principal: gets the reverse accessor <c>User.Profile</c>, which no serializer may follow.</summary>
public partial class User
{
    public string Name { get; set; } = "";
}

/// <summary>The dependent: gets the forward navigation <c>Profile.User</c>, which every serializer follows.</summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public string Bio { get; set; } = "";
}

/// <summary>A second link with both names chosen, so the tests do not depend on the defaults.</summary>
public partial class Account
{
    public string Login { get; set; } = "";
}

[OneToOne(typeof(Account), Navigation = "Owner", Reverse = "Card")]
public partial class Badge
{
    public int Number { get; set; }
}
