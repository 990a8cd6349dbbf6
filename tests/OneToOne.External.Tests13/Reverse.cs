using System.Reflection;
using System.Runtime.CompilerServices;
using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// The reverse accessors as C# 13 writes them: the extension methods <c>a.GetProfile()</c> and <c>a.SetProfile(p)</c>.
/// The shared tests (../OneToOne.External.Shared) go through this class, so they run unchanged against both forms.
/// </summary>
internal static class Reverse
{
    /// <summary>The reverse accessor as messages name it: the getter method, as the user calls it.</summary>
    public static string AsCalled(string reverse) => "Get" + reverse + "()";

    public static Profile? ProfileOf(Account a) => a.GetProfile();

    public static void SetProfile(Account a, Profile? p) => a.SetProfile(p);

    public static AccountSettings? SettingsOf(Account a) => a.GetSettings();

    public static void SetSettings(Account a, AccountSettings? s) => a.SetSettings(s);

    public static Badge? BadgeOf(Account a) => a.GetBadge();

    public static void SetBadge(Account a, Badge? b) => a.SetBadge(b);

    public static Passport? PassportOf(Account a) => a.GetPassport();

    public static void SetPassport(Account a, Passport? p) => a.SetPassport(p);

    public static Receipt? ReceiptOf(Account a) => a.GetReceipt();

    public static void SetReceipt(Account a, Receipt? r) => a.SetReceipt(r);

    public static Label? LabelOf(Box<int> b) => b.GetLabel();

    public static void SetLabel(Box<int> b, Label? l) => b.SetLabel(l);
}

/// <summary>This project compiles the form below C# 14: the extension methods <c>GetProfile</c> and <c>SetProfile</c>.</summary>
public class ReverseFormTests
{
    [Fact]
    public void TheReverseAccessorIsAPairOfExtensionMethods()
    {
        var extensions = typeof(ProfileAccountOneToOneExtensions);
        Assert.True(extensions.IsAbstract && extensions.IsSealed); // static class
        Assert.Equal(typeof(Profile).Namespace, extensions.Namespace);
        var getter = extensions.GetMethod("GetProfile", BindingFlags.Public | BindingFlags.Static, [typeof(Account)]);
        Assert.NotNull(getter);
        Assert.Equal(typeof(Profile), getter.ReturnType);
        Assert.True(getter.IsDefined(typeof(ExtensionAttribute)));
        var setter = extensions.GetMethod("SetProfile", BindingFlags.Public | BindingFlags.Static, [typeof(Account), typeof(Profile)]);
        Assert.NotNull(setter);
        Assert.True(setter.IsDefined(typeof(ExtensionAttribute)));
        Assert.Null(extensions.GetMethod("get_Profile"));
        Assert.NotNull(typeof(LabelBoxOneToOneExtensions).GetMethod("GetLabel", BindingFlags.Public | BindingFlags.Static, [typeof(Box<int>)]));
    }
}
