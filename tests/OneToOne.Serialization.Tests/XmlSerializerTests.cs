using System.Xml.Linq;
using System.Xml.Serialization;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// XmlSerializer: the reverse accessor carries [XmlIgnore], so serializing either side meets no circular
/// reference; reading a dependent with its principal links both.
/// </summary>
public sealed class XmlSerializerTests
{
    [Fact]
    public void Dependent_round_trip_writes_the_principal_and_reading_it_links_both()
    {
        var (_, profile) = Linked.Pair();

        var xml = Write(profile);

        var root = XElement.Parse(xml);
        Assert.Equal(["Bio", "User"], root.Elements().Select(e => e.Name.LocalName).Order());
        Assert.Equal(["Name"], root.Element("User")!.Elements().Select(e => e.Name.LocalName));
        Linked.AssertDependentReadBack(Read<Profile>(xml), profile);
    }

    [Fact]
    public void Principal_round_trip_leaves_the_reverse_accessor_out()
    {
        var (user, _) = Linked.Pair();

        var xml = Write(user);

        Assert.Equal(["Name"], XElement.Parse(xml).Elements().Select(e => e.Name.LocalName));
        Linked.AssertPrincipalReadBack(Read<User>(xml), user);
    }

    [Fact]
    public void Chosen_names_are_followed_forward_and_left_out_in_reverse()
    {
        var (account, badge) = Linked.NamedPair();

        var badgeXml = Write(badge);

        Assert.Equal(["Number", "Owner"], XElement.Parse(badgeXml).Elements().Select(e => e.Name.LocalName).Order());
        Assert.Equal(["Login"], XElement.Parse(Write(account)).Elements().Select(e => e.Name.LocalName));
        Linked.AssertNamedDependentReadBack(Read<Badge>(badgeXml));
    }

    private static string Write<T>(T value)
    {
        var serializer = new XmlSerializer(typeof(T));
        using var writer = new StringWriter();
        serializer.Serialize(writer, value);
        return writer.ToString();
    }

    private static T Read<T>(string xml)
    {
        var serializer = new XmlSerializer(typeof(T));
        using var reader = new StringReader(xml);
        return (T)serializer.Deserialize(reader)!;
    }
}
