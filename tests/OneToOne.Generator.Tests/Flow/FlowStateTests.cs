using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OneToOne.Generator.Analyzers.Flow;

namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// A state of the flow analysis and its copy share their tables until one of them changes (copy-on-write): each
/// side must then see only its own changes, whichever side writes first and whatever it writes (a variable, a fact,
/// an unlink, a join, the ageing of a loop's objects).
/// </summary>
public class FlowStateTests
{
    private static readonly AbstractValue Principal = new(0, Old: false);
    private static readonly AbstractValue First = new(1, Old: false);
    private static readonly AbstractValue Second = new(2, Old: false);

    private static readonly (LinkInfo Link, ISymbol Variable) Symbols = MakeSymbols();

    private static LinkInfo Link => Symbols.Link;

    private static VarKey Variable => VarKey.Of(Symbols.Variable);

    private static (LinkInfo, ISymbol) MakeSymbols()
    {
        var compilation = CSharpCompilation.Create("States", [CSharpSyntaxTree.ParseText("class User { } class Profile { } class Holder { object x; }")]);
        var user = compilation.GetTypeByMetadataName("User")!;
        var profile = compilation.GetTypeByMetadataName("Profile")!;
        var field = compilation.GetTypeByMetadataName("Holder")!.GetMembers("x").Single();
        return (new LinkInfo(profile, user, "User", "Profile", replace: false), field);
    }

    private static FactKey Fact => new(Link, Principal);

    [Fact]
    public void ACopysChangesAreNotSeenByTheOriginal()
    {
        var origins = new Origins();
        var original = new FlowState(origins);
        original.SetVar(Variable, ValueSet.Of(First));
        original.SetFact(Fact, ValueSet.Of(First));

        var copy = original.Clone();
        copy.SetVar(Variable, ValueSet.Of(Second));
        copy.SetFact(Fact, ValueSet.Of(Second));
        copy.AddDetached(new DetachedKey(Link, First));

        Assert.True(original.TryGetVar(Variable, out var held));
        Assert.Equal(First, held.First());
        Assert.True(original.TryGetFact(Fact, out var dependents));
        Assert.Equal(First, dependents.First());
        Assert.Empty(original.Detached);
        Assert.True(copy.TryGetVar(Variable, out var copied));
        Assert.Equal(Second, copied.First());
    }

    [Fact]
    public void TheOriginalsChangesAreNotSeenByTheCopy()
    {
        var origins = new Origins();
        var original = new FlowState(origins);
        original.SetFact(Fact, ValueSet.Of(First));
        original.AddDetached(new DetachedKey(Link, Second));
        var copy = original.Clone();

        original.RemoveFact(Fact);
        original.RemoveDetached(new DetachedKey(Link, Second));
        original.SetVar(Variable, ValueSet.Of(First));

        Assert.True(copy.TryGetFact(Fact, out var dependents));
        Assert.Equal(First, dependents.First());
        Assert.Contains(new DetachedKey(Link, Second), copy.Detached);
        Assert.False(copy.TryGetVar(Variable, out _));
    }

    [Fact]
    public void AJoinIntoACopyLeavesTheOriginalAsItWas()
    {
        var origins = new Origins();
        var original = new FlowState(origins);
        original.SetFact(Fact, ValueSet.Of(First));
        original.AddDetached(new DetachedKey(Link, First));
        var copy = original.Clone();
        var other = new FlowState(origins);
        other.SetFact(Fact, ValueSet.Of(Second));

        Assert.True(copy.JoinFrom(other, origins));

        Assert.True(copy.TryGetFact(Fact, out var joined));
        Assert.Equal(2, joined.Count);
        Assert.Empty(copy.Detached); // a must-set: the other side does not hold the unlink
        Assert.True(original.TryGetFact(Fact, out var kept));
        Assert.Equal(1, kept.Count);
        Assert.Single(original.Detached);
        Assert.False(copy.JoinFrom(other, origins)); // nothing new the second time
    }

    [Fact]
    public void AgeingInACopyLeavesTheOriginalsObjectsCurrent()
    {
        var origins = new Origins();
        var place = origins.Of("loop", 0, static _ => "d", OriginKind.Made);
        var made = new AbstractValue(place, Old: false);
        Assert.True(origins.MadeFirstTime(place));
        var original = new FlowState(origins);
        original.SetVar(Variable, ValueSet.Of(made));
        original.SetFact(new FactKey(Link, made), ValueSet.Of(First));
        var copy = original.Clone();

        copy.Age(place, origins);

        Assert.True(copy.TryGetVar(Variable, out var aged));
        Assert.Equal(made with { Old = true }, aged.First());
        Assert.True(copy.TryGetFact(new FactKey(Link, made with { Old = true }), out _));
        Assert.False(copy.TryGetFact(new FactKey(Link, made), out _));
        Assert.True(original.TryGetVar(Variable, out var current));
        Assert.Equal(made, current.First());
        Assert.True(original.TryGetFact(new FactKey(Link, made), out _));
    }

    [Fact]
    public void AJoinAddsTheVariablesTheOtherSideHoldsAndGrowsOnlyWhatItChanges()
    {
        var origins = new Origins();
        var later = VarKey.Of(Symbols.Link.Principal); // numbered after the first variable
        var original = new FlowState(origins);
        original.SetVar(Variable, ValueSet.Of(First));
        var copy = original.Clone();
        var other = new FlowState(origins);
        other.SetVar(Variable, ValueSet.Of(First));
        other.SetVar(later, ValueSet.Of(Second));

        Assert.True(copy.JoinFrom(other, origins));

        Assert.True(copy.TryGetVar(later, out var added));
        Assert.Equal(Second, added.First());
        Assert.True(copy.TryGetVar(Variable, out var same));
        Assert.Equal(1, same.Count);
        Assert.False(original.TryGetVar(later, out _));
        Assert.False(copy.JoinFrom(other, origins)); // nothing new the second time

        copy.RemoveVar(later);
        Assert.False(copy.TryGetVar(later, out _));
        Assert.True(other.TryGetVar(later, out _));
    }
}
