using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// Atomic writes (the both-sides invariant) for principals from another assembly: many threads link, move and unlink through the forward
/// navigation and the extension form of the reverse accessor at once; afterwards both sides agree everywhere and no
/// principal has two dependents. The last test shows that the same stress and checker catch a deliberately non-atomic
/// variant whose reverse slot is a weak table too, so a pass here means something.
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public void ThrowPolicyKeepsTheInvariantsUnderContention()
    {
        var accounts = Enumerable.Range(0, 6).Select(i => new Account { Login = $"a{i}" }).ToArray();
        var profiles = Enumerable.Range(0, 8).Select(_ => new Profile()).ToArray();
        var violations = 0L;
        Contention.Run(random =>
        {
            var d = profiles[random.Next(profiles.Length)];
            var p = accounts[random.Next(accounts.Length)];
            try
            {
                switch (random.Next(4))
                {
                    case 0: d.Account = p; break;
                    case 1: Reverse.SetProfile(p, d); break;
                    case 2: d.Account = null; break;
                    default: Reverse.SetProfile(p, null); break;
                }
            }
            catch (OneToOneViolationException e)
            {
                // The exception reports a real conflict: the existing dependent is not the rejected one.
                Assert.NotSame(e.ExistingDependent, e.RejectedDependent);
                Assert.Same(p, e.Principal);
                Assert.Same(d, e.RejectedDependent);
                Interlocked.Increment(ref violations);
            }
        });

        Assert.Empty(Invariants.Violations(profiles, accounts, d => d.Account, Reverse.ProfileOf));
        Assert.True(violations > 0, "the stress never produced a conflict: it did not test much");
    }

    [Fact]
    public void ReplacePolicyKeepsTheInvariantsUnderContention()
    {
        var accounts = Enumerable.Range(0, 5).Select(_ => new Account()).ToArray();
        var badges = Enumerable.Range(0, 7).Select(_ => new Badge()).ToArray();
        Contention.Run(random =>
        {
            var d = badges[random.Next(badges.Length)];
            var p = accounts[random.Next(accounts.Length)];
            switch (random.Next(4))
            {
                case 0: d.Holder = p; break;
                case 1: Reverse.SetBadge(p, d); break;
                case 2: d.Holder = null; break;
                default: Reverse.SetBadge(p, null); break;
            }
        });

        Assert.Empty(Invariants.Violations(badges, accounts, d => d.Holder, Reverse.BadgeOf));
    }

    [Fact]
    public void ClosedGenericPrincipalKeepsTheInvariantsUnderContention()
    {
        var boxes = Enumerable.Range(0, 6).Select(i => new Box<int> { Value = i }).ToArray();
        var labels = Enumerable.Range(0, 8).Select(_ => new Label()).ToArray();
        Contention.Run(random =>
        {
            var d = labels[random.Next(labels.Length)];
            var p = boxes[random.Next(boxes.Length)];
            try
            {
                switch (random.Next(4))
                {
                    case 0: d.Box = p; break;
                    case 1: Reverse.SetLabel(p, d); break;
                    case 2: d.Box = null; break;
                    default: Reverse.SetLabel(p, null); break;
                }
            }
            catch (OneToOneViolationException)
            {
            }
        }, operationsPerThread: 50_000);

        Assert.Empty(Invariants.Violations(labels, boxes, d => d.Box, Reverse.LabelOf));
    }

    [Fact]
    public void TheSameStressCatchesANonAtomicVariant()
    {
        // A hand-written link with the same checks and a weak reverse table, but no locking: the stress must break it,
        // or the stress proves nothing about the real protocol. Yields widen its race windows; several attempts are allowed.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var reverse = new System.Runtime.CompilerServices.ConditionalWeakTable<Account, NaiveSlot>();
            var principals = Enumerable.Range(0, 6).Select(_ => new Account()).ToArray();
            var dependents = Enumerable.Range(0, 8).Select(_ => new NaiveDependent(reverse)).ToArray();
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

            if (Invariants.Violations(dependents, principals, d => d.Principal, p => reverse.TryGetValue(p, out var s) ? s.Dependent : null).Count > 0)
            {
                return; // caught, as it should be
            }
        }

        Assert.Fail("the stress never caught the non-atomic variant");
    }

    private sealed class NaiveSlot
    {
        public NaiveDependent? Dependent;
    }

    private sealed class NaiveDependent(System.Runtime.CompilerServices.ConditionalWeakTable<Account, NaiveSlot> reverse)
    {
        public Account? Principal;

        public void Link(Account p)
        {
            var old = Principal;
            if (ReferenceEquals(old, p))
            {
                return;
            }

            var slot = reverse.GetOrCreateValue(p);
            if (slot.Dependent is not null)
            {
                throw new InvalidOperationException("taken");
            }

            Thread.Yield();
            if (old is not null)
            {
                reverse.GetOrCreateValue(old).Dependent = null;
            }

            Principal = p;
            slot.Dependent = this;
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
            reverse.GetOrCreateValue(old).Dependent = null;
        }
    }
}
