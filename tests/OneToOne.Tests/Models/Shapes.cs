// Declaration shapes: nested types, internal types, block namespaces, types in different namespaces.
using OneToOne;

namespace OneToOne.Tests.Models.Block
{
    public partial class Outer
    {
        public partial class Inner
        {
            [OneToOne(typeof(OneToOne.Tests.Models.Other.Account))]
            public partial class NestedDependent
            {
            }
        }
    }

    internal partial class InternalPrincipal
    {
    }

    [OneToOne(typeof(InternalPrincipal), Reverse = "Link")]
    public partial class PublicDependentOfInternal
    {
    }
}

namespace OneToOne.Tests.Models.Other
{
    public partial class Account
    {
    }
}
