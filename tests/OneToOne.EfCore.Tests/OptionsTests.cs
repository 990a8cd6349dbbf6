using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OneToOne;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary><c>UseOneToOne()</c>: needed by <c>ApplyOneToOneLinks</c>, reported clearly when forgotten, harmless otherwise.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Forgetting_UseOneToOne_is_reported_when_the_model_is_built_naming_the_call_and_a_link()
    {
        using var context = new PlainOptionsContext(Sqlite<PlainOptionsContext>().Options);
        var error = Assert.Throws<InvalidOperationException>(() => context.Model);
        Assert.Contains("optionsBuilder.UseOneToOne()", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApplyOneToOneLinks maps the link ", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddDbContext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseOneToOne_twice_is_the_same_as_once()
    {
        var options = Sqlite<PlainOptionsContext>().UseOneToOne().UseOneToOne().Options;
        Assert.Single(options.Extensions, e => e.GetType().DeclaringType?.Name == "OneToOneDbContextOptionsExtensions");
        using var context = new PlainOptionsContext(options);
        Assert.NotNull(context.Model.FindEntityType(typeof(Profile))!.FindNavigation(nameof(Profile.User)));
    }

    [Fact]
    public void UseOneToOne_without_links_changes_nothing_and_SaveChanges_works()
    {
        var path = Path.Combine(Path.GetTempPath(), $"onetoone-options-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<NoLinksContext>().UseSqlite($"Data Source={path};Pooling=False").UseOneToOne().Options;
            using (var context = new NoLinksContext(options))
            {
                context.Database.EnsureCreated();
                var team = new Team { Name = "core" };
                context.Teams.Add(team);
                context.SaveChanges();
                context.Teams.Remove(team);
                context.SaveChanges();
                Assert.Empty(context.Teams);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_finished_model_carries_no_OneToOne_annotation()
    {
        using var context = new LinksContext(Sqlite<LinksContext>().UseOneToOne().Options);
        var model = context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        Assert.DoesNotContain(model.GetAnnotations(), a => a.Name.StartsWith("OneToOne", StringComparison.Ordinal));
        Assert.DoesNotContain(
            model.GetEntityTypes().SelectMany(e => e.GetProperties()).SelectMany(p => p.GetAnnotations()),
            a => a.Name.StartsWith("OneToOne", StringComparison.Ordinal));
    }

    private static DbContextOptionsBuilder<T> Sqlite<T>()
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=never-opened.db");
}
