using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using OneToOne.Generator.Diagnostics;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>What one analysis of a method (and the lambdas and local functions in it) shares.</summary>
internal sealed class FlowContext(LinkResolver resolver, Action<Diagnostic> report, CancellationToken cancellationToken)
{
    private readonly HashSet<(Location, string)> _reported = new();

    public LinkResolver Resolver { get; } = resolver;

    public Origins Origins { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void Report(Diagnostic diagnostic)
    {
        if (_reported.Add((diagnostic.Location, diagnostic.Id)))
        {
            report(diagnostic);
        }
    }
}

/// <summary>
/// The forward may-analysis of one control-flow graph (a method body, a lambda or a local function): a fixed
/// point over the basic blocks, then one more pass that reports OTO100/OTO101 on the second link operation.
/// </summary>
internal sealed class BodyAnalysis
{
    /// <summary>Diagnostic property: the principal expression as written (absent when it is not a plain name or member access).</summary>
    public const string PropertyPrincipal = "Principal";

    /// <summary>Diagnostic property: the reverse accessor's name.</summary>
    public const string PropertyReverse = "Reverse";

    /// <summary>Diagnostic property: the dependent type's name.</summary>
    public const string PropertyDependent = "Dependent";

    private const int MaxRounds = 64;

    private readonly ControlFlowGraph _graph;
    private readonly FlowContext _context;
    private readonly IMethodSymbol? _lambda; // set when this graph is a lambda run repeatedly
    private readonly FlowState?[] _in;
    private readonly Dictionary<ControlFlowRegion, List<BasicBlock>> _finallyExits = new();
    private readonly Dictionary<CaptureId, (LinkEnd End, IPropertyReferenceOperation Property)> _linkTargets = new();
    private FlowState? _exit;
    private bool _reporting;
    private FlowState _state = new();

    private BodyAnalysis(ControlFlowGraph graph, FlowContext context, IMethodSymbol? repeatedLambda)
    {
        _graph = graph;
        _context = context;
        _lambda = repeatedLambda;
        _in = new FlowState?[graph.Blocks.Length];
    }

    /// <summary>Analyses a body run once, from an empty state, and reports.</summary>
    public static void AnalyzeAndReport(ControlFlowGraph graph, FlowContext context)
    {
        var analysis = new BodyAnalysis(graph, context, null);
        analysis.Solve(new FlowState());
        analysis.Report();
    }

