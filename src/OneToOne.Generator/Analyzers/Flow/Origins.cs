using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Analyzers.Flow;

/// <summary>What kind of place an abstract object comes from.</summary>
internal enum OriginKind
{
    /// <summary>A value a body starts with: a parameter, <c>this</c>, a field or property of <c>this</c>.</summary>
    Incoming,

    /// <summary>An object made here: <c>new</c>, an assignment from something unknown, a loop variable.</summary>
    Made,

    /// <summary>
    /// A temporary: a method's result, an element reached through an indexer, another object's member. Its
    /// identity is unknown, except that a run of a loop gets a different one than the runs before.
    /// </summary>
    Temporary,
}

/// <summary>
/// Owns the table of abstract objects of one analysis (a body, its lambdas and local functions): where each comes
/// from, its kind, its name for messages, the call through which it was linked, and which temporaries are members
/// of which object (they age with it).
/// </summary>
internal sealed class Origins
{
    private readonly Dictionary<object, int> _ids = new();
    private readonly List<Place> _places = new();
    private readonly Dictionary<AbstractValue, ValueSet> _singles = new();
    private readonly List<int> _incoming = new(); // by variable number: the origin of the value it comes in with, or -1

    // Made on first use: most analyses (a helper's summary) never need them.
    private Dictionary<int, List<int>>? _derived;
    private HashSet<int>? _derivedOrigins;
    private Dictionary<(int, LinkInfo), IMethodSymbol>? _through;
    private Dictionary<object, int>? _many;

    /// <summary>The numbering of the analysis's variables, which its states share.</summary>
    public VarTable Variables { get; } = new();

    /// <summary>
    /// The origin of the place <paramref name="key"/>, made the first time with the name <paramref name="name"/> gives
    /// for <paramref name="argument"/> (no closure: the name is only worked out once per place).
    /// </summary>
    public int Of<TArgument>(object key, TArgument argument, Func<TArgument, string> name, OriginKind kind)
    {
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _places.Count;
            _ids[key] = id;
            _places.Add(new Place(key, name(argument), kind));
        }

        return id;
    }

    /// <summary>
    /// The origin of the value <paramref name="variable"/> comes in with (a parameter, <c>this</c>, a field or property
    /// of <c>this</c>), named after it; made the first time it is asked for.
    /// </summary>
    public int IncomingOf(VarKey variable)
    {
        var number = Variables.Number(variable);
        while (_incoming.Count <= number)
        {
            _incoming.Add(-1);
        }

        if (_incoming[number] < 0)
        {
            _incoming[number] = Of(variable, variable.Symbol, static s => s is ITypeSymbol ? "this" : s!.Name, OriginKind.Incoming);
        }

        return _incoming[number];
    }

    /// <summary>
    /// The set of the one object <paramref name="value"/>, made once and shared by every state that holds just it
    /// (a state's sets are never changed in place).
    /// </summary>
    public ValueSet Single(AbstractValue value)
    {
        if (!_singles.TryGetValue(value, out var set))
        {
            _singles[value] = set = ValueSet.Of(value);
        }

        return set;
    }

    /// <summary>
    /// The temporary that stands for the many objects a variable or a principal's dependents (<paramref name="key"/>)
    /// held before a join made them one (see <see cref="FlowState.JoinFrom"/>).
    /// </summary>
    public int MakeMany(object key)
    {
        _many ??= new();
        if (!_many.TryGetValue(key, out var id))
        {
            _many[key] = id = Of(new ManyKey(key), 0, static _ => "one of many objects", OriginKind.Temporary);
        }

        return id;
    }

    /// <summary>That temporary, if the join has made it already.</summary>
    public int? ManyOf<TKey>(TKey key)
        where TKey : notnull =>
        _many is not null && _many.TryGetValue(key, out var id) ? id : null; // no key boxed in the common case: none made


    /// <summary>The member <paramref name="member"/> of the objects of <paramref name="baseOrigin"/>: a temporary that ages with them.</summary>
    public int Derived<TArgument>(object member, int baseOrigin, TArgument argument, Func<TArgument, string> name)
    {
        var id = Of((member, baseOrigin), argument, name, OriginKind.Temporary);
        if ((_derivedOrigins ??= new()).Add(id))
        {
            _places[id] = _places[id] with { Made = true }; // its objects enter the state without being made: ageing must always look for them

            _derived ??= new();
            if (!_derived.TryGetValue(baseOrigin, out var list))
            {
                _derived[baseOrigin] = list = new List<int>();
            }

            list.Add(id);
        }

        return id;
    }

    public IEnumerable<int> DerivedFrom(int origin) => _derived is not null && _derived.TryGetValue(origin, out var list) ? list : Array.Empty<int>();

    /// <summary>Whether the place <paramref name="origin"/> makes its object for the first time in this analysis (and notes that it has).</summary>
    public bool MadeFirstTime(int origin)
    {
        if (_places[origin].Made)
        {
            return false;
        }

        _places[origin] = _places[origin] with { Made = true };
        return true;
    }

    /// <summary>
    /// Whether an object of <paramref name="origin"/> can be read again though no variable holds it: a value a body
    /// starts with (read on first use), or a member of another object (read again through it).
    /// </summary>
    public bool IsReachableWithoutVariable(int origin) => _places[origin].Kind == OriginKind.Incoming || (_derivedOrigins?.Contains(origin) ?? false);

    public OriginKind Kind(int origin) => _places[origin].Kind;

    public object Key(int origin) => _places[origin].Key;

    public string Name(AbstractValue value) => _places[value.Origin].Name;

    public string Name(int origin) => _places[origin].Name;

    /// <summary>Notes the call through which <paramref name="dependent"/> was last linked (null: a plain assignment).</summary>
    public void SetThrough(int dependent, LinkInfo link, IMethodSymbol? through)
    {
        if (through is null)
        {
            _through?.Remove((dependent, link));
        }
        else
        {
            (_through ??= new())[(dependent, link)] = through;
        }
    }

    /// <summary>One place objects come from: its key, its name in messages, its kind, and whether it has made one yet.</summary>
    private readonly record struct Place(object Key, string Name, OriginKind Kind, bool Made = false);

    /// <summary>The key of the temporary standing for many objects: never equal to a place's own key.</summary>
    private sealed record ManyKey(object Of);

    public IMethodSymbol? Through(int dependent, LinkInfo link) => _through is not null && _through.TryGetValue((dependent, link), out var through) ? through : null;
}
