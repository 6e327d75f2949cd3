namespace HotPapers.Benchmarks;

/// <summary>The runs of one scenario: best and median wall time, and the highest peak RSS seen.</summary>
internal sealed class Timings
{
    private readonly List<ChildRun> _runs = [];

    private readonly List<ChildRun> _rssOnly = [];

    public void Add(ChildRun run) => _runs.Add(run);

    /// <summary>A run whose peak RSS counts but whose time does not (a warm-up run that sampled its RSS).</summary>
    public void AddForRss(ChildRun run) => _rssOnly.Add(run);

    private IEnumerable<ChildRun> WithRss => _runs.Concat(_rssOnly).Where(r => r.RssKb > 0);

    public double BestMs => Best.WallMs;

    public ChildRun Best => _runs.MinBy(r => r.WallMs)!;

    public double MedianMs => Median(_runs.Select(r => r.WallMs));

    /// <summary>The median of the runs' CPU time (user + kernel): what a busy machine's queueing does not add to.</summary>
    public double MedianCpuMs => Median(_runs.Select(r => r.UserMs + r.SystemMs));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public long PeakRssKb => WithRss.Select(r => r.RssKb).DefaultIfEmpty(0).Max();

    /// <summary>The peak RSS in MB, with a <c>~</c> when it was sampled rather than read from rusage.</summary>
    public string PeakRss => PeakRssKb == 0 ? "n/a" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{(WithRss.MaxBy(r => r.RssKb)!.RssExact ? "" : "~")}{PeakRssKb / 1024.0:F1}");

    public ChildRun Last => _runs[^1];
}
