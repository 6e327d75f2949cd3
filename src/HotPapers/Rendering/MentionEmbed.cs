using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HotPapers.Records;
using HotPapers.Safety;

namespace HotPapers.Rendering;

/// <summary>
/// What a post shows for a mention (<c>mention.embed</c>). A tweet: its embed as <see cref="TweetEmbed"/>
/// gives it. A Bluesky post: its stored oEmbed answer when <see cref="EmbedGuard"/> finds it Bluesky's
/// shape, else a blockquote of that shape built from its fields. Networks whose own embed is an iframe
/// or nothing (Mastodon, Hacker News, Hugging Face, Reddit), and every mention under <c>embeds: static</c>,
/// get a static card built from the fields: escaped, one line, no script and no iframe, so that the post
/// loads nothing from third parties.
/// </summary>
internal static class MentionEmbed
{
    public const string BlueskyScript = EmbedGuard.BlueskyScript;

    /// <param name="problem">Why a stored embed was not used, when it was not.</param>
    public static ReadOnlyMemory<char> Html(MentionRecord mention, bool staticCards, out string? problem)
    {
        problem = null;
        if (staticCards) return Card(mention).AsMemory();
        switch (mention.Network)
        {
            case Network.Twitter:
                return TweetEmbed.Html(mention, out problem);
            case Network.Bluesky:
                if (mention.EmbedHtml is not { } html) return BuildBluesky(mention).AsMemory();
                problem = EmbedGuard.Problem(html, bluesky: true);
                return problem is null ? html.AsMemory().TrimEnd("\n\r") : BuildBluesky(mention).AsMemory();
            default:
                return Card(mention).AsMemory();
        }
    }

    /// <summary>
    /// Bluesky's oEmbed shape: the text in a paragraph, then the author and a dated link to the post,
    /// and the embed.js script. The at-uri embed.js needs is the post URL's own (bsky.app/profile/X/post/R).
    /// </summary>
    public static string BuildBluesky(MentionRecord post)
    {
        var sb = new StringBuilder(256 + post.Text.Length * 2);
        sb.Append("<blockquote class=\"bluesky-embed\"");
        if (AtUri(post.Url) is { } uri) sb.Append(" data-bluesky-uri=\"").Append(TweetEmbed.Attr(uri)).Append('"');
        sb.Append("><p lang=\"").Append(TweetEmbed.Attr(TweetEmbed.OneLine(post.Lang ?? ""))).Append("\">");
        TweetEmbed.AppendText(sb, post.Text, httpsOnly: true);
        sb.Append("</p>&mdash; ").Append(TweetEmbed.Html(TweetEmbed.OneLine(post.AuthorName)))
          .Append(" (@").Append(TweetEmbed.Html(TweetEmbed.OneLine(post.Handle))).Append(')');
        if (IsHttps(post.Url))
            sb.Append(" <a href=\"").Append(TweetEmbed.Attr(TweetEmbed.OneLine(post.Url))).Append("\">").Append(DateText(post)).Append("</a>");
        return sb.Append("</blockquote>").Append(BlueskyScript).ToString();
    }

    /// <summary>
    /// A static card: the text, the author, the counts the network has, and a link to the discussion.
    /// A blockquote on one line (a blank line would end the Markdown HTML block), every value escaped.
    /// </summary>
    public static string Card(MentionRecord m)
    {
        var network = m.Network.Name();
        var sb = new StringBuilder(256 + m.Text.Length * 2);
        sb.Append("<blockquote class=\"hotpapers-card hotpapers-").Append(network).Append("\"><p");
        if (m.Lang is { Length: > 0 } lang) sb.Append(" lang=\"").Append(TweetEmbed.Attr(TweetEmbed.OneLine(lang))).Append('"');
        sb.Append('>');
        TweetEmbed.AppendText(sb, m.Text);
        sb.Append("</p>&mdash; ").Append(TweetEmbed.Html(TweetEmbed.OneLine(m.AuthorName)));
        if (m.Handle != m.AuthorName) sb.Append(" (@").Append(TweetEmbed.Html(TweetEmbed.OneLine(m.Handle))).Append(')');
        if (Counts(m) is { Length: > 0 } counts) sb.Append(" &middot; ").Append(counts);
        sb.Append(" &middot; <a href=\"").Append(TweetEmbed.Attr(TweetEmbed.OneLine(m.Url))).Append("\">").Append(m.Network.Title());
        if (m.Created is not null) sb.Append(", ").Append(DateText(m));
        return sb.Append("</a></blockquote>").ToString();
    }

