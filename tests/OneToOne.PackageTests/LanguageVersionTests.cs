using System.Security;

namespace OneToOne.PackageTests;

/// <summary>
/// Raising the language version breaks no caller: a project that calls the extension methods of a principal from
/// another assembly (<c>b.GetDraft()</c>, <c>b.SetDraft(d)</c>) at C# 13 builds and runs unchanged at C# 14, where
/// the extension property <c>b.Draft</c> is offered beside them. Through the packed package, as a user has it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LanguageVersionTests(PackageFixture fixture)
{
    private const string Program = """
        using System;
        using System.Text;
        using OneToOne;

        var b = new StringBuilder();
        var d = new Draft();
        b.SetDraft(d);
        var linked = ReferenceEquals(b.GetDraft(), d) && ReferenceEquals(d.Builder, b);
        b.SetDraft(null);
        var unlinked = b.GetDraft() is null && d.Builder is null;
        Console.WriteLine(linked && unlinked ? "methods ok" : "methods FAILED");
        return linked && unlinked ? 0 : 1;

        [OneToOne(typeof(StringBuilder), Navigation = "Builder")]
        public partial class Draft { }
        """;

    // Only at C# 14: the extension property, one link with the methods.
    private const string PropertyUse = """
        using System.Text;

        internal static class PropertyUse
        {
            public static bool Works(StringBuilder b, Draft d)
            {
                b.Draft = d;
                var same = ReferenceEquals(b.GetDraft(), d);
                b.Draft = null;
                return same && b.Draft is null;
            }
        }
        """;

    [Fact]
    public void The_same_code_builds_and_runs_at_CSharp_13_and_at_CSharp_14()
    {
        fixture.RequirePackage();
        var folder = fixture.CreateFolder("language-versions");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="OneToOneUnderTest" value="{SecurityElement.Escape(fixture.PackageFolder)}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);

        foreach (var version in new[] { "13", "14" })
        {
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <LangVersion>{version}</LangVersion>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{PackageFixture.PackageId}" Version="{fixture.Version}" />
                  </ItemGroup>
                </Project>
                """);
            if (version == "14")
            {
                File.WriteAllText(Path.Combine(folder, "PropertyUse.cs"), PropertyUse);
            }

            var run = DotNetCli.Run(folder, "run");
            Assert.True(run.Succeeded, $"C# {version}: the consumer failed to build or run:" + Environment.NewLine + run.Describe());
            Assert.Contains("methods ok", run.Output, StringComparison.Ordinal);
        }
    }
}
