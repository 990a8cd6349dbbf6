using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>
/// The exception messages: both types, both members as the user calls them, and the right article before the
/// dependent's name ("an" before A, E, I, O; before U "a" when a consonant and a vowel follow, "an" otherwise).
/// </summary>
public class MessageTests
{
    [Theory]
    [InlineData("Profile", "a")]
    [InlineData("OfficeAssignment", "an")]
    [InlineData("Item", "an")]
    [InlineData("Address", "an")]
    [InlineData("Entry", "an")]
    [InlineData("User", "a")]
    [InlineData("Unicorn", "a")]
    [InlineData("Unit", "a")]
    [InlineData("Update", "an")]
    [InlineData("Umbrella", "an")]
    [InlineData("Undo", "an")]
    [InlineData("Ux", "an")]
    [InlineData("U", "an")]
    [InlineData("item", "an")]
    [InlineData("user", "a")]
    [InlineData("_Draft", "a")]
    [InlineData("Yak", "a")]
    [InlineData("Use", "a")]
    [InlineData("UxA", "a")]
    [InlineData("UAx", "an")]
    [InlineData("", "a")]
    public void TheArticleFollowsTheFirstLetters(string dependent, string article)
    {
        var message = OneToOneViolationException.FormatMessage("Owner", dependent, "Owner", dependent);
        Assert.Equal($"Owner already has {article} {dependent} (Owner.{dependent}); a second {dependent} cannot be linked through {dependent}.Owner.", message);
    }

    [Fact]
    public void TheReverseIsNamedExactlyAsTheAccessorGivesIt()
    {
        var message = OneToOneViolationException.FormatMessage("User", "Profile", "User", "GetProfile()");
        Assert.Equal("User already has a Profile (User.GetProfile()); a second Profile cannot be linked through Profile.User.", message);
    }

    [Fact]
    public void AConflictOnAGeneratedLinkUsesTheArticle()
    {
        var u = new User();
        _ = new OfficeAssignment { User = u };
        var e = Assert.Throws<OneToOneViolationException>(() => new OfficeAssignment().User = u);
        Assert.Equal("User already has an OfficeAssignment (User.OfficeAssignment); a second OfficeAssignment cannot be linked through OfficeAssignment.User.", e.Message);
    }

    [Fact]
    public void TheRequiredMessagesNameBothMembers()
    {
        var u = new User();
        var passport = new Passport { Account = u };
        var forward = Assert.Throws<ArgumentNullException>(() => passport.Account = null!);
        Assert.Equal("value", forward.ParamName);
        Assert.StartsWith("Passport.Account is required: it cannot be set to null. Link the Passport to another User instead.", forward.Message);

        var reverse = Assert.Throws<InvalidOperationException>(() => u.Passport = null);
        Assert.Equal("User.Passport cannot be set to null: Passport.Account is required, so the Passport cannot lose its User. Link the Passport to another User instead.", reverse.Message);
    }

    [Fact]
    public void TheExceptionRefusesMissingObjects()
    {
        var (u, d) = (new object(), new object());
        Assert.Equal("principal", Assert.Throws<ArgumentNullException>(() => new OneToOneViolationException(null!, d, d, "m")).ParamName);
        Assert.Equal("existingDependent", Assert.Throws<ArgumentNullException>(() => new OneToOneViolationException(u, null!, d, "m")).ParamName);
        Assert.Equal("rejectedDependent", Assert.Throws<ArgumentNullException>(() => new OneToOneViolationException(u, d, null!, "m")).ParamName);
        var e = new OneToOneViolationException(u, d, u, "m");
        Assert.Same(u, e.Principal);
        Assert.Same(d, e.ExistingDependent);
        Assert.Same(u, e.RejectedDependent);
        Assert.Equal("m", e.Message);
    }
}
