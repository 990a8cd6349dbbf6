using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Parsing;

/// <summary>
/// Where the parser's checks go. The analyzer passes a sink that keeps diagnostics; the generator passes
/// <see cref="None"/>, and only reads whether the link is valid, so both apply exactly the same rules.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic>? _diagnostics;

    private DiagnosticSink(List<Diagnostic>? diagnostics) => _diagnostics = diagnostics;

    public static DiagnosticSink None { get; } = new(null);

    public static DiagnosticSink Collecting() => new(new List<Diagnostic>());

    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_diagnostics ?? System.Array.Empty<Diagnostic>();

    public void Report(DiagnosticDescriptor descriptor, Location? location, Location? additional, params object?[] args) =>
        Report(descriptor, location, additional, null, args);

    public void Report(
        DiagnosticDescriptor descriptor,
        Location? location,
        Location? additional,
        System.Collections.Immutable.ImmutableDictionary<string, string?>? properties,
        params object?[] args)
    {
        _diagnostics?.Add(Diagnostic.Create(
            descriptor,
            location ?? Location.None,
            additional is null ? null : new[] { additional },
            properties,
            args));
    }
}
