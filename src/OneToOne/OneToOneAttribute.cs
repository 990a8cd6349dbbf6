using System;

namespace OneToOne;

/// <summary>
/// Declares a one-to-one link from the class it decorates (the dependent, Django's model that holds the
/// <c>OneToOneField</c>) to <see cref="Principal"/>. The source generator adds the forward navigation on the
/// dependent, the reverse accessor on the principal (Django's <c>related_name</c>), and bookkeeping that keeps
/// the link unique at every assignment.
/// </summary>
/// <example>
/// <code>
/// [OneToOne(typeof(User))]
/// public partial class Profile { }
/// // generated: Profile.User { get; set; } and User.Profile { get; set; }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OneToOneAttribute : Attribute
{
    /// <summary>Links the decorated class (the dependent) to <paramref name="principal"/>.</summary>
    /// <param name="principal">The class on the other side of the link (Django's <c>to</c>).</param>
    public OneToOneAttribute(Type principal) => Principal = principal;

    /// <summary>The class on the other side of the link: it receives the reverse accessor.</summary>
    public Type Principal { get; }

    /// <summary>
    /// Name of the forward navigation generated on the dependent. Default: the principal type's name
    /// (<c>User</c>).
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
}
