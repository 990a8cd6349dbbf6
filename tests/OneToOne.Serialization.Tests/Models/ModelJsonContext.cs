using System.Text.Json.Serialization;

// OTO011 warns that this context cannot see the class-form navigations: on purpose here, since these tests use the
// class form's documented answer, the contract modifier OneToOneJsonModifiers.IncludeNavigations.
#pragma warning disable OTO011

namespace OneToOne.Serialization.Tests.Models;

/// <summary>
/// A source-generated System.Text.Json context for the class form. System.Text.Json's generator cannot see the
/// navigations another generator adds, so the context is used with the contract modifier
/// <c>OneToOneJsonModifiers.IncludeNavigations</c> (see SystemTextJsonTests).
/// </summary>
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Badge))]
[JsonSerializable(typeof(Account))]
internal partial class ModelJsonContext : JsonSerializerContext
{
}