    /// <summary>The counts a mention has, in its network's words: <c>21 reposts, 130 likes, 4 replies</c>.</summary>
    public static string Counts(MentionRecord m)
    {
        var (reposts, likes, replies) = Words(m.Network);
        var parts = new List<string>(4);
        if (m.Reposts is { } r) parts.Add(Count(r, reposts));
        if (m.Likes is { } l) parts.Add(Count(l, likes));
        if (m.Replies is { } c) parts.Add(Count(c, replies));
        if (m.Quotes is { } q) parts.Add(Count(q, "quote"));
        return string.Join(", ", parts);
    }

    /// <summary>
    /// A network's totals for a post's counts line (<c>total.text</c>): <c>Bluesky: 21 reposts, 130 likes</c>;
    /// networks without reposts (Hacker News, Hugging Face, Reddit) give only their likes: <c>Hacker News: 181 points</c>.
    /// </summary>
    public static string TotalsText(EngagementTotals t)
    {
        var (reposts, likes, _) = Words(t.Network);
        // Written into one buffer and made a string once: each paper's totals come here.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
        text.AppendLiteral(t.Network.Title());
        text.AppendLiteral(": ");
        if (HasReposts(t.Network))
        {
            AppendCount(ref text, t.Reposts, reposts);
            text.AppendLiteral(", ");
        }
        AppendCount(ref text, t.Likes, likes);
        return text.ToStringAndClear();
    }

    /// <summary>What each network calls its reposts, likes and replies.</summary>
    public static (string Reposts, string Likes, string Replies) Words(Network network) => network switch
    {
        Network.Twitter => ("retweet", "like", "reply"),
        Network.Mastodon => ("boost", "favourite", "reply"),
        Network.HackerNews => ("repost", "point", "comment"),
        Network.HuggingFace => ("repost", "upvote", "comment"),
        Network.Reddit => ("repost", "point", "comment"),
        _ => ("repost", "like", "reply"),
    };

    /// <summary>Whether the network has reposts: Hacker News, Hugging Face and Reddit have none (see the README's table).</summary>
    public static bool HasReposts(Network network) => network is not (Network.HackerNews or Network.HuggingFace or Network.Reddit);

    private static string Count(long n, string word)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[64]);
        AppendCount(ref text, n, word);
        return text.ToStringAndClear();
    }

    // "1 like", "2 likes", "3 replies".
    private static void AppendCount(ref DefaultInterpolatedStringHandler text, long n, string word)
    {
        text.AppendFormatted(n);
        text.AppendLiteral(" ");
        if (n == 1)
        {
            text.AppendLiteral(word);
        }
        else if (word.EndsWith('y'))
        {
            text.AppendFormatted(word.AsSpan(0, word.Length - 1));
            text.AppendLiteral("ies");
        }
        else
        {
            text.AppendLiteral(word);
            text.AppendLiteral("s");
        }
    }

    private static string DateText(MentionRecord m) => m.Created is { } c
        ? c.Day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
        : TweetEmbed.Html(TweetEmbed.OneLine(m.Url));

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && HttpUrl.IsHttpHref(url);

    // https://bsky.app/profile/<did-or-handle>/post/<rkey> -> at://<did-or-handle>/app.bsky.feed.post/<rkey>
    private static string? AtUri(string url)
    {
        const string Prefix = "https://bsky.app/profile/";
        if (!url.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = url[Prefix.Length..].Split('/');
        return parts is [var who, "post", var rkey] && who.Length > 0 && rkey.Length > 0
            && (who + rkey).All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ':' or '.' or '-' or '_')
            ? $"at://{who}/app.bsky.feed.post/{rkey}"
            : null;
    }
}
