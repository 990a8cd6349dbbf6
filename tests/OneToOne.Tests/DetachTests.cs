using System.Text;
using OneToOne.Infrastructure;
using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>
/// The ORM entry points <see cref="OneToOneLinks.DetachDependent{TDependent, TPrincipal, TLink}"/> and
/// <see cref="OneToOneLinks.DetachPrincipal{TDependent, TPrincipal, TLink}"/>, called as the EF Core integration
/// calls them (reflection, <c>MakeGenericMethod</c>, the accessor struct found by scanning the assembly): every
/// trace of the object's link goes, the partner's slot only if it still points back, regardless of Required,
/// never throwing.
/// </summary>
public class DetachTests
{
    private readonly RawStorage<Profile, User> _profiles = new("User");
    private readonly RawStorage<Passport, User> _passports = new("Account");

    [Fact]
    public void DetachingALinkedDependentClearsBothSides()
    {
        var u = new User();
        var p = new Profile { User = u };

        _profiles.DetachDependent(p);

        Assert.Null(p.User);
        Assert.Null(u.Profile);
    }

    [Fact]
    public void DetachingALinkedPrincipalClearsBothSides()
    {
        var u = new User();
        var p = new Profile { User = u };

        _profiles.DetachPrincipal(u);

        Assert.Null(p.User);
        Assert.Null(u.Profile);
    }

    [Fact]
    public void DetachingAStaleDependentLeavesThePrincipalsLiveLinkAlone()
    {
        var u = new User();
        var p2 = new Profile { User = u };
        var p = new Profile();
        _profiles.WriteForward(p, u); // p.User == u, u.Profile == p2

        _profiles.DetachDependent(p);

        Assert.Null(p.User);
        Assert.Same(p2, u.Profile);
        Assert.Same(u, p2.User);
    }

    [Fact]
    public void DetachingAStalePrincipalLeavesTheDependentsLiveLinkAlone()
    {
        var u2 = new User();
        var p = new Profile { User = u2 };
        var u = new User();
        _profiles.WriteReverse(u, p); // u.Profile == p, p.User == u2

        _profiles.DetachPrincipal(u);

        Assert.Null(u.Profile);
        Assert.Same(u2, p.User);
        Assert.Same(p, u2.Profile);
    }

    [Fact]
    public void DetachIgnoresRequiredAndNeverThrows()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        _passports.DetachDependent(passport);
        Assert.Null(passport.Account);
        Assert.Null(u.Passport);

        var u2 = new User();
        var passport2 = new Passport { Account = u2 };
        _passports.DetachPrincipal(u2);
        Assert.Null(passport2.Account);
        Assert.Null(u2.Passport);
    }

    [Fact]
    public void DetachingAnUnlinkedObjectOrNullIsANoOp()
    {
        var (u, p) = (new User(), new Profile());
        var (u2, p2) = (new User(), new Profile());
        p2.User = u2;

        _profiles.DetachDependent(p);
        _profiles.DetachPrincipal(u);
        _profiles.DetachDependent(null);
        _profiles.DetachPrincipal(null);
        _profiles.DetachDependent(p2);
        _profiles.DetachDependent(p2); // twice: nothing left to do

        Assert.Null(p.User);
        Assert.Null(u.Profile);
        Assert.Null(p2.User);
        Assert.Null(u2.Profile);
    }

    [Fact]
    public void DetachTouchesOnlyItsOwnLink()
    {
        var (u1, u2) = (new User(), new User());
        var (p1, p2) = (new Profile { User = u1 }, new Profile { User = u2 });
        var badge = new Badge { Holder = u1 }; // another link of the same principal

        _profiles.DetachPrincipal(u1);

        Assert.Null(u1.Profile);
        Assert.Null(p1.User);
        Assert.Same(u1, badge.Holder);
        Assert.Same(badge, u1.Badge);
        Assert.Same(u2, p2.User);
        Assert.Same(p2, u2.Profile);
    }

    [Fact]
    public void DetachWorksOnTheWeakStorageOfAnExternalPrincipal()
    {
        var notes = new RawStorage<Note, StringBuilder>("Builder");
        var builder = new StringBuilder();
        var note = new Note { Builder = builder };

        notes.DetachPrincipal(builder);
        Assert.Null(note.Builder);
        Assert.Null(builder.Note);

        note.Builder = builder;
        notes.DetachDependent(note);
        Assert.Null(note.Builder);
        Assert.Null(builder.Note);

        var lonely = new StringBuilder(); // never linked: no weak slot exists
        notes.DetachPrincipal(lonely);
        Assert.Null(lonely.Note);
    }

    [Fact]
    public void TheEntryPointsArePublicHiddenAndFoundByName()
    {
        foreach (var name in new[] { nameof(OneToOneLinks.DetachDependent), nameof(OneToOneLinks.DetachPrincipal) })
        {
            var method = Assert.Single(typeof(OneToOneLinks).GetMethods(), m => m.Name == name);
            Assert.True(method.IsPublic && method.IsStatic);
            Assert.Equal(3, method.GetGenericArguments().Length);
            Assert.Single(method.GetParameters());
        }

        var hidden = (System.ComponentModel.EditorBrowsableAttribute)Attribute.GetCustomAttribute(typeof(OneToOneLinks), typeof(System.ComponentModel.EditorBrowsableAttribute))!;
        Assert.Equal(System.ComponentModel.EditorBrowsableState.Never, hidden.State);
    }

    [Fact]
    public void TheSettersEntryPointsRefuseANullReceiver()
    {
        Assert.Equal("dependent", Assert.Throws<ArgumentNullException>(() => _profiles.SetPrincipal(null, new User())).ParamName);
        Assert.Equal("principal", Assert.Throws<ArgumentNullException>(() => _profiles.SetDependent(null, new Profile())).ParamName);
        Assert.Equal("dependent", Assert.Throws<ArgumentNullException>(() => _profiles.SetPrincipal(null, null)).ParamName);
        Assert.Equal("principal", Assert.Throws<ArgumentNullException>(() => _profiles.SetDependent(null, null)).ParamName);
    }

    [Fact]
    public void ClearingTheWeakSlotOfANeverLinkedPrincipalCreatesNoSlot()
    {
        var notes = new RawStorage<Note, StringBuilder>("Builder");
        var builders = Enumerable.Range(0, 100).Select(_ => new StringBuilder()).ToArray();
        notes.WriteReverse(new StringBuilder(), null); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var builder in builders)
        {
            notes.WriteReverse(builder, null);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(builders, b => Assert.Null(b.Note));
    }
}