    /// <summary>Runs the fixed point from <paramref name="initial"/>; the state at the exit is kept.</summary>
    private void Solve(FlowState initial)
    {
        _in[0] = initial.Clone();
        for (var round = 0; round < MaxRounds; round++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var changed = false;
            foreach (var block in _graph.Blocks)
            {
                if (_in[block.Ordinal] is { } state)
                {
                    changed |= Transfer(block, state.Clone());
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    private void Report()
    {
        _reporting = true;
        foreach (var block in _graph.Blocks)
        {
            if (_in[block.Ordinal] is { } state)
            {
                Transfer(block, state.Clone());
            }
        }

        _reporting = false;
        foreach (var localFunction in _graph.LocalFunctions)
        {
            AnalyzeAndReport(_graph.GetLocalFunctionControlFlowGraph(localFunction, _context.CancellationToken), _context);
        }
    }

    /// <summary>Runs one block from <paramref name="state"/> and merges the result into its successors.</summary>
    private bool Transfer(BasicBlock block, FlowState state)
    {
        _state = state;
        if (block.Kind == BasicBlockKind.Entry && _lambda is not null)
        {
            // Every run of a repeated lambda binds its parameters to new objects.
            foreach (var parameter in _lambda.Parameters)
            {
                Define(VarKey.Of(parameter), parameter, () => parameter.Name);
            }
        }

        var entry = _state.Clone();
        foreach (var operation in block.Operations)
        {
            Eval(operation);
        }

        (LinkInfo Link, HashSet<AbstractValue> Principals, bool NullWhenTrue)? guard = null;
        if (block.BranchValue is { } branch)
        {
            Eval(branch);
            guard = NullGuard(branch);
        }

        var changed = false;
        if (block.Kind == BasicBlockKind.Exit)
        {
            _exit = _state.Clone();
        }

        // Exceptions may leave any point of a try block: its handlers start from what any point of it may hold.
        // (A lambda's graph chains on into the regions of the graph around it: stop at this graph's root.)
        for (var region = block.EnclosingRegion; region is { Kind: not ControlFlowRegionKind.Root }; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { } tryAnd)
            {
                foreach (var handler in tryAnd.NestedRegions.Where(r => r != region))
                {
                    changed |= MergeInto(_graph.Blocks[handler.FirstBlockOrdinal], entry);
                    changed |= MergeInto(_graph.Blocks[handler.FirstBlockOrdinal], _state);
                }
            }
        }

        var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        if (block.ConditionalSuccessor is { } conditional)
        {
            changed |= Follow(conditional, Guarded(_state.Clone(), guard, whenTrue));
        }

        if (block.FallThroughSuccessor is { } fallThrough)
        {
            var next = block.ConditionalSuccessor is null ? _state : Guarded(_state.Clone(), guard, !whenTrue);
            if (fallThrough.Destination is null)
            {
                // The end of a finally block: continue where the branches that ran it were going.
                var finallyRegion = EnclosingFinally(block);
                if (finallyRegion is not null && _finallyExits.TryGetValue(finallyRegion, out var exits))
                {
                    foreach (var exit in exits)
                    {
                        changed |= MergeInto(exit, next);
                    }
                }
            }
            else
            {
                changed |= Follow(fallThrough, next);
            }
        }

        return changed;
    }

    private bool Follow(ControlFlowBranch branch, FlowState state)
    {
        if (branch.Destination is not { } destination)
        {
            return false;
        }

        if (branch.FinallyRegions.Length > 0)
        {
            // The finally blocks run first; their end carries the state on (see Transfer).
            var outermost = branch.FinallyRegions[branch.FinallyRegions.Length - 1];
            if (!_finallyExits.TryGetValue(outermost, out var exits))
            {
                _finallyExits[outermost] = exits = new List<BasicBlock>();
            }

            var changed = false;
            if (!exits.Contains(destination))
            {
                exits.Add(destination);
                changed = true;
            }

            return MergeInto(_graph.Blocks[branch.FinallyRegions[0].FirstBlockOrdinal], state) | changed;
        }

        return MergeInto(destination, state);
    }

    private static ControlFlowRegion? EnclosingFinally(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is { Kind: not ControlFlowRegionKind.Root }; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Finally)
            {
                return region;
            }
        }

        return null;
    }

    private bool MergeInto(BasicBlock block, FlowState state)
    {
        if (_in[block.Ordinal] is { } existing)
        {
            return existing.JoinFrom(state);
        }

        _in[block.Ordinal] = state.Clone();
        return true;
    }

    // ---- values -------------------------------------------------------------------------------------------

    private HashSet<AbstractValue> Get(VarKey key, Func<string> name)
    {
        if (!_state.Vars.TryGetValue(key, out var values))
        {
            // Not assigned in this body: the value it came in with.
            values = new HashSet<AbstractValue> { new(_context.Origins.Of(key, name), Old: false) };
            _state.Vars[key] = values;
        }

        return values;
    }

    /// <summary>A new object is made at <paramref name="site"/>: the previous one (if any) becomes old.</summary>
    private HashSet<AbstractValue> NewObject(object site, Func<string> name)
    {
        var origin = _context.Origins.Of(site, name);
        _state.Age(origin);
        return new HashSet<AbstractValue> { new(origin, Old: false) };
    }

    private void Define(VarKey key, object site, Func<string> name) => _state.Vars[key] = NewObject(site, name);

    private HashSet<AbstractValue>? Eval(IOperation? operation)
    {
        switch (operation)
        {
            case null:
                return null;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment);
            case IFlowCaptureOperation { Value: IPropertyReferenceOperation property } capture when _context.Resolver.Resolve(property.Property) is { } end:
                // The target of a link whose value has control flow (b.User = flag ? u : w): remember which link and
                // which instance, for the assignment that follows in a later block.
                _linkTargets[capture.Id] = (end, property);
                SetCapture(capture.Id, Eval(property.Instance));
                return null;
            case IInvocationOperation invocation when _context.Resolver.ResolveSetter(invocation.TargetMethod) is { } setter:
                return ExtensionSetter(invocation, setter);
            case IFlowCaptureOperation capture:
                var captured = Eval(capture.Value);
                if (captured is null)
                {
                    _state.Vars.Remove(VarKey.Of(capture.Id));
                }
                else
                {
                    _state.Vars[VarKey.Of(capture.Id)] = new HashSet<AbstractValue>(captured);
                }

                return null;
            case IFlowCaptureReferenceOperation reference:
                return _state.Vars.TryGetValue(VarKey.Of(reference.Id), out var values) ? values : null;
            case ILocalReferenceOperation local:
                return Get(VarKey.Of(local.Local), () => local.Local.Name);
            case IParameterReferenceOperation parameter:
                return Get(VarKey.Of(parameter.Parameter), () => parameter.Parameter.Name);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                return Get(VarKey.Of(instance.Type!), () => "this");
            case IFieldReferenceOperation field when IsThis(field.Instance):
                return Get(VarKey.Of(field.Field), () => field.Field.Name);
            case IPropertyReferenceOperation property when IsThis(property.Instance) && property.Arguments.Length == 0 &&
                                                           _context.Resolver.Resolve(property.Property) is null:
                return Get(VarKey.Of(property.Property), () => property.Property.Name);
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case IObjectCreationOperation creation:
                EvalChildren(creation);
                return NewObject(creation, () => CreationName(creation));
            case IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda } delegateCreation:
                Lambda(lambda, delegateCreation);
                return null;
            case IIsPatternOperation pattern:
                Eval(pattern.Value);
                foreach (var declaration in pattern.Pattern.DescendantsAndSelf().OfType<IDeclarationPatternOperation>())
                {
                    if (declaration.DeclaredSymbol is ILocalSymbol declared)
                    {
                        Define(VarKey.Of(declared), declaration, () => declared.Name);
                    }
                }

                return null;
            default:
                EvalChildren(operation);
                return null;
        }
    }

