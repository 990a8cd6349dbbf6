using System.Reflection;
using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// The reverse accessors as C# 14 writes them: the extension property <c>a.Profile { get; set; }</c>. The shared tests
/// (../OneToOne.External.Shared) go through this class, so they run unchanged against both extension forms.
/// </summary>
internal static class Reverse
{
    /// <summary>The reverse accessor as messages name it: the extension property, as the user calls it.</summary>
    public static string AsCalled(string reverse) => reverse;

    public static Profile? ProfileOf(Account a) => a.Profile;

    public static void SetProfile(Account a, Profile? p) => a.Profile = p;

    public static AccountSettings? SettingsOf(Account a) => a.Settings;

    public static void SetSettings(Account a, AccountSettings? s) => a.Settings = s;

    public static Badge? BadgeOf(Account a) => a.Badge;

    public static void SetBadge(Account a, Badge? b) => a.Badge = b;

    public static Passport? PassportOf(Account a) => a.Passport;

    public static void SetPassport(Account a, Passport? p) => a.Passport = p;

    public static Receipt? ReceiptOf(Account a) => a.Receipt;

    public static void SetReceipt(Account a, Receipt? r) => a.Receipt = r;

    public static Label? LabelOf(Box<int> b) => b.Label;

    public static void SetLabel(Box<int> b, Label? l) => b.Label = l;
}

/// <summary>This project compiles the C# 14 form: an extension block, whose accessors are static methods <c>get_Profile</c>/<c>set_Profile</c>.</summary>
public class ReverseFormTests
{
    [Fact]
    public void TheReverseAccessorIsAnExtensionProperty()
    {
        var extensions = typeof(ProfileAccountOneToOneExtensions);
        Assert.True(extensions.IsAbstract && extensions.IsSealed); // static class
        Assert.Equal(typeof(Profile).Namespace, extensions.Namespace);
        var getter = extensions.GetMethod("get_Profile", BindingFlags.Public | BindingFlags.Static, [typeof(Account)]);
        Assert.NotNull(getter);
        Assert.Equal(typeof(Profile), getter.ReturnType);
        Assert.NotNull(extensions.GetMethod("set_Profile", BindingFlags.Public | BindingFlags.Static, [typeof(Account), typeof(Profile)]));
        Assert.NotNull(typeof(LabelBoxOneToOneExtensions).GetMethod("get_Label", BindingFlags.Public | BindingFlags.Static, [typeof(Box<int>)]));
    }

    [Fact]
    public void TheMethodsOfTheFormBelowCSharp14Stay_SoRaisingTheLanguageVersionBreaksNoCaller()
    {
        var extensions = typeof(ProfileAccountOneToOneExtensions);
        Assert.NotNull(extensions.GetMethod("GetProfile", BindingFlags.Public | BindingFlags.Static, [typeof(Account)]));
        Assert.NotNull(extensions.GetMethod("SetProfile", BindingFlags.Public | BindingFlags.Static, [typeof(Account), typeof(Profile)]));

        // Both forms are one link: what one writes, the other reads.
        var a = new Account();
        var p = new Profile();
        a.SetProfile(p);
        Assert.Same(p, a.Profile);
        Assert.Same(a, p.Account);
        a.Profile = null;
        Assert.Null(a.GetProfile());
        Assert.Null(p.Account);
    }
}
