using System.Reflection;
using System.Runtime.Serialization;
using System.Xml.Serialization;
using OneToOne.Serialization.Tests.Models;

namespace OneToOne.Serialization.Tests;

/// <summary>
/// What the generator put on the generated members of a compilation that references System.Text.Json and
/// Newtonsoft.Json: each serializer's ignore attribute on the reverse accessor, none on the forward navigation.
/// </summary>
public sealed class ReverseAccessorAttributeTests
{
    public static TheoryData<Type, string> ReverseAccessors => new()
    {
        { typeof(User), nameof(User.Profile) },
        { typeof(Account), nameof(Account.Card) },
    };

    public static TheoryData<Type, string> ForwardNavigations => new()
    {
        { typeof(Profile), nameof(Profile.User) },
        { typeof(Badge), nameof(Badge.Owner) },
    };

    [Theory]
    [MemberData(nameof(ReverseAccessors))]
    public void Reverse_accessor_carries_System_Text_Json_JsonIgnore(Type principal, string reverse) =>
        Assert.NotNull(Property(principal, reverse).GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>());

    [Theory]
    [MemberData(nameof(ReverseAccessors))]
    public void Reverse_accessor_carries_Newtonsoft_JsonIgnore_IgnoreDataMember_and_XmlIgnore(Type principal, string reverse)
    {
        var property = Property(principal, reverse);

        Assert.NotNull(property.GetCustomAttribute<Newtonsoft.Json.JsonIgnoreAttribute>());
        Assert.NotNull(property.GetCustomAttribute<IgnoreDataMemberAttribute>());
        Assert.NotNull(property.GetCustomAttribute<XmlIgnoreAttribute>());
    }

    [Theory]
    [MemberData(nameof(ForwardNavigations))]
    public void Forward_navigation_carries_no_ignore_attribute(Type dependent, string navigation)
    {
        var property = Property(dependent, navigation);

        Assert.Null(property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>());
        Assert.Null(property.GetCustomAttribute<Newtonsoft.Json.JsonIgnoreAttribute>());
        Assert.Null(property.GetCustomAttribute<IgnoreDataMemberAttribute>());
        Assert.Null(property.GetCustomAttribute<XmlIgnoreAttribute>());
    }

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"{type.Name} has no public instance property {name}.");
}
