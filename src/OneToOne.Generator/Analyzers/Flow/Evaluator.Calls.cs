using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the transfer of calls: object creation (the constructor's summary, then the initializer, which the graph
/// runs as later operations), constructor chains, methods and extension methods (their summaries applied to the
/// receiver and the arguments), the temporaries unknown calls return, and lambdas.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>An object a followed method makes, as one call makes it.</summary>
    private readonly record struct CallMade(IOperation Call, int Origin, bool Old);

    /// <summary>The object whose initializer is running: what <c>Owner = u</c> in <c>new Profile { Owner = u }</c> assigns to.</summary>
    private ValueSet? _receiver;

    private ValueSet Creation(IObjectCreationOperation creation)
    {
        var arguments = Arguments(creation.Arguments, reduced: false);
        var made = NewObject(creation, creation, static c => Describe.Creation(c), OriginKind.Made);
        if (creation.Constructor is { } constructor &&
            Context.Summaries.Of(constructor, solver.Graph, Context.CallBudget, Context.Reach, Context.CancellationToken) is { } summary)
        {
            Apply(summary, SummaryCache.Normalize(constructor), creation, made, null, arguments);
        }

        if (creation.Initializer is { } initializer)
        {
            // Run from the operation tree (a graph has already lowered it into later operations): its members are the new object's.
            var outer = _receiver;
            _receiver = made;
            Eval(initializer);
            _receiver = outer;
        }

        return made;
    }

    private ValueSet? Invocation(IInvocationOperation invocation)
    {
        var resolver = Context.Resolver;
        if (resolver.ResolveSetter(invocation.TargetMethod) is { } setter)
        {
            return ExtensionSetter(invocation, setter);
        }

        if (resolver.ResolveGetter(invocation.TargetMethod) is { } getter)
        {
            return DependentsOf(getter.Link, Eval(Receiver(invocation)));
        }

        var target = invocation.TargetMethod;
        var reduced = target.ReducedFrom is not null;
        var receiver = Eval(invocation.Instance);
        var arguments = Arguments(invocation.Arguments, reduced);
        if (reduced && receiver is not null)
        {
            arguments[0] = (receiver, invocation.Instance);
        }

        ValueSet? result = null;
        if (Context.Summaries.Of(target, solver.Graph, Context.CallBudget, Context.Reach, Context.CancellationToken) is { } summary)
        {
            var thisValues = target.MethodKind == MethodKind.LocalFunction && !target.IsStatic && target.ContainingType is { } enclosing
                ? Get(VarKey.Of(enclosing)) // a local function's this is the caller's
                : reduced || target.IsStatic ? null : receiver;
            result = Apply(summary, SummaryCache.Normalize(target), invocation, thisValues, PlainSyntax(invocation.Instance), arguments);
        }

        // A result the analysis cannot name: a temporary, a different one each time the call runs.
        return result ?? (invocation.Type is { IsReferenceType: true }
            ? NewObject(invocation, invocation, static i => Describe.Result(i), OriginKind.Temporary)
            : null);
    }

    /// <summary>Evaluates the arguments in order; the objects of each, by the ordinal of its parameter in the declared method.</summary>
    private (ValueSet? Values, IOperation? Operation)[] Arguments(ImmutableArray<IArgumentOperation> arguments, bool reduced)
    {
        var shift = reduced ? 1 : 0;
        var count = shift;
        foreach (var argument in arguments)
        {
            count = Math.Max(count, (argument.Parameter?.Ordinal ?? -1) + shift + 1);
        }

        var result = new (ValueSet? Values, IOperation? Operation)[count];
        foreach (var argument in arguments)
        {
            var values = Eval(argument.Value);
            if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                result[parameter.Ordinal + shift] = (values, argument.Value);
            }
        }

        return result;
    }

    /// <summary>The objects of the argument of parameter <paramref name="index"/>, as <see cref="Arguments"/> gave them.</summary>
    private static (ValueSet? Values, IOperation? Operation) ArgumentAt((ValueSet? Values, IOperation? Operation)[] arguments, int index) =>
        index >= 0 && index < arguments.Length ? arguments[index] : default;

    /// <summary>One call a summary is applied to: the objects its slots stand for, and the objects the method makes, by slot.</summary>
    private struct CallSlots(IOperation call, ValueSet? receiver, (ValueSet? Values, IOperation? Operation)[] arguments)
    {
        public readonly IOperation Call { get; } = call;

        public readonly ValueSet? Receiver { get; } = receiver;

        public readonly (ValueSet? Values, IOperation? Operation)[] Arguments { get; } = arguments;

        public Dictionary<(int, bool), ValueSet>? Made { get; set; }
    }

    /// <summary>The objects a summary's slot stands for at <paramref name="call"/>; an object the method makes is named after the slot, or, when the call returns it, as the call's result.</summary>
    private ValueSet? Map(Slot slot, ref CallSlots call, bool returned = false)
    {
        switch (slot.Kind)
        {
            case SlotKind.This:
                return call.Receiver;
            case SlotKind.Parameter:
                return ArgumentAt(call.Arguments, slot.Index).Values;
            case SlotKind.Captured:
                return Get(VarKey.Of(slot.Symbol!));
            default:
                call.Made ??= new Dictionary<(int, bool), ValueSet>();
                if (!call.Made.TryGetValue((slot.Index, slot.Old), out var values))
                {
                    call.Made[(slot.Index, slot.Old)] = values = NewObject(
                        new CallMade(call.Call, slot.Index, slot.Old), (Call: call.Call, Slot: slot.Name, Returned: returned),
                        static name => name.Returned ? Describe.Result(name.Call) : name.Slot, OriginKind.Made);
                }

                return values;
        }
    }

    /// <summary>Applies a followed method's summary to one call; returns the objects the call returns, if the summary names them.</summary>
    private ValueSet? Apply(
        MethodSummary summary,
        IMethodSymbol method,
        IOperation call,
        ValueSet? receiver,
        SyntaxNode? receiverSyntax,
        (ValueSet? Values, IOperation? Operation)[] arguments)
    {
        var slots = new CallSlots(call, receiver, arguments);

        // The returned object first, so that an object the method makes and returns takes the name the caller gives it.
        ValueSet? result = null;
        if (!summary.Returns.IsEmpty)
        {
            result = ValueSet.Empty;
            foreach (var slot in summary.Returns)
            {
                if (Map(slot, ref slots, returned: true) is not { } values)
                {
                    result = null;
                    break;
                }

                result = result.Union(values);
            }
        }

        foreach (var (link, principal) in summary.ClearedPrincipals)
        {
            if (Map(principal, ref slots) is { Count: 1 } principals)
            {
                ClearPrincipal(link, principals.First());
            }
        }

        foreach (var (link, dependent) in summary.DetachedDependents)
        {
            if (Map(dependent, ref slots) is { Count: 1 } dependents)
            {
                Detach(link, dependents.First());
            }
        }

        foreach (var effect in summary.Links)
        {
            var dependents = effect.AlsoUnknown ? null : ValueSet.Empty;
            foreach (var slot in effect.Dependents)
            {
                if (dependents is null || Map(slot, ref slots) is not { } values)
                {
                    dependents = null;
                    break;
                }

                dependents = dependents.Union(values);
            }

            var principalSyntax = effect.Principal.Kind switch
            {
                SlotKind.Parameter => PlainSyntax(ArgumentAt(arguments, effect.Principal.Index).Operation?.WithoutImplicitConversions()),
                SlotKind.This => receiverSyntax,
                _ => null,
            };
            LinkValues(effect.Link, Map(effect.Principal, ref slots), dependents, call, principalSyntax, method);
        }

        return result;
    }

    private void Lambda(IFlowAnonymousFunctionOperation lambda, IOperation delegateCreation)
    {
        if (solver.Graph is not { } outer)
        {
            return; // never: a body run without its graph has no lambda
        }

        var graph = outer.GetAnonymousFunctionControlFlowGraph(lambda, Context.CancellationToken);
        if (!RunsRepeatedly(delegateCreation))
        {
            observer.LambdaMet(graph, repeated: null); // runs at some later time: on its own
            return;
        }

        // Handed to a method that runs it again and again: what one run links is there at the start of the next.
        var analysis = new FlowSolver(graph, Context, lambda.Symbol);
        var start = _state.Clone();
        for (var run = 0; run < FlowBounds.RepeatedLambdaRuns; run++)
        {
            analysis.Solve(start);
            if (analysis.Exit is null || !start.JoinFrom(analysis.Exit, Origins))
            {
                break;
            }
        }

        observer.LambdaMet(graph, analysis);
        if (analysis.Exit is not null)
        {
            _state.JoinFrom(analysis.Exit, Origins);
        }
    }

    private static bool RunsRepeatedly(IOperation delegateCreation)
    {
        var parent = delegateCreation.Parent;
        while (parent is IConversionOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IInvocationOperation invocation)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType?.ToDisplayString();
        return method.Name == "ForEach" ||
               type is "System.Linq.Enumerable" or "System.Linq.ParallelEnumerable" or "System.Linq.Queryable" or "System.Threading.Tasks.Parallel";
    }
}
