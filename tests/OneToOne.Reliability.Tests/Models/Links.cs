// The links of the model-based tests, compiled with the generator (an analyzer reference, as in a user's project).
using OneToOne;

namespace OneToOne.Reliability.Tests.Models;

/// <summary>The principal of four links at once (Profile, Badge, Passport, and through Draft a second role).</summary>
public partial class User
{
}

/// <summary>The seed link: nullable, OnConflict = Throw.</summary>
[OneToOne(typeof(User))]
public partial class Profile
{
}

/// <summary>OnConflict = Replace.</summary>
[OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
public partial class Badge
{
}

/// <summary>Required = true.</summary>
[OneToOne(typeof(User), Navigation = "Account", Reverse = "Passport", Required = true)]
public partial class Passport
{
}

/// <summary>A self link.</summary>
[OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
public partial class Person
{
}

/// <summary>A principal from another assembly: extension property over weak storage.</summary>
[OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder", Reverse = "Note")]
public partial class Note
{
}
