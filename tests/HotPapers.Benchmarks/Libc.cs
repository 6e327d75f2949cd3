using System.Runtime.InteropServices;

namespace HotPapers.Benchmarks;

/// <summary>The two libc calls the bench needs that .NET does not offer (Linux x64 layouts).</summary>
internal static partial class Libc
{
    private const int RusageChildren = -1;

    // struct rusage on linux-x64: ru_utime and ru_stime (two 16-byte timevals), then 14 longs of which
    // ru_maxrss (in KB) is the first.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void SyncNative();

    /// <summary>
    /// Of the waited-for children of this process: the largest peak RSS, in KB, and the CPU time they
    /// spent in user and in kernel mode, in ms.
    /// </summary>
    public static (long MaxRssKb, double UserMs, double SystemMs) ChildrenUsage() =>
        GetRusage(RusageChildren, out var usage) == 0
            ? (usage.MaxRss, usage.UtimeSec * 1e3 + usage.UtimeUsec / 1e3, usage.StimeSec * 1e3 + usage.StimeUsec / 1e3)
            : throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");

    /// <summary>Flushes every dirty page to disk, so the next timing does not pay for earlier writes.</summary>
    public static void Sync() => SyncNative();
}
