// The seed walkthrough: Django's OneToOneField lesson, replayed step by step with OneToOne.
using OneToOne;
using OneToOne.Sample;

Step(1, "define Profile with a one-to-one link to User",
    "[OneToOne(typeof(User))] public partial class Profile { ... }",
    () => "generated Profile.User and User.Profile");

var u = Step(2, "create a User u", "var u = new User { Name = \"ada\" };",
    () => new User { Name = "ada" });

var p = Step(3, "create a Profile p linked to u", "var p = new Profile { User = u, Bio = \"Hello\" };",
    () => new Profile { User = u, Bio = "Hello" });

Step(4, "p.User returns u", "p.User",
    () => $"{p.User} (same object as u: {ReferenceEquals(p.User, u)})");

Step(5, "u.Profile returns p", "u.Profile",
    () => $"{u.Profile} (same object as p: {ReferenceEquals(u.Profile, p)})");

Step(6, "a second Profile for u is rejected", "var p2 = new Profile { User = u, Bio = \"Second\" };",
    () =>
    {
        try
        {
            var p2 = new Profile { User = u, Bio = "Second" };
            return $"UNEXPECTED: accepted {p2}";
        }
        catch (OneToOneViolationException e)
        {
            return $"rejected with {e.GetType().Name}: {e.Message}\n" +
                   $"       u still has p: u.Profile = {u.Profile} (same object as p: {ReferenceEquals(u.Profile, p)})";
        }
    });

static T Step<T>(int number, string action, string code, Func<T> run)
{
    Console.WriteLine($"Step {number}: {action}");
    Console.WriteLine($"  code:   {code}");
    var result = run();
    Console.WriteLine($"  result: {result}");
    Console.WriteLine();
    return result;
}
