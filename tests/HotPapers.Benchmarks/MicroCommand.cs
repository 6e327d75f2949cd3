using BenchmarkDotNet.Running;

namespace HotPapers.Benchmarks;

/// <summary><c>micro</c>: BenchmarkDotNet over the pipeline stages; the arguments are BenchmarkDotNet's own.</summary>
internal static class MicroCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run([.. args]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
