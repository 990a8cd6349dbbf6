using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>
/// Atomicity: many threads link, move and unlink through both sides at once; afterwards both sides
/// agree everywhere and no principal has two dependents. The last test shows that the same stress and checker
/// catch a deliberately non-atomic variant, so a pass here means something.
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public void ThrowPolicyKeepsTheInvariantsUnderContention()
    {
        var users = Enumerable.Range(0, 6).Select(_ => new User()).ToArray();
        var profiles = Enumerable.Range(0, 8).Select(_ => new Profile()).ToArray();
        var violations = 0L;
        Contention.Run((random) =>
        {
            var d = profiles[random.Next(profiles.Length)];
            var p = users[random.Next(users.Length)];
            try
            {
                switch (random.Next(4))
                {
                    case 0: d.User = p; break;
                    case 1: p.Profile = d; break;
                    case 2: d.User = null; break;
                    default: p.Profile = null; break;
                }
            }
            catch (OneToOneViolationException e)
            {
                // The exception reports a real conflict: the existing dependent is not the rejected one.
                Assert.NotSame(e.ExistingDependent, e.RejectedDependent);
                Interlocked.Increment(ref violations);
            }
        });

        Assert.Empty(Invariants.Violations(profiles, users, d => d.User, p => p.Profile));
        Assert.True(violations > 0, "the stress never produced a conflict: it did not test much");
    }

    [Fact]
    public void ReplacePolicyKeepsTheInvariantsUnderContention()
    {
        var users = Enumerable.Range(0, 5).Select(_ => new User()).ToArray();
        var badges = Enumerable.Range(0, 7).Select(_ => new Badge()).ToArray();
        Contention.Run(random =>
        {
            var d = badges[random.Next(badges.Length)];
            var p = users[random.Next(users.Length)];
            switch (random.Next(4))
            {
                case 0: d.Holder = p; break;
                case 1: p.Badge = d; break;
                case 2: d.Holder = null; break;
                default: p.Badge = null; break;
            }
        });

        Assert.Empty(Invariants.Violations(badges, users, d => d.Holder, p => p.Badge));
    }

    [Fact]
    public void SelfLinksKeepTheInvariantsUnderContention()
    {
        var people = Enumerable.Range(0, 8).Select(_ => new Person()).ToArray();
        Contention.Run(random =>
        {
            var a = people[random.Next(people.Length)];
            var b = people[random.Next(people.Length)];
            try
            {
                switch (random.Next(3))
                {
                    case 0: a.Mentor = b; break;
                    case 1: a.Mentee = b; break;
                    default: a.Mentor = null; break;
                }
            }
            catch (OneToOneViolationException)
            {
            }
        });

        Assert.Empty(Invariants.Violations(people, people, d => d.Mentor, p => p.Mentee));
    }

    [Fact]
    public void TheSameStressCatchesANonAtomicVariant()
    {
        // A hand-written setter with the same checks but no locking: the stress must break it, or the
        // stress proves nothing about the real protocol. Yields widen its race windows; several attempts are allowed.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var principals = Enumerable.Range(0, 6).Select(_ => new NaivePrincipal()).ToArray();
            var dependents = Enumerable.Range(0, 8).Select(_ => new NaiveDependent()).ToArray();
            Contention.Run(random =>
            {
                var d = dependents[random.Next(dependents.Length)];
                var p = principals[random.Next(principals.Length)];
                try
                {
                    if (random.Next(3) == 0)
                    {
                        d.Unlink();
                    }
                    else
                    {
                        d.Link(p);
                    }
                }
                catch (InvalidOperationException)
                {
                }
            }, operationsPerThread: 20_000);

            if (Invariants.Violations(dependents, principals, d => d.Principal, p => p.Dependent).Count > 0)
            {
                return; // caught, as it should be
            }
        }

        Assert.Fail("the stress never caught the non-atomic variant");
    }

    private sealed class NaivePrincipal
    {
        public NaiveDependent? Dependent;
    }

    private sealed class NaiveDependent
    {
        public NaivePrincipal? Principal;

        public void Link(NaivePrincipal p)
        {
            var old = Principal;
            if (ReferenceEquals(old, p))
            {
                return;
            }

            if (p.Dependent is not null)
            {
                throw new InvalidOperationException("taken");
            }

            Thread.Yield();
            if (old is not null)
            {
                old.Dependent = null;
            }

            Principal = p;
            p.Dependent = this;
        }

        public void Unlink()
        {
            var old = Principal;
            if (old is null)
            {
                return;
            }

            Thread.Yield();
            Principal = null;
            old.Dependent = null;
        }
    }
}
