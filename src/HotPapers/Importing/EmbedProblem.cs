namespace HotPapers.Importing;

/// <summary>Why an embed of a post is not one the importer reads: what it expected there, and what it found.</summary>
internal sealed record EmbedProblem(string Expected, string Found)
{
    /// <summary>A piece of the post's HTML as found, quoted and cut to a line's worth.</summary>
    public static string Quote(string html) => $"\"{(html.Length > 60 ? html[..57] + "..." : html)}\"";
}
