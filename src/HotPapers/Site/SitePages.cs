using System.Text;
using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.Settings;
using Scriban.Runtime;

namespace HotPapers.Site;

/// <summary>
/// The site's pages as their templates make them. Every page template sees <c>site</c> (the settings'
/// <c>site:</c> values), <c>page</c> (its title, description, folder, canonical URL, the way back to the
/// root, feeds and pager) and what its kind shows; the functions are <see cref="SiteFunctions"/>'. The
/// templates are the built-in ones of <c>templates/site/</c>, or the templates folder's of the same name,
/// through the one <see cref="TemplateSet"/> and the one render of <see cref="PostRenderer"/>.
/// </summary>
internal sealed class SitePages
{
    public const string HomeTemplate = "home.html.sbn";
    public const string DayTemplate = "day.html.sbn";
    public const string ListTemplate = "list.html.sbn";
    public const string MonthTemplate = "month.html.sbn";
    public const string ArchiveTemplate = "archive.html.sbn";
    public const string CategoriesTemplate = "categories.html.sbn";
    public const string CategoryTemplate = "category.html.sbn";
    public const string AboutTemplate = "about.html.sbn";
    public const string NotFoundTemplate = "404.html.sbn";

    /// <summary>A digest's papers alone, each by paper.html.sbn: each feed item's content (the day and home pages go through the papers themselves).</summary>
    public const string DigestTemplate = "digest.html.sbn";

    private readonly TemplateSet _templates;
    private readonly SiteSettings _site;
    private readonly FrontMatterSettings _front;
    private readonly ScriptObject _siteObject;

    /// <param name="icon">The favicon among the site's static files (a path from the root), or null.</param>
    public SitePages(TemplateSet templates, SiteSettings site, FrontMatterSettings front, string? icon)
    {
        _templates = templates;
        _site = site;
        _front = front;
        _siteObject = new ScriptObject(9)
        {
            { "title", site.Title },
            { "description", site.Description },
            { "author", site.Author },
            { "language", site.Language },
            { "base_url", site.BaseUrl?.AbsoluteUri },
            { "embeds", site.LiveEmbeds ? "live" : "static" },
            { "feeds", site.BaseUrl is not null },
            { "about", Paragraphs(site.About) },
            { "icon", icon },
        };
        // Shared by every page, rendered in parallel.
        _siteObject.IsReadOnly = true;
    }

    /// <summary>Files of the templates folder that are not read.</summary>
    public IReadOnlyList<string> Notices => _templates.Notices;

    /// <summary>The stylesheet (<c>style.css</c>, built in or the templates folder's).</summary>
    public string Stylesheet() => _templates.Read(SitePaths.Stylesheet).Text;

    /// <summary>A digest's own page; its title.</summary>
    public string DigestPage(Digest digest, SiteOutput output, ICollection<string> warnings, (string Link, string Text)? newer, (string Link, string Text)? older)
    {
        var model = DigestModel(digest, warnings);
        var folder = SitePaths.Digest(digest.Records.Date, digest.Records.EndDate);
        var title = PostValue(model, "title");
        // The post's description, then what the digest holds (a user's trial: "Hot papers 2021-04-30" alone, the
        // title again, was all a search result or a shared link's card said of the page).
        var page = Page(folder, "day", title, $"{PostValue(model, "description")}. {Summary(digest)}", "article");
        page["newer"] = Neighbour(newer);
        page["older"] = Neighbour(older);
        model["page"] = page;
        Write(output, folder + SitePaths.Index, DayTemplate, model);
        return title;
    }

    /// <summary>
    /// What a digest holds, in a line: its number of papers and the first three titles (a feed item's summary, and its
    /// page's description after the post's). Runs of white space are one space: an imported title keeps arXiv's line breaks.
    /// </summary>
    public static string Summary(Digest digest)
    {
        var titles = digest.Papers.Select(p => WhiteSpace.Collapse(p.Paper.Title)).ToList();
        return titles.Count == 0
            ? "No paper made this digest."
            : $"{SiteGenerator.Count(titles.Count, "paper")}: {string.Join("; ", titles.Take(3))}{(titles.Count > 3 ? "; ..." : "")}";
    }

