namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// Method summaries: recursion and mutual recursion end, the depth bound (four levels of methods) holds, and a body
/// the analysis cannot summarise does nothing known: no crash, no report.
/// </summary>
public class SummaryTests
{
    [Fact]
    public Task RecursionEnds() => FlowVerifier.VerifyAsync("""
        public static class Links
        {
            public static void Attach(Profile p, User u, int n)
            {
                if (n > 0) Attach(p, u, n - 1);
                else p.User = u;
            }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Attach(a, u, 3);
                {|OTO100:Links.Attach(b, u, 3)|};
            }
        }
        """);

    [Fact]
    public Task MutualRecursionEnds() => FlowVerifier.VerifyAsync("""
        public static class Links
        {
            public static void Even(Profile p, User u, int n) { if (n == 0) p.User = u; else Odd(p, u, n - 1); }
            public static void Odd(Profile p, User u, int n) { if (n == 0) Even(p, u, 0); else Even(p, u, n - 1); }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Odd(a, u, 5);
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task RecursionThatNeverLinksIsSafe() => FlowVerifier.SafeAsync("""
        public static class Links
        {
            public static int Count(Profile p, User u, int n) => n == 0 ? 0 : 1 + Count(p, u, n - 1);
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Count(a, u, 3);
                a.User = u;
                Links.Count(b, u, 3);
            }
        }
        """);

    private const string Chain = """
        public static class Chain
        {
            public static void L1(Profile p, User u) => L2(p, u);
            public static void L2(Profile p, User u) => L3(p, u);
            public static void L3(Profile p, User u) => L4(p, u);
            public static void L4(Profile p, User u) => L5(p, u);
            public static void L5(Profile p, User u) => p.User = u;
        }

        """;

    [Fact]
    public Task FourLevelsOfMethodsAreFollowed() => FlowVerifier.VerifyAsync(Chain + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Chain.L2(a, u);
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task AFifthLevelIsNotFollowed() => FlowVerifier.SafeAsync(Chain + """
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Chain.L1(a, u);
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task BodyWithErrorsDoesNothingKnown() => FlowVerifier.SafeAsync("""
        public static class Links
        {
            public static void Broken(Profile p, User u) { p.User = Missing(); p.User = u }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Broken(a, u);
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task MethodsWithoutABodyDoNothingKnown() => FlowVerifier.SafeAsync("""
        public static partial class Links
        {
            static partial void Declared(Profile p, User u);
            [System.Runtime.InteropServices.DllImport("x")] public static extern void External(Profile p, User u);
            public static void Run(Profile a, Profile b, User u)
            {
                Declared(a, u);
                External(a, u);
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task MethodThatAlwaysThrowsDoesNothingAfterwards() => FlowVerifier.SafeAsync("""
        public static class Links
        {
            public static void Fail(Profile p, User u) { p.User = u; throw new InvalidOperationException(); }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                try { Links.Fail(a, u); } catch (InvalidOperationException) { return; }
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ConditionalUnlinkInAHelperIsNotAnUnlink() => FlowVerifier.VerifyAsync("""
        public static class Links
        {
            public static void MaybeDetach(Profile p, bool really) { if (really) p.User = null; }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                a.User = u;
                Links.MaybeDetach(a, flag);
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task RefAndOutArgumentsDoNotCrash() => FlowVerifier.SafeAsync("""
        public static class Links
        {
            public static void Make(User u, out Profile p) { p = new Profile { User = u }; }
            public static void Swap(ref Profile p, Profile q) { p.User = null; p = q; }
            public static void Many(User u, params Profile[] ps) { foreach (var p in ps) { p.User = u; p.User = null; } }
        }
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                Links.Make(u, out var made);
                Links.Swap(ref a, b);
                Links.Many(u, a, b);
                made.User = null;
            }
        }
        """);
}
