using OneToOne;

#pragma warning disable CA1050 // a type in the global namespace, on purpose (SPEC section 4)
public partial class GlobalPrincipal
{
}

[OneToOne(typeof(GlobalPrincipal))]
internal partial class GlobalDependent
{
}
