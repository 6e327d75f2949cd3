using HotPapers.Cli;
using HotPapers.Output;
using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>The site's folder: all or nothing, stale files of the earlier site removed, files not ours kept.</summary>
public sealed class SiteOutputTests
{
    [Fact]
    public void Bad_records_leave_the_site_as_it_was()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"]);
        var before = FolderSnapshot.Of(temp["public"]);
        File.WriteAllText(Path.Combine(records, "2021-05-04.json"), "{\"format\": \"hotpapers-records/1\", \"date\": \"2021-05-04\"}");
        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, temp["public"]));
        Assert.Contains(e.Problems, p => p.File.EndsWith("2021-05-04.json", StringComparison.Ordinal));
        Assert.Equal(before, FolderSnapshot.Of(temp["public"]));
    }

    // Found by a new user's trial: a day emptied by ranking.repeatAfterDays said "No paper reached the threshold",
    // which was not why; the owner is told why, the reader only that no paper made the digest.
    [Fact]
    public void A_day_that_shows_none_of_its_papers_is_named_and_its_page_says_no_paper_made_it()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        var day = HotPapers.TestData.WeekGenerator.Generate(14, new DateOnly(2021, 5, 3), 1)[0];
        Fixture.WriteRecords(records, day);
        var settings = SiteHarness.Settings(records, temp["public"]);

        var result = new SiteGenerator(settings with { Ranking = settings.Ranking with { MinPaperScore = int.MaxValue } }).Generate();

        Assert.Contains($"{Path.Combine(records, "2021-05-03.json")}: none of its {day.Papers.Length} paper(s) is shown: {day.Papers.Length} scored below "
            + $"ranking.minPaperScore ({int.MaxValue}), so its page has no papers", result.Warnings);
        Assert.Contains("<p class=\"empty\">No paper made this digest.</p>", File.ReadAllText(temp["public/2021/05/03/index.html"]), StringComparison.Ordinal);
    }

    // Found by a new user's trial: an empty day was a full feed item ("No paper made this digest."), and the feeds said
    // no language where the pages did.
    [Fact]
    public void An_empty_day_is_a_page_but_no_feed_item_and_the_feeds_say_the_sites_language()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        var day = HotPapers.TestData.WeekGenerator.Generate(14, new DateOnly(2021, 5, 2), 1)[0];
        Fixture.WriteRecords(records, day);
        Fixture.WriteRecords(records, day with { Date = new DateOnly(2021, 5, 3), EndDate = new DateOnly(2021, 5, 3), Papers = [] });

        SiteHarness.Generate(records, temp["public"], s => s with { Language = "pt-BR" });

        Assert.Contains("No paper made this digest.", File.ReadAllText(temp["public/2021/05/03/index.html"]), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(temp["public/feed.json"]));
        Assert.Equal("pt-BR", json.RootElement.GetProperty("language").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.EndsWith("/2021/05/02/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        var rss = System.Xml.Linq.XDocument.Load(temp["public/feed.rss"]);
        Assert.Equal("pt-BR", rss.Root!.Element("channel")!.Element("language")!.Value);
        Assert.Single(rss.Root!.Element("channel")!.Elements("item"));
        var atom = System.Xml.Linq.XDocument.Load(temp["public/feed.atom"]);
        Assert.Equal("pt-BR", atom.Root!.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value);
        Assert.Single(atom.Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")));
    }

    // Found by a new user's trial: a logo in the templates folder was ignored without a word, and public/ is built
    // afresh each night. The templates folder's static/ is copied as it is, and its favicon linked from every page.
    [Fact]
    public void The_templates_folders_static_files_are_copied_as_they_are_and_its_favicon_is_linked()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        Directory.CreateDirectory(temp["templates/static/img"]);
        File.WriteAllText(temp["templates/static/favicon.svg"], "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        File.WriteAllBytes(temp["templates/static/img/logo.png"], [0x89, 0x50, 0x4E, 0x47, 0, 1, 2]);
        File.WriteAllText(temp["templates/static/CNAME"], "papers.example.org\n");
        File.WriteAllText(temp["templates/static/.DS_Store"], "x");

        var result = SiteHarness.Generate(records, temp["public"], templates: temp["templates"]);

        Assert.DoesNotContain(result.Warnings, w => w.Contains("static", StringComparison.Ordinal));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0, 1, 2], File.ReadAllBytes(temp["public/img/logo.png"]));
        Assert.Equal("papers.example.org\n", File.ReadAllText(temp["public/CNAME"]));
        Assert.False(File.Exists(temp["public/.DS_Store"]), "hidden files stay out");
        Assert.Contains("<link rel=\"icon\" href=\"../../../favicon.svg\">", File.ReadAllText(temp["public/2021/05/03/index.html"]), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\">", File.ReadAllText(temp["public/index.html"]), StringComparison.Ordinal);

        // Taken out of static/, a file leaves the site at the next build, as a page of a day gone does.
        File.Delete(temp["templates/static/img/logo.png"]);
        SiteHarness.Generate(records, temp["public"], templates: temp["templates"]);
        Assert.False(File.Exists(temp["public/img/logo.png"]));
        Assert.True(File.Exists(temp["public/favicon.svg"]));

        // One at a path the site writes itself is an error, and the site stays as it was.
        var before = FolderSnapshot.Of(temp["public"]);
        File.WriteAllText(temp["templates/static/robots.txt"], "User-agent: *\n");
        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, temp["public"], templates: temp["templates"]));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(temp["templates/static/robots.txt"], problem.File);
        Assert.Contains("robots.txt, which the site writes", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(temp["public"]));
    }

    // Found in review: a FIFO hung the build for good, a link to a file and a Static/ folder were skipped without a
    // word, and Index.html (another case) or a file named as a folder of the site got past the check.
    [SkippableFact]
    public void Static_files_that_are_no_files_are_named_and_clashes_of_case_or_folder_are_errors()
    {
        ExternalTool.RequireThat(!OperatingSystem.IsWindows(), "FIFOs and symbolic links as Unix has them");
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        Directory.CreateDirectory(temp["templates/static"]);
        Directory.CreateDirectory(temp["templates/Static"]);
        File.WriteAllText(temp["logo.svg"], "<svg/>\n");
        File.CreateSymbolicLink(temp["templates/static/logo.svg"], temp["logo.svg"]);
        Directory.CreateSymbolicLink(temp["templates/static/up"], temp.Path);
        var fifo = Processes.Run(temp.Path, "mkfifo", [temp["templates/static/pipe"]]);
        ExternalTool.RequireThat(fifo.Code == 0, "mkfifo made no FIFO: " + fifo.Stderr);

        var result = SiteHarness.Generate(records, temp["public"], templates: temp["templates"]);

        Assert.Equal("<svg/>\n", File.ReadAllText(temp["public/logo.svg"]));
        Assert.Contains($"{temp["templates/static/pipe"]}: not copied into the site: a FIFO (a named pipe), not a file", result.Warnings);
        Assert.Contains($"{temp["templates/static/up"]}: not copied into the site: a symbolic link to a folder, or to nothing, not a file", result.Warnings);
        Assert.Contains($"{temp["templates/Static"]}: not copied into the site (did you mean static/?)", result.Warnings);

        var before = FolderSnapshot.Of(temp["public"]);
        File.Delete(temp["templates/static/pipe"]);
        File.WriteAllText(temp["templates/static/Index.html"], "mine\n");
        File.WriteAllText(temp["templates/static/archive"], "a file where the site has a folder\n");
        Directory.CreateDirectory(temp["templates/static/feed.atom"]);
        File.WriteAllText(temp["templates/static/feed.atom/x"], "in a folder where the site has a file\n");
        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, temp["public"], templates: temp["templates"]));
        Assert.Equal(["archive/, a folder of the site's pages", "feed.atom, which the site writes as a file", "index.html, which the site writes"],
            e.Problems.Select(p => p.Found).Order(StringComparer.Ordinal));
        Assert.Equal(before, FolderSnapshot.Of(temp["public"]));
    }

    [Fact]
    public void A_site_without_static_files_links_no_icon()
    {
        using var temp = Fixture.TempDir();
        SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"]);
        Assert.DoesNotContain("rel=\"icon\"", File.ReadAllText(temp["public/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_template_leaves_the_site_as_it_was_and_names_its_line()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"]);
        var before = FolderSnapshot.Of(temp["public"]);
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/day.html.sbn"], "<p>\n{{ for x in }}\n");
        var e = Assert.Throws<TemplateException>(() => SiteHarness.Generate(records, temp["public"], templates: temp["templates"]));
        Assert.Contains("day.html.sbn", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2,", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(temp["public"]));
    }

    // Found by a new user's trial: {{ html site.titel }} made the footer ". Made with hotpapers." and
    // the site was written. A member the object does not have is an error, as a misspelt name is.
    [Theory]
    [InlineData("foot.html.sbn", "site.title", "site.titel", 3, 17, "2021/05/03/index.html",
        "The member `titel` of `site` was not found (did you mean `title`?); its members are title, description, author, language, base_url, embeds, feeds, about, icon\n")]
    [InlineData("paper.html.sbn", "paper.pdf_url", "paper.pdf_ulr", 6, 99, "2021/05/03/index.html", "The member `pdf_ulr` of `paper` was not found (did you mean `pdf_url`?); its members are rank, ")]
    [InlineData("day.html.sbn", "page.newer.link", "page.newer.href", 19, 60, "2021/04/30/index.html", "The member `href` of `page.newer` was not found; its members are link, text\n")]
    // Found by a user's trial: a call of Scriban's object of functions was told in .NET's type names
    // ("Invalid target function `{escape: Scriban.Runtime.DelegateCustomFunction, ...}` (object)").
    [InlineData("foot.html.sbn", "html site.title", "string site.title", 3, 7, "2021/05/03/index.html", "Invalid target function: `string` is an object, not a function; its members are escape, append, ")]
    public void A_misspelt_member_in_a_page_template_exits_1_names_it_and_leaves_the_site_as_it_was(string template, string member, string misspelt, int line, int column, string page, string message)
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        string[] site = ["site", "--records", records, "--output", temp["public"], "--base-url", SiteHarness.BaseUrl.AbsoluteUri];
        Assert.Equal(ExitCodes.Success, InProcessCli.Run(site).Code);
        var before = FolderSnapshot.Of(temp["public"]);
        Directory.CreateDirectory(temp["templates"]);
        var text = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "templates", "site", template));
        Assert.Contains(member, text, StringComparison.Ordinal);
        File.WriteAllText(temp["templates/" + template], text.Replace(member, misspelt, StringComparison.Ordinal));

        var (code, stdout, stderr) = InProcessCli.Run([.. site, "--templates", temp["templates"]]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        // The page named is the first of those the template failed on, newest digest first, the same every run.
        Assert.StartsWith($"error: template {temp["templates/" + template]}({line},{column}), rendering {Path.Combine(temp["public"], page)}: {message}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(temp["public"]));
    }

    // Found by a new user's trial: {{ page.newer.text }} fails on the newest digest's page alone (it has no
    // newer one), and the message named the template's line but not the page it failed on.
    [Fact]
    public void A_template_failing_on_one_page_names_that_page()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/day.html.sbn"], "{{ page.newer.text }}\n");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", temp["public"], "--base-url", SiteHarness.BaseUrl.AbsoluteUri, "--templates", temp["templates"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: template {temp["templates/day.html.sbn"]}(1,15), rendering {Path.Combine(temp["public"], "2021/05/03/index.html")}: "
            + "Cannot get the member page.newer.text for a null object.\n", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["public"]));

        // A feed's entry is no page: named by its digest's page (every entry fails here: the newest is named).
        File.Delete(temp["templates/day.html.sbn"]);
        File.WriteAllText(temp["templates/digest.html.sbn"], "{{ x = null }}{{ x.y }}\n");
        (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", temp["public"], "--base-url", SiteHarness.BaseUrl.AbsoluteUri, "--templates", temp["templates"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: template {temp["templates/digest.html.sbn"]}(1,20), rendering the feeds' entry for 2021/05/03/: Cannot get the member x.y for a null object.\n", stderr, StringComparison.Ordinal);
    }

    // Ctrl+C (the CLI cancels the token) at each stage of a site build: no further digest page starts
    // rendering, no further stage starts, nothing is committed, and what was staged is removed.
    [Theory]
    [InlineData("the first digest page")]
    [InlineData("the last digest page")]
    [InlineData("the first listing page")]
    [InlineData("the last file")]
    public void A_cancelled_site_stops_at_the_next_stage_commits_nothing_and_removes_what_it_staged(string cancelAt)
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        const int More = 40;
        for (var i = 0; i < More; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(records, day + ".json"), SampleRecords.Daily().Replace("\"2021-04-30\"", $"\"{day}\"", StringComparison.Ordinal));
        }
        var digests = More + 2;
        var site = temp["public"];
        SiteHarness.Generate(records, site);
        var before = FolderSnapshot.Of(site);
        var staging = Path.Combine(site, SiteOutput.StagingFolder) + Path.DirectorySeparatorChar;
        var staged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var digestPages = 0;
        using var stop = new CancellationTokenSource();
        Writeback.AfterWriting.Value = path =>
        {
            Assert.StartsWith(staging, path, StringComparison.Ordinal);
            var relative = path[staging.Length..].Replace(Path.DirectorySeparatorChar, '/');
            staged.Enqueue(relative);
            // Counted once per page, race-free: the pages are staged on several threads at once.
            var pages = IsDigestPage(relative) ? Interlocked.Increment(ref digestPages) : -1;
            if (cancelAt switch
            {
                "the first digest page" => pages == 1,
                "the last digest page" => pages == digests,
                "the first listing page" => !IsDigestPage(relative),
                _ => relative == SitePaths.Robots,
            }) stop.Cancel();
        };
        try
        {
            Assert.Throws<OperationCanceledException>(() =>
                new SiteGenerator(SiteHarness.Settings(records, site)).Generate(stop.Token));
        }
        finally
        {
            Writeback.AfterWriting.Value = null;
        }

        Assert.Equal(before, FolderSnapshot.Of(site));
        var listings = staged.Where(p => !IsDigestPage(p)).ToList();
        var feeds = listings.Where(p => p.EndsWith(".atom", StringComparison.Ordinal) || p.EndsWith(".rss", StringComparison.Ordinal)
            || p.EndsWith(".json", StringComparison.Ordinal) || p == SitePaths.Sitemap).ToList();
        switch (cancelAt)
        {
            case "the first digest page":
                // The pages already rendering when it came finish; none starts after it, nor any listing.
                Assert.InRange(staged.Count, 1, digests - More / 2);
                Assert.Empty(listings);
                break;
            case "the last digest page":
                Assert.Equal(digests, staged.Count);
                Assert.Empty(listings);
                break;
            case "the first listing page":
                // The listing pages are one stage; the feeds are the next.
                Assert.NotEmpty(listings);
                Assert.Empty(feeds);
                break;
            default:
                Assert.NotEmpty(feeds);
                break;
        }
    }

    private static bool IsDigestPage(string path) =>
        System.Text.RegularExpressions.Regex.IsMatch(path, @"^\d{4}/\d{2}/\d{2}(-\d{4}-\d{2}-\d{2})?/index\.html$");

    // Found by a new user's trial: every file was replaced on every run, the same bytes with a new time, so a
    // deploy that syncs by time and size sent the whole site each night.
    [Fact]
    public void A_file_the_site_would_write_the_same_is_left_alone_with_its_time()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        var first = SiteHarness.Generate(records, temp["public"]);
        Assert.Equal(0, first.Unchanged);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in SiteHarness.Files(temp["public"]).Keys) File.SetLastWriteTimeUtc(temp["public/" + file], old);

        var again = SiteHarness.Generate(records, temp["public"]);
        Assert.Equal((first.Files, first.Files), (again.Files, again.Unchanged));
        Assert.All(SiteHarness.Files(temp["public"]).Keys, file => Assert.Equal(old, File.GetLastWriteTimeUtc(temp["public/" + file])));

        // A site title changes every page and feed, and not the stylesheet, the sitemap or robots.txt.
        var retitled = new SiteGenerator(SiteHarness.Settings(records, temp["public"], s => s with { Title = "Other" })).Generate();
        Assert.Equal(3, retitled.Unchanged);
        Assert.Equal([.. new[] { "robots.txt", "sitemap.xml", "style.css" }.Select(_ => old)],
            new[] { "robots.txt", "sitemap.xml", "style.css" }.Select(f => File.GetLastWriteTimeUtc(temp["public/" + f])));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(temp["public/index.html"]));
        Assert.Contains("Other", File.ReadAllText(temp["public/index.html"]), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["public/" + SiteOutput.StagingFolder]));
    }

    [Fact]
    public void A_failed_first_site_leaves_no_folder()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        File.WriteAllText(Path.Combine(records, "2021-05-04.json"), "[]");
        Assert.Throws<InputException>(() => SiteHarness.Generate(records, temp["public"]));
        Assert.False(Directory.Exists(temp["public"]));
    }

    [Fact]
    public void A_template_of_the_templates_folder_overrides_the_built_in_one_by_name()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/about.html.sbn"], "<h1>{{ html site.title }}</h1>\n");
        SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], s => s with { Title = "A & B" }, temp["templates"]);
        Assert.Equal("<h1>A &amp; B</h1>\n", File.ReadAllText(temp["public/about/index.html"]));
        Assert.Contains("<h1>Archive</h1>", File.ReadAllText(temp["public/archive/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_paper_template_is_every_paper_of_the_day_pages_the_home_page_and_the_feeds()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/paper.html.sbn"], "<section class=\"paper\"><h2>Own: {{ html paper.title }}</h2></section>\n");
        SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], templates: temp["templates"]);
        var categoryFeed = Directory.EnumerateFiles(temp["public/category"], "feed.atom", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        string[] pages = [temp["public/2021/05/03/index.html"], temp["public/index.html"], temp["public/feed.atom"], temp["public/feed.rss"], temp["public/feed.json"], categoryFeed];
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.Contains("Own: ", text, StringComparison.Ordinal);
            // The built-in paper's markup is nowhere: its authors line (the feeds' XML escapes its < and >,
            // not its quotes; JSON escapes the quotes).
            Assert.DoesNotContain("class=\"authors\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\\\"authors\\\"", text, StringComparison.Ordinal);
        }
        var day = File.ReadAllText(temp["public/2021/05/03/index.html"]);
        Assert.Equal(day.Split("<h2>").Length - 1, day.Split("<h2>Own: ").Length - 1);
    }

    [Fact]
    public void Files_of_the_earlier_site_go_and_files_not_ours_stay()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"]);
        Assert.True(File.Exists(temp["public/2021/05/03/index.html"]));
        File.WriteAllText(temp["public/CNAME"], "papers.example.org\n");
        File.Delete(Path.Combine(records, "2021-05-03.json"));
        // A digest's page goes with its records file only with --prune (SiteRecordsGoneTests).
        var result = new SiteGenerator(SiteHarness.Settings(records, temp["public"]), new SiteOptions(Prune: true)).Generate();
        Assert.False(Directory.Exists(temp["public/2021/05"]));
        Assert.True(File.Exists(temp["public/2021/04/30/index.html"]));
        Assert.Equal("papers.example.org\n", File.ReadAllText(temp["public/CNAME"]));
        Assert.True(result.Removed > 0);
        Assert.False(Directory.Exists(temp["public/" + SiteOutput.StagingFolder]));
    }

    // Found by a second trial: an entry of the site's list of files through a link inside the site to the records folder
    // had a site build delete a records file as a file of the earlier site.
    [Fact]
    public void A_file_reached_through_a_link_out_of_the_site_is_not_removed()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"]);
        File.CreateSymbolicLink(temp["public/rl"], records);
        File.AppendAllText(temp["public/" + SiteOutput.ManifestFile], "rl/2021-05-03.json\n");
        var before = FolderSnapshot.Of(records);

        var result = new SiteGenerator(SiteHarness.Settings(records, temp["public"]), new SiteOptions(Prune: true)).Generate();

        Assert.Equal(before, FolderSnapshot.Of(records));
        Assert.Equal(0, result.Removed);
    }

    [Fact]
    public void A_file_of_the_sites_names_that_hotpapers_did_not_write_stops_the_site_and_nothing_changes_until_forced()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        // A blog generator's public/ folder: its own home page, and a page of its own the site does not have.
        Directory.CreateDirectory(temp["public/2021/05/03"]);
        File.WriteAllText(temp["public/index.html"], "<!DOCTYPE html><title>My blog</title>\n");
        File.WriteAllText(temp["public/2021/05/03/index.html"], "<!DOCTYPE html><title>A post of mine</title>\n");
        File.WriteAllText(temp["public/posts.html"], "mine\n");
        var before = FolderSnapshot.Of(temp["public"]);

        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, temp["public"]));
        Assert.Equal(
            [$"{temp["public/2021/05/03/index.html"]}: expected a file the site wrote before, or nothing (run again with --force to replace it), found a file hotpapers did not write",
             $"{temp["public/index.html"]}: expected a file the site wrote before, or nothing (run again with --force to replace it), found a file hotpapers did not write"],
            e.Problems.Select(p => p.ToString()));
        // Every file as it was; the one file added is the folder's lock, which a build leaves in place
        // (deleting a lock file races with the next build's open: docs/reliability.md).
        var after = FolderSnapshot.Of(temp["public"]);
        Assert.True(after.Remove(OutputLock.FileName));
        Assert.Equal(before, after);

        new SiteGenerator(SiteHarness.Settings(records, temp["public"]), new SiteOptions(Force: true)).Generate();
        SiteHarness.Generate(records, temp["fresh"]);
        Assert.Equal("mine\n", File.ReadAllText(temp["public/posts.html"]));
        File.Delete(temp["public/posts.html"]);
        Assert.Equal(SiteHarness.Files(temp["fresh"]), SiteHarness.Files(temp["public"]));
        // Replaced once with --force, the files are the site's own: the next build needs no force.
        SiteHarness.Generate(records, temp["public"]);
    }

    // Found by a new user's trial: `hotpapers site` in a Hugo blog's root went for Hugo's public/ (the site's
    // default folder), and each of Hugo's pages stopped it with a hint to use --force.
    [Theory]
    [InlineData("hugo.toml", "Hugo", false)]
    [InlineData("hugo.toml", "Hugo", true)] // not built yet: the two would mix their pages
    [InlineData("gatsby-config.js", "Gatsby", true)]
    public void The_site_refuses_the_folder_its_blog_builds_into_before_it_reads_a_record(string config, string name, bool empty)
    {
        using var temp = Fixture.TempDir();
        var blog = temp["blog"];
        Directory.CreateDirectory(Path.Combine(blog, "public"));
        File.WriteAllText(Path.Combine(blog, config), "title = 'My blog'\n");
        if (!empty) File.WriteAllText(Path.Combine(blog, "public", "index.html"), "<!DOCTYPE html><title>My blog</title>\n");
        var records = SiteHarness.SampleRecords(temp);
        File.WriteAllText(Path.Combine(records, "2021-05-04.json"), "[]"); // bad records: not read
        var before = FolderSnapshot.Of(blog);
        var output = Path.Combine(blog, "public") + (empty ? "/" : "");

        var (code, stdout, stderr) = InProcessCli.Run("site", "--records", records, "--output", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {output}: expected a folder of the site's own (--output DIR, or site.output in hotpapers.yml; --force writes into this one all the same), "
            + $"found the folder the {name} site in {blog} ({config}) builds into\n", stderr, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(blog));

        // Any other folder of the blog is the owner's choice, and --force is the owner's word.
        File.Delete(Path.Combine(records, "2021-05-04.json"));
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", records, "--output", Path.Combine(blog, "static", "papers")).Code);
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", records, "--output", output, "--force").Code);
        Assert.True(File.Exists(Path.Combine(blog, "public", "2021", "04", "30", "index.html")));
        // Chosen once with --force, the folder holds a site of ours: the next run needs no force.
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", records, "--output", output).Code);
    }

    // Hugo builds into its publishDir where its configuration sets one (docs/ for many GitHub Pages sites):
    // that folder is the one refused, and public/ is then a folder like any other.
    [Theory]
    [InlineData("hugo.toml", "publishDir = \"docs\"\n")]
    [InlineData("hugo.yaml", "title: My blog\npublishDir: docs   # for GitHub Pages\n")]
    [InlineData("config.json", "{\n  \"baseURL\": \"https://example.org/\",\n  \"publishDir\": \"docs\"\n}\n")]
    [InlineData("config/_default/hugo.toml", "publishDir = 'docs'\n")]
    // Found in review: only the file Hugo reads counts, and only a top-level key.
    [InlineData("hugo.toml", "title = 'x'\n", "config.toml", "publishDir = 'docs'\n")]
    [InlineData("hugo.toml", "title = 'x'\n[params]\n  publishDir = 'docs'\n", "config/_default/hugo.toml", "publishDir = 'docs'\n")]
    public void The_site_refuses_the_folder_hugo_publishes_into_as_its_configuration_names_it(string config, string text, string? other = null, string? otherText = null)
    {
        using var temp = Fixture.TempDir();
        var blog = temp["blog"];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(blog, config))!);
        File.WriteAllText(Path.Combine(blog, config), text);
        if (other is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(blog, other))!);
            File.WriteAllText(Path.Combine(blog, other), otherText);
            // The file Hugo reads says nothing of publishDir at its top (or in a table): public/ is the blog's.
            var sample = SiteHarness.SampleRecords(temp);
            var (refused, _, said) = InProcessCli.Run("site", "--records", sample, "--output", Path.Combine(blog, "public"));
            Assert.True(refused == ExitCodes.BadInput, said);
            Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", sample, "--output", Path.Combine(blog, "docs")).Code);
            return;
        }
        var records = SiteHarness.SampleRecords(temp);
        var output = Path.Combine(blog, "docs");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {output}: expected a folder of the site's own (--output DIR, or site.output in hotpapers.yml; --force writes into this one all the same), "
            + $"found the folder the Hugo site in {blog} (", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", records, "--output", Path.Combine(blog, "public")).Code);
    }

    // Found in review: gatsby build empties public/, and hugo writes into it; a folder inside it is no better.
    [Fact]
    public void The_site_refuses_a_folder_inside_the_one_its_blog_builds_into()
    {
        using var temp = Fixture.TempDir();
        var blog = temp["blog"];
        Directory.CreateDirectory(blog);
        File.WriteAllText(Path.Combine(blog, "gatsby-config.js"), "module.exports = {}\n");
        var records = SiteHarness.SampleRecords(temp);
        var output = Path.Combine(blog, "public", "papers");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {output}: expected a folder of the site's own (--output DIR, or site.output in hotpapers.yml; --force writes into this one all the same), "
            + $"found a folder inside the one the Gatsby site in {blog} (gatsby-config.js) builds into\n", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(blog, "public")));
    }

    [Fact]
    public void The_site_command_refuses_a_file_it_did_not_write_and_replaces_it_with_force()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        Directory.CreateDirectory(temp["public"]);
        File.WriteAllText(temp["public/index.html"], "<!DOCTYPE html><title>My blog</title>\n");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", temp["public"]);
        Assert.Equal(1, code);
        Assert.Contains($"{temp["public/index.html"]}: expected a file the site wrote before, or nothing (run again with --force to replace it), found a file hotpapers did not write", stderr);
        Assert.Equal("<!DOCTYPE html><title>My blog</title>\n", File.ReadAllText(temp["public/index.html"]));

        (code, _, stderr) = InProcessCli.Run("site", "--records", records, "--output", temp["public"], "--force");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("My blog", File.ReadAllText(temp["public/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_where_a_page_goes_or_a_file_where_a_folder_goes_stops_the_site_before_it_moves_anything_even_forced()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        Directory.CreateDirectory(temp["public/about.html/old"]);
        Directory.CreateDirectory(temp["public/archive/index.html"]);
        File.WriteAllText(temp["public/2021"], "a file where the site's 2021/ goes\n");
        var before = FolderSnapshot.Of(temp["public"]);
        foreach (var force in new[] { false, true })
        {
            var e = Assert.Throws<InputException>(() =>
                new SiteGenerator(SiteHarness.Settings(records, temp["public"]), new SiteOptions(Force: force)).Generate());
            Assert.Equal(
                [$"{temp["public/2021"]}: expected a folder of the site, or nothing (move it away and run again), found a file",
                 $"{temp["public/archive/index.html"]}: expected a file of the site, or nothing (move it away and run again), found a folder"],
                e.Problems.Select(p => p.ToString()));
            var after = FolderSnapshot.Of(temp["public"]);
            after.Remove(OutputLock.FileName);
            Assert.Equal(before, after);
        }
    }

    // A run killed while it moves the files into place: the list already names the new ones, so the next
    // run, whose pages differ, takes them as the site's own. Killing the build at that point is played by
    // a folder of the earlier site made immutable (root and chattr), which stops the moves halfway.
    [SkippableFact]
    public void A_commit_stopped_halfway_leaves_no_file_that_the_next_build_takes_for_someone_elses()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30");
        SiteHarness.Generate(records, temp["public"]);
        var day = Path.Combine(records, "2021-05-03.json");
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json"), day);
        using (RefusedPaths.Immutable(temp["public/about"]))
        {
            // 2021/05/03/ sorts before about/: it is in place when the move into about/ fails. (Another title, so
            // that the about page changes: one the same is left alone, and not moved.)
            Assert.ThrowsAny<Exception>(() => SiteHarness.Generate(records, temp["public"], s => s with { Title = "Other" }));
        }
        Assert.True(File.Exists(temp["public/2021/05/03/index.html"]));
        File.WriteAllText(day, File.ReadAllText(day).Replace("\"title\": \"", "\"title\": \"Changed: ", StringComparison.Ordinal));
        SiteHarness.Generate(records, temp["public"]);
        Assert.Contains("Changed: ", File.ReadAllText(temp["public/2021/05/03/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_already_holding_what_the_site_would_write_are_taken_as_its_own_without_force()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"]);
        // A site whose manifest is gone (a copy of the files alone): the same bytes replace nothing.
        File.Delete(temp["public/" + SiteOutput.ManifestFile]);
        SiteHarness.Generate(records, temp["public"]);
        Assert.Contains("2021/04/30/index.html", File.ReadAllLines(temp["public/" + SiteOutput.ManifestFile]));
    }

    [Fact]
    public void A_new_digest_goes_in_beside_the_earlier_site_as_a_fresh_build_writes_it_and_files_not_ours_stay()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30");
        SiteHarness.Generate(records, temp["public"]);
        // Inside a folder of the site: the new digest's folder (2021/05) is renamed in whole, 2021 is merged into.
        File.WriteAllText(temp["public/2021/notes.txt"], "mine\n");
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json"), Path.Combine(records, "2021-05-03.json"));
        SiteHarness.Generate(records, temp["public"]);
        SiteHarness.Generate(records, temp["fresh"]);
        Assert.Equal("mine\n", File.ReadAllText(temp["public/2021/notes.txt"]));
        File.Delete(temp["public/2021/notes.txt"]);
        Assert.Equal(FolderSnapshot.Of(temp["fresh"]), FolderSnapshot.Of(temp["public"]));
        Assert.True(File.Exists(temp["public/2021/05/03/index.html"]));
    }

    [Fact]
    public void Without_a_base_url_there_are_no_feeds_sitemap_or_canonical_links_and_a_warning_says_so()
    {
        using var temp = Fixture.TempDir();
        var result = SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], s => s with { BaseUrl = null });
        Assert.Contains(result.Warnings, w => w.Contains("no site.baseUrl", StringComparison.Ordinal));
        var files = SiteHarness.Files(temp["public"]);
        Assert.DoesNotContain("feed.atom", files.Keys);
        Assert.DoesNotContain("sitemap.xml", files.Keys);
        Assert.DoesNotContain("rel=\"canonical\"", File.ReadAllText(temp["public/index.html"]), StringComparison.Ordinal);
        Assert.Equal("User-agent: *\nAllow: /\n", File.ReadAllText(temp["public/robots.txt"]));
    }

    // Found by the new-user trial: the site said a .json file of the records folder was skipped because
    // "--all builds" the dated files, an option the site command does not have.
    [Fact]
    public void A_json_file_not_named_as_a_digest_is_skipped_with_a_warning_in_the_site_commands_words()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        File.WriteAllText(Path.Combine(records, "notes.json"), "{}");
        var result = SiteHarness.Generate(records, temp["public"]);
        Assert.Equal(2, result.Digests);
        Assert.Equal(
            [$"{Path.Combine(records, "notes.json")}: skipped: site builds the files named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json)"],
            result.Warnings);
    }

    [Theory]
    [InlineData("site:\n  pageSize: 0\n", "line 2, column 13 (site.pageSize)", "a whole number from 1 to 2147483647", "an integer (0)")]
    [InlineData("site:\n  embeds: script\n", "line 2, column 11 (site.embeds)", "static or live", "the string \"script\"")]
    [InlineData("site:\n  baseUrl: ftp://example.org/\n", "line 2, column 12 (site.baseUrl)", "an absolute http or https URL such as https://example.github.io/papers/, or null for none", "the string \"ftp://example.org/\"")]
    // Found by the new-user trial: an http(s) address refused for its query was told it should be an http(s) address.
    [InlineData("site:\n  baseUrl: https://example.org/papers/?ref=feed\n", "line 2, column 12 (site.baseUrl)", "an absolute http or https URL without a query, fragment or user name, such as https://example.github.io/papers/, or null for none", "the string \"https://example.org/papers/?ref=feed\"")]
    [InlineData("site:\n  baseUrl: https://me@example.org/\n", "line 2, column 12 (site.baseUrl)", "an absolute http or https URL without a query, fragment or user name, such as https://example.github.io/papers/, or null for none", "the string \"https://me@example.org/\"")]
    // Found by a new user's trial: a page's address was taken for the site's folder.
    [InlineData("site:\n  baseUrl: https://you.github.io/papers/index.html\n", "line 2, column 12 (site.baseUrl)", "the address of the site's folder, not of a page in it, such as https://example.github.io/papers/, or null for none", "the string \"https://you.github.io/papers/index.html\"")]
    // Found by the new-user trial: any string went into every page's lang.
    [InlineData("site:\n  language: en_US\n", "line 2, column 13 (site.language)", "a language tag such as en or pt-BR", "the string \"en_US\"")]
    [InlineData("site:\n  language: \"\"\n", "line 2, column 13 (site.language)", "a language tag such as en or pt-BR", "the string \"\"")]
    [InlineData("site:\n  colour: red\n", "line 2, column 3 (site.colour)", "one of the keys title, description, author, baseUrl, embeds, pageSize, feedItems, output, about, language", "unknown key \"colour\"")]
    public void Bad_site_settings_are_named_with_their_line(string yaml, string where, string expected, string found)
    {
        var e = Assert.Throws<InputException>(() => SettingsFile.Parse("hotpapers.yml", yaml, ""));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(("hotpapers.yml", where, expected, found), (problem.File, problem.Location, problem.Expected, problem.Found));
    }

    [Fact]
    public void The_output_defaults_to_public_beside_the_settings_file()
    {
        Assert.Equal(Path.Combine("blog", "public"), SettingsFile.Parse("hotpapers.yml", "", "blog").Site.OutputDirectory);
        Assert.Equal(new Uri("https://example.org/papers/"), SettingsFile.Parse("hotpapers.yml", "site:\n  baseUrl: https://example.org/papers\n", "").Site.BaseUrl);
    }
}
