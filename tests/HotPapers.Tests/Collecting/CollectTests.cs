using HotPapers.Collecting;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

/// <summary>collect end to end against the loopback APIs, on a fake clock: what it writes, how it paces and retries, and what a failing source costs.</summary>
public sealed class CollectTests
{
    [Fact]
    public async Task A_day_is_written_as_the_golden_records_file()
    {
        await using var h = new CollectHarness().Everything();
        var report = await h.RunAsync();

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Empty(day.Failures);
        Assert.Equal(WriteOutcome.Created, day.Written);
        Golden.AssertBytes(File.ReadAllBytes(h.DayFile), "collect", "expected-2021-04-30.json");
        // Every API once, and arXiv again for the id its answer did not have; the User-Agent names the tool, its version and the contact.
        Assert.Equal([CollectHarness.HuggingFace, CollectHarness.HackerNews, CollectHarness.Arxiv, CollectHarness.ArxivAgain], h.Api.Requests.Select(r => r.Target));
        Assert.All(h.Api.Requests, r => Assert.Matches(@"^hotpapers/[0-9]+\.[0-9]+\.[0-9]+\S* \(collect; tests@example\.org\)$", r.UserAgent));
        // The unknown id is dropped with a notice naming it.
        Assert.Contains(day.Notices, n => n.StartsWith("2104.99999: arXiv's answer does not have this paper (an id arXiv does not know, or a busy arXiv's answer cut short: --refresh asks again); its 1 mention(s) (https://news.ycombinator.com/item?id=26986000) were dropped", StringComparison.Ordinal));
    }

