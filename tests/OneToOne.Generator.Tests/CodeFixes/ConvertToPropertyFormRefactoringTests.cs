using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OneToOne.CodeFixes;

namespace OneToOne.Generator.Tests.CodeFixes;

/// <summary>
/// The conversion to the property form offered as a refactoring on any class-form <c>[OneToOne]</c> under the
/// cursor (<c>$$</c> in the sources below), with or without a JSON context.
/// </summary>
public class ConvertToPropertyFormRefactoringTests
{
    [Theory]
    [InlineData("[$$OneToOne(typeof(User), Reverse = \"Card\")]")]
    [InlineData("[OneToOne(typeof(Us$$er), Reverse = \"Card\")]")]
    [InlineData("[OneToOne(typeof(User), Reverse = \"Ca$$rd\")]")]
    public async Task OnAClassFormAttribute_ConvertsIt(string attribute)
    {
        var (title, text) = Offered(await RefactorAsync($$"""
            using OneToOne;
            namespace App;
            public partial class User { }
            {{attribute}}
            public sealed partial class Profile
            {
                public string Bio { get; set; } = "";
            }
            """));
        Assert.Equal("Convert the link 'Profile.User' to a partial property", title);
        Assert.Equal("""
            using OneToOne;
            namespace App;
            public partial class User { }
            public sealed partial class Profile
            {
                [OneToOne(Reverse = "Card")]
                public partial User? User { get; set; }

                public string Bio { get; set; } = "";
            }
            """, text);
    }

    [Fact]
    public async Task Required_WithAQualifiedAttributeNameAndPrincipal()
    {
        var (_, text) = Offered(await RefactorAsync("""
            namespace App.Accounts { public partial class User { } }
            namespace App.Models
            {
                [global::OneToOne.OneToOneAttribute(typeof(App.Accounts.User), Required = true, Navigation = "Owner")$$]
                public partial class Profile { }
            }
            """));
        Assert.Equal("""
            namespace App.Accounts { public partial class User { } }
            namespace App.Models
            {
                public partial class Profile
                {
                    [global::OneToOne.OneToOneAttribute]
                    public required partial Accounts.User Owner { get; set; }
                }
            }
            """, text);
    }

    [Theory]
    [InlineData("""
        using OneToOne;
        public partial class User { }
        public partial class Profile
        {
            [$$OneToOne] public partial User? User { get; set; }
        }
        """)]
    [InlineData("""
        using OneToOne;
        public partial class User { }
        [OneToOne(typeof(User))]
        public partial class $$Profile { }
        """)]
    [InlineData("""
        using OneToOne;
        public partial class User { }
        [$$System.Serializable, OneToOne(typeof(User))]
        public partial class Profile { }
        """)]
    [InlineData("""
        using OneToOne;
        [OneToOne(typeof($$Missing))]
        public partial class Profile { }
        """)]
    [InlineData("""
        using OneToOne;
        public partial interface IUser { }
        [OneToOne(typeof($$IUser))]
        public partial class Profile { }
        """)]
    [InlineData("""
        using OneToOne;
        public partial class User { }
        [OneToOne(typeof(User), Navigation = "not valid$$")]
        public partial class Profile { }
        """)]
    [InlineData("""
        using OneToOne;
        public partial class User { }
        [assembly: $$System.Reflection.AssemblyTitle("x")]
        """)]
    public async Task NotOffered_OnAnythingButAValidClassFormLink(string source)
    {
        Assert.Null(await RefactorAsync(source));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public async Task NotOffered_BeforeCSharp13(LanguageVersion languageVersion)
    {
        Assert.Null(await RefactorAsync("""
            using OneToOne;
            public partial class User { }
            [$$OneToOne(typeof(User))]
            public partial class Profile { }
            """, languageVersion));
    }

    private static (string Title, string Text) Offered((string Title, string Text)? refactoring)
    {
        Assert.True(refactoring.HasValue, "the refactoring was not offered");
        return refactoring.Value;
    }

    /// <summary>The title and the document's text after the only refactoring offered at <c>$$</c>, or null when none is.</summary>
    private static async Task<(string Title, string Text)?> RefactorAsync(string markup, LanguageVersion languageVersion = LanguageVersion.CSharp13)
    {
        var position = markup.IndexOf("$$", StringComparison.Ordinal);
        Assert.True(position >= 0, "no $$ in the source");
        var source = markup.Remove(position, 2);

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(languageVersion),
            metadataReferences: TestCompiler.References));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));

        var actions = new List<CodeAction>();
        var context = new CodeRefactoringContext(document, new TextSpan(position, 0), actions.Add, CancellationToken.None);
        await new ConvertToPropertyFormRefactoring().ComputeRefactoringsAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        var action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (action.Title, (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString());
    }
}