    /// <summary>What a digest's templates see: the post template's <c>post</c>, <c>digest</c> and <c>papers</c>, with the site's embeds.</summary>
    public ScriptObject DigestModel(Digest digest, ICollection<string>? warnings) =>
        PostModel.Create(digest, _front, warnings, staticCards: !_site.LiveEmbeds);

    /// <summary>A digest's papers as HTML (<see cref="DigestTemplate"/>), every link absolute under <paramref name="baseUrl"/>: a feed item's content.</summary>
    public string DigestHtml(Digest digest, Uri baseUrl)
    {
        var model = DigestModel(digest, null);
        var folder = SitePaths.Digest(digest.Records.Date, digest.Records.EndDate);
        model["page"] = Page(folder, "feed", PostValue(model, "title"), "", "article", root: baseUrl.AbsoluteUri);
        using var bytes = new PostBytes();
        // Named by the digest's page, as post.title need not hold the date.
        Render(DigestTemplate, model, bytes, $"the feeds' entry for {folder}");
        return Encoding.UTF8.GetString(bytes.Span);
    }

    /// <summary>
    /// <c>page</c>: <c>kind</c>, <c>title</c>, <c>description</c>, <c>path</c> (its folder), <c>root</c> (the way back
    /// to the site's root, for relative links), <c>url</c> (canonical, absolute; null without a base URL),
    /// <c>og_type</c>, <c>feeds</c> (title, href, type), <c>pager</c>, <c>newer</c> and <c>older</c> (null where none).
    /// </summary>
    /// <param name="root">The way to the root when it is not the folder's own (404.html, a feed item's absolute links).</param>
    public ScriptObject Page(string folder, string kind, string title, string description, string ogType = "website", string? categoryFeed = null, string? root = null)
    {
        root ??= SitePaths.Root(folder);
        var feeds = new ScriptArray();
        if (_site.BaseUrl is not null)
        {
            feeds.Add(Feed(_site.Title + " (Atom)", root + SitePaths.AtomFeed, "application/atom+xml"));
            feeds.Add(Feed(_site.Title + " (RSS)", root + SitePaths.RssFeed, "application/rss+xml"));
            feeds.Add(Feed(_site.Title + " (JSON Feed)", root + SitePaths.JsonFeed, "application/feed+json"));
            if (categoryFeed is not null)
                feeds.Add(Feed($"{_site.Title}: {categoryFeed} (Atom)", root + SitePaths.Category(categoryFeed) + SitePaths.AtomFeed, "application/atom+xml"));
        }
        return new ScriptObject(12)
        {
            { "kind", kind },
            { "title", title },
            { "description", description },
            { "path", folder },
            { "root", root },
            { "url", SitePaths.Absolute(_site.BaseUrl, folder)?.AbsoluteUri },
            { "og_type", ogType },
            { "feeds", feeds },
            { "pager", null },
            { "newer", null },
            { "older", null },
        };
    }

    /// <summary>Renders a page's template with <c>site</c> added to its model, into the site at <paramref name="path"/>.</summary>
    public void Write(SiteOutput output, string path, string template, ScriptObject model)
    {
        using var bytes = new PostBytes();
        Render(template, model, bytes, Path.Combine(output.Directory, path));
        output.Write(path, bytes.Span);
    }

    private void Render(string template, ScriptObject model, PostBytes bytes, string rendering)
    {
        model["site"] = _siteObject;
        PostRenderer.Render(_templates, template, SiteFunctions.Functions, model, bytes, rendering);
    }

    // A post.* value of a digest's model (title, description), as the post template would write it.
    private static string PostValue(ScriptObject model, string key) => (model["post"] as ScriptObject)?[key] as string ?? "";

    private static ScriptObject? Neighbour((string Link, string Text)? neighbour) =>
        neighbour is var (link, text) ? new ScriptObject(2) { { "link", link }, { "text", text } } : null;

    private static ScriptObject Feed(string title, string href, string type) => new(3) { { "title", title }, { "href", href }, { "type", type } };

    // Paragraphs are separated by blank lines; the lines of one are joined by spaces.
    private static ScriptArray Paragraphs(string text)
    {
        var paragraphs = new ScriptArray();
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Append(""))
        {
            if (line.Trim().Length > 0)
            {
                lines.Add(line.Trim());
            }
            else if (lines.Count > 0)
            {
                paragraphs.Add(string.Join(' ', lines));
                lines.Clear();
            }
        }
        return paragraphs;
    }
}
