using OneToOne;

namespace OneToOne.Sample;

/// <summary>The principal: Django's <c>django.contrib.auth.models.User</c>.</summary>
public partial class User
{
    public string Name { get; set; } = "";

    public override string ToString() => $"User({Name})";
}

/// <summary>
/// Step 1: the dependent. Django: <c>user = models.OneToOneField(User, on_delete=models.CASCADE)</c>.
/// The generator adds <c>Profile.User</c> and <c>User.Profile</c>.
/// </summary>
[OneToOne(typeof(User))]
public partial class Profile
{
    public string Bio { get; set; } = "";

    public override string ToString() => $"Profile({Bio})";
}