    // The harness's clock stands at 2021-05-01T06:00Z: the 30th of April has ended in UTC, not yet in Los Angeles.
    [Theory]
    [InlineData("America/Los_Angeles", null, "--date", "2021-04-30", "2021-04-30T23:00:00-07:00")]
    [InlineData("UTC", "2021-05-01", "--until", "2021-05-01", "2021-05-01T06:00:00+00:00")]
    // The option's own value is named, not the first day of the range that has not ended.
    [InlineData("UTC", "2021-05-03", "--until", "2021-05-03", "2021-05-01T06:00:00+00:00")]
    public async Task A_day_that_has_not_ended_in_the_sites_zone_is_refused_before_any_request(string zone, string? until, string option, string day, string now)
    {
        await using var h = new CollectHarness().Everything();
        var settings = h.Settings() with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone) };

        var e = await Assert.ThrowsAsync<InputException>(() => h.RunAsync(settings: settings, until: until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture)));

        var problem = Assert.Single(e.Problems);
        Assert.Equal($"{option}: expected a day that has ended in {zone} (it is {now} there now; --yesterday collects the last day that has), found {day}", problem.ToString());
        Assert.Empty(h.Api.Requests);
        Assert.False(File.Exists(h.DayFile));
    }

    [Fact]
    public async Task A_paper_linked_as_abs_pdf_and_v2_is_one_paper_with_each_mention_once()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();

        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(["2104.14294", "2104.14421", "hep-th/9901001"], records.Papers.Select(p => p.Id.Value));
        var paper = records.Papers[1];
        Assert.Equal("What Are Synthetic Posteriors Really Like?", paper.Title);
        Assert.Equal(["cs.LG", "stat.ML"], paper.Categories.ToArray());
        Assert.Equal(["Pavel Example", "Sharad Example"], paper.Authors.ToArray());
        Assert.StartsWith("The posterior over parameters is high-dimensional and non-convex. We run a synthetic experiment with $\\alpha < 1$", paper.Abstract);
        Assert.Equal(("https://arxiv.org/abs/2104.14421", "https://arxiv.org/pdf/2104.14421"), (paper.AbsUrl, paper.PdfUrl));
        // The abs, pdf (http, .pdf, v2) and www v2 links are the three stories; by network, then URL.
        Assert.Equal(
            ["hackernews https://news.ycombinator.com/item?id=26988000", "hackernews https://news.ycombinator.com/item?id=26989000",
             "hackernews https://news.ycombinator.com/item?id=26990001", "huggingface https://huggingface.co/papers/2104.14421"],
            paper.Mentions.Select(m => $"{m.Network.Name()} {m.Url}"));
        // The story of the day before, the blog whose URL only has the word, and the Ask HN are no mentions.
        Assert.DoesNotContain(records.Papers.SelectMany(p => p.Mentions), m => m.Url.EndsWith("26983000") || m.Url.EndsWith("26985000") || m.Url.EndsWith("26984000"));
        Assert.Equal(["hep-th"], records.Papers[2].Categories.ToArray());
    }

    [Fact]
    public async Task Arxiv_is_asked_no_more_than_once_every_three_seconds_even_when_it_says_sooner()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.Text(503, "busy", ("Retry-After", "1")), Reply.Text(503, "busy", ("Retry-After", "1")), Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        var times = h.Api.To("/api/query").Select(r => r.At).ToList();
        // Two answers 503, the third is the day's, the fourth asks again for the id it did not have.
        Assert.Equal(4, times.Count);
        // 2% over the 3 s, as the server may see a request a little sooner than it was sent.
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3.06), $"{pair.First:O} then {pair.Second:O}"));
        // The server said 1 s; the pacing makes it 3 s and 2%, and the line says so (found by a new user's trial).
        Assert.Contains(h.Progress, p => p == "2021-04-30: arxiv: HTTP 503 Service Unavailable; trying again in 3.1 s");
    }

    // Found by a user's trial: the pacing counted from the sending, and a request that waited 0.4 s for its connection
    // reached arXiv 2.6 s before the next, sent on the same connection. It counts from the answer.
    [Fact]
    public async Task Arxivs_three_seconds_are_counted_from_the_end_of_a_slow_answer()
    {
        await using var h = new CollectHarness();
        h.Api.Elapse = h.Clock.Advance;
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.Text(503, "busy", ("Retry-After", "1")) with { Takes = TimeSpan.FromSeconds(2) }, Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        var times = h.Api.To("/api/query").Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(2 + 3.06), $"{times[0]:O} then {times[1]:O}");
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_retried()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.Text(429, "{\"error\":\"slow down\"}", ("Retry-After", "7")), Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.Text(503, "{\"message\":\"Cannot reach any hosts\"}", ("Retry-After", DateTimeOffset.Parse("2021-05-01T06:00:20Z").ToString("R"))),
                Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        var hf = h.Api.To("/api/daily_papers").Select(r => r.At).ToList();
        Assert.Equal(TimeSpan.FromSeconds(7), hf[1] - hf[0]);
        var hn = h.Api.To("/api/v1/").Select(r => r.At).ToList();
        Assert.Equal(DateTimeOffset.Parse("2021-05-01T06:00:20Z"), hn[1]);
        // The records are the same as when no one was busy, but for when they were read.
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(6, records.Papers.Sum(p => p.Mentions.Length));
    }

    [Fact]
    public async Task A_wait_longer_than_collect_waits_gives_the_source_up_at_once()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.Text(429, "{\"error\":\"quota\"}", ("RateLimit", "\"api\";r=0;t=250")))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal("huggingface", failure.Source);
        Assert.Equal("answered HTTP 429 Too Many Requests ({\"error\":\"quota\"}); it asks to wait 250 s, longer than collect waits (60 s), 1 try", failure.What);
        Assert.Single(h.Api.To("/api/daily_papers"));
    }

    // Found by a new user's trial: the pacing held within a run only, so three runs in a row asked arXiv half a
    // second apart, and one right after arXiv had asked to wait two minutes. The cache keeps both for the next run.
    [Fact]
    public async Task A_wait_a_source_asked_for_holds_for_the_next_run_too()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        h.Clock.Advance(TimeSpan.FromHours(13));
        h.Api.On(CollectHarness.HuggingFace, Reply.Text(429, "{\"error\":\"quota\"}", ("Retry-After", "600")))
            .On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", Reply.File("arxiv-2021-04-30.xml"));
        await h.RunAsync();
        Assert.Equal(2, h.Api.To("/api/daily_papers").Count);

        // A run again a minute later: Hugging Face, which asked to be left alone ten minutes, is not asked.
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var day = Assert.Single((await h.RunAsync()).Days);
        Assert.Equal(2, h.Api.To("/api/daily_papers").Count);
        var failure = Assert.Single(day.Failures);
        Assert.Equal("huggingface", failure.Source);
        Assert.Equal($"not asked: {h.Api.BaseUrl.Authority} asked not to be asked again before 2021-05-01T19:10:03+00:00 "
            + $"(kept in {Path.Combine(h.Cache, "huggingface", "pace.json")}); collect the day again after that", failure.What);

        // Once the ten minutes are over, it is asked again.
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        h.Everything();
        Assert.Empty(Assert.Single((await h.RunAsync()).Days).Failures);
        Assert.Equal(3, h.Api.To("/api/daily_papers").Count);
    }

    // Found by a new user's trial: fresh counts within cacheMaxAge needed the setting changed or the cache deleted.
    // Found by a later one: a busy arXiv's answer, cut short, was kept for hours, and --refresh left arXiv to the cache.
    [Fact]
    public async Task Refresh_asks_the_networks_and_arxiv_again_within_the_caches_age()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.RunAsync();
        Assert.Single(h.Api.To("/api/daily_papers"));

        await h.RunAsync(refresh: true);

        Assert.Equal(2, h.Api.To("/api/daily_papers").Count);
        Assert.Equal(2, h.Api.To("/api/v1/").Count);
        Assert.Equal(2, h.Api.To(CollectHarness.Arxiv).Count);
        Assert.Equal(2, h.Api.To(CollectHarness.ArxivAgain).Count);
    }

    // Found by a new user's trial: a terminal shows the last progress line, and in a backfill that was a request
    // with no day, nor how far the run was.
    [Fact]
    public async Task Each_progress_line_names_its_day_and_in_a_backfill_how_far_the_run_is()
    {
        await using var h = new CollectHarness().Everything();
        h.Api.On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.File("hackernews-empty.json"));
        h.Clock.Advance(TimeSpan.FromDays(1));
        var heard = new List<(DateOnly Day, int ProgressLines)>();
        var report = await h.RunAsync(until: new DateOnly(2021, 5, 1), collected: day => heard.Add((day.Date, h.Progress.Count)));

        // Found by the same trial: the days were said all at once at the end; each is heard as soon as it is done.
        Assert.Equal([new DateOnly(2021, 4, 30), new DateOnly(2021, 5, 1)], heard.Select(d => d.Day));
        Assert.True(heard[0].ProgressLines < heard[1].ProgressLines && h.Progress.Skip(heard[0].ProgressLines).All(p => p.StartsWith("2021-05-01", StringComparison.Ordinal)));
        Assert.Equal(report.Days.Select(d => d.Date), heard.Select(d => d.Day));
        Assert.Contains($"2021-04-30 (day 1 of 2): huggingface: GET {h.Api.BaseUrl}{CollectHarness.HuggingFace[1..]}", h.Progress);
        Assert.Contains("2021-05-01 (day 2 of 2): asking hackernews", h.Progress);
        Assert.All(h.Progress, p => Assert.Matches(@"^2021-0(4-30 \(day 1|5-01 \(day 2) of 2\): ", p));
    }

    // A night that did not run (or failed) is collected by the next: --catch-up takes the days of the week before
    // that have no records file, after the first day that has one, and leaves the days that have one alone.
    [Fact]
    public async Task Catching_up_collects_the_days_without_records_since_the_first_and_leaves_the_others_alone()
    {
        await using var h = new CollectHarness().Everything();
        Directory.CreateDirectory(h.Records);
        var held = Path.Combine(h.Records, "2021-04-28.json");
        File.WriteAllText(held, "not even read");
        h.Api.On(CollectHarness.HuggingFaceOn("2021-04-29"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619654400), Reply.File("hackernews-empty.json"));

        var report = await h.RunAsync(from: new DateOnly(2021, 4, 23), catchUp: true);

        Assert.Equal([new DateOnly(2021, 4, 29), new DateOnly(2021, 4, 30)], report.Days.Select(d => d.Date));
        Assert.All(report.Days, d => Assert.Equal(CollectOutcome.Complete, d.Outcome));
        Assert.True(File.Exists(Path.Combine(h.Records, "2021-04-29.json")));
        Assert.Equal("not even read", File.ReadAllText(held));
        Assert.Contains("2021-04-29 (day 1 of 2): asking huggingface", h.Progress);
        // Nothing asked for the days before the blog's first records, nor for the day it has.
        Assert.Empty(h.Api.To(CollectHarness.HuggingFaceOn("2021-04-27")));
        Assert.Empty(h.Api.To(CollectHarness.HuggingFaceOn("2021-04-28")));
    }

    // Found in review: a night a source failed on was committed partial, and stayed so unless someone ran the day by
    // hand. Its file names the source that did not answer, and the next nights' catch-up collects it again until it does.
    [Fact]
    public async Task Catching_up_collects_again_a_day_whose_file_names_a_source_that_did_not_answer_until_it_does()
    {
        await using var h = new CollectHarness().Everything();
        h.Api.On(CollectHarness.HackerNews, Reply.Text(503, "{}"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        Assert.Equal(CollectOutcome.Partial, (await h.RunAsync(catchUp: true)).Outcome);
        var partial = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(new[] { Network.HackerNews }, partial.Unanswered);

        // The next night Hacker News is still down: the day is collected again, and has nothing new (Hugging Face's
        // answer is the cache's), so its file is left as it is.
        h.Api.On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.File("hackernews-empty.json"));
        h.Clock.Advance(TimeSpan.FromDays(1));
        var night = CollectRequest.CatchingUp(new DateOnly(2021, 5, 1), offline: false);
        var still = await h.RunAsync(from: night.First, until: night.Last, catchUp: true);
        Assert.Equal((new DateOnly(2021, 4, 30), CollectOutcome.Partial, WriteOutcome.Unchanged), (still.Days[0].Date, still.Days[0].Outcome, still.Days[0].Written));
        Assert.Contains($"{h.DayFile}: the file names hackernews as not having answered when it was written", still.Days[0].Notices);

        // The night after, Hacker News answers: the day is collected again, and whole now. Its post keeps its date
        // (the file's collectedAt); each paper has the time its counts were read now.
        h.Everything();
        h.Clock.Advance(TimeSpan.FromDays(1));
        var report = await h.RunAsync(from: night.First, until: night.Last, catchUp: true);

        Assert.Equal([new DateOnly(2021, 4, 30), new DateOnly(2021, 5, 1)], report.Days.Select(d => d.Date));
        Assert.All(report.Days, d => Assert.Equal(CollectOutcome.Complete, d.Outcome));
        Assert.Equal(WriteOutcome.Updated, report.Days[0].Written);
        var healed = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Empty(healed.Unanswered);
        Assert.Contains(healed.Papers.SelectMany(p => p.Mentions), m => m.Network == Network.HackerNews);
        Assert.Equal(partial.CollectedAt, healed.CollectedAt);
        Assert.All(healed.Papers, p => Assert.True(p.CollectedAt > partial.CollectedAt.AddDays(1), $"{p.Id}: {p.CollectedAt:O}"));

        // And the night after, it is left alone.
        h.Api.On(CollectHarness.HuggingFaceOn("2021-05-02"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619913600), Reply.File("hackernews-empty.json"));
        h.Clock.Advance(TimeSpan.FromDays(1));
        night = CollectRequest.CatchingUp(new DateOnly(2021, 5, 2), offline: false);
        report = await h.RunAsync(from: night.First, until: night.Last, catchUp: true);
        Assert.Equal([new DateOnly(2021, 5, 2)], report.Days.Select(d => d.Date));
    }

    // A source that did not answer stays named until it does: one that fails again (here offline, from a cache
    // without its answer) or is not asked (skipped: no login) is still named; one turned off since never will be.
    [Fact]
    public async Task A_file_names_a_source_that_did_not_answer_until_it_answers_or_is_turned_off()
    {
        await using var h = new CollectHarness().Everything();
        h.Api.On(CollectHarness.HackerNews, Reply.Text(503, "{}"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        await h.RunAsync();
        Assert.Equal(new[] { Network.HackerNews }, new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var offline = Assert.Single((await h.RunAsync(offline: true)).Days);
        Assert.Contains(offline.Failures, f => f.Source == "hackernews" && f.What.StartsWith("not in the cache", StringComparison.Ordinal));
        Assert.Equal(new[] { Network.HackerNews }, new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);

        // As an earlier run with a Bluesky login left it, in any order; Bluesky is skipped now (no login).
        File.WriteAllText(h.DayFile, File.ReadAllText(h.DayFile).Replace("\"hackernews\"\n  ]", "\"hackernews\",\n    \"bluesky\"\n  ]"));
        Assert.Equal(new[] { Network.Bluesky, Network.HackerNews }, new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);
        var settings = h.Settings();
        settings = settings with { Collect = settings.Collect with { HackerNews = settings.Collect.HackerNews with { Enabled = false } } };
        h.Clock.Advance(TimeSpan.FromHours(1));
        var day = Assert.Single((await h.RunAsync(settings: settings)).Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Contains(day.Notices, n => n.StartsWith("bluesky: skipped: no login", StringComparison.Ordinal));
        Assert.Equal(new[] { Network.Bluesky }, new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);
        Assert.Equal(["bluesky"], day.StillUnanswered);
    }

    // Found in review: X's search reaches back 7 days, as far as catch-up looks; a day it can no longer reach was
    // named, and collected again for it, every night until the week was over.
    [Fact]
    public async Task A_source_whose_search_no_longer_reaches_the_day_is_no_longer_named()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        var settings = h.AllNetworksSettings();
        await h.RunAsync(settings: settings, variables: CollectHarness.Credentials);
        // As a night X failed on left it.
        File.WriteAllText(h.DayFile, File.ReadAllText(h.DayFile).Replace("\"ranked\": false", "\"unanswered\": [\"twitter\"],\n  \"ranked\": false", StringComparison.Ordinal));
        Assert.Equal(new[] { Network.Twitter }, new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);

        h.Clock.Advance(TimeSpan.FromDays(7));
        var day = Assert.Single((await h.RunAsync(settings: settings, variables: CollectHarness.Credentials)).Days);

        Assert.Contains(day.Notices, n => n.StartsWith("twitter: skipped: its search reaches back 7 days only", StringComparison.Ordinal));
        Assert.Empty(new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Unanswered);
        Assert.Empty(day.StillUnanswered);
    }

    [Theory]
    [InlineData(new string[0], "2021-04-30")]
    [InlineData(new[] { "2021-04-20.json" }, "2021-04-23 2021-04-24 2021-04-25 2021-04-26 2021-04-27 2021-04-28 2021-04-29 2021-04-30")]
    [InlineData(new[] { "2021-04-25.json", "2021-04-27.json", "2021-04-30.json", "2021-04-26_2021-04-29.json", "notes.json" }, "2021-04-26 2021-04-28 2021-04-29 2021-04-30")]
    public void Catching_up_takes_the_last_day_and_the_days_missed_after_the_first_held(string[] files, string expected)
    {
        using var temp = Fixture.TempDir();
        foreach (var file in files) File.WriteAllText(temp[file], "{}");
        var request = CollectRequest.CatchingUp(new DateOnly(2021, 4, 30), offline: false);
        Assert.Equal(expected, string.Join(' ', Collector.Dates(request, temp.Path, TimeZoneInfo.Utc).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(8, Collector.Dates(request with { CatchUp = false }, temp.Path, TimeZoneInfo.Utc).Count);
    }

    // Found by a user's trial: an embed server's "will not embed this post" (403, 404, 410) was asked again on every
    // rerun, as only 2xx answers were kept. It is the answer about that post: kept, and replayed offline.
    [Fact]
    public async Task An_embed_servers_refusal_of_a_post_is_kept_and_replayed_offline()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        await using var embeds = new LoopbackApi(h.Clock);
        foreach (var (target, _) in CollectHarness.Recorded("twitter").Where(r => r.Target.StartsWith("/x-embed/", StringComparison.Ordinal)))
            embeds.On(target["/x-embed".Length..], Reply.Text(404, "{\"error\":\"not found\"}"));
        var settings = h.AllNetworksSettings();
        settings = settings with { Collect = settings.Collect with { Twitter = settings.Collect.Twitter with { EmbedUrl = new Uri(embeds.BaseUrl, "/") } } };

        var day = Assert.Single((await h.RunAsync(settings: settings, variables: CollectHarness.Credentials)).Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        var asked = embeds.Requests.Count;
        Assert.True(asked > 0);
        var written = File.ReadAllBytes(h.DayFile);

        // An hour later, within the cache's age: the embed server is not asked again.
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync(settings: settings, variables: CollectHarness.Credentials)).Outcome);
        Assert.Equal(asked, embeds.Requests.Count);

        // Offline, the file comes back byte for byte.
        File.Delete(h.DayFile);
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync(settings: settings, variables: CollectHarness.Credentials, offline: true)).Outcome);
        Assert.Equal(written, File.ReadAllBytes(h.DayFile));
        Assert.Equal(asked, embeds.Requests.Count);
    }

    // Found in review: the wait was the source's, so a busy embed server (publish.x.com) stopped X's search
    // (api.x.com), this run and the next. It is the server's that asked.
    [Fact]
    public async Task A_wait_an_embed_server_asks_for_does_not_stop_its_sources_search()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        await using var embeds = new LoopbackApi(h.Clock);
        foreach (var (target, _) in CollectHarness.Recorded("twitter").Where(r => r.Target.StartsWith("/x-embed/", StringComparison.Ordinal)))
            embeds.On(target["/x-embed".Length..], Reply.Text(429, "{}", ("Retry-After", "600")));
        var settings = h.AllNetworksSettings();
        settings = settings with { Collect = settings.Collect with { Twitter = settings.Collect.Twitter with { EmbedUrl = new Uri(embeds.BaseUrl, "/") } } };

        var day = Assert.Single((await h.RunAsync(settings: settings, variables: CollectHarness.Credentials)).Days);
        Assert.DoesNotContain(day.Failures, f => f.Source == "twitter");
        // Found by a new user's trial: the posts went without their embeds, unsaid.
        Assert.Contains(day.Notices, n => n.StartsWith($"twitter: the embed server {embeds.BaseUrl} asked not to be asked again before 2021-05-01T06:1", StringComparison.Ordinal)
            && n.EndsWith("): this post and the day's later ones have no embed", StringComparison.Ordinal));
        var searched = h.Api.To("/x/").Count;
        var asked = embeds.Requests.Count;
        Assert.Equal(1, asked);

        // A minute later, anew: X's search is asked again, its embed server is not.
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        day = Assert.Single((await h.RunAsync(settings: settings, variables: CollectHarness.Credentials, refresh: true)).Days);
        Assert.DoesNotContain(day.Failures, f => f.Source == "twitter");
        Assert.Equal(2 * searched, h.Api.To("/x/").Count);
        Assert.Equal(asked, embeds.Requests.Count);
    }

    [Fact]
    public async Task A_second_run_started_at_once_paces_arxiv_from_the_first_runs_last_request()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        // The day's answer, then the id it did not have asked again.
        Assert.Equal(2, h.Api.To("/api/query").Count);
        var asked = h.Api.To("/api/query")[^1].At;
        // Another day at once, in a new run: its arXiv request waits out the 3 s since the first run's last.
        File.Delete(h.DayFile);
        foreach (var entry in Directory.GetFiles(Path.Combine(h.Cache, "arxiv"), "*.response")) File.Delete(entry);

        await h.RunAsync();

        var times = h.Api.To("/api/query").Select(r => r.At).ToList();
        Assert.Equal(4, times.Count);
        Assert.True(times[2] - asked >= TimeSpan.FromSeconds(3), $"{asked:O} then {times[2]:O}");
    }

    [Fact]
    public async Task A_second_collect_with_the_same_cache_is_refused_while_the_first_runs()
    {
        await using var h = new CollectHarness().Everything();
        using (HotPapers.Output.OutputLock.Acquire(h.Cache, "collect"))
        {
            var e = await Assert.ThrowsAsync<HotPapers.Output.OutputBusyException>(() => h.RunAsync());
            Assert.Equal($"{h.Cache}: another hotpapers collect is writing to this folder (it holds {Path.Combine(h.Cache, ".hotpapers.lock")}). Wait for it to finish and run again. Nothing was written.", e.Message);
            Assert.False(File.Exists(h.DayFile));
        }
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync()).Outcome);

        // Found in review: offline writes nothing into the cache, and replays one it may not write (committed, shared).
        using (HotPapers.Output.OutputLock.Acquire(h.Cache, "collect"))
            Assert.Equal(CollectOutcome.Complete, (await h.RunAsync(offline: true)).Outcome);
    }

    // Found in review: --refresh made the cache's age zero, so a backfill asked a request every day shares
    // (Mastodon's) once a day. It asks again what was fetched before the run, and once only.
    [Fact]
    public async Task Refresh_asks_again_what_was_fetched_before_the_run_and_once_only()
    {
        await using var h = new CollectHarness();
        h.Api.On("/same", Reply.Text(200, "[]"));
        var url = new Uri(h.Api.BaseUrl, "/same");
        var cache = new ResponseCache(h.Cache);
        cache.Write("test", new FetchedResponse(url, 200, "[0]"u8.ToArray(), h.Clock.GetUtcNow() - TimeSpan.FromHours(1)));
        using var session = new FetchSession(cache, h.Clock, offline: false, TimeSpan.FromHours(12), null, _ => { }, freshSince: h.Clock.GetUtcNow());
        IFetcher fetcher = new HttpFetcher(session, "test", TimeSpan.Zero);

        var first = await h.Clock.RunAsync(() => fetcher.GetAsync(url, null, CancellationToken.None), () => 0);
        var second = await h.Clock.RunAsync(() => fetcher.GetAsync(url, null, CancellationToken.None), () => 0);

        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(first.Body));
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(second.Body));
        Assert.Single(h.Api.To("/same"));
    }

    [Fact]
    public async Task A_source_that_never_answers_times_out_and_costs_only_itself()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.Hang)
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Partial, report.Outcome);
        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal(("hackernews", h.Api.BaseUrl + CollectHarness.HackerNews[1..], "no answer within 30 s, 4 tries"), (failure.Source, failure.Url, failure.What));
        Assert.Equal(4, h.Api.To("/api/v1/").Count);
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(["huggingface", "huggingface"], records.Papers.SelectMany(p => p.Mentions).Select(m => m.Network.Name()));
    }

    [Fact]
    public async Task A_server_that_gave_no_answer_in_time_is_not_asked_again_on_the_later_days_of_the_run()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.Hang)
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HuggingFaceOn("2021-05-02"), Reply.File("huggingface-empty.json"));
        h.Clock.Advance(TimeSpan.FromDays(2));

        var report = await h.RunAsync(until: new DateOnly(2021, 5, 2));

        // The first day waits out every try; the next two do not wait for it again, and say why.
        Assert.Equal(4, h.Api.To("/api/v1/").Count);
        Assert.Equal(["no answer within 30 s, 4 tries",
            $"not asked: {h.Api.BaseUrl.Authority} gave no answer in time earlier in this run (no answer within 30 s, 4 tries); collect the day again later",
            $"not asked: {h.Api.BaseUrl.Authority} gave no answer in time earlier in this run (no answer within 30 s, 4 tries); collect the day again later"],
            report.Days.Select(d => Assert.Single(d.Failures, f => f.Source == "hackernews").What));
        Assert.Equal(CollectOutcome.Partial, report.Outcome);
        Assert.All(report.Days, d => Assert.Equal(CollectOutcome.Partial, d.Outcome));
        Assert.Equal(3, h.Api.To("/api/daily_papers").Count);
    }

    // Found by a user's trial: with arXiv's port closed, a backfill asked every network on every day, for records it could
    // not write without arXiv. Once arXiv is given up, the later days ask no source, and say why.
    [Fact]
    public async Task Once_arxiv_is_given_up_the_later_days_ask_no_source()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"));
        FetchSession.Connect.Value = async (context, token) =>
        {
            if (context.InitialRequestMessage.RequestUri!.AbsolutePath.StartsWith("/api/query", StringComparison.Ordinal))
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        };
        h.Clock.Advance(TimeSpan.FromDays(2));

        var report = await h.RunAsync(until: new DateOnly(2021, 5, 2));

        Assert.All(report.Days, d => Assert.Equal((CollectOutcome.Failed, true), (d.Outcome, d.WithoutMetadata)));
        var refused = $"Connection refused ({h.Api.BaseUrl.Authority}), 4 tries";
        Assert.Equal([refused,
            $"not asked: {h.Api.BaseUrl.Authority} refused every connection earlier in this run ({refused}); collect the day again later",
            $"not asked: {h.Api.BaseUrl.Authority} refused every connection earlier in this run ({refused}); collect the day again later"],
            report.Days.Select(d => Assert.Single(d.Failures, f => f.Source == "arxiv").What));
        Assert.Contains("no other source was asked: without arXiv the day's records cannot be written", report.Days[1].Notices);
        // The networks were asked on the first day only.
        Assert.Single(h.Api.To("/api/daily_papers"));
        Assert.Single(h.Api.To("/api/v1/"));
        Assert.Empty(h.Api.To("/api/query"));
    }

    // Found by a user's trial: a refused connection was tried again on every day of a range, its retries' 15 s a day
    // (a year's backfill with one source down: 85 minutes), while a server that let its tries time out was given up
    // for the rest of the run. One whose every try was refused is given up alike; one that answered a try is not.
    [Fact]
    public async Task A_server_that_refused_every_try_is_not_asked_again_on_the_later_days_of_the_run()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.Text(503, "{\"message\":\"Cannot reach any hosts\"}"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HuggingFaceOn("2021-05-02"), Reply.File("huggingface-empty.json"));
        // Hacker News's connections are refused but for its second (the first day's second try, answered 503).
        var hackerNewsConnects = 0;
        FetchSession.Connect.Value = async (context, token) =>
        {
            if (context.InitialRequestMessage.RequestUri!.AbsolutePath.StartsWith("/api/v1/", StringComparison.Ordinal)
                && Interlocked.Increment(ref hackerNewsConnects) != 2)
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        };
        h.Clock.Advance(TimeSpan.FromDays(2));
        var refused = $"Connection refused ({h.Api.BaseUrl.Authority}), 4 tries";

        var report = await h.RunAsync(until: new DateOnly(2021, 5, 2));

        // The first day: a try was answered, so the server is asked again on the second, where every try is refused;
        // the third does not ask it, and says why.
        Assert.Equal([refused, refused,
            $"not asked: {h.Api.BaseUrl.Authority} refused every connection earlier in this run ({refused}); collect the day again later"],
            report.Days.Select(d => Assert.Single(d.Failures, f => f.Source == "hackernews").What));
        Assert.Equal(8, hackerNewsConnects);
        Assert.Single(h.Api.To("/api/v1/"));
        Assert.All(report.Days, d => Assert.Equal(CollectOutcome.Partial, d.Outcome));
        Assert.Equal(3, h.Api.To("/api/daily_papers").Count);
    }

    // Ctrl+C in a backfill: the days collected are kept and reported, and the run names the day it stopped at,
    // which is not written (nor any after it).
    [Fact]
    public async Task A_run_stopped_part_way_keeps_the_days_it_wrote_and_names_the_day_it_stopped_at()
    {
        await using var h = new CollectHarness();
        using var stop = new CancellationTokenSource();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-empty.json"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.Hang)
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.Hang);
        h.Api.OnStall = stop.Cancel;
        h.Clock.Advance(TimeSpan.FromDays(2));

        var report = await h.RunAsync(until: new DateOnly(2021, 5, 2), cancellationToken: stop.Token);

        Assert.Equal(new DateOnly(2021, 5, 1), report.StoppedAt);
        var day = Assert.Single(report.Days);
        Assert.Equal((new DateOnly(2021, 4, 30), CollectOutcome.Complete, h.DayFile), (day.Date, day.Outcome, day.RecordsPath));
        Assert.Equal(["2021-04-30.json"], Directory.EnumerateFiles(h.Records).Select(Path.GetFileName));
        Assert.Empty(h.Api.To(CollectHarness.HuggingFaceOn("2021-05-02")));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_tried_once_not_retried()
    {
        await using var h = new CollectHarness();
        var connects = 0;
        FetchSession.Connect.Value = (_, _) =>
        {
            Interlocked.Increment(ref connects);
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        };
        var started = h.Clock.GetUtcNow();
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Failed, report.Outcome);
        Assert.Equal(["huggingface", "hackernews"], report.Days[0].Failures.Select(f => f.Source));
        Assert.All(report.Days[0].Failures, f => Assert.EndsWith(", 1 try", f.What, StringComparison.Ordinal));
        Assert.Equal(2, connects);
        Assert.True(h.Clock.GetUtcNow() - started < TimeSpan.FromSeconds(5), $"waited {h.Clock.GetUtcNow() - started}");
    }

    [Fact]
    public async Task A_body_cut_short_is_an_error_naming_source_and_url_and_the_others_still_collect()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json") with { Truncate = true })
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Partial, report.Outcome);
        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal(("hackernews", h.Api.BaseUrl + CollectHarness.HackerNews[1..]), (failure.Source, failure.Url));
        Assert.Contains("4 tries", failure.What);
        Assert.True(File.Exists(h.DayFile));
    }

    [Theory]
    [InlineData("hackernews-truncated.json", "hackernews", "the answer is not JSON at line ")]
    [InlineData("huggingface-malformed.json", "huggingface", "expected a count (a whole number from 0 to 2^53), found a string at $[0].paper.upvotes")]
    public async Task A_malformed_answer_is_an_error_naming_source_url_and_what(string file, string source, string what)
    {
        await using var h = new CollectHarness();
        var bad = source == "hackernews" ? CollectHarness.HackerNews : CollectHarness.HuggingFace;
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(bad, Reply.File(file))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Partial, report.Outcome);
        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal((source, h.Api.BaseUrl + bad[1..]), (failure.Source, failure.Url));
        Assert.StartsWith(what, failure.What);
        if (source == "hackernews") Assert.EndsWith("(the body is cut short)", failure.What);
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.DoesNotContain(records.Papers.SelectMany(p => p.Mentions), m => m.Network.Name() == source);
        Assert.NotEmpty(records.Papers);
    }

    // Found by a drift test: a \u escape of half a UTF-16 pair threw System.Text.Json's InvalidOperationException, which
    // the day's report gave in the reader's words, without the source's URL or the path.
    [Fact]
    public async Task A_lone_surrogate_in_an_answer_fails_its_source_only_naming_url_and_path()
    {
        await using var h = new CollectHarness();
        var hits = File.ReadAllText(Fixture.Path("collect", "hackernews-2021-04-30.json"));
        var title = hits.IndexOf("\"title\": \"", StringComparison.Ordinal) + "\"title\": \"".Length;
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.Text(200, hits.Insert(title, "cut \\ud83d ")))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Partial, report.Outcome);
        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal(("hackernews", h.Api.BaseUrl + CollectHarness.HackerNews[1..]), (failure.Source, failure.Url));
        Assert.Matches(@"^expected text without \\u escapes of lone surrogates \(\\ud800 to \\udfff\), found such an escape at \$\.hits\[\d+\]\.title$", failure.What);
        Assert.NotEmpty(new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Papers);
    }

    [Fact]
    public async Task An_answer_its_source_could_not_read_is_asked_again_by_the_next_run_not_replayed_from_the_cache()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-truncated.json"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-truncated.xml"));
        var report = await h.RunAsync();
        Assert.Equal(["hackernews", "arxiv"], report.Days[0].Failures.Select(f => f.Source));

        // A rerun an hour later, well within the cache's age: the garbage is asked for again, the good answer is not.
        h.Everything();
        h.Clock.Advance(TimeSpan.FromHours(1));
        report = await h.RunAsync();
        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Single(h.Api.To(CollectHarness.HuggingFace));
        Assert.Equal(2, h.Api.To(CollectHarness.HackerNews).Count);
        Assert.Single(h.Api.To(CollectHarness.Arxiv));

        // Offline after such a run: the answer is not in the cache, so the source fails again and the file stays as the online run wrote it.
        h.Api.On(CollectHarness.HackerNews, Reply.File("hackernews-truncated.json"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        h.Clock.Advance(TimeSpan.FromHours(13));
        Assert.Equal(CollectOutcome.Partial, (await h.RunAsync()).Outcome);
        var online = File.ReadAllBytes(h.DayFile);
        report = await h.RunAsync(offline: true);
        Assert.StartsWith("not in the cache", Assert.Single(report.Days[0].Failures).What);
        Assert.Equal(WriteOutcome.Unchanged, report.Days[0].Written);
        Assert.Equal(online, File.ReadAllBytes(h.DayFile));
    }

    // A records file of the day as collect writes it, without papers: one it may replace.
    private const string EmptyDay = "{\n  \"format\": \"hotpapers-records/2\",\n  \"date\": \"2021-04-30\",\n  \"collectedAt\": \"2021-05-01T06:00:00+00:00\",\n  \"ranked\": false,\n  \"papers\": []\n}\n";

    [Theory]
    [InlineData("arxiv-truncated.xml", "malformed Atom XML at line")]
    [InlineData("arxiv-error.xml", "arXiv answered an error: incorrect id format for foo")]
    public async Task Without_arxiv_nothing_is_written_and_the_old_file_stays(string file, string what)
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.File(file));
        Directory.CreateDirectory(h.Records);
        File.WriteAllText(h.DayFile, EmptyDay);
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Failed, report.Outcome);
        var failure = Assert.Single(report.Days[0].Failures);
        Assert.Equal(("arxiv", h.Api.BaseUrl + CollectHarness.Arxiv[1..]), (failure.Source, failure.Url));
        Assert.StartsWith(what, failure.What);
        Assert.Equal(EmptyDay, File.ReadAllText(h.DayFile));
        Assert.Equal(["2021-04-30.json"], Directory.GetFiles(h.Records).Select(Path.GetFileName));
    }

    // Found by a new user's trial: "arxiv: URL: an Atom feed (...), found <html>", the word "expected" left out.
    [Fact]
    public async Task An_arxiv_answer_that_is_a_page_not_a_feed_says_what_was_expected()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.Text(200, "<html><body>Sign in to the proxy</body></html>"));

        var failure = Assert.Single((await h.RunAsync()).Days[0].Failures);

        Assert.Equal("expected an Atom feed (<feed xmlns=\"http://www.w3.org/2005/Atom\">), found <html>", failure.What);
    }

    // Found by a user's trial: arXiv, busy, answered 200 with an empty feed; collect took it as "arXiv knows none of these
    // papers", emptied the day's file (its papers and its unanswered, so catch-up never came back to it), exit 0, and
    // cached the answer, which --refresh does not ask again: only deleting cache files by hand recovered.
    [Fact]
    public async Task An_empty_arxiv_answer_fails_the_day_leaves_its_file_as_it_is_and_is_not_cached()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(CollectHarness.Arxiv, Reply.File("arxiv-empty.xml"), Reply.File("arxiv-2021-04-30.xml"), Reply.File("arxiv-empty.xml"));
        var entry = new ResponseCache(h.Cache).PathOf("arxiv", new Uri(h.Api.BaseUrl, CollectHarness.Arxiv));

        // A new day: not written (no paper is dropped as unknown), and the answer is not kept.
        var day = Assert.Single((await h.RunAsync()).Days);
        Assert.Equal((CollectOutcome.Failed, true), (day.Outcome, day.WithoutMetadata));
        var failure = Assert.Single(day.Failures);
        Assert.Equal(("arxiv", h.Api.BaseUrl + CollectHarness.Arxiv[1..]), (failure.Source, failure.Url));
        Assert.Equal("expected an entry for at least one of the 4 id(s) asked, found an empty feed (arXiv answers so when it is busy; collect the day again later)", failure.What);
        Assert.DoesNotContain(day.Notices, n => n.Contains("arXiv does not know", StringComparison.Ordinal));
        Assert.False(File.Exists(h.DayFile));
        Assert.False(File.Exists(entry));

        // The next run asks arXiv again (the networks' answers come from the cache), and writes the day.
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync()).Outcome);
        Assert.Equal(2, h.Api.To(CollectHarness.Arxiv).Count);
        var written = File.ReadAllBytes(h.DayFile);

        // A day that has a file: it is left as it is, and the run fails as it would on a 500.
        h.Clock.Advance(TimeSpan.FromHours(13));
        day = Assert.Single((await h.RunAsync()).Days);
        Assert.Equal((CollectOutcome.Failed, true, null), (day.Outcome, day.WithoutMetadata, day.RecordsPath));
        Assert.Equal("arxiv", Assert.Single(day.Failures).Source);
        Assert.Equal(written, File.ReadAllBytes(h.DayFile));
        Assert.False(File.Exists(entry));
    }

    // An empty answer to a request of one id is also what a mistyped id gets: a day whose one paper is such would fail
    // every night. That id is dropped as unknown; a request of two or more that knows none fails.
    [Fact]
    public async Task An_empty_arxiv_answer_to_one_id_drops_it_as_unknown()
    {
        const string One = "https://export.arxiv.org/api/query?id_list=2401.99999&max_results=1";
        const string Two = "https://export.arxiv.org/api/query?id_list=2401.99998,2401.99999&max_results=2";
        var fetcher = new FakeFetcher().On(One, "arxiv-empty.xml").On(Two, "arxiv-empty.xml");
        var arxiv = new Uri("https://export.arxiv.org");

        Assert.Empty(await ArxivMetadata.FetchAsync([new ArxivId("2401.99999")], arxiv, fetcher, CancellationToken.None));
        var e = await Assert.ThrowsAsync<SourceException>(() => ArxivMetadata.FetchAsync([new ArxivId("2401.99999"), new ArxivId("2401.99998")], arxiv, fetcher, CancellationToken.None));
        Assert.StartsWith("expected an entry for at least one of the 2 id(s) asked, found an empty feed", e.What);
    }

    // The same trial's other half: an answer that has some of the papers (busy, arXiv answers part of a batch) does
    // not drop from the day's file a paper arXiv gave its metadata for before: arXiv keeps every paper it had.
    /// <summary>arXiv asked again for the ids that <c>arxiv-2021-04-30-part.xml</c>, an answer cut short, does not have.</summary>
    private const string PartAgain = "/api/query?id_list=2104.14294,2104.14421,2104.99999&max_results=3";

    // Found by a user's trial: on a day's first collection, an answer cut short dropped the papers it left out, with
    // exit 0, and only --refresh got them back. They are asked for once more, on their own.
    [Fact]
    public async Task An_arxiv_answer_cut_short_is_mended_by_asking_again_for_the_papers_it_left_out()
    {
        await using var h = new CollectHarness().Everything();
        h.Api.On(CollectHarness.Arxiv, Reply.File("arxiv-2021-04-30-part.xml")).On(PartAgain, Reply.File("arxiv-2021-04-30.xml"));

        var day = Assert.Single((await h.RunAsync()).Days);

        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Equal([CollectHarness.Arxiv, PartAgain], h.Api.To("/api/query").Select(r => r.Target));
        // The day's file is the one a whole answer gives; the id arXiv does not know is still dropped, and not asked a third time.
        Golden.AssertBytes(File.ReadAllBytes(h.DayFile), "collect", "expected-2021-04-30.json");
        Assert.Contains(day.Notices, n => n.StartsWith("2104.99999: arXiv's answer does not have this paper", StringComparison.Ordinal));
        Assert.DoesNotContain(day.Notices, n => n.StartsWith("2104.14", StringComparison.Ordinal));

        // Both answers are in the cache: offline, the same file.
        File.Delete(h.DayFile);
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync(offline: true)).Outcome);
        Golden.AssertBytes(File.ReadAllBytes(h.DayFile), "collect", "expected-2021-04-30.json");
        Assert.Equal(2, h.Api.To("/api/query").Count);
    }

    [Fact]
    public async Task A_rerun_whose_arxiv_answer_lacks_a_paper_the_file_holds_keeps_it_with_the_files_metadata()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var written = File.ReadAllBytes(h.DayFile);

        h.Clock.Advance(TimeSpan.FromHours(13));
        // Still busy when asked again for the papers its answer left out.
        h.Api.On(CollectHarness.Arxiv, Reply.File("arxiv-2021-04-30-part.xml")).On(PartAgain, Reply.File("arxiv-2021-04-30-part.xml"));
        var day = Assert.Single((await h.RunAsync()).Days);

        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Single(h.Api.To(PartAgain));
        // The same papers, metadata, mentions and counts: the file is as it was.
        Assert.Equal(WriteOutcome.Unchanged, day.Written);
        Assert.Equal(written, File.ReadAllBytes(h.DayFile));
        Assert.Equal(3, day.Papers);
        Assert.Contains($"2104.14421: arXiv's answer did not have this paper this time; kept its metadata from {h.DayFile}, with this run's 4 mention(s)", day.Notices);
        Assert.Contains(day.Notices, n => n.StartsWith("2104.14294: arXiv's answer did not have this paper this time", StringComparison.Ordinal));
        // A paper the file does not hold is dropped as before.
        Assert.Contains(day.Notices, n => n.StartsWith("2104.99999: arXiv's answer does not have this paper (an id arXiv does not know, or a busy arXiv's answer cut short: --refresh asks again)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_no_source_answers_nothing_is_written()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.Text(404, "{\"error\":\"gone\"}")).On(CollectHarness.HackerNews, Reply.Text(400, "{\"message\":\"bad\"}"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Failed, report.Outcome);
        Assert.Equal(["huggingface", "hackernews"], report.Days[0].Failures.Select(f => f.Source));
        Assert.Equal("answered HTTP 404 Not Found ({\"error\":\"gone\"}), 1 try", report.Days[0].Failures[0].What);
        Assert.False(Directory.Exists(h.Records) && Directory.EnumerateFileSystemEntries(h.Records).Any());
    }

    // Found by a new user's trial: collect ran without a contact address, and nothing said so.
    [Fact]
    public async Task A_run_without_a_contact_address_says_to_set_one_except_offline()
    {
        await using var h = new CollectHarness().Everything();
        var settings = h.Settings();
        Assert.Empty((await h.RunAsync(settings: settings)).Warnings);

        settings = settings with { Collect = settings.Collect with { Contact = null } };
        Assert.Equal([$"collect.contact is not set in {settings.SourceFile}: arXiv asks that a client's User-Agent give a contact address; set it to yours"],
            (await h.RunAsync(settings: settings)).Warnings);
        Assert.Equal(["collect.contact is not set: arXiv asks that a client's User-Agent give a contact address; set it to yours"],
            (await h.RunAsync(settings: settings with { SourceFile = null })).Warnings);
        Assert.Empty((await h.RunAsync(offline: true, settings: settings)).Warnings);
    }

    [Fact]
    public async Task A_day_without_mentions_gets_records_without_papers_and_a_notice()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-empty.json")).On(CollectHarness.HackerNews, Reply.File("hackernews-empty.json"));
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        // The CLI puts the day before each notice: the notice does not say it again.
        Assert.Contains("no mention of any paper: the records have no papers, and the day's digest shows none (a post of front matter only; a site page without papers)", report.Days[0].Notices);
        Assert.Equal("{\n  \"format\": \"hotpapers-records/2\",\n  \"date\": \"2021-04-30\",\n  \"collectedAt\": \"2021-05-01T06:00:00+00:00\",\n  \"ranked\": false,\n  \"papers\": []\n}\n",
            File.ReadAllText(h.DayFile));
        Assert.Empty(h.Api.To("/api/query"));
    }

    [Fact]
    public async Task An_imported_posts_records_are_never_replaced()
    {
        await using var h = new CollectHarness();
        h.Everything();
        const string Imported = "{\n  \"format\": \"hotpapers-records/2\",\n  \"date\": \"2021-04-30\",\n  \"collectedAt\": \"2021-05-01T06:00:00+00:00\",\n  \"ranked\": true,\n  \"papers\": []\n}\n";
        Directory.CreateDirectory(h.Records);
        File.WriteAllText(h.DayFile, Imported);
        var report = await h.RunAsync();

        Assert.Equal(CollectOutcome.Failed, report.Outcome);
        Assert.EndsWith("found an imported post's records (ranked: true)", report.Days[0].WriteError);
        Assert.True(report.Days[0].FileRefused);
        Assert.DoesNotContain(report.Days[0].Notices, n => n.Contains("ranked: true", StringComparison.Ordinal));
        Assert.Equal(Imported, File.ReadAllText(h.DayFile));
        // Looked at before any source is asked: the networks are not asked for records that could not be written.
        Assert.Empty(h.Api.Requests);
    }

    // Found by a new user's trial: a version 1 file collected again with nothing new was rewritten as version 2, in
    // collect's order and with this run's collectedAt, and its post then moved to the day of the run.
    [Fact]
    public async Task A_version_1_file_with_the_same_papers_mentions_and_counts_in_another_order_is_left_as_it_is()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-empty.json")).On(CollectHarness.HackerNews, Reply.File("hackernews-empty.json"));
        var day = HotPapers.TestData.WeekGenerator.Generate(18, CollectHarness.Day, 1)[0];
        // Papers and tweets in the reverse of collect's order: the comparison is of what they hold.
        day = day with { Papers = [.. day.Papers.Reverse().Select(p => p with { Mentions = [.. p.Mentions.Reverse()] })] };
        Assert.Contains("\"format\": \"hotpapers-records/1\"", System.Text.Encoding.UTF8.GetString(RecordsWriter.Write(day)), StringComparison.Ordinal);
        Directory.CreateDirectory(h.Records);
        File.WriteAllBytes(h.DayFile, RecordsWriter.Write(day));
        var before = File.ReadAllBytes(h.DayFile);

        var collected = Assert.Single((await h.RunAsync()).Days);

        Assert.Equal(WriteOutcome.Unchanged, collected.Written);
        Assert.Equal(before, File.ReadAllBytes(h.DayFile));
    }

    // Found by a new user's trial: a file with a misspelt key was replaced by what the run got, and the Hacker
    // News mentions it held were lost while Hacker News was down.
    [Fact]
    public async Task A_days_file_that_does_not_load_is_left_as_it_is_with_its_problems_and_no_source_is_asked()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var broken = File.ReadAllText(h.DayFile).Replace("\"abstract\"", "\"abstact\"", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(h.DayFile), broken);
        File.WriteAllText(h.DayFile, broken);
        var asked = h.Api.Requests.Count;

        var day = Assert.Single((await h.RunAsync(refresh: true)).Days);

        Assert.Equal(CollectOutcome.Failed, day.Outcome);
        Assert.True(day.FileRefused);
        Assert.Null(day.RecordsPath);
        var lines = day.WriteError!.Split('\n');
        Assert.Equal(7, lines.Length);
        // The line of the misspelt key, and of the paper that lacks the key it should have been.
        var keyLine = Fixture.LineOf(broken, "\"abstact\"");
        var paperLine = Fixture.LineOf(broken, "\"papers\": [") + 1;
        Assert.Equal("{", broken.Split('\n')[paperLine - 1].Trim());
        Assert.Equal($"{h.DayFile}: $.papers[0].abstact (line {keyLine}): expected one of the keys id, title, authors, abstract, categories, links, collectedAt, totals, mentions, "
            + "found the unknown key \"abstact\"", lines[0]);
        Assert.Equal($"{h.DayFile}: $.papers[0].abstract (line {paperLine}): expected a value, found no such key", lines[1]);
        Assert.Equal($"{h.DayFile}: expected a records file collect can read, so as to keep what it holds, "
            + "found the problems above: fix them (build lists the same), or delete the file to collect the day anew", lines[^1]);
        Assert.Equal(broken, File.ReadAllText(h.DayFile));
        Assert.Equal(asked, h.Api.Requests.Count);
    }

    // The papers of the mentions kept from the file are the file's: the notice that a day without mentions gets
    // a file without any would be false there.
    [Fact]
    public async Task A_file_with_kept_mentions_is_not_said_to_have_no_papers_when_the_sources_that_answered_found_none()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();

        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNews, Reply.Text(404, "{\"message\":\"gone\"}"));
        h.Clock.Advance(TimeSpan.FromHours(13));
        var day = Assert.Single((await h.RunAsync()).Days);

        // Hugging Face's answer is the news: its mentions are gone; Hacker News's are kept, with their papers.
        Assert.Equal(WriteOutcome.Updated, day.Written);
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.NotEmpty(records.Papers);
        Assert.All(records.Papers.SelectMany(p => p.Mentions), m => Assert.Equal(Network.HackerNews, m.Network));
        Assert.Equal((records.Papers.Length, records.Papers.Sum(p => p.Mentions.Length)), (day.Papers, day.Mentions));
        Assert.DoesNotContain(day.Notices, n => n.Contains("no mention of any paper", StringComparison.Ordinal));
    }

    // The age was rounded: a day that began 7 days and 8 hours ago "began 7 days ago", beside a reach of 7 days.
    [Theory]
    [InlineData(7 * 24 + 8, "more than 7 days ago")]
    [InlineData(7 * 24 + 13, "more than 7 days ago")]
    [InlineData(8 * 24 + 6, "more than 8 days ago")]
    public void A_day_out_of_a_sources_reach_is_said_to_have_begun_more_than_its_whole_days_ago(int hours, string ago)
    {
        var day = Collector.Day(CollectHarness.Day, TimeZoneInfo.Utc);
        var x = new TwitterSource(CollectSettings.Default.Twitter, _ => "token");

        Assert.Equal($"its search reaches back 7 days only, and this day began {ago}", Collector.OutOfReach(x, day, day.Start + TimeSpan.FromHours(hours)));
    }

    // The requests go out after the check: a day whose start leaves the reach within minutes is skipped, not
    // asked for and refused.
    [Theory]
    [InlineData(0, "its search reaches back 7 days only, and this day's start leaves it in less than 10 minutes")]
    [InlineData(-9, "its search reaches back 7 days only, and this day's start leaves it in less than 10 minutes")]
    [InlineData(-10, null)]
    [InlineData(-60, null)]
    public void A_day_about_to_leave_a_sources_reach_is_skipped_with_a_margin(int minutes, string? why)
    {
        var day = Collector.Day(CollectHarness.Day, TimeZoneInfo.Utc);
        var x = new TwitterSource(CollectSettings.Default.Twitter, _ => "token");

        Assert.Equal(why, Collector.OutOfReach(x, day, day.Start + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public async Task A_rerun_a_source_fails_in_keeps_that_sources_mentions_from_the_file_and_takes_the_others_anew()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var complete = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Empty(complete.Unanswered);

        // Hacker News is down when the day is collected again: the file keeps the mentions it gave before, and says
        // that Hacker News did not answer (for --catch-up to ask it again).
        h.Api.On(CollectHarness.HackerNews, Reply.Text(404, "{\"message\":\"gone\"}"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        h.Clock.Advance(TimeSpan.FromHours(13));
        var report = await h.RunAsync();

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Partial, day.Outcome);
        Assert.Equal(WriteOutcome.Updated, day.Written);
        var held = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(new[] { Network.HackerNews }, held.Unanswered);
        Assert.Contains("\n  \"unanswered\": [\n    \"hackernews\"\n  ],\n  \"ranked\": false,\n", File.ReadAllText(h.DayFile), StringComparison.Ordinal);
        Assert.Equal(complete.Papers.SelectMany(p => p.Mentions), held.Papers.SelectMany(p => p.Mentions));
        var hackerNews = held.Papers.SelectMany(p => p.Mentions).Count(m => m.Network == Network.HackerNews);
        Assert.Equal((held.Papers.Length, held.Papers.Sum(p => p.Mentions.Length)), (day.Papers, day.Mentions));
        Assert.Contains($"{h.DayFile}: kept the file's {hackerNews} hackernews mention(s), which this run did not get (collect the day again once hackernews's error above is gone)", day.Notices);

        // Found by a new user's trial: the file used to be left whole, and what the sources that answered said was
        // lost. Mentions of a network no source asks (here reddit) stay; Hacker News, answering again, gives its own.
        File.WriteAllText(h.DayFile, File.ReadAllText(h.DayFile).Replace("\"network\": \"hackernews\"", "\"network\": \"reddit\""));
        h.Everything();
        report = await h.RunAsync();
        Assert.Equal(CollectOutcome.Complete, report.Days[0].Outcome);
        Assert.Equal(WriteOutcome.Updated, report.Days[0].Written);
        Assert.Contains($"{h.DayFile}: kept the file's {hackerNews} reddit mention(s), which this run did not get", report.Days[0].Notices);
        var again = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Empty(again.Unanswered);
        Assert.DoesNotContain("unanswered", File.ReadAllText(h.DayFile), StringComparison.Ordinal);
        var mentions = again.Papers.SelectMany(p => p.Mentions).ToList();
        Assert.Equal(hackerNews, mentions.Count(m => m.Network == Network.HackerNews));
        Assert.Equal(hackerNews, mentions.Count(m => m.Network == Network.Reddit));
        Assert.Equal(held.Papers.Sum(p => p.Mentions.Length) + hackerNews, report.Days[0].Mentions);
    }

    // Found in review: a paper of both the file and this run's answers, and one of the file alone.
    [Fact]
    public async Task A_rerun_merges_a_paper_of_both_once_with_the_fresh_metadata_and_counts_and_a_kept_paper_keeps_its_time()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var before = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        // The file as an earlier run left it: the paper as version 1, with an older title and Hugging Face's older count.
        File.WriteAllText(h.DayFile, File.ReadAllText(h.DayFile)
            .Replace("\"id\": \"2104.14421\"", "\"id\": \"2104.14421v1\"")
            .Replace("\"title\": \"What Are Synthetic Posteriors Really Like?\"", "\"title\": \"An Older Title\"")
            .Replace("\"likes\": 42,", "\"likes\": 40,"));
        h.Api.On(CollectHarness.HackerNews, Reply.Text(404, "{\"message\":\"gone\"}"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"));
        h.Clock.Advance(TimeSpan.FromHours(13));

        var day = Assert.Single((await h.RunAsync()).Days);

        Assert.Equal(WriteOutcome.Updated, day.Written);
        var after = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        // Found by a user's trial: a day collected again by hand moved its post to the top of the blog. The file's
        // time, the post's date, stays; the paper collected now has this run's.
        Assert.Equal(before.CollectedAt, after.CollectedAt);
        Assert.Equal(before.Papers.Select(p => p.Id), after.Papers.Select(p => p.Id));
        var both = after.Papers.Single(p => p.Id.Value == "2104.14421");
        Assert.Equal("What Are Synthetic Posteriors Really Like?", both.Title);
        Assert.Equal(42, both.Mentions.Single(m => m.Network == Network.HuggingFace).Likes);
        Assert.Equal(3, both.Mentions.Count(m => m.Network == Network.HackerNews));
        Assert.True(both.CollectedAt > before.CollectedAt, both.CollectedAt?.ToString());
        // Kept whole from the file, its counts are the earlier run's, and its time says so.
        // (The file's, which it now is: a paper's own time is written only where it differs.)
        var kept = after.Papers.Single(p => p.Id.Value == "hep-th/9901001");
        Assert.Equal(before.CollectedAt, kept.CollectedAt ?? after.CollectedAt);
    }

    // A source turned off keeps the mentions it gave: a rerun to bring counts up to date does not drop them unsaid.
    [Fact]
    public async Task A_rerun_with_a_source_turned_off_keeps_its_mentions_and_says_so()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var complete = File.ReadAllBytes(h.DayFile);
        var settings = h.Settings();
        settings = settings with { Collect = settings.Collect with { HuggingFace = settings.Collect.HuggingFace with { Enabled = false } } };
        h.Api.On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", Reply.File("arxiv-2021-04-30.xml"));
        h.Clock.Advance(TimeSpan.FromHours(13));

        var day = Assert.Single((await h.RunAsync(settings: settings)).Days);

        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Equal(complete, File.ReadAllBytes(h.DayFile));
        Assert.Contains(day.Notices, n => n.StartsWith($"{h.DayFile}: kept the file's ", StringComparison.Ordinal) && n.EndsWith(" huggingface mention(s), which this run did not get", StringComparison.Ordinal));
    }

    [Fact]
    public async Task X_is_not_asked_for_a_day_its_recent_search_no_longer_reaches()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.AnyArxivQuery();
        // Eight days after the day began: X's recent search refuses a start_time more than 7 days ago.
        h.Clock.Advance(TimeSpan.FromDays(7));

        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Contains("twitter: skipped: its search reaches back 7 days only, and this day began more than 8 days ago", day.Notices);
        Assert.Empty(h.Api.To("/x/"));
        Assert.NotEmpty(h.Api.To("/bsky/"));
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.DoesNotContain(records.Papers.SelectMany(p => p.Mentions), m => m.Network == Network.Twitter);
    }

    // Found by a user's trial: online, X was skipped for a day beyond its reach; offline, as the cache held X's answers
    // of other days, X was asked, failed "not in the cache", and the file gained "unanswered": ["twitter"], exit 4.
    [Fact]
    public async Task Offline_skips_a_source_for_a_day_out_of_its_reach_as_online_does()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.AnyArxivQuery();
        h.Clock.Advance(TimeSpan.FromDays(7));
        // X's answer of a later day, as the nightly runs leave them.
        new ResponseCache(h.Cache).Write("twitter", new FetchedResponse(new Uri(h.Api.BaseUrl, "x/2/tweets/search/recent?query=another-day"), 200, "{}"u8.ToArray(), h.Clock.GetUtcNow()));
        const string skipped = "twitter: skipped: its search reaches back 7 days only, and this day began more than 8 days ago";
        var online = Assert.Single((await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials)).Days);
        Assert.Equal(CollectOutcome.Complete, online.Outcome);
        Assert.Contains(skipped, online.Notices);
        var written = File.ReadAllBytes(h.DayFile);
        var asked = h.Api.Requests.Count;

        // With the file, and without it: the same file, X skipped alike, no failure.
        foreach (var withFile in new[] { true, false })
        {
            if (!withFile) File.Delete(h.DayFile);
            var day = Assert.Single((await h.RunAsync(offline: true, settings: h.AllNetworksSettings())).Days);
            Assert.Equal((CollectOutcome.Complete, withFile ? WriteOutcome.Unchanged : WriteOutcome.Created), (day.Outcome, day.Written));
            Assert.Empty(day.Failures);
            Assert.Empty(day.Unanswered);
            Assert.Contains(skipped, day.Notices);
            Assert.Equal(written, File.ReadAllBytes(h.DayFile));
        }
        Assert.Equal(asked, h.Api.Requests.Count);
    }

    [Fact]
    public async Task A_rerun_that_skips_a_source_keeps_its_mentions_from_the_file()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.AnyArxivQuery();
        await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);
        var complete = File.ReadAllBytes(h.DayFile);
        Assert.Contains(new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Papers.SelectMany(p => p.Mentions), m => m.Network == Network.Twitter);

        // The day collected again a week later, to bring the counts up to date: X no longer reaches it, and its
        // mentions are not thrown away for that.
        h.Clock.Advance(TimeSpan.FromDays(7));
        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Equal(WriteOutcome.Unchanged, day.Written);
        Assert.Equal(complete, File.ReadAllBytes(h.DayFile));
        var twitter = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Papers.SelectMany(p => p.Mentions).Count(m => m.Network == Network.Twitter);
        Assert.Contains($"{h.DayFile}: kept the file's {twitter} twitter mention(s), which this run did not get", day.Notices);
    }

    [Fact]
    public async Task A_rerun_whose_embed_servers_do_not_answer_keeps_the_embeds_the_file_holds()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);
        var complete = File.ReadAllBytes(h.DayFile);
        Assert.Contains(new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile).Papers.SelectMany(p => p.Mentions), m => m.EmbedHtml is not null);

        // The day collected again, the cache's age past, while Bluesky's and X's embed servers are down: the
        // searches find the same posts, and the embeds the file holds for them stay.
        foreach (var (target, _) in CollectHarness.Recorded("bluesky").Concat(CollectHarness.Recorded("twitter")))
        {
            if (target.Contains("-embed/oembed?", StringComparison.Ordinal)) h.Api.On(target, Reply.Text(503, "{}"));
        }
        h.Clock.Advance(TimeSpan.FromHours(13));
        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);

        var day = Assert.Single(report.Days);
        // Every source answered: no mention was kept for a missing one, and the file was written again with its embeds.
        Assert.Empty(day.Failures);
        Assert.DoesNotContain(day.Notices, n => n.Contains("kept the file's", StringComparison.Ordinal));
        Assert.Equal(WriteOutcome.Unchanged, day.Written);
        Assert.Equal(complete, File.ReadAllBytes(h.DayFile));
        // Each embed server given up is said once, in the day's report.
        Assert.Equal(
        [
            $"bluesky: the embed server {h.Api.BaseUrl}bsky-embed/ failed 3 times in a row (the last: answered HTTP 503 Service Unavailable ({{}}), 4 tries): not asked for the day's later posts",
            $"twitter: the embed server {h.Api.BaseUrl}x-embed/ failed 3 times in a row (the last: answered HTTP 503 Service Unavailable ({{}}), 4 tries): not asked for the day's later posts",
        ], day.Notices.Where(n => n.Contains("embed server", StringComparison.Ordinal)));
    }

    // An OEmbed lives for one day's collect of its source: the embed server given up after three failures in a
    // row is not asked for that day's later posts, but is asked again for the next day's, in the same run.
    [Theory]
    [InlineData("bluesky", "bsky-embed/", "searchPosts")]
    [InlineData("twitter", "x-embed/", "search/recent")]
    public async Task An_embed_server_given_up_on_one_day_is_asked_again_on_the_next_day_of_the_run(string network, string embedServer, string search)
    {
        await using var h = new CollectHarness().Everything();
        h.AnyArxivQuery();
        static string NextDay(string target) => target.Replace("2021-05-01T00%3A00%3A00Z", "2021-05-02T00%3A00%3A00Z", StringComparison.Ordinal)
            .Replace("2021-04-30T00%3A00%3A00Z", "2021-05-01T00%3A00%3A00Z", StringComparison.Ordinal);
        h.Api.On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.File("hackernews-empty.json"));
        // The network finds the recorded day's posts on both days; its embed server answers neither day.
        var embeds = new List<string>();
        foreach (var (target, answer) in CollectHarness.Recorded(network))
        {
            if (target.StartsWith("/" + embedServer, StringComparison.Ordinal))
            {
                h.Api.On(target, Reply.Text(503, "{}"));
                embeds.Add(target);
            }
            else h.Api.On(target, CollectHarness.Answer(network, answer)).On(NextDay(target), CollectHarness.Answer(network, answer));
        }
        var settings = h.AllNetworksSettings();
        var collect = settings.Collect;
        settings = settings with
        {
            Collect = collect with
            {
                Bluesky = collect.Bluesky with { Enabled = network == "bluesky" },
                Twitter = collect.Twitter with { Enabled = network == "twitter" },
                Mastodon = collect.Mastodon with { Enabled = false },
            },
        };
        h.Clock.Advance(TimeSpan.FromDays(1));

        var report = await h.RunAsync(settings: settings, until: new DateOnly(2021, 5, 1), variables: CollectHarness.Credentials);

        // Each day asks for the embeds of its first three posts (each tried as any request is), then for no more.
        var requests = h.Api.Requests.Select(r => r.Target).ToList();
        var secondDay = requests.IndexOf(NextDay(CollectHarness.Recorded(network).First(r => r.Target.Contains(search, StringComparison.Ordinal)).Target));
        Assert.True(secondDay > 0);
        Assert.Equal(embeds[..3], requests[..secondDay].Where(embeds.Contains).Distinct());
        Assert.Equal(embeds[..3], requests[secondDay..].Where(embeds.Contains).Distinct());
        // And each day's report says it gave the server up.
        Assert.Equal(2, report.Days.Count);
        Assert.All(report.Days, day => Assert.Equal(
            [$"{network}: the embed server {h.Api.BaseUrl}{embedServer} failed 3 times in a row (the last: answered HTTP 503 Service Unavailable ({{}}), 4 tries): not asked for the day's later posts"],
            day.Notices.Where(n => n.Contains("embed server", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Run_outside_a_blog_it_says_so_as_build_does_before_any_request_and_makes_no_folder()
    {
        await using var h = new CollectHarness().Everything();
        var e = await Assert.ThrowsAsync<InputException>(() => h.RunAsync(settings: h.Settings() with { SourceFile = null }));

        Assert.Equal($"{h.Records}: expected a folder for the day's records files (YYYY-MM-DD.json), found no such folder, and no hotpapers.yml here either: "
            + "run hotpapers in the blog's folder (cd there), or run hotpapers init to set one up here", Assert.Single(e.Problems).ToString());
        Assert.Empty(h.Api.Requests);
        Assert.False(Directory.Exists(h.Records));

        // A records folder that is there is a blog's, with or without its settings file.
        Directory.CreateDirectory(h.Records);
        Assert.Equal(CollectOutcome.Complete, (await h.RunAsync(settings: h.Settings() with { SourceFile = null })).Outcome);
    }

    [Fact]
    public async Task CollectedAt_and_so_the_posts_date_is_in_whole_seconds_as_the_records_have_always_had_it()
    {
        await using var h = new CollectHarness().Everything();
        h.Clock.Advance(TimeSpan.FromMilliseconds(897.5172));
        await h.RunAsync();

        Assert.Contains("\n  \"collectedAt\": \"2021-05-01T06:00:00+00:00\",\n", File.ReadAllText(h.DayFile));
        // The offline replay, from the cache's exact times, writes the same.
        File.Delete(h.DayFile);
        await h.RunAsync(offline: true);
        Assert.Contains("\n  \"collectedAt\": \"2021-05-01T06:00:00+00:00\",\n", File.ReadAllText(h.DayFile));
    }

    [Fact]
    public async Task A_records_folder_that_cannot_be_made_is_refused_before_any_request()
    {
        await using var h = new CollectHarness().Everything();
        File.WriteAllText(Path.Combine(h.Folder, "a-file"), "");
        var under = Path.Combine(h.Folder, "a-file", "records");
        var e = await Assert.ThrowsAsync<InputException>(() => h.RunAsync(settings: h.Settings() with { RecordsPath = under }));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(under, problem.File);
        Assert.StartsWith("a folder for the day's records files (YYYY-MM-DD.json)", problem.Expected);
        Assert.Equal($"a file in its path ({Path.Combine(h.Folder, "a-file")})", problem.Found);
        Assert.Empty(h.Api.Requests);
    }

    [SkippableFact]
    public async Task A_records_folder_the_system_will_not_make_is_refused_in_its_words_before_any_request()
    {
        await using var h = new CollectHarness().Everything();
        var records = RefusedPaths.Unmakeable("hotpapers-records");
        var e = await Assert.ThrowsAsync<InputException>(() => h.RunAsync(settings: h.Settings() with { RecordsPath = records }));

        Assert.Equal($"{records}: expected a folder hotpapers may write to, found none, and the system refuses to make one there", Assert.Single(e.Problems).ToString());
        Assert.Empty(h.Api.Requests);
    }

    [SkippableFact]
    public async Task A_records_folder_that_refuses_new_files_is_refused_with_the_systems_reason_before_any_request()
    {
        await using var h = new CollectHarness().Everything();
        Directory.CreateDirectory(h.Records);
        InputException e;
        using (RefusedPaths.Unwritable(h.Records)) e = await Assert.ThrowsAsync<InputException>(() => h.RunAsync());

        Assert.Equal($"{h.Records}: expected a folder hotpapers may write to, found no permission to write there", Assert.Single(e.Problems).ToString());
        // Not a backfill's every request made and then its every day unwritten.
        Assert.Empty(h.Api.Requests);
        Assert.Empty(Directory.EnumerateFileSystemEntries(h.Records));
    }

    // Found in review: a day's file the system would not let collect replace or read was blamed on the folder.
    [SkippableFact]
    public async Task A_days_file_the_system_will_not_let_collect_replace_is_named_not_its_folder()
    {
        await using var h = new CollectHarness().Everything();
        Directory.CreateDirectory(h.Records);
        File.WriteAllText(h.DayFile, EmptyDay);
        CollectReport report;
        using (RefusedPaths.Immutable(h.DayFile)) report = await h.RunAsync();

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Failed, day.Outcome);
        Assert.False(day.FileRefused);
        Assert.Equal($"{h.DayFile}: expected a records file hotpapers may replace, found no permission to replace it", day.WriteError);
        Assert.Equal(EmptyDay, File.ReadAllText(h.DayFile));
        Assert.Equal([h.DayFile], Directory.GetFiles(h.Records));
    }

    [SkippableFact]
    public async Task A_days_file_the_system_will_not_let_collect_read_is_named_not_its_folder()
    {
        await using var h = new CollectHarness().Everything();
        Directory.CreateDirectory(h.Records);
        File.CreateSymbolicLink(h.DayFile, RefusedPaths.Unreadable());
        var report = await h.RunAsync();

        Assert.Equal($"{h.DayFile}: expected a records file, found no permission to read it\n"
            + $"{h.DayFile}: expected a records file collect can read, so as to keep what it holds, found the problems above: fix them (build lists the same), or delete the file to collect the day anew",
            Assert.Single(report.Days).WriteError);
    }

    // docs/collect.md: the records folder is named when the system refuses the day's new file in it all the same,
    // after the file made and removed there before the first request was let be (a full disk, say).
    [SkippableFact]
    public async Task A_records_folder_that_refuses_the_days_file_after_the_start_is_named_as_what_to_fix()
    {
        await using var h = new CollectHarness();
        Directory.CreateDirectory(h.Records);
        RefusedPaths.Unwritable(h.Records).Dispose(); // skips here where the folder cannot be made so, not in the server
        IDisposable? refused = null;
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-empty.json"))
            .Otherwise = _ =>
            {
                refused ??= RefusedPaths.Unwritable(h.Records);
                return Reply.File("arxiv-2021-04-30.xml");
            };
        CollectReport report;
        try
        {
            report = await h.RunAsync();
        }
        finally
        {
            refused?.Dispose();
        }

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Failed, day.Outcome);
        Assert.Single(h.Api.To("/api/query"));
        Assert.Equal($"{h.Records}: expected a folder hotpapers may write to, found no permission to write there", day.WriteError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(h.Records));
    }

    [Fact]
    public async Task A_day_collected_but_not_writable_is_an_error_of_the_write_not_a_notice_that_nothing_was_collected()
    {
        await using var h = new CollectHarness().Everything();
        Directory.CreateDirectory(h.DayFile);
        var report = await h.RunAsync();

        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Failed, day.Outcome);
        Assert.Null(day.RecordsPath);
        Assert.Empty(day.Failures);
        Assert.Equal($"{h.DayFile}: expected the day's records file (or none), found a folder", day.WriteError);
        Assert.DoesNotContain(day.Notices, n => n.StartsWith(h.DayFile, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Of_several_days_one_not_written_makes_the_run_partial_as_exit_code_4_says()
    {
        await using var h = new CollectHarness();
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"));
        h.Clock.Advance(TimeSpan.FromDays(1));
        var settings = h.Settings();
        settings = settings with { Collect = settings.Collect with { HackerNews = new SourceSettings(false, h.Api.BaseUrl) } };
        var blocked = Path.Combine(h.Records, "2021-05-01.json");
        Directory.CreateDirectory(blocked);

        var report = await h.RunAsync(settings: settings, until: new DateOnly(2021, 5, 1));

        Assert.Equal([CollectOutcome.Complete, CollectOutcome.Failed], report.Days.Select(d => d.Outcome));
        Assert.Equal(h.DayFile, report.Days[0].RecordsPath);
        Assert.Equal($"{blocked}: expected the day's records file (or none), found a folder", report.Days[1].WriteError);
        Assert.Equal(CollectOutcome.Partial, report.Outcome);
    }

    [Fact]
    public async Task Offline_rebuilds_the_same_file_byte_for_byte_from_the_cache_alone()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var online = File.ReadAllBytes(h.DayFile);
        File.Delete(h.DayFile);

        // A month later, long after the cache's age: offline, the cache answers all the same, and no request is made.
        var asked = h.Api.Requests.Count;
        h.Clock.Advance(TimeSpan.FromDays(30));
        var report = await h.RunAsync(offline: true);
        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Equal(online, File.ReadAllBytes(h.DayFile));
        Assert.Equal(asked, h.Api.Requests.Count);
    }

    [Fact]
    public async Task One_collect_holds_every_network_and_replays_offline_without_credentials()
    {
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Empty(report.Days[0].Failures);
        var online = File.ReadAllBytes(h.DayFile);
        Golden.AssertBytes(online, "collect", "expected-all-networks-2021-04-30.json");
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(h.DayFile);
        Assert.Equal(["bluesky", "hackernews", "huggingface", "mastodon", "twitter"],
            records.Papers.SelectMany(p => p.Mentions).Select(m => m.Network.Name()).Distinct().Order(StringComparer.Ordinal));
        File.Delete(h.DayFile);

        // Offline, a month later, with no credentials in the environment: the cache answers for Bluesky and X too,
        // no login is asked for, no request is made, and the file is the same.
        var asked = h.Api.Requests.Count;
        h.Clock.Advance(TimeSpan.FromDays(30));
        var replay = await h.RunAsync(offline: true, settings: h.AllNetworksSettings());
        Assert.Equal(CollectOutcome.Complete, replay.Outcome);
        Assert.DoesNotContain(replay.Days[0].Notices, n => n.Contains("skipped", StringComparison.Ordinal));
        Assert.Equal(online, File.ReadAllBytes(h.DayFile));
        Assert.Equal(asked, h.Api.Requests.Count);
    }

    // Found by a user's trial: a link timeline's 404 (an instance before Mastodon 4.3, a link no longer trending),
    // which Mastodon takes as an answer, was not cached: a rerun within the cache's age asked it again, and
    // --offline failed Mastodon ("not in the cache"), then arXiv (asked for one paper fewer), and wrote nothing.
    [Fact]
    public async Task An_error_a_source_takes_as_an_answer_is_cached_and_replayed_offline_byte_for_byte()
    {
        const string link = "/mastodon/api/v1/timelines/link?url=https%3A%2F%2Farxiv.org%2Fabs%2F2104.14421&limit=40";
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.AnyArxivQuery();
        h.Api.On(link, Reply.Text(404, "{\"error\":\"Record not found\"}"));
        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);
        var day = Assert.Single(report.Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Contains(day.Notices, n => n.StartsWith("mastodon: the statuses sharing 1 of the 2 trending arXiv link(s) were not read (the first: "
            + $"{h.Api.BaseUrl}{link[1..]}: answered HTTP 404 Not Found ({{\"error\":\"Record not found\"}}), 1 try", StringComparison.Ordinal));
        var online = File.ReadAllBytes(h.DayFile);

        // Within the cache's age, a second run asks nothing: not even the link timeline.
        var asked = h.Api.Requests.Count;
        h.Clock.Advance(TimeSpan.FromHours(1));
        day = Assert.Single((await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials)).Days);
        Assert.Equal((CollectOutcome.Complete, WriteOutcome.Unchanged), (day.Outcome, day.Written));
        Assert.Empty(h.Api.Requests.Skip(asked).Select(r => r.Target));
        Assert.Contains(day.Notices, n => n.Contains($"{h.Api.BaseUrl}{link[1..]}: answered HTTP 404 Not Found ({{\"error\":\"Record not found\"}}), the cache's answer of ", StringComparison.Ordinal));

        // Offline, a month later, without the file: the same file, byte for byte, and no request.
        File.Delete(h.DayFile);
        h.Clock.Advance(TimeSpan.FromDays(30));
        day = Assert.Single((await h.RunAsync(offline: true, settings: h.AllNetworksSettings())).Days);
        Assert.Equal(CollectOutcome.Complete, day.Outcome);
        Assert.Empty(day.Failures);
        Assert.Equal(online, File.ReadAllBytes(h.DayFile));
        Assert.Equal(asked, h.Api.Requests.Count);
    }

    [Fact]
    public async Task A_Bluesky_session_that_expires_during_a_run_is_made_again_and_the_day_is_whole()
    {
        const string session = "/bsky/xrpc/com.atproto.server.createSession";
        const string search = "/bsky/xrpc/app.bsky.feed.searchPosts?q=arxiv.org&domain=arxiv.org&since=2021-04-30T00%3A00%3A00Z&until=2021-05-01T00%3A00%3A00Z&sort=latest&limit=100";
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        // The PDS's answer to a token past its two hours, then the page the same search gives with a new one.
        h.Api.On(search, Reply.Text(400, BlueskySourceTests.ExpiredToken), Reply.File("bluesky/search-1.json"));

        var report = await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials);

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Empty(report.Days[0].Failures);
        // The same records as a run without the expiry; only the time of the last answer is later, by the two requests more.
        static string WithoutTime(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"collectedAt\": \"[^\"]*\"", "");
        Assert.Equal(WithoutTime(File.ReadAllText(Fixture.Path("collect", "expected-all-networks-2021-04-30.json"))), WithoutTime(File.ReadAllText(h.DayFile)));
        Assert.Equal(2, h.Api.To(session).Count);
        Assert.Equal(2, h.Api.To(search).Count(r => r.Target == search));
        Assert.Equal(2, h.Progress.Count(p => p == $"2021-04-30: bluesky: POST {h.Api.BaseUrl}bsky/xrpc/com.atproto.server.createSession"));
        // Found by a new user's trial: the search went 2 ms after the login; it waits Bluesky's pacing after it.
        Assert.All(h.Api.To(session).Select(l => h.Api.To(search).First(r => r.At >= l.At).At - l.At),
            gap => Assert.True(gap >= TimeSpan.FromMilliseconds(102), gap.ToString()));
        // Found by a new user's trial: the search was said before the login it waited for.
        var said = h.Progress.FindIndex(p => p.StartsWith("2021-04-30: bluesky: GET ", StringComparison.Ordinal));
        Assert.True(h.Progress.FindIndex(p => p.StartsWith("2021-04-30: bluesky: POST ", StringComparison.Ordinal)) < said, string.Join("\n", h.Progress));
    }

    // Found by a new user's trial: a login that failed twice was "the login failed twice", without what the server
    // answered, said after waiting for a third try that was never sent.
    [Fact]
    public async Task A_Bluesky_login_that_fails_twice_is_given_up_with_the_servers_answer()
    {
        const string session = "/bsky/xrpc/com.atproto.server.createSession";
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.Api.On(session, Reply.Text(501, "{\"error\":\"MethodNotImplemented\"}"));

        var day = Assert.Single((await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials)).Days);

        var failure = Assert.Single(day.Failures, f => f.Source == "bluesky");
        Assert.Equal($"bluesky: {h.Api.BaseUrl}bsky/xrpc/com.atproto.server.createSession: answered HTTP 501 Status ({{\"error\":\"MethodNotImplemented\"}}), 2 tries", failure.ToString());
        Assert.Equal(2, h.Api.To(session).Count);
        Assert.Single(h.Progress, p => p.Contains("bluesky: HTTP 501 Status; trying again", StringComparison.Ordinal));
    }

    // The same for a login whose answer never arrives whole: what went wrong with the second, and no third.
    [Fact]
    public async Task A_Bluesky_login_cut_short_twice_is_given_up_with_what_went_wrong()
    {
        const string session = "/bsky/xrpc/com.atproto.server.createSession";
        await using var h = new CollectHarness().AllNetworks(CollectHarness.ArxivAllNetworks);
        h.Api.On(session, Reply.Text(200, "{\"accessJwt\":\"a\",\"refreshJwt\":\"b\"}") with { Truncate = true });

        var day = Assert.Single((await h.RunAsync(settings: h.AllNetworksSettings(), variables: CollectHarness.Credentials)).Days);

        var failure = Assert.Single(day.Failures, f => f.Source == "bluesky");
        Assert.Equal(h.Api.BaseUrl + session[1..], failure.Url);
        Assert.EndsWith(", 2 tries", failure.What, StringComparison.Ordinal);
        Assert.DoesNotContain("the login failed twice", failure.What, StringComparison.Ordinal);
        Assert.Equal(2, h.Api.To(session).Count);
    }

    [Fact]
    public async Task A_cache_entry_names_its_url_as_a_person_reads_it()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();

        var entry = File.ReadLines(Directory.GetFiles(Path.Combine(h.Cache, "hackernews"), "*.response").Single()).First();
        Assert.StartsWith($"{{\"url\":\"{h.Api.BaseUrl}{CollectHarness.HackerNews[1..]}\",\"status\":200,", entry);
    }

    [Fact]
    public async Task Offline_without_a_cached_answer_is_a_clear_error()
    {
        await using var h = new CollectHarness();
        var report = await h.RunAsync(offline: true);

        Assert.Equal(CollectOutcome.Failed, report.Outcome);
        Assert.Equal("not in the cache (--offline answers from the cache alone: collect this day online first)", report.Days[0].Failures[0].What);
        Assert.Empty(h.Api.Requests);
    }

    [Fact]
    public async Task A_cache_entry_that_was_changed_is_a_clear_error()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var entry = Directory.GetFiles(Path.Combine(h.Cache, "hackernews"), "*.response").Single();
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..^10]);
        var report = await h.RunAsync(offline: true);

        var failure = report.Days[0].Failures[0];
        Assert.Equal("hackernews", failure.Source);
        Assert.Matches(@"^the cache entry .*hackernews.[0-9a-f]{64}\.response is malformed: expected a body of [0-9]+ bytes, found [0-9]+ bytes \(cut short, or changed since\); delete it to fetch again$", failure.What);
    }

    [Fact]
    public async Task A_second_collect_within_the_cache_age_asks_nothing_and_leaves_the_file()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var first = File.ReadAllBytes(h.DayFile);
        var asked = h.Api.Requests.Count;

        h.Clock.Advance(TimeSpan.FromHours(11));
        var report = await h.RunAsync();
        Assert.Equal(WriteOutcome.Unchanged, report.Days[0].Written);
        Assert.Equal(asked, h.Api.Requests.Count);
        Assert.Equal(first, File.ReadAllBytes(h.DayFile));
    }

    [Fact]
    public async Task Counts_read_again_later_but_unchanged_leave_the_file_as_it_is()
    {
        await using var h = new CollectHarness().Everything();
        await h.RunAsync();
        var first = File.ReadAllBytes(h.DayFile);

        h.Clock.Advance(TimeSpan.FromHours(13));
        var report = await h.RunAsync();
        Assert.Equal(8, h.Api.Requests.Count);
        Assert.Equal(WriteOutcome.Unchanged, report.Days[0].Written);
        Assert.Equal(first, File.ReadAllBytes(h.DayFile));

        // New counts are a change, and the new collectedAt comes with them.
        var more = File.ReadAllText(Fixture.Path("collect", "huggingface-2021-04-30.json")).Replace("\"upvotes\": 42", "\"upvotes\": 43");
        h.Api.On(CollectHarness.HuggingFace, Reply.Text(200, more));
        h.Clock.Advance(TimeSpan.FromHours(13));
        report = await h.RunAsync();
        Assert.Equal(WriteOutcome.Updated, report.Days[0].Written);
        Assert.Contains("\"likes\": 43", File.ReadAllText(h.DayFile));
        Assert.Contains("\"collectedAt\": \"2021-05-02T08:00:0", File.ReadAllText(h.DayFile));
    }

    [Fact]
    public async Task Until_writes_one_file_per_day_each_day_from_midnight_to_midnight_in_the_settings_zone()
    {
        await using var h = new CollectHarness();
        // Midnight in Tokyo (+09:00) is 15:00 UTC the day before.
        h.Api.On(CollectHarness.HuggingFace, Reply.File("huggingface-empty.json")).On(CollectHarness.HackerNewsFrom(1619708400), Reply.File("hackernews-empty.json"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json")).On(CollectHarness.HackerNewsFrom(1619794800), Reply.File("hackernews-empty.json"));
        var settings = h.Settings() with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") };
        // A day later than the harness's clock: the 1st of May has ended in Tokyo too.
        h.Clock.Advance(TimeSpan.FromDays(1));
        var report = await h.RunAsync(settings: settings, until: new DateOnly(2021, 5, 1));

        Assert.Equal(CollectOutcome.Complete, report.Outcome);
        Assert.Equal(["2021-04-30.json", "2021-05-01.json"], Directory.GetFiles(h.Records).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Read a second later (the sources' pacing), shown in the zone.
        Assert.Contains("\"collectedAt\": \"2021-05-02T15:00:01+09:00\"", File.ReadAllText(Path.Combine(h.Records, "2021-05-01.json")));
        Assert.Equal(4, h.Api.Requests.Count);
    }
}
