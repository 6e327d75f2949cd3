using System.Diagnostics;

namespace HotPapers.Benchmarks;

/// <summary>A hotpapers binary to measure: how to start it, and what to call it in the tables.</summary>
internal sealed record HotPapersTool(string Label, string Program, IReadOnlyList<string> Prefix)
{
    public IEnumerable<string> Args(params string[] args) => Prefix.Concat(args);

    /// <summary>A path as given with --exe: an apphost or native binary runs itself, a dll runs under <c>dotnet</c>.</summary>
    public static HotPapersTool FromPath(string label, string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new BenchFailure($"no hotpapers binary at {full}");
        return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new HotPapersTool(label, "dotnet", [full])
            : new HotPapersTool(label, full, []);
    }

    /// <summary>
    /// What <c>dotnet tool install</c> gives a user on this machine: the tool package's build for this runtime
    /// (framework-dependent, ReadyToRun-compiled), published to artifacts/tool first (incrementally), so that
    /// it is never older than the source.
    /// </summary>
    public static HotPapersTool DefaultFrameworkDependent(string root)
    {
        var output = Path.Combine(root, "artifacts", "tool");
        var path = Path.Combine(output, OperatingSystem.IsWindows() ? "hotpapers.exe" : "hotpapers");
        {
            string[] args = ["publish", "-c", "Release", "-r", ToolRuntime(), "-o", output, Path.Combine("src", "HotPapers.Cli")];
            Console.Error.WriteLine($"building the tool: dotnet {string.Join(' ', args)}");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = root };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var build = Process.Start(start)!;
            // The bench's stdout is the Markdown report; the build's chatter goes to stderr.
            Console.Error.Write(build.StandardOutput.ReadToEnd());
            build.WaitForExit();
            if (build.ExitCode != 0 || !File.Exists(path)) throw new BenchFailure($"publishing src/HotPapers.Cli failed ({build.ExitCode})");
        }
        return FromPath("framework-dependent", path);
    }

    /// <summary>This machine's runtime as the tool package names its builds (ToolPackageRuntimeIdentifiers in HotPapers.Cli.csproj).</summary>
    private static string ToolRuntime()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return $"{os}-{arch}";
    }

    /// <summary>
    /// artifacts/aot/hotpapers when it has been published, else null. Unlike the framework-dependent tool it
    /// is not published here (a minute of clang): a binary older than the source is used with a warning.
    /// </summary>
    public static HotPapersTool? DefaultAot(string root)
    {
        var path = Path.Combine(root, "artifacts", "aot", OperatingSystem.IsWindows() ? "hotpapers.exe" : "hotpapers");
        if (!File.Exists(path)) return null;
        var built = File.GetLastWriteTimeUtc(path);
        var newer = new[] { "src", "templates" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(file => File.GetLastWriteTimeUtc(file) > built)
            .Take(3).ToList();
        if (newer.Count > 0)
            Console.Error.WriteLine($"warning: {path} is older than {string.Join(", ", newer.Select(f => Path.GetRelativePath(root, f)))}: its rows measure older code " +
                "(dotnet publish src/HotPapers.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot)");
        return FromPath("Native AOT", path);
    }

    /// <summary>The folder holding HotPapers.sln, looked for above the current folder, then above this tool.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HotPapers.sln"))) return dir.FullName;
            }
        }
        throw new BenchFailure("cannot find HotPapers.sln above the current folder; run from the repository or pass --exe");
    }
}
