namespace HotPapers.Collecting;

/// <summary>The day being collected and the instants it spans in the settings' time zone (<paramref name="Start"/> inclusive, <paramref name="End"/> exclusive).</summary>
internal sealed record CollectDay(DateOnly Date, DateTimeOffset Start, DateTimeOffset End);
