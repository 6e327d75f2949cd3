using HotPapers.Rendering;

namespace HotPapers.Importing;

/// <summary>What <c>hotpapers import</c> is asked to do.</summary>
/// <param name="Paths">Posts, or folders whose <c>*.md</c> files are posts.</param>
/// <param name="RecordsDirectory">Where the records files go, one per post, named by its date.</param>
/// <param name="Zone">The zone the old posts' naive times are read in.</param>
/// <param name="Force">Replace a records file that exists and differs, where an earlier import made it (ranked: true).</param>
/// <param name="Strict">A post that would not build back byte for byte is an error, not a warning.</param>
/// <param name="SkipForeign">A file that is no digest at all (no digest title or slug) is listed as skipped, not a failure.</param>
/// <param name="Posts">Where build writes the posts (the settings' <c>output</c>) and how it names them (<c>fileName</c>): a post
/// there named otherwise is said to get a second file beside it. Null: posts are not looked at so.</param>
/// <param name="FrontMatter">The settings' front matter, which a post's own values are kept beside (its records' <c>post</c>)
/// where they differ; null for the built-in one. Found by a new user's trial: against the built-in one, every post of a Hugo
/// blog whose settings say <c>socialImage: ""</c> got its own <c>socialImage: ""</c>, which the setting then no longer changed.</param>
public sealed record ImportRequest(IReadOnlyList<string> Paths, string RecordsDirectory, TimeZoneInfo Zone, bool Force = false, bool Strict = false,
    bool SkipForeign = false, (string Directory, string FileName)? Posts = null, FrontMatterSettings? FrontMatter = null);
