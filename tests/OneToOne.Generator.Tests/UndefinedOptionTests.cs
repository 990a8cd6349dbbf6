using Microsoft.CodeAnalysis;

namespace OneToOne.Generator.Tests;

/// <summary>
/// An option cast from an undefined number (<c>(OneToOneConflict)7</c>) behaves as its default, and the generated code
/// compiles: the generator writes enum members by name, never a number it was given.
/// </summary>
public class UndefinedOptionTests
{
    [Fact]
    public void UndefinedOnConflictAndOnDelete_BehaveAsTheDefaults_AndTheCodeCompiles()
    {
        var source = """
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User), OnConflict = (OneToOneConflict)7, OnDelete = (OneToOneDelete)9)]
            public partial class Profile { }
            """;
        var generated = TestCompiler.GeneratedSources(source);
        Assert.Contains("global::OneToOne.OneToOneConflict.Throw;", generated["App.Profile.User.OneToOne.g.cs"], StringComparison.Ordinal);

        var (output, _, _) = TestCompiler.Generate(TestCompiler.Create(source));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }
}
