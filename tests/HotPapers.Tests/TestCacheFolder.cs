using System.Runtime.CompilerServices;

namespace HotPapers.Tests;

/// <summary>
/// The tests' builds keep their build cache in a folder of this test run's own, never in the user's
/// ~/.cache, and the folder goes when the run ends. Child processes (the real CLI) inherit it.
/// </summary>
internal static class TestCacheFolder
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hotpapers-tests-cache-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void Use()
    {
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
        };
    }
}
