// The models the benchmarks link, compiled with the OneToOne generator exactly as a user's code.
using OneToOne;

namespace OneToOne.Benchmarks.Models;

/// <summary>Principal declared in this compilation: the reverse accessor is a generated member (plain field).</summary>
public partial class User
{
    public string Name { get; set; } = "";
}

/// <summary>The seed link: default names, nullable, OnConflict = Throw.</summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public string Bio { get; set; } = "";
}

/// <summary>OnConflict = Replace, for the contended "fight over one principal" without exceptions.</summary>
[OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
public partial class Badge
{
}

/// <summary>
/// A principal this compilation cannot change: a closed generic takes the extension form of the
/// reverse accessor, with weak storage (<c>WeakReverseStorage</c>), exactly as a principal from another assembly
/// (a framework's <c>IdentityUser</c>) does.
/// </summary>
public partial class Box<T>
{
    public T? Value { get; set; }
}

/// <summary>Dependent of the external principal: <c>label.Box</c> forward, <c>box.Label</c> (C# 14 extension property) reverse.</summary>
[OneToOne(typeof(Box<int>), Reverse = "Label")]
public partial class BoxLabel
{
}

/// <summary>The read baseline: an auto-property of the same type.</summary>
public sealed class AutoHolder
{
    public User? User { get; set; }
}
