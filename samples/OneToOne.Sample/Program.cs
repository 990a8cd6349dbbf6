// The seed walkthrough: Django's OneToOneField lesson, replayed step by step with OneToOne.
// Build it and the analyzer warns OTO100 on step 6 (see the csproj: the warning is kept visible, not an error).
using System.Runtime.CompilerServices;
using OneToOne;
using OneToOne.Sample;

Step(1, "define Profile with a one-to-one link to User",
    "[OneToOne(typeof(User))] public partial class Profile { ... }   (Models.cs)",
    $"generated {nameof(Profile)}.{nameof(Profile.User)} and {nameof(User)}.{nameof(User.Profile)}");

var u = new User { Name = "ada" };
Step(2, "create a User u", "var u = new User { Name = \"ada\" };", u);

var p = new Profile { User = u, Bio = "Hello" };
Step(3, "create a Profile p linked to u", "var p = new Profile { User = u, Bio = \"Hello\" };", p);

Step(4, "p.User returns u", "p.User", $"{p.User} (the same object as u: {ReferenceEquals(p.User, u)})");

Step(5, "u.Profile returns p", "u.Profile", $"{u.Profile} (the same object as p: {ReferenceEquals(u.Profile, p)})");

string outcome;
var stepSixLine = LineNumber() + 4;
try
{
    // Step 6. The compiler already warns here: OTO100, 'u' may already have a Profile ('p').
    var p2 = new Profile { User = u, Bio = "Second" };
    outcome = $"UNEXPECTED: accepted {p2}";
}
catch (OneToOneViolationException e)
{
    outcome = $"rejected with {e.GetType().Name}: {e.Message}\n" +
              $"          u still has p: u.Profile = {u.Profile} (the same object as p: {ReferenceEquals(u.Profile, p)})";
}

Step(6, "a second Profile for u is rejected", "var p2 = new Profile { User = u, Bio = \"Second\" };", outcome);

Console.WriteLine($"About the build's warning OTO100 at Program.cs({stepSixLine}): it is expected.");
Console.WriteLine("  The analyzer follows the code at compile time and saw that step 6 links a second Profile to u,");
Console.WriteLine("  which already has p: the link that step 6 shows being rejected at run time. The sample keeps it on purpose.");
Console.WriteLine("  In your own code, unlink the first one (p.User = null) or check that u.Profile is null before linking;");
Console.WriteLine("  the warning's code fix offers both.");

static int LineNumber([CallerLineNumber] int line = 0) => line;

static void Step(int number, string action, string code, object? result)
{
    Console.WriteLine($"Step {number}: {action}");
    Console.WriteLine($"  code:   {code}");
    Console.WriteLine($"  result: {result}");
    Console.WriteLine();
}
