using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// DataContractSerializer on the plain (attribute-free) model classes: the reverse accessor carries
/// [IgnoreDataMember], so serializing either side walks no cycle; reading a dependent with its principal links both.
/// </summary>
public sealed class DataContractSerializerTests
{
    [Fact]
    public void Dependent_round_trip_writes_the_principal_and_reading_it_links_both()
    {
        var (_, profile) = Linked.Pair();

        var xml = Write(profile);

        var root = XElement.Parse(xml);
        Assert.Equal(["Bio", "User"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["Name"], root.Elements().Single(e => e.Name.LocalName == "User").Elements().Select(e => e.Name.LocalName));
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

        Assert.Equal(["Number", "Owner"], XElement.Parse(badgeXml).Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["Login"], XElement.Parse(Write(account)).Elements().Select(e => e.Name.LocalName));
        Linked.AssertNamedDependentReadBack(Read<Badge>(badgeXml));
    }

    private static string Write<T>(T value)
    {
        var serializer = new DataContractSerializer(typeof(T));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text))
        {
            serializer.WriteObject(writer, value);
        }

        return text.ToString();
    }

    private static T Read<T>(string xml)
    {
        var serializer = new DataContractSerializer(typeof(T));
        using var reader = XmlReader.Create(new StringReader(xml));
        return (T)serializer.ReadObject(reader)!;
    }
}
