using OneToOne;

namespace OneToOne.Tests.Models;

public partial class User
{
    public string Name { get; set; } = "";

    public override string ToString() => $"User({Name})";
}

/// <summary>The seed pair: default names, nullable, Throw.</summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public string Bio { get; set; } = "";

    public override string ToString() => $"Profile({Bio})";
}

/// <summary>A second dependent on the same principal, with Django's related_name.</summary>
[OneToOne(typeof(User), Navigation = "Owner", Reverse = "Settings")]
public partial class AccountSettings
{
}

/// <summary>OnConflict = Replace: the principal's previous dependent is unlinked.</summary>
[OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
public sealed partial class Badge
{
}

/// <summary>Required: Django null=False.</summary>
[OneToOne(typeof(User), Navigation = "Account", Reverse = "Passport", Required = true)]
public partial class Passport
{
}

/// <summary>A self link, named.</summary>
[OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
public partial class Person
{
    public string Name { get; set; } = "";
}

/// <summary>Several links on one class.</summary>
[OneToOne(typeof(User), Navigation = "Author", Reverse = "AuthoredDraft")]
[OneToOne(typeof(Person), Navigation = "Reviewer", Reverse = "ReviewedDraft")]
public abstract partial class Draft
{
}

public sealed class ConcreteDraft : Draft
{
}
