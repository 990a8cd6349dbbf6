namespace OneToOne.PackageTests;

/// <summary>
/// Packs <c>src/OneToOne</c> once per test run, with a version no earlier run used, into a fresh
/// folder outside the repository; consumer projects are written next to it. Everything is deleted
/// at the end, including the copy the consumers' restore extracted into the NuGet cache.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "OneToOne";

    public PackageFixture()
    {
        RepositoryRoot = Repository.Root;
        // Unique per run, so the machine's NuGet cache can never serve an older copy of the package.
        Version = $"1.0.0-e2e.{DateTime.UtcNow.Ticks}";
        WorkRoot = Path.Combine(Path.GetTempPath(), $"onetoone-e2e-{Guid.NewGuid():N}");
        PackageFolder = Path.Combine(WorkRoot, "packages");
        Directory.CreateDirectory(PackageFolder);

        var project = Path.Combine(RepositoryRoot, "src", "OneToOne", "OneToOne.csproj");
        Pack = DotNetCli.Run(
            RepositoryRoot,
            "pack", project, "-c", "Release", "-o", PackageFolder, $"-p:Version={Version}");
        PackagePath = Path.Combine(PackageFolder, $"{PackageId}.{Version}.nupkg");
    }

    /// <summary>The folder holding <c>OneToOne.sln</c>.</summary>
    public string RepositoryRoot { get; }

    public string Version { get; }

    /// <summary>A temporary folder outside the repository, deleted at the end.</summary>
    public string WorkRoot { get; }

    /// <summary>The <c>dotnet pack</c> output folder: the package source the consumers add.</summary>
    public string PackageFolder { get; }

    public CommandResult Pack { get; }

    public string PackagePath { get; }

    /// <summary>The packed .nupkg; fails the calling test, with the pack output, when there is none.</summary>
    public string RequirePackage()
    {
        Assert.True(Pack.Succeeded, "dotnet pack failed:" + Environment.NewLine + Pack.Describe());
        Assert.True(
            File.Exists(PackagePath),
            $"dotnet pack succeeded but {PackagePath} does not exist. Folder holds: " +
            string.Join(", ", Directory.GetFiles(PackageFolder).Select(Path.GetFileName)) +
            Environment.NewLine + Pack.Describe());
        return PackagePath;
    }

    /// <summary>A new, empty folder under <see cref="WorkRoot"/>.</summary>
    public string CreateFolder(string name)
    {
        var folder = Path.Combine(WorkRoot, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        TryDelete(WorkRoot);
        // Restore extracted this run's version into the global packages folder; no later run uses it.
        var cached = Path.Combine(GlobalPackagesFolder(), PackageId.ToLowerInvariant());
        TryDelete(Path.Combine(cached, Version.ToLowerInvariant()));
        try
        {
            if (Directory.Exists(cached) && !Directory.EnumerateFileSystemEntries(cached).Any())
            {
                Directory.Delete(cached);
            }
        }
        catch (IOException)
        {
            // Another run restored a version meanwhile: its folder stays.
        }
    }

    private static string GlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static void TryDelete(string folder)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }
}

/// <summary>All package tests share one pack and run one after another (the machine has few cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}
