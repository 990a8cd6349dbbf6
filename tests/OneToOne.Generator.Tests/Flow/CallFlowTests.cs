namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// OTO100/OTO101 through calls of this compilation: constructors (plain, expression-bodied, chained, followed by an
/// initializer), static factories, helpers (forward and reverse side), instance and extension methods, local
/// functions, followed through their summaries; and the calls that are deliberately not followed.
/// </summary>
public class CallFlowTests
{
    private const string ProfileConstructors = """
        public partial class Profile
        {
            public Profile() { }
            public Profile(User u) { User = u; }
            public Profile(User u, string bio) : this(u) { Bio = bio; }
        }

        """;

    private const string Links = """
        public static class Links
        {
            public static void Attach(Profile p, User u) => p.User = u;
            public static void Give(User u, Profile p) { u.Profile = p; }
            public static void Detach(Profile p) { p.User = null; }
            public static void Free(User u) { u.Profile = null; }
            public static void Hold(Preferences p, User u) => p.Owner = u;
            public static Profile For(User u) => new Profile { User = u };
            public static void LinkTo(this Profile p, User u) => p.User = u;
            public static void Twice(Profile p, User u) => Attach(p, u);
        }

        """;

    // ---- reported ------------------------------------------------------------------------------------------

    [Fact]
    public Task ConstructorLinksTheNewObject() => FlowVerifier.VerifyAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u)
            {
                var a = new Profile(u);
                var b = {|OTO100:new Profile(u)|};
            }
        }
        """, "'u' may already have a Profile ('a', linked through the constructor 'Profile(User)') when 'b' is linked to it through the constructor 'Profile(User)'");

    [Fact]
    public Task ConstructorThenAssignment() => FlowVerifier.VerifyAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u, Profile b)
            {
                var a = new Profile(u);
                {|OTO100:b.User = u|};
            }
        }
        """, "('a', linked through the constructor 'Profile(User)') when 'b' is linked to it through 'Profile.User'");

    [Fact]
    public Task ExpressionBodiedConstructor() => FlowVerifier.VerifyAsync("""
        [OneToOne(typeof(User), Navigation = "Owner", Reverse = "Wallet")]
        public partial class Wallet { public Wallet(User owner) => Owner = owner; }
        public class C
        {
            public void M(User u)
            {
                var a = new Wallet(u);
                var b = {|OTO100:new Wallet(u)|};
            }
        }
        """, "the constructor 'Wallet(User)'");

    [Fact]
    public Task ChainedConstructor() => FlowVerifier.VerifyAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u)
            {
                var a = new Profile(u, "one");
                var b = {|OTO100:new Profile(u, "two")|};
            }
        }
        """, "linked through the constructor 'Profile(User, string)'");

    [Fact]
    public Task BaseConstructorChain() => FlowVerifier.VerifyAsync("""
        [OneToOne(typeof(User), Navigation = "Owner", Reverse = "Wallet")]
        public partial class Wallet { public Wallet(User owner) { Owner = owner; } }
        public class GiftWallet : Wallet { public GiftWallet(User owner) : base(owner) { } }
        public class C
        {
            public void M(User u)
            {
                var a = new GiftWallet(u);
                var b = {|OTO100:new Wallet(u)|};
            }
        }
        """, "('a', linked through the constructor 'GiftWallet(User)')");

    [Fact]
    public Task ConstructorFollowedByAnInitializer() => FlowVerifier.VerifyAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u, Profile b)
            {
                var a = new Profile(u) { Bio = "x" };
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task StaticFactory() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u)
            {
                var a = Links.For(u);
                var b = {|OTO100:Links.For(u)|};
            }
        }
        """, "'u' may already have a Profile ('a', linked through 'Links.For(User)') when 'b' is linked to it through 'Links.For(User)'");

    [Fact]
    public Task HelperOnTheForwardSide() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Attach(a, u);
                {|OTO100:Links.Attach(b, u)|};
            }
        }
        """, "('a', linked through 'Links.Attach(Profile, User)')");

    [Fact]
    public Task HelperOnTheReverseSide() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:Links.Give(u, b)|};
            }
        }
        """, "'u' may already have a Profile ('a') when 'b' is linked to it through 'Links.Give(User, Profile)'");

    [Fact]
    public Task InstanceMethodOfThePrincipal() => FlowVerifier.VerifyAsync("""
        public partial class User { public void Adopt(Profile p) { Profile = p; } }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                u.Adopt(a);
                {|OTO100:u.Adopt(b)|};
            }
        }
        """, "linked through 'User.Adopt(Profile)'");

    [Fact]
    public Task ExtensionMethodOfThisCompilation() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.LinkTo(u);
                {|OTO100:b.LinkTo(u)|};
            }
        }
        """, "linked through 'Links.LinkTo(Profile, User)'");

    [Fact]
    public Task ThroughFurtherCalls() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Twice(a, u);
                {|OTO100:b.User = u|};
            }
        }
        """, "('a', linked through 'Links.Twice(Profile, User)')");

    [Fact]
    public Task LocalFunction() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Attach(a);
                {|OTO100:Attach(b)|};

                void Attach(Profile p) { p.User = u; }
            }
        }
        """);

    [Fact]
    public Task InstanceMethodUsingThis() => FlowVerifier.VerifyAsync("""
        public partial class Profile { public Profile Into(User u) { User = u; return this; } }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                var x = a.Into(u);
                {|OTO100:b.User = u|};
                x.User = null;
            }
        }
        """, "('a', linked through 'Profile.Into(User)')");

    [Fact]
    public Task ConstructorCallInALoop() => FlowVerifier.VerifyAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u, List<string> bios)
            {
                foreach (var bio in bios)
                {
                    var p = {|OTO101:new Profile(u, bio)|};
                }
            }
        }
        """, "'u' gets a different Profile through the constructor 'Profile(User, string)' on every run of this loop");

    [Fact]
    public Task HelperInARepeatedLambda() => FlowVerifier.VerifyAsync(Links + """
        public class C
        {
            public void M(User u, List<Profile> profiles)
            {
                profiles.ForEach(p => {|OTO101:Links.Attach(p, u)|});
            }
        }
        """, "on every run of this lambda");

    // ---- not reported --------------------------------------------------------------------------------------

    [Fact]
    public Task ConstructorsWithDifferentPrincipals() => FlowVerifier.SafeAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u, User w)
            {
                var a = new Profile(u);
                var b = new Profile(w);
            }
        }
        """);

    [Fact]
    public Task SameDependentTwiceThroughAHelper() => FlowVerifier.SafeAsync(Links + """
        public class C
        {
            public void M(User u, Profile a)
            {
                Links.Attach(a, u);
                Links.Attach(a, u);
                a.LinkTo(u);
            }
        }
        """);

    [Fact]
    public Task HelperThatLinksSomethingElse() => FlowVerifier.SafeAsync(Links + """
        public class C
        {
            public void M(User u, Preferences x, Profile a)
            {
                Links.Hold(x, u);
                a.User = u;
            }
        }
        """);

    [Fact]
    public Task ExclusiveBranchesAroundConstructorCalls() => FlowVerifier.SafeAsync(ProfileConstructors + """
        public class C
        {
            public Profile M(User u, bool flag) => flag ? new Profile(u) : new Profile(u, "x");

            public void N(User u, int kind)
            {
                if (kind == 0) { var a = new Profile(u); } else { var b = new Profile(u); }
            }

            public void O(User u, int kind)
            {
                switch (kind)
                {
                    case 1: new Profile(u, "one"); break;
                    case 2: new Profile(u, "two"); break;
                }
            }
        }
        """);

    [Fact]
    public Task ReturnAfterAConstructorCall() => FlowVerifier.SafeAsync(ProfileConstructors + """
        public class C
        {
            public Profile M(User u, bool flag)
            {
                if (flag)
                {
                    return new Profile(u);
                }

                return new Profile(u);
            }
        }
        """);

    [Fact]
    public Task InitializerMovesTheNewObjectAway() => FlowVerifier.SafeAsync(ProfileConstructors + """
        public class C
        {
            public void M(User u, User w, Profile b)
            {
                var a = new Profile(u) { User = w };
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task UnlinkThroughAHelper() => FlowVerifier.SafeAsync(Links + """
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c)
            {
                a.User = u;
                Links.Detach(a);
                b.User = u;
                Links.Free(u);
                c.User = u;
            }
        }
        """);

    [Fact]
    public Task VirtualInterfaceAndDelegateCallsAreNotFollowed() => FlowVerifier.SafeAsync("""
        public interface ILinker { void Attach(Profile p, User u); }
        public class Linker : ILinker
        {
            public virtual void Link(Profile p, User u) { p.User = u; }
            public void Attach(Profile p, User u) { p.User = u; }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c, Linker linker, ILinker i, Action<Profile, User> attach)
            {
                linker.Link(a, u);
                i.Attach(b, u);
                attach(c, u);
                linker.Link(b, u);
            }
        }
        """);

    [Fact]
    public Task NonVirtualMethodIsFollowedButNotItsInterface() => FlowVerifier.VerifyAsync("""
        public interface ILinker { void Attach(Profile p, User u); }
        public sealed class Linker : ILinker { public void Attach(Profile p, User u) { p.User = u; } }
        public class C
        {
            public void M(User u, Profile a, Profile b, Linker linker, ILinker i)
            {
                i.Attach(a, u);
                linker.Attach(a, u);
                {|OTO100:linker.Attach(b, u)|};
            }
        }
        """);
}
