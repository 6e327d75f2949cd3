using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Packaging;

/// <summary>
/// The repository's own workflows, read as GitHub reads them (they cannot run here): the release on a
/// version tag, and CI on every push. What can run here, .ci/run and the Native AOT publish for
/// linux-x64, is what CI runs.
/// </summary>
public sealed class ReleaseWorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), ".github", "workflows", name))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    private static IEnumerable<string> Strings(YamlNode node) =>
        node is YamlSequenceNode list ? list.Children.Select(c => ((YamlScalarNode)c).Value!) : [((YamlScalarNode)node).Value!];

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => [.. ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>()];

    private static string Runs(YamlMappingNode job) =>
        string.Join("\n", Steps(job).Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run")));

    [Fact]
    public void A_version_tag_tests_packs_pushes_and_releases_native_binaries_built_each_on_its_own_os()
    {
        var release = Load("release.yml");
        Assert.Equal(["v*"], Strings(Map(release["on"], "push")["tags"]));
        var jobs = Map(release, "jobs");

        // The tests, as CI runs them, before anything is built for release.
        Assert.Contains("bash .ci/run", Runs(Map(jobs, "test")), StringComparison.Ordinal);
        foreach (var job in new[] { "pack", "binaries" }) Assert.Equal(["test"], Strings(Map(jobs, job)["needs"]));

        // The package, numbered by the tag.
        Assert.Contains("dotnet pack src/HotPapers.Cli -c Release -p:Version=\"${GITHUB_REF_NAME#v}\" -p:HotPapersRelease=true", Runs(Map(jobs, "pack")), StringComparison.Ordinal);

        // One Native AOT binary per platform, on a runner of that platform.
        var binaries = Map(jobs, "binaries");
        var matrix = ((YamlSequenceNode)Map(Map(binaries, "strategy"), "matrix")["include"]).Children
            .Select(e => (Scalar(e, "rid"), Scalar(e, "os"))).ToList();
        Assert.Equal([("linux-x64", "ubuntu-latest"), ("linux-arm64", "ubuntu-24.04-arm"), ("osx-arm64", "macos-latest"), ("win-x64", "windows-latest")], matrix);
        Assert.Equal("${{ matrix.os }}", Scalar(binaries, "runs-on"));
        Assert.Equal("${{ matrix.rid }}", Scalar(Map(binaries, "env"), "RID"));
        var build = Runs(binaries);
        Assert.Contains("dotnet publish src/HotPapers.Cli -c Release -r \"$RID\" -p:PublishAot=true", build, StringComparison.Ordinal);
        Assert.Contains("grep -E \"warning (IL|CS)[0-9]+\" publish.log", build, StringComparison.Ordinal);
        Assert.Contains("--version", build, StringComparison.Ordinal);
        // pipefail, so that `publish | tee` fails when the publish does.
        Assert.Equal("bash", Scalar(Map(Map(binaries, "defaults"), "run"), "shell"));
        Assert.Contains(Steps(binaries), s => s.Children.ContainsKey("uses") && Scalar(s, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal));

        // Published only when everything passed: the package to nuget.org with the secret, the binaries with checksums to a release.
        var publish = Map(jobs, "publish");
        Assert.Equal(["pack", "binaries"], Strings(publish["needs"]));
        Assert.Equal("write", Scalar(Map(publish, "permissions"), "contents"));
        var push = Steps(publish).Single(s => s.Children.ContainsKey("run") && Scalar(s, "run").StartsWith("dotnet nuget push", StringComparison.Ordinal));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", Scalar(Map(push, "env"), "NUGET_API_KEY"));
        Assert.Contains("--api-key \"$NUGET_API_KEY\" --source https://api.nuget.org/v3/index.json", Scalar(push, "run"), StringComparison.Ordinal);
        var runs = Runs(publish);
        Assert.Contains("sha256sum hotpapers-* HotPapers.Cli.*.nupkg > SHA256SUMS", runs, StringComparison.Ordinal);
        Assert.Contains("gh release create \"$GITHUB_REF_NAME\"", runs, StringComparison.Ordinal);
        Assert.Contains("dist/hotpapers-* dist/HotPapers.Cli.*.nupkg dist/SHA256SUMS", runs, StringComparison.Ordinal);
        Assert.True(runs.IndexOf("dotnet nuget push", StringComparison.Ordinal) < runs.IndexOf("gh release create", StringComparison.Ordinal), "the package is pushed before the release is made");
    }

    [Fact]
    public void Every_push_runs_the_ci_script()
    {
        var ci = Load("ci.yml");
        Assert.Equal(["**"], Strings(Map(ci["on"], "push")["branches"]));
        Assert.Equal("CI=true bash .ci/run", Runs(Map(Map(ci, "jobs"), "test")));
        Assert.True(File.Exists(Path.Combine(Fixture.RepoRoot(), ".ci", "run")));
    }
}
