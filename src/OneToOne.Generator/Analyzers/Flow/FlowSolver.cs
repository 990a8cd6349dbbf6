using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>
/// Owns the fixed point of one body (a method body, a lambda or a local function) over its control-flow graph: the
/// state at the start of each basic block, how states flow along branches, through finally blocks and into exception
/// handlers, what the guards of a branch remove on each edge, the state at the exit and the objects returned. A body
/// made of structured statements (<see cref="OperationExtensions.IsStructured"/>) is run from its operation tree
/// instead (<see cref="Evaluator.RunBody"/>), with the same transfer functions and the same joins, and its graph is
/// never built. It reports nothing itself: it tells an observer (<see cref="ConflictReporter"/>) of each link on the
/// fixed point's state (see <see cref="SolveTelling"/>).
/// </summary>
internal sealed class FlowSolver
{
    /// <summary>For a body run without a graph: no flow capture.</summary>
    public static readonly Dictionary<CaptureId, int> NoCaptures = new();

    // A graph's alone (a body run from its operation tree has no flow capture, no finally block and no work list).
    private readonly Dictionary<ControlFlowRegion, List<BasicBlock>> _finallyExits;
    private readonly HashSet<CaptureId> _assignedCaptures;
    private readonly Dictionary<CaptureId, int> _captureBlock;
    private readonly SortedSet<int> _pending;
    private FlowState? _exit;

    public FlowSolver(ControlFlowGraph graph, FlowContext context, IMethodSymbol? repeatedLambda)
    {
        _finallyExits = new();
        _assignedCaptures = new();
        _captureBlock = new();
        _pending = new();
        LinkTargets = new();
        Graph = graph;
        Context = context;
        RepeatedLambda = repeatedLambda;
        In = new FlowState?[graph.Blocks.Length];
        ScanCaptures();
    }

    /// <summary>A solver for a body made of structured statements, run from its operation tree without a graph.</summary>
    public FlowSolver(FlowContext context, IMethodBodyBaseOperation body)
    {
        (_finallyExits, _assignedCaptures, _captureBlock, _pending, LinkTargets) = (null!, null!, null!, null!, null!); // never used without a graph
        Context = context;
        Body = body;
        In = [];
    }

    /// <summary>The graph solved (null for a body run from its operation tree: see <see cref="Body"/>).</summary>
    public ControlFlowGraph? Graph { get; }

    /// <summary>The body run from its operation tree (null when it has a graph).</summary>
    public IMethodBodyBaseOperation? Body { get; }

    /// <summary>For a body run from its operation tree: the state at the start of each loop, as solving left it.</summary>
    public Dictionary<ILoopOperation, FlowState> LoopStarts => _loopStarts ??= new();

    private Dictionary<ILoopOperation, FlowState>? _loopStarts;

    private ImmutableArray<BasicBlock> Blocks => Graph?.Blocks ?? ImmutableArray<BasicBlock>.Empty;

    public FlowContext Context { get; }

    /// <summary>Set when this graph is a lambda that runs repeatedly: each run binds its parameters to new objects.</summary>
    public IMethodSymbol? RepeatedLambda { get; }

    /// <summary>The state at the start of each block (null: not reached).</summary>
    public FlowState?[] In { get; }

    /// <summary>The state at the exit (null: no path returns).</summary>
    public FlowState? Exit => _exit;

    /// <summary>The objects the <c>return</c> statements may give back (null: none, or one the analysis cannot name).</summary>
    public ValueSet? Returned { get; private set; }

    /// <summary>Flow captures that hold the instance of a link whose value has control flow, with the link.</summary>
    public Dictionary<CaptureId, (LinkEnd End, IPropertyReferenceOperation Property)> LinkTargets { get; }

    /// <summary>Whether the capture is later assigned to (it stands for a property being assigned, not read).</summary>
    public bool IsAssignedCapture(CaptureId id) => _assignedCaptures.Contains(id);

