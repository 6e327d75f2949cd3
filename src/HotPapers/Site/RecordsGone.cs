using System.Globalization;
using HotPapers.Building;
using HotPapers.Output;

namespace HotPapers.Site;

/// <summary>
/// Build's rule for posts whose records file is gone, kept by the site: an empty, wrong or partial records folder
/// (a checkout without the records, a mistyped --records) makes every digest it lacks look removed, and must not
/// cost a site its pages. Build names such posts and leaves them; a site cannot leave a page its listings,
/// feeds and neighbours' links no longer know, so it stops instead, and --prune says the pages should go.
/// </summary>
internal static class RecordsGone
{
    /// <summary>How many digests a message names before it counts the rest.</summary>
    private const int Named = 3;

    /// <summary>
    /// The problem with a site that would remove digest pages an earlier site wrote, or null when it removes none.
    /// </summary>
    /// <param name="leaving">The earlier site's files this one would remove (<see cref="SiteOutput.Leaving()"/>).</param>
    /// <param name="digests">How many digests this site has.</param>
    public static InputProblem? Problem(string recordsPath, string outputDirectory, IReadOnlyList<string> leaving, int digests)
    {
        var gone = leaving.Select(SitePaths.DigestOf).OfType<(DateOnly Date, DateOnly EndDate)>().Order().ToList();
        if (gone.Count == 0) return null;
        var keys = gone.Select(d => PostNaming.Key(d.Date, d.EndDate)).ToList();
        var found = File.Exists(recordsPath) ? $"one records file, not a folder of them, where the site also has the pages of {Some(keys)}"
            : digests == 0 ? $"no records file at all, where the site has the pages of {Some(keys)}"
            : gone.Count == 1 ? $"no {keys[0]}.json"
            : $"none of {Some([.. keys.Select(k => k + ".json")])}";
        return new InputProblem(recordsPath, InputProblem.WholeFile,
            $"a records file for each digest page of the site in {outputDirectory} (run again with --prune to remove the pages whose records are gone)", found);
    }

    // "a, b, c and 4 more".
    private static string Some(List<string> items) => RecordsFiles.Join(items.Count <= Named + 1 ? items
        : [.. items.Take(Named), (items.Count - Named).ToString(CultureInfo.InvariantCulture) + " more"]);
}
