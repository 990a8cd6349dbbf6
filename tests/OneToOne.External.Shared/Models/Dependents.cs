// Dependents of principals declared in another assembly (tests/OneToOne.External.Principals): the generator cannot
// add a member to Ext.Account or to the closed generic Ext.Box<int>, so every reverse accessor below takes the
// extension form (C# 14: an extension property; C# 13: Get/Set extension methods).
using OneToOne;

namespace OneToOne.External.Tests.Models;

/// <summary>The seed pair: default names (<c>Profile.Account</c>, reverse <c>Profile</c>), nullable, Throw.</summary>
[OneToOne(typeof(Ext.Account))]
public partial class Profile
{
    public string Bio { get; set; } = "";

    public override string ToString() => $"Profile({Bio})";
}

/// <summary>A second link on the same principal type, with Navigation and Reverse names (Django's related_name).</summary>
[OneToOne(typeof(Ext.Account), Navigation = "Owner", Reverse = "Settings")]
public partial class AccountSettings
{
    public string Theme { get; set; } = "";
}

/// <summary>OnConflict = Replace: the principal's previous dependent is unlinked.</summary>
[OneToOne(typeof(Ext.Account), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
public sealed partial class Badge
{
    public string Name { get; set; } = "";
}

/// <summary>Required (Django null=False): <c>public required Ext.Account Owner</c>.</summary>
[OneToOne(typeof(Ext.Account), Navigation = "Owner", Reverse = "Passport", Required = true)]
public partial class Passport
{
    public string Number { get; set; } = "";
}

/// <summary>A closed generic principal: default navigation <c>Box</c>, reverse named <c>Label</c>.</summary>
[OneToOne(typeof(Ext.Box<int>), Reverse = "Label")]
public partial class Label
{
    public string Text { get; set; } = "";
}

/// <summary>
/// Used by <c>AllocationNote</c> only: no other test adds principals to its weak storage, so the bytes of a first link
/// measured there do not depend on which other tests ran before.
/// </summary>
[OneToOne(typeof(Ext.Account), Navigation = "Buyer", Reverse = "Receipt")]
public partial class Receipt
{
}
