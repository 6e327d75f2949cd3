namespace HotPapers.Tests;

/// <summary>
/// The trait of tests that take seconds each: they start processes, run outside tools or run long
/// property checks. The README's test command and CI run them all; while iterating,
/// <c>dotnet test --filter "Speed!=Slow"</c> runs the rest in well under a minute.
/// </summary>
internal static class Speed
{
    public const string Key = "Speed";
    public const string Slow = "Slow";
}
