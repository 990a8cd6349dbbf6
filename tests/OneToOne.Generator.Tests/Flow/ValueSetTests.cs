using OneToOne.Generator.Analyzers.Flow;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// The sets of abstract objects the flow analysis keeps: immutable (every change makes a new set, or gives back one
/// of the sets it was made from when nothing changes), sorted by origin with the current object before the old one.
/// </summary>
public class ValueSetTests
{
    private static readonly AbstractValue A = new(1, Old: false);
    private static readonly AbstractValue AOld = new(1, Old: true);
    private static readonly AbstractValue B = new(2, Old: false);
    private static readonly AbstractValue C = new(5, Old: false);

    private static ValueSet Of(params AbstractValue[] values) =>
        values.Aggregate(ValueSet.Empty, (set, value) => set.Union(ValueSet.Of(value)));

    private static List<AbstractValue> Items(ValueSet set)
    {
        var items = new List<AbstractValue>();
        foreach (var value in set)
        {
            items.Add(value);
        }

        return items;
    }

    [Fact]
    public void UnionMergesInOrderWithoutDuplicates()
    {
        var set = Of(C, AOld, B, A, B);

        Assert.Equal([A, AOld, B, C], Items(set));
        Assert.Equal(4, set.Count);
        Assert.Equal(A, set.First());
    }

    [Fact]
    public void UnionGivesBackTheLargerSetWhenItHoldsTheOther()
    {
        var large = Of(A, B, C);
        var small = Of(B);

        Assert.Same(large, large.Union(small));
        Assert.Same(large, small.Union(large));
        Assert.Same(large, large.Union(ValueSet.Empty));
    }

    [Fact]
    public void UnionOfOverlappingSetsIsANewSetAndLeavesBothUnchanged()
    {
        var left = Of(A, B);
        var right = Of(B, C);

        var union = left.Union(right);

        Assert.Equal([A, B, C], Items(union));
        Assert.Equal([A, B], Items(left));
        Assert.Equal([B, C], Items(right));
    }

    [Fact]
    public void WithoutRemovesOneObjectAndGivesBackTheSameSetWhenItIsAbsent()
    {
        var set = Of(A, B, C);

        Assert.Equal([A, C], Items(set.Without(B)));
        Assert.Equal([B, C], Items(set.Without(A)));
        Assert.Equal([A, B], Items(set.Without(C)));
        Assert.Same(set, set.Without(AOld));
        Assert.Same(ValueSet.Empty, Of(A).Without(A));
        Assert.Equal([A, B, C], Items(set));
    }

    [Fact]
    public void ReplaceTakesOneObjectOutAndPutsAnotherIn()
    {
        var set = Of(A, C);

        Assert.Equal([AOld, C], Items(set.Replace(A, AOld)));
        Assert.Equal([A, AOld, B], Items(Of(A, AOld).Replace(C, B)));
    }

    [Fact]
    public void ContainsAndIsSupersetOfLookAtEveryObject()
    {
        var set = Of(A, B, C);

        Assert.True(set.Contains(A));
        Assert.True(set.Contains(C));
        Assert.False(set.Contains(AOld));
        Assert.True(set.IsSupersetOf(Of(A, C)));
        Assert.True(set.IsSupersetOf(ValueSet.Empty));
        Assert.False(set.IsSupersetOf(Of(A, AOld)));
        Assert.False(Of(A).IsSupersetOf(Of(C)));
        Assert.True(set.IsSupersetOf(set));
    }

    [Fact]
    public void EnumeratingThroughTheInterfaceGivesTheSameOrder()
    {
        IEnumerable<AbstractValue> set = Of(B, A, C);

        Assert.Equal([A, B, C], set.ToList());
    }
}
