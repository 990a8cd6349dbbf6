using System.ComponentModel.DataAnnotations;
using OneToOne;

namespace OneToOne.EfCore.Tests.Models;

/// <summary>The principal of most links: Django's <c>User</c>.</summary>
public partial class User
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public override string ToString() => $"User({Id}, {Name})";
}

/// <summary>The seed pair: default names, nullable, OnDelete = Cascade (the default).</summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public int Id { get; set; }

    public string Bio { get; set; } = "";

    public override string ToString() => $"Profile({Id}, {Bio})";
}

/// <summary>Django's related_name, and <c>on_delete=SET_NULL</c>.</summary>
[OneToOne(typeof(User), Navigation = "Owner", Reverse = "Settings", OnDelete = OneToOneDelete.SetNull)]
public partial class AccountSettings
{
    public int Id { get; set; }

    public string Theme { get; set; } = "";
}

/// <summary><c>on_delete=RESTRICT</c>: a User with a Badge cannot be deleted.</summary>
[OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnDelete = OneToOneDelete.Restrict)]
public partial class Badge
{
    public int Id { get; set; }

    public string Title { get; set; } = "";
}

/// <summary>Required: Django's <c>null=False</c>; the key column is NOT NULL.</summary>
[OneToOne(typeof(User), Navigation = "Account", Reverse = "Passport", Required = true)]
public partial class Passport
{
    public int Id { get; set; }

    public string Number { get; set; } = "";
}

/// <summary>A self link, named (without the names both members would be called Person: OTO004).</summary>
[OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
public partial class Person
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public override string ToString() => $"Person({Id}, {Name})";
}

/// <summary>Several links on one class, to two principals.</summary>
[OneToOne(typeof(User), Navigation = "Author", Reverse = "AuthoredDraft")]
[OneToOne(typeof(Person), Navigation = "Reviewer", Reverse = "ReviewedDraft")]
public partial class Draft
{
    public int Id { get; set; }

    public string Title { get; set; } = "";
}

public partial class Team
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>The dependent declares the key <c>TeamId</c> itself: the mapping uses it instead of a shadow property.</summary>
[OneToOne(typeof(Team))]
public partial class Charter
{
    public int Id { get; set; }

    public int? TeamId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A closed generic principal (<c>Box&lt;int&gt;</c>): the reverse accessor takes the extension form.</summary>
public partial class Box<T>
{
    public int Id { get; set; }

    public T? Content { get; set; }
}

/// <summary>Linked to a principal with the extension form: EF maps it without a reverse navigation.</summary>
[OneToOne(typeof(Box<int>), Navigation = "Box", Reverse = "Crate")]
public partial class Crate
{
    public int Id { get; set; }

    public string Label { get; set; } = "";
}

/// <summary>A principal that one context tells EF not to map (<c>modelBuilder.Ignore&lt;Gadget&gt;()</c>).</summary>
public partial class Gadget
{
    public int Id { get; set; }
}

[OneToOne(typeof(Gadget))]
public partial class GadgetManual
{
    public int Id { get; set; }
}

/// <summary>
/// An in-memory link that is no database's business (no key): <c>ApplyOneToOneLinks</c> maps every link of the
/// assembly, so a context that calls it must ignore these two afterwards (see <see cref="LinksContext"/>).
/// </summary>
public partial class Window
{
    public string Title { get; set; } = "";
}

[OneToOne(typeof(Window))]
public partial class WindowModel
{
    public string Caption { get; set; } = "";
}

/// <summary>ContosoUniversity's <c>Instructor</c> (its key is <c>ID</c>), with its hand-written navigation removed.</summary>
public partial class Instructor
{
    public int ID { get; set; }

    public string LastName { get; set; } = "";

    public override string ToString() => $"Instructor({ID}, {LastName})";
}

/// <summary>
/// ContosoUniversity's <c>OfficeAssignment</c>, migrated: its declared key <c>InstructorID</c> is also the link's foreign
/// key (the default <c>InstructorId</c>, matched ignoring case), so the two share one column (a shared primary key).
/// </summary>
[OneToOne(typeof(Instructor), Required = true)]
public partial class OfficeAssignment
{
    [Key]
    public int InstructorID { get; set; }

    public string Location { get; set; } = "";

    public override string ToString() => $"OfficeAssignment({InstructorID}, {Location})";
}

/// <summary><c>ForeignKey</c> names the key: a shadow property <c>ReaderNumber</c> instead of <c>ReaderId</c>.</summary>
[OneToOne(typeof(User), Navigation = "Reader", Reverse = "LibraryCard", ForeignKey = "ReaderNumber")]
public partial class LibraryCard
{
    public int Id { get; set; }

    public string Shelf { get; set; } = "";
}

/// <summary>
/// A dependent with a property of its own, <c>SponsorKey</c>: <see cref="LinksContext"/> maps the link with the default
/// shadow key <c>SponsorId</c>, <see cref="RemappedKeyContext"/> maps the key to <c>SponsorKey</c> after the call.
/// </summary>
[OneToOne(typeof(User), Navigation = "Sponsor", Reverse = "Sponsorship")]
public partial class Sponsorship
{
    public int Id { get; set; }

    public int? SponsorKey { get; set; }

    public string Note { get; set; } = "";
}
