namespace HotPapers.Scaffolding;

/// <summary>What <c>init</c> did with one file.</summary>
public enum ScaffoldOutcome
{
    Written,
    Overwritten,

    /// <summary>The file was there already and <c>--force</c> was not given: left as it was.</summary>
    Skipped,

    /// <summary>A <c>.gitignore</c> that lacked hotpapers' lines got them at its end.</summary>
    Extended,

    /// <summary><c>--update</c>: the file was what an earlier version wrote, and is now this version's.</summary>
    Updated,

    /// <summary>The file is this version's already (or, for <c>.gitignore</c>, has the lines): left untouched, with <c>--update</c> or <c>--force</c>.</summary>
    UpToDate,

    /// <summary><c>--update</c>: the file is neither this version's nor an earlier one's: the user changed it, and it is left as it is.</summary>
    Changed,
}

public sealed record ScaffoldedFile(string Path, ScaffoldOutcome Outcome);
