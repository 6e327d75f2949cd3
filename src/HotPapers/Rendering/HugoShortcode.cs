namespace HotPapers.Rendering;

/// <summary>
/// Tweets in Hugo posts. Hugo's default Markdown settings drop raw HTML, so the stored embed goes
/// inside a shortcode (installed by <c>hotpapers init --flavor hugo</c>) that outputs it as it is.
/// </summary>
internal static class HugoShortcode
{
    public const string TweetName = "hotpapers-tweet";

    /// <summary>The file <c>hotpapers init</c> installs, relative to the site's root.</summary>
    public static readonly string TweetFile = Path.Combine("layouts", "shortcodes", TweetName + ".html");

    /// <summary>
    /// The shortcode call with the embed inside. Hugo reads <c>{{&lt;</c> and <c>{{%</c> in the inner text
    /// as shortcodes, so every <c>{{</c> of the HTML becomes <c>{&amp;#123;</c>, which a browser reads as
    /// the same two braces in text and in attribute values.
    /// </summary>
    public static string Tweet(string embedHtml)
    {
        var inner = embedHtml.Replace("\r\n", "\n").Trim('\n').Replace("{{", "{&#123;", StringComparison.Ordinal);
        return $"{{{{< {TweetName} >}}}}\n{inner}\n{{{{< /{TweetName} >}}}}";
    }

    /// <summary>
    /// Markdown text for a Hugo page: Hugo would read <c>{{&lt;</c> or <c>{{%</c> in a title or an
    /// abstract as a shortcode call and fail the build, so the <c>&lt;</c> or <c>%</c> gets a Markdown
    /// backslash escape, which renders as the character itself.
    /// </summary>
    public static string EscapeText(string markdown) =>
        markdown.Contains("{{", StringComparison.Ordinal)
            ? markdown.Replace("{{<", "{{\\<", StringComparison.Ordinal).Replace("{{%", "{{\\%", StringComparison.Ordinal)
            : markdown;
}