    /// <summary>
    /// Runs the fixed point from <paramref name="initial"/>. Over a graph: a work list of the blocks whose starting
    /// state changed, the lowest ordinal first (the order of the source), so a block runs again only when what reaches
    /// it grew. Without a graph: the body's statements, each loop to its own fixed point.
    /// </summary>
    public void Solve(FlowState initial)
    {
        if (Body is { } body)
        {
            new Evaluator(this, NoReports.Instance).RunBody(body, initial);
            return;
        }

        var evaluator = new Evaluator(this, NoReports.Instance);
        if (In[0] is { } existing)
        {
            if (!existing.JoinFrom(initial, Context.Origins))
            {
                return; // nothing new reaches the entry: the fixed point stands
            }
        }
        else
        {
            In[0] = initial.Clone();
        }

        _pending.Add(0);
        var budget = FlowBounds.FixedPointRounds * Blocks.Length;
        while (_pending.Count > 0 && budget-- > 0)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            var ordinal = _pending.Min;
            _pending.Remove(ordinal);
            if (In[ordinal] is { } state)
            {
                Transfer(Blocks[ordinal], state, state.Clone(), evaluator);
            }
        }

        _pending.Clear();
    }

    /// <summary>
    /// Runs the fixed point from <paramref name="initial"/> and tells <paramref name="observer"/> of each link, on the
    /// state the fixed point has there. Over a graph: solving, then a replay of each block once from its state.
    /// Without a graph, as the run goes: the last run of each statement is the one on the fixed point's state (a loop
    /// runs until a run from its start adds nothing; the observer drops what the runs before that one told it: see
    /// <see cref="ILinkObserver.LoopRunEnded"/>), so no second run is needed.
    /// </summary>
    public void SolveTelling(FlowState initial, ILinkObserver observer)
    {
        if (Body is { } body)
        {
            new Evaluator(this, observer).RunBody(body, initial);
            return;
        }

        Solve(initial);
        Replay(observer);
    }

    /// <summary>Runs each block of a solved graph once more from its state, telling <paramref name="observer"/> of each link.</summary>
    public void Replay(ILinkObserver observer)
    {
        var evaluator = new Evaluator(this, observer);
        foreach (var block in Blocks)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            if (In[block.Ordinal] is { } state)
            {
                evaluator.RunBlock(block, state);
            }
        }
    }

    /// <summary>A path of a body run from its operation tree reaches its end (or a <c>return</c>) with <paramref name="state"/>.</summary>
    public void ReachExit(FlowState state)
    {
        state.Collect(NoCaptures, block: -1, Context.Origins);
        if (_exit is null)
        {
            _exit = state;
        }
        else
        {
            _exit.JoinFrom(state, Context.Origins);
        }
    }

    /// <summary>A <c>return</c> gives back <paramref name="values"/> (null: an object the analysis cannot name).</summary>
    public void NoteReturned(ValueSet? values)
    {
        if (values is null)
        {
            Returned = null;
            _returnsUnknown = true;
        }
        else if (!_returnsUnknown)
        {
            Returned = Returned is null ? values : Returned.Union(values);
        }
    }

    /// <summary>
    /// Runs one block from <paramref name="state"/>, a copy of <paramref name="entry"/> (the state at its start, left
    /// unchanged), and merges the result into its successors.
    /// </summary>
    private void Transfer(BasicBlock block, FlowState entry, FlowState state, Evaluator evaluator)
    {
        var handlers = Handlers(block);
        var branchValues = evaluator.RunBlock(block, state);
        var guard = block.BranchValue is { } branch ? evaluator.GuardOf(branch) : null;
        if (block.FallThroughSuccessor is { Semantics: ControlFlowBranchSemantics.Return } && block.BranchValue is not null)
        {
            NoteReturned(branchValues);
        }

        state.Collect(_captureBlock, block.Ordinal, Context.Origins);
        if (block.Kind == BasicBlockKind.Exit)
        {
            _exit = state; // the exit block has no successor: its state is not used again
        }

        // Exceptions may leave any point of a try block: its handlers start from what any point of it may hold.
        if (handlers is not null)
        {
            foreach (var handler in handlers)
            {
                MergeInto(Blocks[handler.FirstBlockOrdinal], entry, owned: false);
                MergeInto(Blocks[handler.FirstBlockOrdinal], state, owned: false);
            }
        }

        var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        if (block.ConditionalSuccessor is { } conditional)
        {
            Follow(conditional, Evaluator.Guarded(state.Clone(), guard, whenTrue));
        }

        if (block.FallThroughSuccessor is { } fallThrough)
        {
            // The last use of the block's state: it goes on without a copy.
            var next = block.ConditionalSuccessor is null ? state : Evaluator.Guarded(state, guard, !whenTrue);
            if (fallThrough.Destination is null)
            {
                // The end of a finally block: continue where the branches that ran it were going.
                var finallyRegion = EnclosingFinally(block);
                if (finallyRegion is not null && _finallyExits.TryGetValue(finallyRegion, out var exits))
                {
                    foreach (var exit in exits)
                    {
                        MergeInto(exit, next, owned: false);
                    }
                }
            }
            else
            {
                Follow(fallThrough, next);
            }
        }
    }

    /// <summary>
    /// The handlers (catch and finally regions) of the try blocks around <paramref name="block"/>; null when there is
    /// none. (A lambda's graph chains on into the regions of the graph around it: stop at this graph's root.)
    /// </summary>
    private static List<ControlFlowRegion>? Handlers(BasicBlock block)
    {
        List<ControlFlowRegion>? handlers = null;
        for (var region = block.EnclosingRegion; region is { Kind: not ControlFlowRegionKind.Root }; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { } tryAnd)
            {
                foreach (var handler in tryAnd.NestedRegions)
                {
                    if (handler != region)
                    {
                        (handlers ??= new()).Add(handler);
                    }
                }
            }
        }

        return handlers;
    }

    private bool _returnsUnknown;

    /// <summary>Carries <paramref name="state"/> (owned: not used by the caller afterwards) along a branch.</summary>
    private void Follow(ControlFlowBranch branch, FlowState state)
    {
        if (branch.Destination is not { } destination)
        {
            return;
        }

        if (branch.FinallyRegions.Length > 0)
        {
            // The finally blocks run first; their end carries the state on (see Transfer).
            var outermost = branch.FinallyRegions[branch.FinallyRegions.Length - 1];
            if (!_finallyExits.TryGetValue(outermost, out var exits))
            {
                _finallyExits[outermost] = exits = new List<BasicBlock>();
            }

            if (!exits.Contains(destination))
            {
                exits.Add(destination);
                for (var ordinal = outermost.FirstBlockOrdinal; ordinal <= outermost.LastBlockOrdinal; ordinal++)
                {
                    _pending.Add(ordinal); // a new way out of the finally block: its end runs again
                }
            }

            MergeInto(Blocks[branch.FinallyRegions[0].FirstBlockOrdinal], state, owned: true);
            return;
        }

        MergeInto(destination, state, owned: true);
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

    /// <summary>Joins <paramref name="state"/> into the start of <paramref name="block"/>; the block runs again when that grew.</summary>
    private void MergeInto(BasicBlock block, FlowState state, bool owned)
    {
        if (In[block.Ordinal] is { } existing)
        {
            if (existing.JoinFrom(state, Context.Origins))
            {
                _pending.Add(block.Ordinal);
            }

            return;
        }

        In[block.Ordinal] = owned ? state : state.Clone();
        _pending.Add(block.Ordinal);
    }

    /// <summary>
    /// Notes which captures are assigned to, and which are used in one block only (dropped from the state at its
    /// end). The same capture may be defined in several blocks (the arms of a conditional): then it lives on.
    /// </summary>
    private void ScanCaptures()
    {
        foreach (var block in Blocks)
        {
            var operations = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
            foreach (var root in operations)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    CaptureId id;
                    switch (operation)
                    {
                        case IFlowCaptureOperation capture:
                            id = capture.Id;
                            break;
                        case IFlowCaptureReferenceOperation reference:
                            id = reference.Id;
                            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                            {
                                _assignedCaptures.Add(id);
                            }

                            break;
                        default:
                            continue;
                    }

                    _captureBlock[id] = _captureBlock.TryGetValue(id, out var seen) && seen != block.Ordinal ? -1 : block.Ordinal;
                }
            }
        }
    }
}
