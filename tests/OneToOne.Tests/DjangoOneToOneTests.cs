using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>
/// The scenarios of Django's own one_to_one test-suite (tests/one_to_one/tests.py), in C#: the getter, the
/// setter and moves, reverse assignment, assigning None on either side, several links on one model, related_name.
/// </summary>
public class DjangoOneToOneTests
{
    [Fact]
    public void Getter_PlaceRestaurant()
    {
        // p1.restaurant / r.place
        var place = new User { Name = "Demon Dogs" };
        var restaurant = new Profile { User = place, Bio = "serves hot dogs" };
        Assert.Same(place, restaurant.User);
        Assert.Same(restaurant, place.Profile);
    }

    [Fact]
    public void Setter_ReassignMovesTheLink()
    {
        // r.place = p2; r.save(): p2.restaurant == r, and p1 has no restaurant any more
        var (p1, p2) = (new User(), new User());
        var r = new Profile { User = p1 };
        r.User = p2;
        Assert.Same(r, p2.Profile);
        Assert.Null(p1.Profile); // Django: RelatedObjectDoesNotExist; here: null
    }

    [Fact]
    public void ReverseAssignment()
    {
        // p1.restaurant = r
        var p1 = new User();
        var r = new Profile();
        p1.Profile = r;
        Assert.Same(p1, r.User);
    }

    [Fact]
    public void AssigningNoneOnTheForwardSide()
    {
        // test_assign_none_to_null_cached_reverse_relation / r.place = None
        var p = new User();
        var r = new Profile { User = p };
        r.User = null;
        Assert.Null(p.Profile);
    }

    [Fact]
    public void AssigningNoneOnTheReverseSide()
    {
        // test_assign_none_reverse_relation: p.undergroundbar = None
        var p = new User();
        var bar = new AccountSettings { Owner = p };
        p.Settings = null;
        Assert.Null(bar.Owner);
        Assert.Null(p.Settings);
    }

    [Fact]
    public void UniqueConstraintOnSecondDependent()
    {
        // Restaurant.objects.create(place=p1) twice -> IntegrityError
        var p1 = new User();
        _ = new Profile { User = p1 };
        Assert.Throws<OneToOneViolationException>(() => new Profile { User = p1 });
    }

    [Fact]
    public void MultipleOneToOneOnOneModel_RelatedName()
    {
        // MultiModel(link1=place1, link2=o1): two one-to-ones on one model, each with its related_name
        var author = new User();
        var reviewer = new Person();
        var draft = new ConcreteDraft { Author = author, Reviewer = reviewer };
        Assert.Same(draft, author.AuthoredDraft);
        Assert.Same(draft, reviewer.ReviewedDraft);
        Assert.Throws<OneToOneViolationException>(() => new ConcreteDraft { Author = author });
    }

    [Fact]
    public void RelatedNameRenamesTheReverseAccessor()
    {
        var u = new User();
        var s = new AccountSettings { Owner = u };
        Assert.Same(s, u.Settings); // related_name="Settings"
        Assert.Null(typeof(User).GetProperty("AccountSettings"));
    }
}
