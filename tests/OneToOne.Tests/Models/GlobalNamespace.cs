using OneToOne;

#pragma warning disable CA1050 // a type in the global namespace, on purpose (a supported shape)
public partial class GlobalPrincipal
{
}

[OneToOne(typeof(GlobalPrincipal))]
internal partial class GlobalDependent
{
}
