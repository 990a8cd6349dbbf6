namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// OTO100/OTO101: the flow-sensitive analysis. Reported cases first, then the safe patterns that must stay silent.
/// </summary>
public class FlowAnalyzerTests
{
    // ---- reported: OTO100 -------------------------------------------------------------------------------

    [Fact]
    public Task SeedWalkthroughSecondProfile() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M()
            {
                var u = new User { Name = "ada" };
                var p = new Profile { User = u, Bio = "Hello" };
                var p2 = new Profile { {|OTO100:User = u|} };
            }
        }
        """, "'u' may already have a Profile ('p') when 'p2' is linked to it through 'Profile.User'");

    [Fact]
    public Task TwoStatementsOnParameters() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:b.User = u|};
            }
        }
        """, "'u' may already have a Profile ('a') when 'b' is linked");

    [Fact]
    public Task PropertyFormNavigation() => FlowVerifier.VerifyAsync("""
        public partial class Desk { [OneToOne(Reverse = "Desk")] public partial User? Occupant { get; set; } }
        public class C
        {
            public void M(User u, Desk a, Desk b)
            {
                a.Occupant = u;
                {|OTO100:b.Occupant = u|};
            }
        }
        """, "'u' may already have a Desk ('a') when 'b' is linked");

    [Fact]
    public Task PropertyFormReverseThenForward() => FlowVerifier.VerifyAsync("""
        public partial class Desk { [OneToOne(Reverse = "Desk")] public partial User? Occupant { get; set; } }
        public class C
        {
            public void M(User u, Desk a, Desk b)
            {
                u.Desk = a;
                {|OTO100:b.Occupant = u|};
            }
        }
        """);

    [Fact]
    public Task ReverseThenForward() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                u.Profile = a;
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task ForwardThenReverse() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                {|OTO100:u.Profile = b|};
            }
        }
        """);

    [Fact]
    public Task OnePathOfAnIfIsEnough() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                if (flag)
                {
                    a.User = u;
                }

                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task CopiedPrincipalIsTheSamePrincipal() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                var alias = u;
                a.User = u;
                {|OTO100:b.User = alias|};
            }
        }
        """);

    [Fact]
    public Task VariableReboundToAnotherObjectIsADifferentDependent() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u)
            {
                var p = new Profile();
                p.User = u;
                p = new Profile();
                {|OTO100:p.User = u|};
            }
        }
        """);

    [Fact]
    public Task NestedObjectInitializer() => FlowVerifier.VerifyAsync("""
        public class Holder { public Profile? Main { get; set; } public Profile? Spare { get; set; } }
        public class C
        {
            public Holder M(User u) => new Holder
            {
                Main = new Profile { User = u },
                Spare = new Profile { {|OTO100:User = u|} },
            };
        }
        """);

    [Fact]
    public Task FieldOfThisAsPrincipal() => FlowVerifier.VerifyAsync("""
        public class C
        {
            private readonly User _owner = new();
            public void M(Profile a, Profile b)
            {
                a.User = _owner;
                {|OTO100:b.User = this._owner|};
            }
        }
        """);

    [Fact]
    public Task PropertyOfThisAsPrincipal() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public User Owner { get; } = new();
            public void M(Profile a, Profile b)
            {
                a.User = Owner;
                {|OTO100:b.User = Owner|};
            }
        }
        """);

    [Fact]
    public Task SelfLink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(Person mentor, Person a, Person b)
            {
                a.Mentor = mentor;
                {|OTO100:b.Mentor = mentor|};
            }
        }
        """, "'mentor' may already have a Person ('a')");

    [Fact]
    public Task AfterAwait() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public async Task M(User u, Profile a, Profile b)
            {
                a.User = u;
                await Task.Yield();
                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task InsideUsing() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, IDisposable resource)
            {
                using (resource)
                {
                    a.User = u;
                }

                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task TryFinallyWithoutUnlink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                try
                {
                    a.User = u;
                }
                finally
                {
                    Console.WriteLine("done");
                }

                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task TernaryPicksEitherDependent() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c, bool flag)
            {
                c.User = u;
                var chosen = flag ? a : b;
                {|OTO100:chosen.User = u|};
            }
        }
        """);

    [Fact]
    public Task TopLevelStyleLocalFunction() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M()
            {
                Run();
                static void Run()
                {
                    var u = new User();
                    var a = new Profile { User = u };
                    var b = new Profile();
                    {|OTO100:b.User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task InsideAStandaloneLambda() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public Action M(User u, Profile a, Profile b) => () =>
            {
                a.User = u;
                {|OTO100:b.User = u|};
            };
        }
        """);

    [Fact]
    public Task SwitchStatementArmThenCommonLink() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, int kind)
            {
                switch (kind)
                {
                    case 1: a.User = u; break;
                    default: break;
                }

                {|OTO100:b.User = u|};
            }
        }
        """);

    [Fact]
    public Task PatternMatchedDependent() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, object x, Profile a)
            {
                a.User = u;
                if (x is Profile p)
                {
                    {|OTO100:p.User = u|};
                }
            }
        }
        """);

    [Fact]
    public Task ThreeDependentsReportTwice() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, Profile c)
            {
                a.User = u;
                {|OTO100:b.User = u|};
                {|OTO100:c.User = u|};
            }
        }
        """);

    [Fact]
    public Task ConditionalValueMayBeTheSamePrincipal() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, User w, Profile a, Profile b, bool flag)
            {
                a.User = u;
                {|OTO100:b.User = flag ? u : w|};
            }
        }
        """);

    [Fact]
    public Task ExtensionSetterLinks() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(Box<int> box, Card a, Card b)
            {
                box.SetCard(a);
                {|OTO100:box.SetCard(b)|};
            }
        }
        """, "'box' may already have a Card ('a') when 'b' is linked to it through 'Card.Box'");

    [Fact]
    public Task ExtensionSetterThenForward() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(Box<int> box, Card a, Card b)
            {
                a.Box = box;
                {|OTO100:box.SetCard(b)|};
            }
        }
        """);

    // ---- reported: OTO101 -------------------------------------------------------------------------------

    [Fact]
    public Task ForEachLinksEveryItemToOnePrincipal() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, List<Profile> profiles)
            {
                foreach (var p in profiles)
                {
                    {|OTO101:p.User = u|};
                }
            }
        }
        """, "on every run of this loop");

    [Fact]
    public Task ForLoopCreatesAndLinks() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u)
            {
                for (var i = 0; i < 3; i++)
                {
                    var p = new Profile { {|OTO101:User = u|} };
                }
            }
        }
        """);

    [Fact]
    public Task WhileLoopReverse() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Queue<Profile> queue)
            {
                while (queue.Count > 0)
                {
                    var next = queue.Dequeue();
                    {|OTO101:u.Profile = next|};
                }
            }
        }
        """);

    [Fact]
    public Task DoWhileLoop() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Func<Profile> next, Func<bool> more)
            {
                do
                {
                    var p = next();
                    {|OTO101:p.User = u|};
                }
                while (more());
            }
        }
        """);

    [Fact]
    public Task LoopRunsUntilNothingNewReachesItsStart() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Func<bool> more)
            {
                Profile a = new Profile(), b = new Profile(), c = new Profile();
                while (more())
                {
                    c = b;
                    b = a;
                }

                c.User = u;
                var d = new Profile();
                {|OTO100:d.User = u|};
            }
        }
        """, "('a', 'b', 'c')"); // after two runs c may hold what a held: one run or two would not name 'a'

    [Fact]
    public Task LoopReportsWhatItsLastRunSees() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, Func<bool> more)
            {
                Profile a = new Profile(), b = new Profile(), c = new Profile();
                while (more())
                {
                    {|OTO100:c.User = u|};
                    c = b;
                    b = a;
                }
            }
        }
        """, "('a', 'b', 'c')"); // the second run already warns, naming 'c' only: the message is the last run's

    [Fact]
    public Task ListForEachLambda() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public void M(User u, List<Profile> profiles)
            {
                profiles.ForEach(p => {|OTO101:p.User = u|});
            }
        }
        """, "on every run of this lambda");

    [Fact]
    public Task LinqSelectLambda() => FlowVerifier.VerifyAsync("""
        public class C
        {
            public List<Profile> M(User u, IEnumerable<string> bios) =>
                bios.Select(b => new Profile { Bio = b, {|OTO101:User = u|} }).ToList();
        }
        """);

    // ---- safe patterns ----------------------------------------------------------------------------------

    [Fact]
    public Task SingleLink() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a) { a.User = u; }
        }
        """);

    [Fact]
    public Task IfElseArmsExcludeEachOther() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                if (flag) a.User = u;
                else b.User = u;
            }
        }
        """);

    [Fact]
    public Task SwitchArmsExcludeEachOther() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, int kind)
            {
                switch (kind)
                {
                    case 1: a.User = u; break;
                    case 2: b.User = u; break;
                }
            }
        }
        """);

    [Fact]
    public Task SwitchExpressionArms() => FlowVerifier.SafeAsync("""
        public class C
        {
            public Profile M(User u, int kind) => kind switch
            {
                1 => new Profile { User = u, Bio = "one" },
                _ => new Profile { User = u, Bio = "other" },
            };
        }
        """);

    [Fact]
    public Task TernaryArms() => FlowVerifier.SafeAsync("""
        public class C
        {
            public Profile M(User u, bool flag) => flag ? new Profile { User = u } : new Profile { User = u };
        }
        """);

    [Fact]
    public Task EarlyReturnDoesNotCombine() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                if (flag)
                {
                    a.User = u;
                    return;
                }

                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ThrowDoesNotCombine() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b, bool flag)
            {
                if (flag)
                {
                    a.User = u;
                    throw new InvalidOperationException();
                }

                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ForwardUnlinkInBetween() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                a.User = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReverseUnlinkInBetween() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u.Profile = null;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task DependentMovedAwayInBetween() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, User other, Profile a, Profile b)
            {
                a.User = u;
                a.User = other;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task PrincipalVariableReassignedInBetween() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                u = new User();
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task SameDependentAgain() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a)
            {
                a.User = u;
                a.User = u;
                u.Profile = a;
            }
        }
        """);

    [Fact]
    public Task SameDependentThroughALocalCopy() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a)
            {
                var x = a;
                a.User = u;
                x.User = u;
            }
        }
        """);

    [Fact]
    public Task GuardIsNull() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                if (u.Profile is null)
                {
                    b.User = u;
                }
            }
        }
        """);

    [Fact]
    public Task GuardEqualsNull() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                if (u.Profile == null) b.User = u;
            }
        }
        """);

    [Fact]
    public Task NegatedGuardWithEarlyReturn() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                if (u.Profile is not null)
                {
                    return;
                }

                b.User = u;
            }
        }
        """);

    [Fact]
    public Task NotEqualsNullEarlyReturn() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                a.User = u;
                if (u.Profile != null) return;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ReplaceLinksAreNeverReported() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Badge a, Badge b, List<Badge> all)
            {
                a.Holder = u;
                b.Holder = u;
                foreach (var x in all) x.Holder = u;
            }
        }
        """);

    [Fact]
    public Task DifferentLinksOnOnePrincipalAreIndependent() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Preferences b)
            {
                a.User = u;
                b.Owner = u;
            }
        }
        """);

    [Fact]
    public Task DifferentPrincipals() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, User v, Profile a, Profile b)
            {
                a.User = u;
                b.User = v;
            }
        }
        """);

    [Fact]
    public Task PrincipalCreatedInsideTheLoop() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(List<Profile> profiles)
            {
                foreach (var p in profiles)
                {
                    var u = new User();
                    p.User = u;
                }
            }
        }
        """);

    [Fact]
    public Task DependentUnlinkedBeforeTheNextIteration() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, List<Profile> profiles)
            {
                foreach (var p in profiles)
                {
                    p.User = u;
                    Console.WriteLine(p.Bio);
                    p.User = null;
                }
            }
        }
        """);

    [Fact]
    public Task SameDependentInEveryIteration() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile p)
            {
                for (var i = 0; i < 3; i++)
                {
                    p.User = u;
                }
            }
        }
        """);

    [Fact]
    public Task TryFinallyUnlinks() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a, Profile b)
            {
                try
                {
                    a.User = u;
                }
                finally
                {
                    a.User = null;
                }

                b.User = u;
            }
        }
        """);

    [Fact]
    public Task LambdaNotRunRepeatedly() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Func<Profile> make)
            {
                Func<Profile> once = () => new Profile { User = u };
                Console.WriteLine(once);
            }
        }
        """);

    [Fact]
    public Task LambdaWithLocalPrincipal() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(List<Profile> profiles)
            {
                profiles.ForEach(p => { var u = new User(); p.User = u; });
            }
        }
        """);

    [Fact]
    public Task SelfLinkBothRolesOfOnePerson() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(Person a, Person b)
            {
                a.Mentor = b;
                b.Mentor = a;
            }
        }
        """);

    [Fact]
    public Task AsyncAwaitSafe() => FlowVerifier.SafeAsync("""
        public class C
        {
            public async Task M(User u, Profile a, Profile b)
            {
                a.User = u;
                await Task.Delay(1);
                a.User = null;
                await Task.Delay(1);
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task CodeWithCompileErrorsDoesNotCrash() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, Profile a)
            {
                a.User = u
                a.User = Missing;
                Unknown.User = u;
                var x = new Profile { User = };
            }
        }
        """);

    [Fact]
    public Task ConditionalMoveIsSeen() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(User u, User v, User w, Profile a, Profile b, bool flag)
            {
                a.User = u;
                a.User = flag ? v : w;
                b.User = u;
            }
        }
        """);

    [Fact]
    public Task ExtensionSetterUnlinks() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(Box<int> box, Card a, Card b)
            {
                box.SetCard(a);
                box.SetCard(null);
                b.Box = box;
            }
        }
        """);

    [Fact]
    public Task ExtensionGetterGuard() => FlowVerifier.SafeAsync("""
        public class C
        {
            public void M(Box<int> box, Card a, Card b)
            {
                a.Box = box;
                if (box.GetCard() is null)
                {
                    box.SetCard(b);
                }
            }
        }
        """);

    [Fact]
    public Task UnknownTemporariesAreNotReported() => FlowVerifier.SafeAsync("""
        public class C
        {
            private Profile Get() => new();
            public void M(User u)
            {
                Get().User = u;
                Get().User = u;
            }
        }
        """);
}
