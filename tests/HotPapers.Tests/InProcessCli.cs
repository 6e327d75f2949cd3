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

    /// <summary>Starts the real tool in <paramref name="workingDirectory"/> and leaves it running, its output redirected for the caller to read.</summary>
    public static System.Diagnostics.Process StartHotpapers(string workingDirectory, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(HotpapersCommand.Program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in HotpapersCommand.Args.Concat(args)) info.ArgumentList.Add(arg);
        return System.Diagnostics.Process.Start(info)!;
    }

    /// <summary>
    /// Sends a POSIX signal (2, SIGINT: Ctrl+C; 15, SIGTERM) to a process, by kill(2) at once: starting kill(1) beside a
    /// tool that keeps both cores busy took longer than the tool ran. 0 when sent; not on Windows.
    /// </summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    public static extern int Signal(int pid, int signal);
}
