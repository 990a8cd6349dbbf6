using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using OneToOne.CodeFixes;
using OneToOne.Generator.Analyzers;

namespace OneToOne.Generator.Tests.CodeFixes;

/// <summary>
/// OTO004 on a hand-written navigation: the message says the generator writes it, and the code fix removes it
/// (and its private backing field, when the property only wraps one). Other OTO004 get no fix.
/// </summary>
public class RemoveHandWrittenNavigationCodeFixTests
{
    private sealed class Test : CSharpCodeFixTest<DeclarationAnalyzer, RemoveHandWrittenNavigationCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            var runtime = MetadataReference.CreateFromFile(typeof(OneToOneAttribute).Assembly.Location);
            TestState.AdditionalReferences.Add(runtime);
            FixedState.AdditionalReferences.Add(runtime);
        }
    }

    private static DiagnosticResult Clash() => new("OTO004", DiagnosticSeverity.Error);

    [Fact]
    public async Task TheForwardNavigationOfAConvertedEfModel_IsRemoved()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { public int ID { get; set; } }

                [{|#0:OneToOne(typeof(Instructor), Required = true)|}]
                public partial class OfficeAssignment
                {
                    public int InstructorID { get; set; }
                    public string Location { get; set; } = "";
                    public Instructor {|#1:Instructor|} { get; set; } = null!;
                }
                """,
            ExpectedDiagnostics =
            {
                Clash().WithLocation(0).WithLocation(1).WithArguments(
                    "OfficeAssignment", "OfficeAssignment", "Instructor", "'OfficeAssignment' already declares 'Instructor'",
                    "it looks like a hand-written navigation of this link: the generator now writes 'OfficeAssignment.Instructor', so remove yours"),
            },
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the hand-written 'OfficeAssignment.Instructor' (the generator writes it)", action.Title),
            FixedCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { public int ID { get; set; } }

                [OneToOne(typeof(Instructor), Required = true)]
                public partial class OfficeAssignment
                {
                    public int InstructorID { get; set; }
                    public string Location { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task TheReverseAccessorWithItsBackingField_IsRemoved_OtherMembersStay()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor
                {
                    private OfficeAssignment? _office;
                    private int _count;
                    public int ID { get; set; }
                    public OfficeAssignment? {|#1:OfficeAssignment|} { get => _office; set => _office = value; }
                    public int Count { get => _count; set => _count = value; }
                }

                [{|#0:OneToOne(typeof(Instructor))|}]
                public partial class OfficeAssignment { }
                """,
            ExpectedDiagnostics =
            {
                Clash().WithLocation(0).WithLocation(1).WithArguments(
                    "OfficeAssignment", "Instructor", "OfficeAssignment", "'Instructor' already declares 'OfficeAssignment'",
                    "it looks like a hand-written navigation of this link: the generator now writes 'Instructor.OfficeAssignment', so remove yours"),
            },
            FixedCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor
                {
                    private int _count;
                    public int ID { get; set; }
                    public int Count { get => _count; set => _count = value; }
                }

                [OneToOne(typeof(Instructor))]
                public partial class OfficeAssignment { }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AFieldUsedElsewhere_Stays()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { }

                [{|#0:OneToOne(typeof(Instructor))|}]
                public partial class OfficeAssignment
                {
                    private Instructor? _instructor;
                    public Instructor? {|#1:Instructor|} { get { return _instructor; } set { _instructor = value; } }
                    public bool HasInstructor => _instructor is not null;
                }
                """,
            ExpectedDiagnostics =
            {
                Clash().WithLocation(0).WithLocation(1).WithArguments(
                    "OfficeAssignment", "OfficeAssignment", "Instructor", "'OfficeAssignment' already declares 'Instructor'",
                    "it looks like a hand-written navigation of this link: the generator now writes 'OfficeAssignment.Instructor', so remove yours"),
            },
            FixedCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { }

                [OneToOne(typeof(Instructor))]
                public partial class OfficeAssignment
                {
                    private Instructor? _instructor;
                    public bool HasInstructor => _instructor is not null;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AMemberOfAnotherType_IsAnOrdinaryClash_WithNoFix()
    {
        await new Test
        {
            TestCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { }

                [{|#0:OneToOne(typeof(Instructor))|}]
                public partial class OfficeAssignment
                {
                    public string {|#1:Instructor|} { get; set; } = "";
                }
                """,
            ExpectedDiagnostics =
            {
                Clash().WithLocation(0).WithLocation(1).WithArguments(
                    "OfficeAssignment", "OfficeAssignment", "Instructor", "'OfficeAssignment' already declares 'Instructor'",
                    "choose another name with 'Navigation'"),
            },
            FixedCode = """
                using OneToOne;

                namespace Contoso;

                public partial class Instructor { }

                [OneToOne(typeof(Instructor))]
                public partial class OfficeAssignment
                {
                    public string Instructor { get; set; } = "";
                }
                """,
            FixedState =
            {
                ExpectedDiagnostics =
                {
                    Clash().WithSpan(7, 2, 7, 30).WithSpan(10, 19, 10, 29).WithArguments(
                        "OfficeAssignment", "OfficeAssignment", "Instructor", "'OfficeAssignment' already declares 'Instructor'",
                        "choose another name with 'Navigation'"),
                },
            },
        }.RunAsync();
    }
}
