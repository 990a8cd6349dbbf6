namespace OneToOne.Serialization.Tests;

/// <summary>
/// Reasons for the tests that wait for a change elsewhere: each is skipped with this text, never silently, and
/// runs again when the reason is gone.
/// </summary>
internal static class Pending
{
    /// <summary>
    /// The reverse accessor carries only System.Text.Json's [JsonIgnore] so far; Newtonsoft.Json's [JsonIgnore],
    /// [IgnoreDataMember] and [XmlIgnore] come with the emitter change these tests were written for.
    /// </summary>
    public const string SerializerAttributes = "waits for the emitter's serializer attributes";
}
