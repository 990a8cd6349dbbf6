namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// Unlinks through the dependent read back from the principal (<c>u.Profile.User = null</c>, with <c>!</c>, through
/// a pattern variable, the extension getter), and their near misses.
/// </summary>
public class UnlinkFlowTests
{
    [Fact]
    public Task ReadBackThenUnlinked() => FlowVerifier.SafeAsync("""
        #nullable disable
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Profile.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReadBackWithTheNullForgivingOperator() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Profile!.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReadBackThroughAPatternVariable() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                if (u.Profile is { } old) old.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReadBackThroughALocal() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                var old = u.Profile;
                old!.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReadBackWhenEitherOfTwoMayBeLinked() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile c, Profile b, bool flag)
            {
                if (flag) a.User = u; else c.User = u;
                u.Profile!.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReadBackThroughTheExtensionGetter() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(Box<int> box, Card a, Card b)
            {
                a.Box = box;
                box.GetCard()!.Box = null;
                b.Box = box;
            }
        }
        """);

    [Fact]
    public Task ReadBackFromAnotherPrincipalIsNoUnlink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, User w, Profile a, Profile b)
            {
                a.User = u;
                w.Profile!.User = null;
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task ReadBackThroughAnotherLinkIsNoUnlink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Preferences!.Owner = null;
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task PatternVariableOfAnotherObjectIsNoUnlink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, object x)
            {
                a.User = u;
                if (x is Profile other) other.User = null;
                {|OTO100:b.User = u|};
            }
        }
        """);
}
