namespace HotPapers.Tests;

/// <summary>Runs the command line in this process, capturing what it prints.</summary>
internal static class InProcessCli
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = HotPapers.Cli.CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Runs a program as its own process (the real hotpapers, hugo, node, git), capturing what it prints.</summary>
internal static class Processes
{
    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host that runs these tests.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The built hotpapers tool beside the test binaries.</summary>
    public static string HotpapersDll => Path.Combine(AppContext.BaseDirectory, "hotpapers.dll");

    /// <summary>
    /// The hotpapers executable under test, when <c>HOTPAPERS_EXE</c> names one (CI sets it to the Native
    /// AOT binary and runs the end-to-end tests against it); else null, and the tool runs as hotpapers.dll.
    /// </summary>
    public static string? HotpapersExe => Environment.GetEnvironmentVariable("HOTPAPERS_EXE") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    /// <summary>The program and leading arguments that start the tool under test.</summary>
    public static (string Program, string[] Args) HotpapersCommand => HotpapersExe is { } exe ? (exe, []) : (Dotnet, [HotpapersDll]);

    /// <summary>Runs the real tool in <paramref name="workingDirectory"/>, as a user in that folder would.</summary>
    public static (int Code, string Stdout, string Stderr) Hotpapers(string workingDirectory, params string[] args) =>
        Run(workingDirectory, HotpapersCommand.Program, [.. HotpapersCommand.Args, .. args]);
}
