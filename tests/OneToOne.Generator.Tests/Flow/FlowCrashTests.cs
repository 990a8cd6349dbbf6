namespace OneToOne.Generator.Tests.Flow;

/// <summary>Shapes that once crashed the flow analysis (AD0001): lambdas next to try/finally regions.</summary>
public class FlowCrashTests
{
    [Fact]
    public Task LambdaBesideAUsingWithALambdaInside() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u)
            {
                System.Action a = () => { var p = new Profile { User = u }; };
                using (var s = new System.IO.MemoryStream())
                {
                    System.Func<int> f = () => 1;
                }
            }
        }
        """);

    [Fact]
    public Task LinksInsideAUsingAfterALambda() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(List<User> users, Profile p)
            {
                using (var s = new System.IO.MemoryStream())
                {
                    var d = users.ToDictionary(x => x.GetHashCode());
                    d[0].Profile = null;
                    p.User = d[1];
                }
            }
        }
        """);
}
