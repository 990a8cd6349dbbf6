using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>The link semantics (link, move, conflict, unlink, required, no-op), through both sides, on classes compiled with the generator.</summary>
public class SemanticsTests
{
    [Fact]
    public void ForwardAssignmentLinksBothSides()
    {
        var u = new User();
        var p = new Profile { User = u };
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [Fact]
    public void ReverseAssignmentLinksBothSides()
    {
        var u = new User();
        var p = new Profile();
        u.Profile = p;
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [Fact]
    public void ForwardAssignmentMovesTheDependent()
    {
        var (u0, u) = (new User(), new User());
        var p = new Profile { User = u0 };
        p.User = u;
        Assert.Null(u0.Profile);
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [Fact]
    public void ReverseAssignmentMovesTheDependent()
    {
        var (u0, u) = (new User(), new User());
        var p = new Profile { User = u0 };
        u.Profile = p;
        Assert.Null(u0.Profile);
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [Fact]
    public void ForwardConflictThrowsAndChangesNothing()
    {
        var (u0, u) = (new User { Name = "u0" }, new User { Name = "u" });
        var d2 = new Profile { User = u, Bio = "d2" };
        var d = new Profile { User = u0, Bio = "d" };

        var e = Assert.Throws<OneToOneViolationException>(() => d.User = u);

        Assert.Same(u, e.Principal);
        Assert.Same(d2, e.ExistingDependent);
        Assert.Same(d, e.RejectedDependent);
        Assert.Equal("User already has a Profile (User.Profile); a second Profile cannot be linked through Profile.User.", e.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(e);
        // Strong exception guarantee: d, u, d2, u0 hold exactly what they held before.
        Assert.Same(u0, d.User);
        Assert.Same(d, u0.Profile);
        Assert.Same(u, d2.User);
        Assert.Same(d2, u.Profile);
    }

    [Fact]
    public void ReverseConflictThrowsAndChangesNothing()
    {
        var (u0, u) = (new User(), new User());
        var d2 = new Profile { User = u };
        var d = new Profile { User = u0 };

        var e = Assert.Throws<OneToOneViolationException>(() => u.Profile = d);

        Assert.Same(u, e.Principal);
        Assert.Same(d2, e.ExistingDependent);
        Assert.Same(d, e.RejectedDependent);
        Assert.Same(u0, d.User);
        Assert.Same(d, u0.Profile);
        Assert.Same(u, d2.User);
        Assert.Same(d2, u.Profile);
    }

    [Fact]
    public void ConflictOfAFreshDependentLeavesItUnlinked()
    {
        var u = new User();
        var d2 = new Profile { User = u };
        var d = new Profile();
        Assert.Throws<OneToOneViolationException>(() => d.User = u);
        Assert.Null(d.User);
        Assert.Same(d2, u.Profile);
    }

    [Fact]
    public void ReplaceUnlinksThePreviousDependentForward()
    {
        var (u0, u) = (new User(), new User());
        var d2 = new Badge { Holder = u };
        var d = new Badge { Holder = u0 };

        d.Holder = u;

        Assert.Null(d2.Holder);
        Assert.Null(u0.Badge);
        Assert.Same(u, d.Holder);
        Assert.Same(d, u.Badge);
    }

    [Fact]
    public void ReplaceUnlinksThePreviousDependentReverse()
    {
        var u = new User();
        var d2 = new Badge { Holder = u };
        var d = new Badge();

        u.Badge = d;

        Assert.Null(d2.Holder);
        Assert.Same(u, d.Holder);
        Assert.Same(d, u.Badge);
    }

    [Fact]
    public void ForwardNullUnlinks()
    {
        var u = new User();
        var p = new Profile { User = u };
        p.User = null;
        Assert.Null(p.User);
        Assert.Null(u.Profile);
        p.User = null; // no-op when not linked
        Assert.Null(p.User);
    }

    [Fact]
    public void ReverseNullUnlinks()
    {
        var u = new User();
        var p = new Profile { User = u };
        u.Profile = null;
        Assert.Null(p.User);
        Assert.Null(u.Profile);
        u.Profile = null; // no-op when it has none
        Assert.Null(u.Profile);
    }

    [Fact]
    public void RequiredForwardNullThrowsArgumentNullAndChangesNothing()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        var e = Assert.Throws<ArgumentNullException>(() => passport.Account = null!);
        Assert.Contains("Passport.Account", e.Message);
        Assert.Same(u, passport.Account);
        Assert.Same(passport, u.Passport);
    }

    [Fact]
    public void RequiredReverseNullThrowsInvalidOperationAndChangesNothing()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        var e = Assert.Throws<InvalidOperationException>(() => u.Passport = null);
        Assert.IsNotType<OneToOneViolationException>(e);
        Assert.Contains("User.Passport", e.Message);
        Assert.Same(u, passport.Account);
        Assert.Same(passport, u.Passport);

        var lonely = new User();
        lonely.Passport = null; // still a no-op when it has none
        Assert.Null(lonely.Passport);
    }

    [Fact]
    public void RequiredDependentCanMove()
    {
        var (u0, u) = (new User(), new User());
        var passport = new Passport { Account = u0 };
        passport.Account = u;
        Assert.Null(u0.Passport);
        Assert.Same(passport, u.Passport);
    }

    [Fact]
    public void RequiredMemberIsRequiredAndNonNullable()
    {
        var property = typeof(Passport).GetProperty(nameof(Passport.Account))!;
        Assert.Contains(property.CustomAttributes, a => a.AttributeType.Name == "RequiredMemberAttribute");
        var nullability = new System.Reflection.NullabilityInfoContext().Create(property);
        Assert.Equal(System.Reflection.NullabilityState.NotNull, nullability.ReadState);
        var optional = new System.Reflection.NullabilityInfoContext().Create(typeof(Profile).GetProperty(nameof(Profile.User))!);
        Assert.Equal(System.Reflection.NullabilityState.Nullable, optional.ReadState);
    }

    [Fact]
    public void AssigningTheSameValueIsANoOp()
    {
        var u = new User();
        var p = new Profile { User = u };
        p.User = u;
        u.Profile = p;
        Assert.Same(u, p.User);
        Assert.Same(p, u.Profile);
    }

    [Fact]
    public void SelfLinkUsesItsOwnNames()
    {
        var (ada, grace) = (new Person { Name = "ada" }, new Person { Name = "grace" });
        grace.Mentor = ada;
        Assert.Same(ada, grace.Mentor);
        Assert.Same(grace, ada.Mentee);
        Assert.Null(ada.Mentor);
        Assert.Null(grace.Mentee);

        ada.Mentor = grace; // a cycle of two is allowed: each role has one partner
        Assert.Same(grace, ada.Mentor);
        Assert.Same(ada, grace.Mentee);

        var solo = new Person();
        solo.Mentor = solo; // an object may be its own partner
        Assert.Same(solo, solo.Mentee);
        Assert.Throws<OneToOneViolationException>(() => grace.Mentor = solo);
    }

    [Fact]
    public void SeveralDependentsOnOnePrincipalAreIndependent()
    {
        var u = new User();
        var profile = new Profile { User = u };
        var settings = new AccountSettings { Owner = u };
        var badge = new Badge { Holder = u };
        Assert.Same(profile, u.Profile);
        Assert.Same(settings, u.Settings);
        Assert.Same(badge, u.Badge);
        u.Profile = null;
        Assert.Same(settings, u.Settings);
        Assert.Same(u, badge.Holder);
    }

    [Fact]
    public void SeveralLinksOnOneClassAreIndependent()
    {
        var (u, reviewer) = (new User(), new Person());
        Draft draft = new ConcreteDraft { Author = u, Reviewer = reviewer };
        Assert.Same(draft, u.AuthoredDraft);
        Assert.Same(draft, reviewer.ReviewedDraft);
        draft.Author = null;
        Assert.Same(reviewer, draft.Reviewer);
        Assert.Throws<OneToOneViolationException>(() => new ConcreteDraft { Reviewer = reviewer });
    }

    [Fact]
    public void NestedInternalAndGlobalShapesLink()
    {
        var account = new Models.Other.Account();
        var nested = new Models.Block.Outer.Inner.NestedDependent { Account = account };
        Assert.Same(nested, account.NestedDependent);

        var principal = new Models.Block.InternalPrincipal();
        var dependent = new Models.Block.PublicDependentOfInternal { InternalPrincipal = principal };
        Assert.Same(dependent, principal.Link);

        var g = new GlobalPrincipal();
        var gd = new GlobalDependent { GlobalPrincipal = g };
        Assert.Same(gd, g.GlobalDependent);
    }
}
