namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// OTO101 on dependents that are no variable of the analysis (an element reached through an indexer, a method's
/// result, another object's member) linked in a loop or a repeatedly-run lambda to a principal that stays the same,
/// loops made with <c>goto</c>, <c>foreach</c> with deconstruction; and their near misses.
/// </summary>
public class TemporaryFlowTests
{
    private const string Orders = """
        public class Order { public Profile Profile { get; } = new(); public User Buyer { get; } = new(); }

        """;

    [Fact]
    public Task IndexerInAForLoop() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, List<Profile> ps)
            {
                for (var i = 0; i < ps.Count; i++)
                {
                    {|OTO101:ps[i].User = u|};
                }
            }
        }
        """, "'u' gets a different Profile through 'Profile.User' on every run of this loop");

    [Fact]
    public Task ArrayElementInAWhileLoop() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile[] ps)
            {
                var i = 0;
                while (i < ps.Length)
                {
                    {|OTO101:ps[i++].User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task MethodResultInALoop() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Func<Profile> next, Func<bool> more)
            {
                while (more())
                {
                    {|OTO101:next().User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task AnotherObjectsMemberInALoop() => FlowVerifier.VerifyAsync(Orders + """
        public class C
        {
            public void M(User u, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    {|OTO101:order.Profile.User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task ReverseSideWithAnIndexer() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile[] ps)
            {
                for (var i = 0; i < ps.Length; i++)
                {
                    {|OTO101:u.Profile = ps[i]|};
                }
            }
        }
        """);

    [Fact]
    public Task IndexerInARepeatedLambda() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile[] ps)
            {
                Enumerable.Range(0, ps.Length).ToList().ForEach(i => {|OTO101:ps[i].User = u|});
            }
        }
        """, "on every run of this lambda");

    [Fact]
    public Task ForEachWithDeconstruction() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, List<(string Name, Profile Profile)> pairs)
            {
                foreach (var (name, p) in pairs)
                {
                    {|OTO101:p.User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task ForEachWithDeconstructionIntoAKeyValuePair() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Dictionary<int, Profile> byId)
            {
                foreach (var (id, p) in byId)
                {
                    {|OTO101:p.User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task GotoLoopWithOneLink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Func<Profile> next, Func<bool> more)
            {
            again:
                var p = next();
                {|OTO101:p.User = u|};
                if (more()) goto again;
            }
        }
        """, "on every run of this loop");

    // ---- not reported --------------------------------------------------------------------------------------

    [Fact]
    public Task BreakAfterTheLink() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, List<Profile> ps)
            {
                for (var i = 0; i < ps.Count; i++)
                {
                    if (ps[i].Bio == "") continue;
                    ps[i].User = u;
                    break;
                }
            }
        }
        """);

    [Fact]
    public Task ReturnAfterTheLink() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile[] ps, Func<Profile> next)
            {
                foreach (var x in ps)
                {
                    next().User = u;
                    return;
                }
            }
        }
        """);

    [Fact]
    public Task PrincipalLookedUpAfreshInEachRun() => FlowVerifier.SafeAsync(Orders + """
        public class C
        {
            public void M(List<Profile> ps, List<User> users, Func<Profile, User> find, List<Order> orders)
            {
                for (var i = 0; i < ps.Count; i++)
                {
                    ps[i].User = users[i];
                }

                foreach (var p in ps)
                {
                    p.User = find(p);
                }

                foreach (var order in orders)
                {
                    order.Profile.User = order.Buyer;
                }
            }
        }
        """);

    [Fact]
    public Task ConstantIndexIsTheSameElementEachRun() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile[] ps)
            {
                for (var i = 0; i < 3; i++)
                {
                    ps[0].User = u;
                }
            }
        }
        """);

    [Fact]
    public Task MemberOfAnObjectThatStaysTheSame() => FlowVerifier.SafeAsync(Orders + """
        public class C
        {
            public void M(User u, Order order)
            {
                for (var i = 0; i < 3; i++)
                {
                    order.Profile.User = u;
                }
            }
        }
        """);

    [Fact]
    public Task ElementUnlinkedBeforeTheNextRun() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, List<Profile> ps)
            {
                for (var i = 0; i < ps.Count; i++)
                {
                    ps[i].User = u;
                    u.Profile = null;
                }
            }
        }
        """);

    [Fact]
    public Task TemporariesOutsideALoopAreNotReported() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile[] ps, int i, int j)
            {
                ps[i].User = u;
                ps[j].User = u;
            }
        }
        """);

    [Fact]
    public Task GotoForwardIsNoLoop() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile p, bool skip)
            {
                if (skip) goto done;
                p.User = u;
            done:
                Console.WriteLine();
            }
        }
        """);
}
