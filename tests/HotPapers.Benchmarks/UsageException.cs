namespace HotPapers.Benchmarks;

/// <summary>A command line that cannot be run; its message is shown with the usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