    private void SetCapture(CaptureId id, HashSet<AbstractValue>? values)
    {
        if (values is null)
        {
            _state.Vars.Remove(VarKey.Of(id));
        }
        else
        {
            _state.Vars[VarKey.Of(id)] = new HashSet<AbstractValue>(values);
        }
    }

    /// <summary><c>u.SetProfile(p)</c>: the extension setter of a principal from elsewhere, a reverse assignment.</summary>
    private HashSet<AbstractValue>? ExtensionSetter(IInvocationOperation invocation, LinkEnd end)
    {
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        IOperation? receiver = invocation.Instance ?? (arguments.Count > 0 ? arguments[0].Value : null);
        var valueArgument = invocation.Instance is null ? (arguments.Count > 1 ? arguments[1].Value : null) : (arguments.Count > 0 ? arguments[0].Value : null);
        var principals = Eval(receiver);
        var dependents = Eval(valueArgument);
        if (valueArgument is not null)
        {
            Link(end, principals, dependents, IsNull(valueArgument), invocation, PlainSyntax(receiver));
        }

        return null;
    }

    private static SyntaxNode? PlainSyntax(IOperation? operation) => operation is { IsImplicit: false } ? operation.Syntax : null;

    private void EvalChildren(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            Eval(child);
        }
    }

    private static bool IsThis(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private HashSet<AbstractValue>? Assign(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IFlowCaptureReferenceOperation target && _linkTargets.TryGetValue(target.Id, out var captured))
        {
            var capturedInstance = _state.Vars.TryGetValue(VarKey.Of(target.Id), out var values) ? values : null;
            var assignedValue = Eval(assignment.Value);
            var syntax = captured.End.IsForward ? Unwrap(assignment.Value).Syntax : PlainSyntax(captured.Property.Instance);
            Link(captured.End, capturedInstance, assignedValue, IsNull(assignment.Value), assignment, syntax);
            return assignedValue;
        }

        if (assignment.Target is IPropertyReferenceOperation property && _context.Resolver.Resolve(property.Property) is { } end)
        {
            var instance = Eval(property.Instance);
            var value = Eval(assignment.Value);
            var principalSyntax = end.IsForward ? Unwrap(assignment.Value).Syntax : PlainSyntax(property.Instance);
            Link(end, instance, value, IsNull(assignment.Value), assignment, principalSyntax);
            return value;
        }

        var assigned = Eval(assignment.Value);
        var tracked = assignment.Target.Type is { IsReferenceType: true };
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local when tracked:
                _state.Vars[VarKey.Of(local.Local)] = Copy(assigned) ?? NewObject(assignment, () => local.Local.Name);
                break;
            case IParameterReferenceOperation parameter when tracked:
                _state.Vars[VarKey.Of(parameter.Parameter)] = Copy(assigned) ?? NewObject(assignment, () => parameter.Parameter.Name);
                break;
            case IFieldReferenceOperation field when tracked && IsThis(field.Instance):
                _state.Vars[VarKey.Of(field.Field)] = Copy(assigned) ?? NewObject(assignment, () => field.Field.Name);
                break;
            case IPropertyReferenceOperation other when tracked && IsThis(other.Instance) && other.Arguments.Length == 0:
                _state.Vars[VarKey.Of(other.Property)] = Copy(assigned) ?? NewObject(assignment, () => other.Property.Name);
                break;
            default:
                EvalChildren(assignment.Target);
                break;
        }

        return assigned;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static HashSet<AbstractValue>? Copy(HashSet<AbstractValue>? values) => values is null ? null : new HashSet<AbstractValue>(values);

    private static bool IsNull(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: null } ||
        (value is IConversionOperation conversion && IsNull(conversion.Operand)) ||
        value is IDefaultValueOperation;

    // ---- links ---------------------------------------------------------------------------------------------

    private void Link(LinkEnd end, HashSet<AbstractValue>? instance, HashSet<AbstractValue>? value, bool isNull, IOperation operation, SyntaxNode? principalSyntax)
    {
        var link = end.Link;
        if (isNull)
        {
            if (end.IsForward && instance is { Count: 1 })
            {
                Unlink(link, instance.First()); // d.User = null
            }
            else if (!end.IsForward && instance is { Count: 1 })
            {
                _state.Facts.Remove(new FactKey(link, instance.First())); // p.Profile = null
            }

            return;
        }

        var dependents = end.IsForward ? instance : value;
        var principals = end.IsForward ? value : instance;
        if (dependents is { Count: 1 })
        {
            Unlink(link, dependents.First()); // the dependent moves away from any principal it had
        }

        if (principals is null)
        {
            return;
        }

        if (dependents is null)
        {
            // An object the analysis cannot name: it never conflicts, and the principal now holds it.
            foreach (var principal in principals)
            {
                _state.Facts.Remove(new FactKey(link, principal));
            }

            return;
        }

        if (_reporting && !link.Replace)
        {
            CheckConflict(link, principals, dependents, operation, principalSyntax);
        }

        foreach (var principal in principals)
        {
            var key = new FactKey(link, principal);
            if (principals.Count == 1 && !principal.Old || !_state.Facts.TryGetValue(key, out var existing))
            {
                _state.Facts[key] = new HashSet<AbstractValue>(dependents); // the principal holds exactly this one now
            }
            else
            {
                existing.UnionWith(dependents);
            }
        }
    }

    private void Unlink(LinkInfo link, AbstractValue dependent)
    {
        foreach (var pair in _state.Facts)
        {
            if (pair.Key.Link == link)
            {
                pair.Value.Remove(dependent);
            }
        }
    }

    private void CheckConflict(LinkInfo link, HashSet<AbstractValue> principals, HashSet<AbstractValue> dependents, IOperation operation, SyntaxNode? principalSyntax)
    {
        foreach (var principal in principals)
        {
            if (!_state.Facts.TryGetValue(new FactKey(link, principal), out var existing))
            {
                continue;
            }

            // The same dependent again is no conflict; it must be provably the same object.
            var conflicting = existing.Where(e => !(dependents.Count == 1 && dependents.Contains(e))).ToList();
            if (conflicting.Count == 0)
            {
                continue;
            }

            var origins = _context.Origins;

            // For the code fix: the principal as written, when it is a plain name or member access, and the reverse accessor.
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(PropertyReverse, link.Reverse)
                .Add(PropertyDependent, link.Dependent.Name)
                .Add(PropertyPrincipal, principalSyntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax ? principalSyntax.ToString() : null);
            var member = $"{link.Dependent.Name}.{link.Navigation}";
            if (conflicting.All(c => c.Old))
            {
                _context.Report(Diagnostic.Create(
                    Descriptors.RepeatedLink, operation.Syntax.GetLocation(), properties,
                    origins.Name(principal), link.Dependent.Name, member, InLoop(operation) ? "loop" : "lambda"));
            }
            else
            {
                var names = string.Join("', '", conflicting.Where(c => !c.Old).Select(origins.Name).Distinct().Take(3));
                _context.Report(Diagnostic.Create(
                    Descriptors.DoubleLink, operation.Syntax.GetLocation(), properties,
                    origins.Name(principal), link.Dependent.Name, names, origins.Name(dependents.First()), member));
            }

            return;
        }
    }

    private static bool InLoop(IOperation operation)
    {
        for (var node = operation.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // ---- guards: "p.Profile is null" ----------------------------------------------------------------------

    private (LinkInfo, HashSet<AbstractValue>, bool)? NullGuard(IOperation condition)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when NullGuard(not.Operand) is var (link, principals, nullWhenTrue):
                return (link, principals, !nullWhenTrue);
            case IIsPatternOperation { Value: var value, Pattern: var pattern } when ReverseRead(value) is var (link, principals):
                return pattern switch
                {
                    IConstantPatternOperation constant when IsNull(constant.Value) => (link, principals, true),
                    INegatedPatternOperation { Pattern: IConstantPatternOperation constant } when IsNull(constant.Value) => (link, principals, false),
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var read = IsNull(binary.RightOperand) ? ReverseRead(binary.LeftOperand)
                         : IsNull(binary.LeftOperand) ? ReverseRead(binary.RightOperand)
                         : null;
                return read is var (l, p) ? (l, p, binary.OperatorKind == BinaryOperatorKind.Equals) : null;
            default:
                return null;
        }
    }

    /// <summary><c>p.Profile</c>, read: the link and the principal's values (without evaluating anything again).</summary>
    private (LinkInfo, HashSet<AbstractValue>)? ReverseRead(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IPropertyReferenceOperation property &&
            _context.Resolver.Resolve(property.Property) is { IsForward: false } end &&
            Peek(property.Instance) is { } principals)
        {
            return (end.Link, principals);
        }

        // u.GetProfile(), the extension getter below C# 14.
        if (operation is IInvocationOperation invocation &&
            _context.Resolver.ResolveGetter(invocation.TargetMethod) is { } getter &&
            Peek(invocation.Instance ?? invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).FirstOrDefault()?.Value) is { } receivers)
        {
            return (getter.Link, receivers);
        }

        return null;
    }

    private HashSet<AbstractValue>? Peek(IOperation? operation) => operation switch
    {
        IFlowCaptureReferenceOperation r => _state.Vars.TryGetValue(VarKey.Of(r.Id), out var v) ? v : null,
        ILocalReferenceOperation l => _state.Vars.TryGetValue(VarKey.Of(l.Local), out var v) ? v : null,
        IParameterReferenceOperation p => _state.Vars.TryGetValue(VarKey.Of(p.Parameter), out var v) ? v : null,
        IFieldReferenceOperation f when IsThis(f.Instance) => _state.Vars.TryGetValue(VarKey.Of(f.Field), out var v) ? v : null,
        IPropertyReferenceOperation p when IsThis(p.Instance) => _state.Vars.TryGetValue(VarKey.Of(p.Property), out var v) ? v : null,
        IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } i => _state.Vars.TryGetValue(VarKey.Of(i.Type!), out var v) ? v : null,
        IConversionOperation c => Peek(c.Operand),
        _ => null,
    };

    private static FlowState Guarded(FlowState state, (LinkInfo Link, HashSet<AbstractValue> Principals, bool NullWhenTrue)? guard, bool conditionValue)
    {
        if (guard is { } g && g.NullWhenTrue == conditionValue && g.Principals.Count == 1)
        {
            // On this edge the principal has no dependent.
            state.Facts.Remove(new FactKey(g.Link, g.Principals.First()));
        }

        return state;
    }

    // ---- lambdas -------------------------------------------------------------------------------------------

    private void Lambda(IFlowAnonymousFunctionOperation lambda, IOperation delegateCreation)
    {
        var graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _context.CancellationToken);
        if (!RunsRepeatedly(delegateCreation))
        {
            if (_reporting)
            {
                AnalyzeAndReport(graph, _context); // runs at some later time: on its own
            }

            return;
        }

        // Handed to a method that runs it again and again: what one run links is there at the start of the next.
        var analysis = new BodyAnalysis(graph, _context, lambda.Symbol);
        var start = _state.Clone();
        for (var run = 0; run < 8; run++)
        {
            analysis.Solve(start);
            if (analysis._exit is null || !start.JoinFrom(analysis._exit))
            {
                break;
            }
        }

        if (_reporting)
        {
            analysis.Report();
        }

        if (analysis._exit is not null)
        {
            _state.JoinFrom(analysis._exit);
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

    private static string CreationName(IObjectCreationOperation creation)
    {
        for (var node = creation.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name }:
                    return name.Identifier.ValueText;
                case ParenthesizedExpressionSyntax or CastExpressionSyntax:
                    continue;
            }

            break;
        }

        return "a new " + creation.Type?.Name;
    }
}
