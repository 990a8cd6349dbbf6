// The links of the reliability suites, compiled with the generator (an analyzer reference, as in a user's project):
// the model-based tests (ModelBased/) run them with the default storage access, and the systematic concurrency tests
// (tests/OneToOne.Reliability.Coyote, which links this file) with OneToOneStorageAccess=Fields, for Coyote's rewriter.
using OneToOne;

namespace OneToOne.Reliability.Models;

/// <summary>The principal of three links at once (Profile, Badge, Passport): its reverse slots are generated members.</summary>
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

/// <summary>Required = true (Django null=False).</summary>
[OneToOne(typeof(User), Navigation = "Account", Reverse = "Passport", Required = true)]
public partial class Passport
{
}

/// <summary>A self link.</summary>
[OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
public partial class Person
{
}

/// <summary>
/// A principal from another assembly (<see cref="System.Text.StringBuilder"/>): the reverse accessor is a C# 14
/// extension property over weak storage (<c>WeakReverseStorage</c>, a <c>ConditionalWeakTable</c>).
/// </summary>
[OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder", Reverse = "Note")]
public partial class Note
{
}

/// <summary>A closed generic principal: weak storage too, here with OnConflict = Replace.</summary>
public partial class Box<T>
{
}

/// <summary>Linked to <c>Box&lt;int&gt;</c> with OnConflict = Replace.</summary>
[OneToOne(typeof(Box<int>), Navigation = "Box", Reverse = "Crate", OnConflict = OneToOneConflict.Replace)]
public partial class Crate
{
}
