// The shapes of tests/OneToOne.Tests/Models/Shapes.cs and GlobalNamespace.cs in the property form: nested types,
// internal types, block namespaces, types in different namespaces, the global namespace.
using OneToOne;

namespace OneToOne.Tests.Models.Block
{
    public partial class Outer
    {
        public partial class Inner
        {
            public partial class NestedDependent
            {
                [OneToOne]
                public partial OneToOne.Tests.Models.Other.Account? Account { get; set; }
            }
        }
    }

    internal partial class InternalPrincipal
    {
    }

    public partial class PublicDependentOfInternal
    {
        [OneToOne(Reverse = "Link")]
        internal partial InternalPrincipal? InternalPrincipal { get; set; }
    }
}

namespace OneToOne.Tests.Models.Other
{
    public partial class Account
    {
    }
}
