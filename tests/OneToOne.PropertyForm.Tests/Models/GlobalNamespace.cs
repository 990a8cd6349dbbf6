// A link between types of the global namespace, in the property form.
using OneToOne;

#pragma warning disable CA1050 // a type in the global namespace, on purpose
public partial class GlobalPrincipal
{
}

internal partial class GlobalDependent
{
    [OneToOne]
    public partial GlobalPrincipal? GlobalPrincipal { get; set; }
}
