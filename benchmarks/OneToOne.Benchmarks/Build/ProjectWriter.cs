namespace OneToOne.Benchmarks.Build;

/// <summary>
/// Writes the synthetic program of N links as a real project (for <c>dotnet build -p:ReportAnalyzer=true</c>), with the
/// generator and analyzers referenced from this repository's sources, as the sample does.
/// </summary>
public static class ProjectWriter
{
    public static void Write(string directory, int n, string repository, bool handWritten = false)
    {
        var links = Path.Combine(directory, "Links");
        if (Directory.Exists(links))
        {
            Directory.Delete(links, recursive: true);
        }

        Directory.CreateDirectory(links);
        var sources = Synthetic.LinkSources(n);
        for (var i = 0; i < sources.Count; i++)
        {
            File.WriteAllText(Path.Combine(links, $"Link{i}.cs"), sources[i]);
        }

        if (handWritten)
        {
            // The generator's output, written as ordinary files: the equivalent hand-written program.
            var generated = Synthetic.GeneratedSources(sources);
            for (var i = 0; i < generated.Count; i++)
            {
                File.WriteAllText(Path.Combine(links, $"Generated{i}.cs"), generated[i]);
            }
        }

        var src = Path.Combine(repository, "src");
        var generator = handWritten
            ? ""
            : $"""<ProjectReference Include="{Path.Combine(src, "OneToOne.Generator", "OneToOne.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />""";
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- {n} synthetic links{(handWritten ? ", with the generator's output written as ordinary files and no generator" : "")}, written by OneToOne.Benchmarks (write-project), for ReportAnalyzer measurements. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Synthetic</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(src, "OneToOne", "OneToOne.csproj")}" />
                {generator}
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>The repository root: the first folder above this program that holds OneToOne.sln.</summary>
    public static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneToOne.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneToOne.sln not found above " + AppContext.BaseDirectory);
    }
}
