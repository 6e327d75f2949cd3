namespace HotPapers.Cli;

/// <summary>The tool's exit codes, as the README documents them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input (records, templates, settings): the message says where; nothing was written.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary><c>build --check</c> found posts that are missing or would change.</summary>
    public const int CheckFoundChanges = 3;

    /// <summary><c>collect</c>: some sources failed, or some days of several were not written; the records hold what was collected.</summary>
    public const int PartialCollection = 4;

    /// <summary>Stopped by Ctrl+C (SIGINT): <c>build</c> or <c>site</c> before it wrote anything, <c>collect</c> keeping the days it wrote; 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>As <see cref="Interrupted"/>, by SIGTERM (a cancelled CI job): 128 + SIGTERM.</summary>
    public const int Terminated = 143;
}
