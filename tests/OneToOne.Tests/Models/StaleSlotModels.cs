using OneToOne;

namespace OneToOne.Tests.Models;

/// <summary>A principal from another assembly: the reverse accessor is an extension over weak storage.</summary>
[OneToOne(typeof(System.Text.StringBuilder), Navigation = "Builder", Reverse = "Note")]
public partial class Note
{
}

/// <summary>A dependent whose name takes "an" in messages.</summary>
[OneToOne(typeof(User), Reverse = "OfficeAssignment")]
public partial class OfficeAssignment
{
}
