using OneToOne.Tests.Models;

namespace OneToOne.Tests;

/// <summary>A link operation allocates nothing.</summary>
public class AllocationTests
{
    [Fact]
    public void LinkMoveUnlinkAndReplaceAllocateNothing()
    {
        var (u1, u2) = (new User(), new User());
        var (p1, p2) = (new Profile(), new Profile());
        var (b1, b2) = (new Badge(), new Badge());
        var (m1, m2) = (new Person(), new Person());

        void Cycle()
        {
            p1.User = u1;      // link
            p1.User = u2;      // move
            p1.User = u2;      // no-op
            u1.Profile = p2;   // link through the reverse accessor
            u1.Profile = null; // unlink through the reverse accessor
            p1.User = null;    // unlink
            b1.Holder = u1;
            b2.Holder = u1;    // replace
            u2.Badge = b1;     // replace through the reverse accessor
            b1.Holder = null;
            b2.Holder = null;
            m1.Mentor = m2;    // self link
            m2.Mentor = m1;
            m1.Mentor = null;
            m2.Mentor = null;
        }

        for (var i = 0; i < 1000; i++)
        {
            Cycle(); // warm up: JIT, tiering, identity hash codes
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Cycle();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
