using Microsoft.EntityFrameworkCore;
using OneToOne;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// Links whose principal EF is told not to map. The issue asks for such links to be skipped with a clear diagnostic
/// at model building time, not a crash. Only the model is built here (no database is opened).
/// </summary>
public sealed class UnmappedPrincipalTests
{
    [Fact]
    public void Ignoring_after_ApplyOneToOneLinks_leaves_the_link_out_of_the_model()
    {
        using var context = new IgnoreAfterContext(Options<IgnoreAfterContext>());
        var model = context.Model;
        Assert.Null(model.FindEntityType(typeof(Gadget)));
        Assert.Null(model.FindEntityType(typeof(Window)));
        Assert.Null(model.FindEntityType(typeof(WindowModel)));

        // The dependent stays an entity, without the relationship, and without the key ApplyOneToOneLinks made for it.
        var manual = model.FindEntityType(typeof(GadgetManual));
        Assert.NotNull(manual);
        Assert.Empty(manual.GetForeignKeys());
        Assert.Null(manual.FindNavigation(nameof(GadgetManual.Gadget)));
        Assert.Null(manual.FindProperty("GadgetId"));
        Assert.Empty(manual.GetIndexes());
    }

    [Fact]
    public void The_suites_context_maps_no_in_memory_link()
    {
        using var context = new LinksContext(Options<LinksContext>());
        Assert.Null(context.Model.FindEntityType(typeof(Window)));
        Assert.Null(context.Model.FindEntityType(typeof(WindowModel)));
        Assert.NotNull(context.Model.FindEntityType(typeof(Gadget)));
    }

    [Fact]
    public void Ignoring_a_principal_before_ApplyOneToOneLinks_leaves_its_link_out()
    {
        using var context = new IgnoreGadgetFirstContext(Options<IgnoreGadgetFirstContext>());
        Assert.Null(context.Model.FindEntityType(typeof(Gadget)));
        Assert.Empty(context.Model.FindEntityType(typeof(GadgetManual))?.GetForeignKeys() ?? []);
    }

    [Fact]
    public void A_link_whose_principal_EF_cannot_map_is_skipped_not_a_crash()
    {
        using var context = new IgnoreWindowFirstContext(Options<IgnoreWindowFirstContext>());
        var model = context.Model; // the link to the ignored, keyless Window is skipped: no crash
        Assert.Null(model.FindEntityType(typeof(Window)));
        Assert.Null(model.FindEntityType(typeof(WindowModel)));
        Assert.NotNull(model.FindEntityType(typeof(User)));
    }

    [Fact]
    public void A_skipped_link_is_reported_with_the_link_and_the_ignored_type()
    {
        var messages = new List<string>();
        var builder = new ModelBuilder();
        builder.Entity<GadgetManual>();
        builder.Ignore<Gadget>();
        builder.ApplyOneToOneLinks(messages.Add);
        var message = Assert.Single(messages);
        Assert.Contains("GadgetManual.Gadget", message, StringComparison.Ordinal);
        Assert.Contains("ignores Gadget (ModelBuilder.Ignore)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_links_of_the_models_entity_types_are_mapped()
    {
        // Window and WindowModel are linked, but nothing in the model reaches them: no entity type, no mapping, and
        // no need to ignore them.
        using var context = new PlainOptionsContext(Options<PlainOptionsContext>());
        Assert.Null(context.Model.FindEntityType(typeof(Window)));
        Assert.Null(context.Model.FindEntityType(typeof(WindowModel)));
        Assert.NotNull(context.Model.FindEntityType(typeof(User)));   // reached from Profile.User
        Assert.NotNull(context.Model.FindEntityType(typeof(Person))); // reached from User.AuthoredDraft, Draft.Reviewer
        Assert.NotNull(context.Model.FindEntityType(typeof(Person))!.FindNavigation(nameof(Person.Mentor)));
        foreach (var unreached in new[] { typeof(Team), typeof(Charter), typeof(Gadget), typeof(GadgetManual), typeof(Instructor), typeof(OfficeAssignment) })
        {
            Assert.Null(context.Model.FindEntityType(unreached));
        }
    }

    /// <summary>SQLite options on a file that is never opened: only the model is built.</summary>
    private static DbContextOptions<T> Options<T>()
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=never-opened.db").UseOneToOne().Options;
}
