using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Model;

/// <summary>
/// What the generated code may use, read once per compilation (never per link): which serializers and frameworks
/// the compilation references, and whether the private storage can be reached through <c>UnsafeAccessor</c>.
/// </summary>
internal sealed record CompilationFacts
{
    /// <summary>System.Text.Json is referenced: the reverse accessor gets its <c>[JsonIgnore]</c>.</summary>
    public required bool SystemTextJson { get; init; }

    /// <summary>System.Text.Json's contract API (<c>JsonTypeInfo</c>, .NET 7+): the contract modifier is generated.</summary>
    public required bool SystemTextJsonMetadata { get; init; }

    /// <summary>Newtonsoft.Json is referenced: the reverse accessor gets its <c>[JsonIgnore]</c>.</summary>
    public required bool NewtonsoftJson { get; init; }

    /// <summary><c>[IgnoreDataMember]</c> exists (DataContractSerializer, MessagePack, Newtonsoft honour it).</summary>
    public required bool DataContracts { get; init; }

    /// <summary><c>[XmlIgnore]</c> exists (XmlSerializer).</summary>
    public required bool XmlSerializer { get; init; }

    /// <summary>EF Core is referenced (<c>ModelBuilder</c> exists): the EF Core mapping is generated.</summary>
    public required bool EfCore { get; init; }

    /// <summary>
    /// <c>UnsafeAccessorAttribute</c> exists (.NET 8+): the storage fields are private on both sides and the link
    /// protocol reaches them through it. Otherwise the fields are internal.
    /// </summary>
    public required bool UnsafeAccessor { get; init; }

    public static CompilationFacts From(Compilation compilation) => new()
    {
        SystemTextJson = Has(compilation, "System.Text.Json.Serialization.JsonIgnoreAttribute"),
        SystemTextJsonMetadata = Has(compilation, "System.Text.Json.Serialization.Metadata.JsonTypeInfo"),
        NewtonsoftJson = Has(compilation, "Newtonsoft.Json.JsonIgnoreAttribute"),
        DataContracts = Has(compilation, "System.Runtime.Serialization.IgnoreDataMemberAttribute"),
        XmlSerializer = Has(compilation, "System.Xml.Serialization.XmlIgnoreAttribute"),
        EfCore = Has(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder"),
        UnsafeAccessor = Has(compilation, "System.Runtime.CompilerServices.UnsafeAccessorAttribute"),
    };

    private static bool Has(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is { } type &&
        compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
}
