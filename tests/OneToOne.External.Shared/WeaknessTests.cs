using System.Runtime.CompilerServices;
using Ext;
using OneToOne.External.Tests.Models;

namespace OneToOne.External.Tests;

/// <summary>
/// The reverse storage of a principal from elsewhere is weak. A principal that only the reverse storage
/// can reach (it and its dependent are referenced by nothing else) is collected. The control runs the same helper and
/// the same check against a deliberately strong store and sees the principal survive, so the check can fail.
/// </summary>
public class WeaknessTests
{
    /// <summary>A deliberately strong reverse store: principal -> dependent, as a plain dictionary would keep it.</summary>
    private static readonly Dictionary<object, object> StrongStore = new(ReferenceEqualityComparer.Instance);

    [Fact]
    public void PrincipalLinkedForwardIsCollected()
    {
        var principal = CreateLinked(static (a, p) => p.Account = a, out var dependent);
        Assert.True(IsCollected(principal), "the reverse storage kept an otherwise unreachable principal alive");
        Assert.True(IsCollected(dependent), "the reverse storage kept an otherwise unreachable dependent alive");
    }

    [Fact]
    public void PrincipalLinkedThroughTheReverseAccessorIsCollected()
    {
        var principal = CreateLinked(static (a, p) => Reverse.SetProfile(a, p), out _);
        Assert.True(IsCollected(principal), "the reverse storage kept an otherwise unreachable principal alive");
    }

    [Fact]
    public void ClosedGenericPrincipalIsCollected()
    {
        var principal = CreateLinkedBox();
        Assert.True(IsCollected(principal), "the reverse storage kept an otherwise unreachable Box<int> alive");
    }

    [Fact]
    public void Control_AStrongStoreKeepsThePrincipalAlive()
    {
        // Same helper, same check; the link also records the principal in a strong dictionary, as a non-weak
        // reverse storage would. The check must report it alive: IsCollected is able to say "no".
        var principal = CreateLinked(static (a, p) =>
        {
            p.Account = a;
            lock (StrongStore)
            {
                StrongStore[a] = p;
            }
        }, out _);
        try
        {
            Assert.False(IsCollected(principal), "a principal held by a strong store was collected: the check proves nothing");
        }
        finally
        {
            lock (StrongStore)
            {
                StrongStore.Clear();
            }
        }
    }

    [Fact]
    public void Control_APrincipalKeptAliveByItsDependentStaysLinked()
    {
        // Weak, but not too weak: while the dependent lives, its principal lives (the forward navigation holds it),
        // and the reverse slot still answers after collections.
        try
        {
            var principal = CreateLinked(static (a, p) => Reverse.SetProfile(a, p), out var dependent, keepDependent: true);
            Assert.False(IsCollected(principal));
            var profile = Assert.IsType<Profile>(dependent.Target);
            var account = Assert.IsType<Account>(principal.Target);
            Assert.Same(account, profile.Account);
            Assert.Same(profile, Reverse.ProfileOf(account));
        }
        finally
        {
            Kept.Clear();
        }
    }

    private static readonly List<object> Kept = [];

    /// <summary>Creates a principal and a dependent, links them, and returns only weak references to them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateLinked(Action<Account, Profile> link, out WeakReference dependent, bool keepDependent = false)
    {
        var a = new Account { Login = "gone" };
        var p = new Profile { Bio = "gone too" };
        link(a, p);
        Assert.Same(a, p.Account);
        Assert.Same(p, Reverse.ProfileOf(a));
        if (keepDependent)
        {
            Kept.Add(p);
        }

        dependent = new WeakReference(p);
        return new WeakReference(a);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateLinkedBox()
    {
        var b = new Box<int> { Value = 42 };
        var label = new Label { Box = b };
        Assert.Same(label, Reverse.LabelOf(b));
        return new WeakReference(b);
    }

    private static bool IsCollected(WeakReference reference)
    {
        for (var i = 0; i < 3 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        return !reference.IsAlive;
    }
}
