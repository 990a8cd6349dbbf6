// The repository's root folder, for the tests that read or build files of the repository.
namespace OneToOne.TestSupport;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>OneToOne.sln</c>: the first such folder above the test's output folder.</summary>
    public static string Root => root ??= FindRoot();

    private static string? root;

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OneToOne.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OneToOne.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
