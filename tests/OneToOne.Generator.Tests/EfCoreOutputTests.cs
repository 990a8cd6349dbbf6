namespace OneToOne.Generator.Tests;

/// <summary>
/// The EF Core mapping (<c>ApplyOneToOneLinks</c>, <c>UseOneToOne</c>) is one file generated whenever the compilation
/// references EF Core: it finds the links at run time, so an invalid link never takes it down with it, and the
/// valid links keep their generated members.
/// </summary>
public class EfCoreOutputTests
{
    // The one EF Core type the generator looks for; the mapping itself is compiled and run by tests/OneToOne.EfCore.Tests.
    private const string EfCoreStub = "namespace Microsoft.EntityFrameworkCore { public class ModelBuilder { } }";

    [Fact]
    public void AnInvalidLinkLeavesTheMappingAndTheValidLinksGenerated()
    {
        var generated = TestCompiler.GeneratedSources(EfCoreStub, """
            using OneToOne;
            namespace App;
            public partial class User { }
            public class Account { }                       // not partial: OTO003, the link below is invalid
            [OneToOne(typeof(User))] public partial class Profile { }
            [OneToOne(typeof(Account))] public partial class Settings { }
            """);

        Assert.Contains("OneToOne.EntityFrameworkCore.g.cs", generated.Keys);
        Assert.Contains("App.Profile.User.OneToOne.g.cs", generated.Keys);
        Assert.DoesNotContain("App.Settings.Account.OneToOne.g.cs", generated.Keys);
        Assert.Contains("ApplyOneToOneLinks", generated["OneToOne.EntityFrameworkCore.g.cs"], StringComparison.Ordinal);
        Assert.Contains("UseOneToOne", generated["OneToOne.EntityFrameworkCore.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutEfCoreThereIsNoMapping()
    {
        var generated = TestCompiler.GeneratedSources("""
            using OneToOne;
            namespace App;
            public partial class User { }
            [OneToOne(typeof(User))] public partial class Profile { }
            """);

        Assert.DoesNotContain("OneToOne.EntityFrameworkCore.g.cs", generated.Keys);
    }
}
