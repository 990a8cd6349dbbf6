// The models of tests/OneToOne.Tests/Models/Seed.cs, each link declared in the property form instead of the class
// form: same types, same member names, same options, so the shared suites run unchanged on both.
using OneToOne;

namespace OneToOne.Tests.Models;

public partial class User
{
    public string Name { get; set; } = "";

    public override string ToString() => $"User({Name})";
}

public partial class Profile
{
    public string Bio { get; set; } = "";

    [OneToOne]
    public partial User? User { get; set; }

    public override string ToString() => $"Profile({Bio})";
}

public partial class AccountSettings
{
    [OneToOne(Reverse = "Settings")]
    public partial User? Owner { get; set; }
}

public sealed partial class Badge
{
    [OneToOne(Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
    public partial User? Holder { get; set; }
}

public partial class Passport
{
    [OneToOne(Reverse = "Passport")]
    public required partial User Account { get; set; }
}

public partial class Person
{
    public string Name { get; set; } = "";

    [OneToOne(Reverse = "Mentee")]
    public partial Person? Mentor { get; set; }
}

public abstract partial class Draft
{
    [OneToOne(Reverse = "AuthoredDraft")]
    public partial User? Author { get; set; }

    [OneToOne(Reverse = "ReviewedDraft")]
    public partial Person? Reviewer { get; set; }
}

public sealed class ConcreteDraft : Draft
{
}
