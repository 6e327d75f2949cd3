namespace HotPapers.Benchmarks;

/// <summary>The runs of one scenario: best and median wall time, and the highest peak RSS seen.</summary>
internal sealed class Timings
{
    private readonly List<ChildRun> _runs = [];

    public void Add(ChildRun run) => _runs.Add(run);

    public double BestMs => _runs.Min(r => r.WallMs);

    public double MedianMs
    {
        get
        {
            var sorted = _runs.Select(r => r.WallMs).Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public long PeakRssKb => _runs.Max(r => r.RssKb);

    /// <summary>The peak RSS in MB, with a <c>~</c> when it was sampled rather than read from rusage.</summary>
    public string PeakRss => PeakRssKb == 0 ? "n/a" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{(_runs.MaxBy(r => r.RssKb)!.RssExact ? "" : "~")}{PeakRssKb / 1024.0:F1}");

    public ChildRun Last => _runs[^1];
}
