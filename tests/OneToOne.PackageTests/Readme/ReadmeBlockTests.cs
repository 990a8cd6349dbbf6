using Microsoft.CodeAnalysis;

namespace OneToOne.PackageTests.Readme;

/// <summary>
/// Every C# block of README.md and of the package's README compiles as a user would paste it: no error and no
/// warning, except the diagnostics its <c>expect=</c> marker lists, each of which must appear. A block whose
/// feature is not in the build yet may carry <c>waits=NAME</c>, with a test of its own that compiles it; no block
/// waits today.
/// </summary>
public sealed class ReadmeBlockTests
{
    public static TheoryData<string> ReadyBlocks => Names(b => b.Waits is null);

    [Theory]
    [MemberData(nameof(ReadyBlocks))]
    public Task Block_compiles_as_pasted(string block) => AssertCompiles(MarkdownBlocks.Find(block));

    [Fact]
    public void Both_READMEs_have_csharp_blocks_and_every_marker_is_known()
    {
        var blocks = MarkdownBlocks.All();

        foreach (var file in MarkdownBlocks.Files)
        {
            Assert.Contains(blocks, b => b.File == file && b.Waits is null);
        }

        Assert.All(blocks, b => Assert.True(
            b.Waits is null || MarkdownBlocks.KnownWaits.Contains(b.Waits),
            $"{b.Name}: waits={b.Waits} is not a name any test compiles (known: {string.Join(", ", MarkdownBlocks.KnownWaits)})."));
        Assert.All(blocks.SelectMany(b => b.Expected.Select(id => (b, id))), e => Assert.Matches("^(OTO|CS)[0-9]{3,4}$", e.id));
    }

    [Fact]
    public void Quick_start_is_a_complete_Program_cs_that_shows_OTO100()
    {
        // The first C# block of each README is the quick start: top-level statements first, then the types.
        foreach (var file in MarkdownBlocks.Files)
        {
            var quickStart = MarkdownBlocks.All().First(b => b.File == file);
            Assert.Contains("var u = new User", quickStart.Code, StringComparison.Ordinal);
            Assert.True(
                quickStart.Code.IndexOf("var u = new User", StringComparison.Ordinal) < quickStart.Code.IndexOf("partial class", StringComparison.Ordinal),
                $"{quickStart.Name}: the statements must come before the type declarations (CS8803 otherwise).");
            Assert.Equal(["OTO100"], quickStart.Expected);
        }
    }

    [Fact]
    public void Extraction_reads_markers_and_skips_other_languages()
    {
        const string markdown = """
            text
            ```sh
            dotnet test
            ```
            ```csharp expect=OTO100,OTO101
            var a = 1;
            ```
            ```cs waits=property-form
            class C { }
            ```
            """;

        var blocks = MarkdownBlocks.Read("X.md", markdown).ToArray();

        Assert.Equal(2, blocks.Length);
        Assert.Equal(("X.md:5", "var a = 1;\n", (string?)null), (blocks[0].Name, blocks[0].Code, blocks[0].Waits));
        Assert.Equal(["OTO100", "OTO101"], blocks[0].Expected);
        Assert.Equal(("X.md:8", "property-form"), (blocks[1].Name, blocks[1].Waits));
        Assert.Throws<InvalidOperationException>(() => MarkdownBlocks.Read("Y.md", "```csharp expected=OTO100\nx\n```").ToArray());
    }

    [Fact]
    public async Task A_block_that_breaks_fails_with_the_compiler_error_and_an_expected_diagnostic_that_is_missing_is_reported()
    {
        // The check can fail: the quick start pasted with the types first is the CS8803 users met.
        var typesFirst = new MarkdownBlock("X.md", 1, """
            using OneToOne;

            public partial class User { }

            [OneToOne(typeof(User))]
            public partial class Profile { }

            var u = new User();
            """, [], null);
        var diagnostics = await BlockCompiler.CompileAsync(typesFirst);
        Assert.Contains(diagnostics, d => d.Id == "CS8803" && d.Severity == DiagnosticSeverity.Error);

        var clean = new MarkdownBlock("X.md", 1, """
            using OneToOne;

            var p = new Profile { User = new User() };
            Console.WriteLine(p.User is not null);

            public partial class User { }

            [OneToOne(typeof(User))]
            public partial class Profile { }
            """, ["OTO100"], null);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AssertCompiles(clean));
        Assert.Contains("OTO100", failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertCompiles(MarkdownBlock block)
    {
        var diagnostics = await BlockCompiler.CompileAsync(block);

        var unexpected = diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !block.Expected.Contains(d.Id))
            .ToArray();
        Assert.True(
            unexpected.Length == 0,
            $"{block.Name}: the block does not compile cleanly as pasted:{Environment.NewLine}{BlockCompiler.Describe(unexpected, block)}");

        var missing = block.Expected.Where(id => !diagnostics.Any(d => d.Id == id)).ToArray();
        Assert.True(
            missing.Length == 0,
            $"{block.Name}: the block is marked expect={string.Join(',', block.Expected)} but {string.Join(", ", missing)} did not appear. " +
            $"Reported:{Environment.NewLine}{BlockCompiler.Describe(diagnostics, block)}");
    }

    private static TheoryData<string> Names(Func<MarkdownBlock, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var block in MarkdownBlocks.All().Where(which))
        {
            data.Add(block.Name);
        }

        return data;
    }
}
