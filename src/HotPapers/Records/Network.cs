namespace HotPapers.Records;

/// <summary>Where a mention of a paper was posted. The order is the order networks are listed in (totals, counts line).</summary>
internal enum Network
{
    Twitter,
    Bluesky,
    Mastodon,
    HackerNews,
    HuggingFace,
    Reddit,
}

/// <summary>The networks' names as the records format, the settings and the templates write them.</summary>
internal static class Networks
{
    public static readonly Network[] All = Enum.GetValues<Network>();

    private static readonly string[] Names = ["twitter", "bluesky", "mastodon", "hackernews", "huggingface", "reddit"];

    /// <summary>The readable names, for a post's counts line and cards.</summary>
    private static readonly string[] Titles = ["Twitter", "Bluesky", "Mastodon", "Hacker News", "Hugging Face", "Reddit"];

    public static string Name(this Network network) => Names[(int)network];

    public static string Title(this Network network) => Titles[(int)network];

    /// <summary>All names, for a problem's "expected".</summary>
    public static string NameList => string.Join(", ", Names);

    /// <summary>All names, for a typo's "did you mean".</summary>
    public static IReadOnlyList<string> AllNames => Names;

    public static bool TryParse(string name, out Network network)
    {
        var i = Array.IndexOf(Names, name);
        network = i < 0 ? default : (Network)i;
        return i >= 0;
    }
}
