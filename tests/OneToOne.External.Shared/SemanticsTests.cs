using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// The link semantics (link, move, conflict, unlink, no-op) for principals from another assembly, through the forward navigation and through the
/// extension form of the reverse accessor (<see cref="Reverse"/>: the property in the C# 14 project, Get/Set methods in
/// the C# 13 one).
/// </summary>
public class SemanticsTests
{
    // Item 1 and item 5: linking, from either side, links both sides.
    [Fact]
    public void ForwardAssignmentLinksBothSides()
    {
        var a = new Account();
        var p = new Profile { Account = a };
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ReverseAssignmentLinksBothSides()
    {
        var a = new Account();
        var p = new Profile();
        Assert.Null(Reverse.ProfileOf(a)); // a principal never linked reads null
        Reverse.SetProfile(a, p);
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
    }

    // Item 2: the dependent moves away from its old principal.
    [Fact]
    public void ForwardAssignmentMovesTheDependent()
    {
        var (a0, a) = (new Account(), new Account());
        var p = new Profile { Account = a0 };
        p.Account = a;
        Assert.Null(Reverse.ProfileOf(a0));
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ReverseAssignmentMovesTheDependent()
    {
        var (a0, a) = (new Account(), new Account());
        var p = new Profile { Account = a0 };
        Reverse.SetProfile(a, p);
        Assert.Null(Reverse.ProfileOf(a0));
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
    }

    // Item 3, Throw: OneToOneViolationException and nothing changed (strong exception guarantee).
    [Fact]
    public void ForwardConflictThrowsAndChangesNothing()
    {
        var (a0, a) = (new Account { Login = "a0" }, new Account { Login = "a" });
        var d2 = new Profile { Account = a, Bio = "d2" };
        var d = new Profile { Account = a0, Bio = "d" };

        var e = Assert.Throws<OneToOneViolationException>(() => d.Account = a);

        Assert.Same(a, e.Principal);
        Assert.Same(d2, e.ExistingDependent);
        Assert.Same(d, e.RejectedDependent);
        Assert.Equal($"Account already has a Profile (Account.{Reverse.AsCalled("Profile")}); a second Profile cannot be linked through Profile.Account.", e.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(e);
        // d, a, d2, a0 hold exactly what they held before.
        Assert.Same(a0, d.Account);
        Assert.Same(d, Reverse.ProfileOf(a0));
        Assert.Same(a, d2.Account);
        Assert.Same(d2, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ReverseConflictThrowsAndChangesNothing()
    {
        var (a0, a) = (new Account(), new Account());
        var d2 = new Profile { Account = a };
        var d = new Profile { Account = a0 };

        var e = Assert.Throws<OneToOneViolationException>(() => Reverse.SetProfile(a, d));

        Assert.Same(a, e.Principal);
        Assert.Same(d2, e.ExistingDependent);
        Assert.Same(d, e.RejectedDependent);
        Assert.Same(a0, d.Account);
        Assert.Same(d, Reverse.ProfileOf(a0));
        Assert.Same(a, d2.Account);
        Assert.Same(d2, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ConflictOfAFreshDependentLeavesItUnlinkedBothSides()
    {
        var a = new Account();
        var d2 = new Profile { Account = a };
        var d = new Profile();
        var forward = Assert.Throws<OneToOneViolationException>(() => d.Account = a);
        var reverse = Assert.Throws<OneToOneViolationException>(() => Reverse.SetProfile(a, d));
        foreach (var e in new[] { forward, reverse })
        {
            Assert.Same(a, e.Principal);
            Assert.Same(d2, e.ExistingDependent);
            Assert.Same(d, e.RejectedDependent);
        }

        Assert.Null(d.Account);
        Assert.Same(a, d2.Account);
        Assert.Same(d2, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ConflictOnARequiredLinkChangesNothing()
    {
        var (a0, a) = (new Account(), new Account());
        var d2 = new Passport { Owner = a };
        var d = new Passport { Owner = a0 };
        var e = Assert.Throws<OneToOneViolationException>(() => Reverse.SetPassport(a, d));
        Assert.Same(d2, e.ExistingDependent);
        Assert.Same(d, e.RejectedDependent);
        Assert.Same(a0, d.Owner);
        Assert.Same(d, Reverse.PassportOf(a0));
        Assert.Same(a, d2.Owner);
        Assert.Same(d2, Reverse.PassportOf(a));
    }

    // Item 3, Replace: the principal's previous dependent loses its principal, then the link is made.
    [Fact]
    public void ReplaceUnlinksThePreviousDependentForward()
    {
        var (a0, a) = (new Account(), new Account());
        var d2 = new Badge { Holder = a };
        var d = new Badge { Holder = a0 };

        d.Holder = a;

        Assert.Null(d2.Holder);
        Assert.Null(Reverse.BadgeOf(a0));
        Assert.Same(a, d.Holder);
        Assert.Same(d, Reverse.BadgeOf(a));
    }

    [Fact]
    public void ReplaceUnlinksThePreviousDependentReverse()
    {
        var (a0, a) = (new Account(), new Account());
        var d2 = new Badge { Holder = a };
        var d = new Badge { Holder = a0 };

        Reverse.SetBadge(a, d);

        Assert.Null(d2.Holder);
        Assert.Null(Reverse.BadgeOf(a0));
        Assert.Same(a, d.Holder);
        Assert.Same(d, Reverse.BadgeOf(a));
    }

    // Item 4 and item 6: null unlinks; a no-op when there is nothing to unlink.
    [Fact]
    public void ForwardNullUnlinks()
    {
        var a = new Account();
        var p = new Profile { Account = a };
        p.Account = null;
        Assert.Null(p.Account);
        Assert.Null(Reverse.ProfileOf(a));
        p.Account = null; // a no-op when not linked
        Assert.Null(p.Account);
        Assert.Null(Reverse.ProfileOf(a));

        Reverse.SetProfile(a, p); // the principal's slot is reusable after an unlink
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
    }

    [Fact]
    public void ReverseNullUnlinks()
    {
        var a = new Account();
        var p = new Profile { Account = a };
        Reverse.SetProfile(a, null);
        Assert.Null(p.Account);
        Assert.Null(Reverse.ProfileOf(a));
        Reverse.SetProfile(a, null); // a no-op when it has none
        Assert.Null(Reverse.ProfileOf(a));
        Assert.Null(p.Account);
    }

    [Fact]
    public void ReverseNullOnANeverLinkedPrincipalIsANoOp()
    {
        var a = new Account();
        var other = new Profile { Account = new Account() };
        Reverse.SetProfile(a, null);
        Assert.Null(Reverse.ProfileOf(a));
        Assert.NotNull(other.Account);
        Assert.Same(other, Reverse.ProfileOf(other.Account!));
    }

    // Required: forward null is ArgumentNullException, reverse null is InvalidOperationException; nothing changes.
    [Fact]
    public void RequiredForwardNullThrowsArgumentNullAndChangesNothing()
    {
        var a = new Account();
        var passport = new Passport { Owner = a };
        var e = Assert.Throws<ArgumentNullException>(() => passport.Owner = null!);
        Assert.Contains("Passport.Owner", e.Message);
        Assert.Same(a, passport.Owner);
        Assert.Same(passport, Reverse.PassportOf(a));
    }

    [Fact]
    public void RequiredReverseNullThrowsInvalidOperationAndChangesNothing()
    {
        var a = new Account();
        var passport = new Passport { Owner = a };
        var e = Assert.Throws<InvalidOperationException>(() => Reverse.SetPassport(a, null));
        Assert.IsNotType<OneToOneViolationException>(e);
        Assert.Contains($"Account.{Reverse.AsCalled("Passport")}", e.Message);
        Assert.Same(a, passport.Owner);
        Assert.Same(passport, Reverse.PassportOf(a));

        var lonely = new Account();
        Reverse.SetPassport(lonely, null); // still a no-op when it has none
        Assert.Null(Reverse.PassportOf(lonely));
    }

    [Fact]
    public void RequiredDependentCanMoveBothSides()
    {
        var (a0, a1, a2) = (new Account(), new Account(), new Account());
        var passport = new Passport { Owner = a0 };
        passport.Owner = a1;
        Assert.Null(Reverse.PassportOf(a0));
        Assert.Same(passport, Reverse.PassportOf(a1));
        Reverse.SetPassport(a2, passport);
        Assert.Null(Reverse.PassportOf(a1));
        Assert.Same(a2, passport.Owner);
        Assert.Same(passport, Reverse.PassportOf(a2));
    }

    // Item 7: assigning the value a navigation already holds is a no-op.
    [Fact]
    public void AssigningTheHeldValueIsANoOp()
    {
        var a = new Account();
        var p = new Profile { Account = a };
        p.Account = a;
        Reverse.SetProfile(a, p);
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));

        // Also for Required (no exception) and Replace (the held dependent is not "replaced" by itself).
        var passport = new Passport { Owner = a };
        passport.Owner = a;
        Reverse.SetPassport(a, passport);
        Assert.Same(a, passport.Owner);
        Assert.Same(passport, Reverse.PassportOf(a));
        var badge = new Badge { Holder = a };
        badge.Holder = a;
        Reverse.SetBadge(a, badge);
        Assert.Same(a, badge.Holder);
        Assert.Same(badge, Reverse.BadgeOf(a));
    }

    // Several dependents on one principal type, each link with its own slot.
    [Fact]
    public void SeveralLinksOnOnePrincipalAreIndependent()
    {
        var a = new Account();
        var profile = new Profile { Account = a };
        var settings = new AccountSettings { Owner = a };
        var badge = new Badge { Holder = a };
        var passport = new Passport { Owner = a };
        Assert.Same(profile, Reverse.ProfileOf(a));
        Assert.Same(settings, Reverse.SettingsOf(a));
        Assert.Same(badge, Reverse.BadgeOf(a));
        Assert.Same(passport, Reverse.PassportOf(a));

        Reverse.SetProfile(a, null);
        Assert.Null(profile.Account);
        Assert.Same(settings, Reverse.SettingsOf(a));
        Assert.Same(a, settings.Owner);
        Assert.Same(a, badge.Holder);
        Assert.Same(a, passport.Owner);

        var other = new AccountSettings();
        Assert.Throws<OneToOneViolationException>(() => Reverse.SetSettings(a, other)); // Settings is Throw
        Assert.Null(other.Owner);
        Assert.Same(settings, Reverse.SettingsOf(a));
    }

    // A closed generic principal takes the extension form; every rule holds for it too.
    [Fact]
    public void ClosedGenericPrincipalLinksMovesAndUnlinks()
    {
        var (b0, b) = (new Box<int> { Value = 1 }, new Box<int> { Value = 2 });
        var label = new Label { Box = b0, Text = "l" };
        Assert.Same(b0, label.Box);
        Assert.Same(label, Reverse.LabelOf(b0));

        Reverse.SetLabel(b, label); // move through the reverse accessor
        Assert.Null(Reverse.LabelOf(b0));
        Assert.Same(b, label.Box);
        Assert.Same(label, Reverse.LabelOf(b));

        // b0 is free: label moved away through Reverse.SetLabel, a call the flow analysis (OTO100) does not look into.
#pragma warning disable OTO100
        var other = new Label { Box = b0 };
#pragma warning restore OTO100
        var e = Assert.Throws<OneToOneViolationException>(() => other.Box = b);
        Assert.Same(b, e.Principal);
        Assert.Same(label, e.ExistingDependent);
        Assert.Same(other, e.RejectedDependent);
        Assert.Same(b0, other.Box);
        Assert.Same(other, Reverse.LabelOf(b0));
        Assert.Same(label, Reverse.LabelOf(b));

        Reverse.SetLabel(b, null);
        Assert.Null(label.Box);
        Assert.Null(Reverse.LabelOf(b));
        label.Box = b;
        label.Box = null;
        Assert.Null(Reverse.LabelOf(b));
    }

    [Fact]
    public void ReverseSetterRejectsANullPrincipal()
    {
        // The C# 13 form is callable on null (an extension method); so is the C# 14 property's setter. Either way it
        // must not touch any storage.
        var p = new Profile();
        Assert.Throws<ArgumentNullException>(() => Reverse.SetProfile(null!, p));
        Assert.Null(p.Account);
    }
}
