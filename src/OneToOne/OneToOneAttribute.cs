using System;

namespace OneToOne;

/// <summary>
/// Declares a one-to-one link from the class it decorates (the dependent, Django's model that holds the
/// <c>OneToOneField</c>) to <see cref="Principal"/>. The source generator adds the forward navigation on the
/// dependent, the reverse accessor on the principal (Django's <c>related_name</c>), and bookkeeping that keeps
/// the link unique at every assignment.
/// </summary>
/// <example>
/// Class form: the generator adds the forward navigation.
/// <code>
/// [OneToOne(typeof(User))]
/// public partial class Profile { }
/// // generated: Profile.User { get; set; } and User.Profile { get; set; }
/// </code>
/// Property form (C# 13 and newer): the user declares the navigation, the generator implements it.
/// <code>
/// public partial class Profile
/// {
///     [OneToOne] public partial User? User { get; set; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class OneToOneAttribute : Attribute
{
    /// <summary>Links the decorated class (the dependent) to <paramref name="principal"/>.</summary>
    /// <param name="principal">The class on the other side of the link (Django's <c>to</c>).</param>
    public OneToOneAttribute(Type principal) => Principal = principal;

    /// <summary>
    /// Property form: declares the link on a <c>partial</c> property of the dependent. The principal is the
    /// property's type, the navigation's name is the property's name, and <see cref="Required"/> follows the
    /// property's <c>required</c> modifier.
    /// </summary>
    public OneToOneAttribute()
    {
    }

    /// <summary>
    /// The class on the other side of the link: it receives the reverse accessor. <see langword="null"/> in the
    /// property form, where the property's type is the principal.
    /// </summary>
    public Type? Principal { get; }

    /// <summary>
    /// Class form: name of the forward navigation generated on the dependent. Default: the principal type's name
    /// (<c>User</c>). Not allowed in the property form, where the property's own name is the navigation.
    /// </summary>
    public string? Navigation { get; set; }

    /// <summary>
    /// Name of the reverse accessor generated on the principal (Django's <c>related_name</c>). Default: the
    /// dependent type's name (<c>Profile</c>).
    /// </summary>
    public string? Reverse { get; set; }

    /// <summary>
    /// <see langword="true"/>: the dependent must always have a principal (Django <c>null=False</c>); the forward
    /// navigation is a <c>required</c>, non-nullable property and unlinking it throws. Default
    /// <see langword="false"/>.
    /// </summary>
    public bool Required { get; set; }

    /// <summary>What happens when the principal already has another dependent. Default <see cref="OneToOneConflict.Throw"/>.</summary>
    public OneToOneConflict OnConflict { get; set; }

    /// <summary>What the database does to the dependent when its principal is deleted (Django <c>on_delete</c>); used by the EF Core mapping. Default <see cref="OneToOneDelete.Cascade"/>.</summary>
    public OneToOneDelete OnDelete { get; set; }

    /// <summary>
    /// EF Core mapping: the dependent's foreign-key property. Default <c>&lt;Navigation&gt;Id</c> (<c>UserId</c>). A
    /// property the dependent declares is matched case-insensitively (<c>UserID</c>); when it is the dependent's
    /// primary key, the link shares the primary key (Django <c>primary_key=True</c>). Otherwise a shadow property
    /// of that name is made.
    /// </summary>
    public string? ForeignKey { get; set; }
}
