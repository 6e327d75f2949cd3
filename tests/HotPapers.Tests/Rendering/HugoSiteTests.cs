using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HotPapers.Building;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Scaffolding;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// Debian's hugo builds a site made by <c>init --flavor hugo</c> with our posts, at Hugo's default
/// Markdown settings (raw HTML omitted): every paper heading and every tweet's blockquote is in the
/// HTML, and Hugo reads the front matter values we meant.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class HugoSiteTests
{
    private const string HostilePaperTitle = "`code` *star* <b>bold</b> & [link](x) {{< hotpapers-tweet >}} {{% y %}} \"quoted\" it's -- end #";
    private const string HostilePostTitle = "yes: {{< hotpapers-tweet >}} #1";
    private const string HostileTweetText = "closing {{< /hotpapers-tweet >}} and {{% x %}} <script>alert(1)</script> & more";

    [SkippableFact]
    public void Hugo_shows_every_heading_and_tweet_and_reads_the_front_matter()
    {
        var hugo = ExternalTool.Require("hugo", "the Hugo flavor is checked by building a real Hugo site");
        using var temp = Fixture.TempDir();
        var site = temp["site"];
        // The page prints what Hugo read from the front matter, as JSON, before the content.
        HugoTestSite.Create(site, "", """
            <!doctype html><html><body><script type="application/json" id="front-matter">{{ dict "title" .Title "date" (.Date.Format "2006-01-02T15:04:05-07:00") "draft" .Draft "slug" .Slug "description" .Description "categories" .Params.categories "tags" .Params.tags "images" .Params.images | jsonify | safeJS }}</script>
            <main>{{ .Content }}</main></body></html>
            """);

        // The sample, and a digest whose text tries to call shortcodes.
        var records = Path.Combine(site, "hotpapers", "records");
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), Path.Combine(records, "2021-04-30.json"));
        // And the sample day that mixes networks.
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json"), Path.Combine(records, "2021-05-03.json"));
        var hostile = JsonNode.Parse(File.ReadAllText(Path.Combine(records, "2021-04-30.json")))!;
        hostile["date"] = "2021-05-02";
        hostile["post"] = new JsonObject { ["title"] = HostilePostTitle };
        hostile["papers"]![0]!["title"] = HostilePaperTitle;
        var tweet = hostile["papers"]![0]!["tweets"]![0]!.AsObject();
        tweet["text"] = HostileTweetText;
        tweet.Remove("embedHtml");
        var embedded = hostile["papers"]![1]!["tweets"]![0]!.AsObject();
        embedded["embedHtml"] = embedded["embedHtml"]!.GetValue<string>().Replace("</p>", " {{< /hotpapers-tweet >}}{{% z %}}</p>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(records, "2021-05-02.json"), hostile.ToJsonString());

        var settings = new HotPapers.Settings.SettingsOverrides().Resolve(site);
        Assert.Equal(Flavor.Hugo, settings.Flavor);
        var result = new PostBuilder(settings).Build(new BuildRequest.All());
        Assert.Equal(3, result.Posts.Count);

        var (code, stdout, stderr) = Processes.Run(site, hugo, ["--quiet", "--destination", temp["public"]]);
        Assert.True(code == 0, $"hugo failed: {stdout}{stderr}");
        // The records folder init makes for Hugo is outside content/: Hugo publishes none of it.
        Assert.Empty(Directory.EnumerateFiles(temp["public"], "*.json", SearchOption.AllDirectories));

        var loader = new RecordsLoader(settings.TimeZone);
        var ranker = new Ranker(settings.Ranking);
        foreach (var (file, slug, title) in new[]
        {
            ("2021-04-30.json", "hot-papers-2021-04-30", "Hot Papers 2021-04-30"),
            ("2021-05-02.json", "hot-papers-2021-05-02", HostilePostTitle),
            ("2021-05-03.json", "hot-papers-2021-05-03", "Hot Papers 2021-05-03"),
        })
        {
            var digest = ranker.Rank(loader.Load(Path.Combine(records, file)));
            var html = File.ReadAllText(Path.Combine(temp["public"], "posts", slug, "index.html"));

            var front = JsonNode.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"front-matter\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!;
            Assert.Equal(title, front["title"]!.GetValue<string>());
            Assert.Equal(Rfc3339.Format(digest.Records.CollectedAt), front["date"]!.GetValue<string>());
            Assert.False(front["draft"]!.GetValue<bool>());
            Assert.Equal(slug, front["slug"]!.GetValue<string>());
            Assert.Equal("Hot papers " + Rfc3339.FormatDate(digest.Records.Date), front["description"]!.GetValue<string>());
            Assert.Equal("[\"arXiv\"]", front["categories"]!.ToJsonString());
            Assert.Equal("[\"arXiv\",\"Twitter\",\"Machine Learning\",\"Computer Science\"]", front["tags"]!.ToJsonString());
            // init's settings for a Hugo site name no image: the old blog's is not there.
            Assert.Null(front["images"]);

            var headings = Regex.Matches(html, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToList();
            Assert.Equal(digest.Papers.Select(p => $"{p.Rank}. {MarkdownText.OneLine(p.Paper.Title).Trim()}"), headings);

            var tweets = digest.Papers.SelectMany(p => p.Mentions).ToList();
            Assert.NotEmpty(tweets);
            foreach (var shown in tweets)
            {
                var embed = MentionEmbed.Html(shown, staticCards: false, out _).ToString();
                var blockquote = embed[..(embed.IndexOf("</blockquote>", StringComparison.Ordinal) + "</blockquote>".Length)];
                // Braces reach the page as {&#123;, which the browser shows as {{ (see HugoShortcode).
                Assert.Contains(blockquote, html.Replace("{&#123;", "{{", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            Assert.Equal(tweets.Count, Regex.Matches(html, "<blockquote class=\"(twitter-tweet|bluesky-embed|hotpapers-card hotpapers-[a-z]+)\"").Count);
        }
    }

    // Heading text as a reader sees it: tags gone, entities decoded, and Goldmark's typographer's
    // quotes and dashes (on by default in Hugo) turned back into what was typed.
    private static string Text(string html)
    {
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));
        return text.Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u2018', '\'').Replace('\u2019', '\'')
            .Replace("\u2014", "---").Replace("\u2013", "--").Replace("\u2026", "...").Replace("\u00ab", "<<").Replace("\u00bb", ">>");
    }
}
