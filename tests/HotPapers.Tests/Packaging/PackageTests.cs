using System.IO.Compression;
using System.Xml.Linq;

namespace HotPapers.Tests.Packaging;

/// <summary>What <c>dotnet pack</c> puts in the tool's package for nuget.org: readme, license, links, tags, schemas.</summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class PackageTests
{
    // Found by a new user's trial: on a machine whose NuGet cache had never held the ReadyToRun compiler,
    // the README's `dotnet pack` made only the IL package and failed the four ReadyToRun ones (NETSDK1094).
    // Here the cache holds it from earlier work, so the pack itself passes either way: what a new cache
    // gets is what the pack's restore asks for.
    [Fact]
    public void The_pack_asks_for_the_ReadyToRun_compiler_so_that_it_packs_with_a_new_NuGet_cache()
    {
        Assert.Contains(PackedTool.Downloads, name => name.StartsWith("Microsoft.NETCore.App.Crossgen2.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_carries_its_readme_license_links_tags_and_schemas()
    {
        using var package = ZipFile.OpenRead(PackedTool.Nupkg);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal("HotPapers.Cli", Value("id"));
        // The runtime-specific packages `dotnet tool install` picks from, ReadyToRun-compiled, beside it.
        var version = Value("version");
        foreach (var rid in new[] { "linux-x64", "linux-arm64", "osx-arm64", "win-x64", "any" })
            Assert.True(File.Exists(Path.Combine(PackedTool.Folder, $"HotPapers.Cli.{rid}.{version}.nupkg")), rid + " package missing");
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);

        // The package readme is this repository's README, byte for byte.
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "README.md")), Read(package, "README.md"));

        // An SPDX license expression, and the license's text beside it.
        Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
        Assert.Equal("MIT", Value("license"));
        Assert.Contains("Permission is hereby granted, free of charge", System.Text.Encoding.UTF8.GetString(Read(package, "LICENSE")), StringComparison.Ordinal);

        var repository = metadata.Element(ns + "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.StartsWith("https://github.com/", repository?.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Equal(repository?.Attribute("url")?.Value, Value("projectUrl"));
        Assert.Contains("arxiv", (Value("tags") ?? "").Split(' '));

        // Every schema of the source tree, as it is there.
        var schemas = new[] { "Records", "Settings" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "src", "HotPapers", folder), "*.schema.json"))
            .ToList();
        Assert.Equal(3, schemas.Count);
        foreach (var schema in schemas)
            Assert.Equal(File.ReadAllBytes(schema), Read(package, "schemas/" + Path.GetFileName(schema)));

        // The top package points at the runtime ones; each of those holds the tool itself.
        Assert.Contains("tools/any/any/DotnetToolSettings.xml", entries);
        foreach (var rid in new[] { "linux-x64", "any" })
        {
            using var runtime = ZipFile.OpenRead(Path.Combine(PackedTool.Folder, $"HotPapers.Cli.{rid}.{version}.nupkg"));
            Assert.NotNull(runtime.GetEntry($"tools/net10.0/{rid}/hotpapers.dll"));
        }
    }

    private static byte[] Read(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the package");
        using var stream = entry!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
