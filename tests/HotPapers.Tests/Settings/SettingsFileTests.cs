using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Tests.Settings;

public sealed class SettingsFileTests
{
    private const string Full = """
        flavor: hugo
        timezone: Asia/Tokyo
        records: data/records
        output: site/content/posts
        fileName: "posts/{date}.md"
        templates: my-templates
        embeds: static
        ranking:
          minPaperScore: 7
          minMentionScore: 3
          maxMentions: 0x10
          requirePdf: false
          repeatAfterDays: 2
          weights:
            bluesky: 2
            hackernews: 0.5
        post:
          title: "Daily {date}"
          description: About {date}
          slug: daily-{date}
          category: Papers
          tags: [a, "b c"]
          socialImage: ""
          template: page
          draft: true
        site:
          title: My Papers
          description: "What people read"
          author: Ann
          baseUrl: https://example.github.io/papers
          embeds: live
          pageSize: 5
          feedItems: 7
          output: _site
          about: "One.\n\nTwo."
          language: de
        collect:
          contact: you@example.org
          cache: cache
          cacheMaxAge: 90m
          arxiv: { baseUrl: "http://127.0.0.1:8080/arxiv" }
          huggingface: { enabled: false }
          hackernews: { enabled: true, baseUrl: "https://hn.example" }
          bluesky: { baseUrl: "https://pds.example", embedUrl: "https://embed.example" }
          twitter: { enabled: false }
          mastodon:
            enabled: true
            baseUrl: https://mastodon.example
        """;

    // Found by a user's trial of templates: a file that is not UTF-8 was read with U+FFFD in place of its bytes, without
    // a word; a settings file is refused so, with the line.
    [Fact]
    public void A_settings_file_that_is_not_utf8_is_refused_with_its_line()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllBytes(temp["hotpapers.yml"], [.. "timezone: UTC\nsite:\n  title: Caf"u8, 0xE9, (byte)'\n']);
        var e = Assert.Throws<InputException>(() => SettingsFile.Load(temp["hotpapers.yml"]));
        Assert.Equal($"{temp["hotpapers.yml"]}: line 3: expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)", Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void An_empty_file_gives_the_defaults_with_paths_beside_it()
    {
        var settings = SettingsFile.Parse("hotpapers.yml", "# nothing set\n", "site");
        Assert.Equal(Flavor.Gatsby, settings.Flavor);
        Assert.Equal(TimeZoneInfo.Utc, settings.TimeZone);
        Assert.Equal(Path.Combine("site", "content", "records"), settings.RecordsPath);
        Assert.Equal(Path.Combine("site", "content", "posts"), settings.OutputDirectory);
        Assert.Null(settings.TemplatesDirectory);
        Assert.Equal(BuildSettings.Default.Ranking, settings.Ranking);
        Assert.Equal(BuildSettings.Default.FrontMatter, settings.FrontMatter);
        Assert.Equal(BuildSettings.Default.FileNamePattern, settings.FileNamePattern);
    }

    [Fact]
    public void Every_key_reaches_the_build_settings()
    {
        var s = SettingsFile.Parse("hotpapers.yml", Full, "base");
        Assert.Equal(Flavor.Hugo, s.Flavor);
        Assert.Equal("Asia/Tokyo", s.TimeZone.Id);
        Assert.Equal(Path.Combine("base", "data/records"), s.RecordsPath);
        Assert.Equal(Path.Combine("base", "site/content/posts"), s.OutputDirectory);
        Assert.Equal("posts/{date}.md", s.FileNamePattern);
        Assert.Equal(Path.Combine("base", "my-templates"), s.TemplatesDirectory);
        Assert.Equal(new HotPapers.Ranking.RankingSettings(7, 3, 16, false, 2,
            System.Collections.Immutable.ImmutableSortedDictionary<string, decimal>.Empty.Add("bluesky", 2m).Add("hackernews", 0.5m)), s.Ranking);
        Assert.True(s.StaticEmbeds);
        Assert.Equal("Daily {date}", s.FrontMatter.TitlePattern);
        Assert.Equal("About {date}", s.FrontMatter.DescriptionPattern);
        Assert.Equal("daily-{date}", s.FrontMatter.SlugPattern);
        Assert.Equal("Papers", s.FrontMatter.Category);
        Assert.Equal(["a", "b c"], s.FrontMatter.Tags.ToArray());
        Assert.Equal("", s.FrontMatter.SocialImage);
        Assert.Equal("page", s.FrontMatter.Template);
        Assert.True(s.FrontMatter.Draft);
        Assert.Equal(new SiteSettings
        {
            Title = "My Papers",
            Description = "What people read",
            Author = "Ann",
            BaseUrl = new Uri("https://example.github.io/papers/"),
            LiveEmbeds = true,
            PageSize = 5,
            FeedItems = 7,
            OutputDirectory = Path.Combine("base", "_site"),
            About = "One.\n\nTwo.",
            Language = "de",
        }, s.Site);
        Assert.Equal("you@example.org", s.Collect.Contact);
        Assert.Equal(Path.Combine("base", "cache"), s.Collect.CachePath);
        Assert.Equal(TimeSpan.FromMinutes(90), s.Collect.CacheMaxAge);
        Assert.Equal(new SourceSettings(true, new Uri("http://127.0.0.1:8080/arxiv")), s.Collect.Arxiv);
        Assert.Equal(new SourceSettings(false, new Uri("https://huggingface.co")), s.Collect.HuggingFace);
        Assert.Equal(new SourceSettings(true, new Uri("https://hn.example")), s.Collect.HackerNews);
        Assert.Equal(new SourceSettings(true, new Uri("https://pds.example"), new Uri("https://embed.example")), s.Collect.Bluesky);
        Assert.False(s.Collect.Twitter.Enabled);
        Assert.Equal(new SourceSettings(true, new Uri("https://mastodon.example")), s.Collect.Mastodon);
        // Each key of the table is in the full example, so none can be left untested.
        foreach (var key in SettingKeys.All) Assert.Contains(key.Key + ":", Full);
    }

    [Fact]
    public void Absolute_paths_stay_as_written()
    {
        var s = SettingsFile.Parse("hotpapers.yml", "records: /srv/records\n", "base");
        Assert.Equal("/srv/records", s.RecordsPath);
    }

    [Fact]
    public void The_old_names_of_the_mention_settings_still_work()
    {
        var s = SettingsFile.Parse("hotpapers.yml", "ranking:\n  minTweetScore: 3\n  maxTweets: 4\n", "");
        Assert.Equal((3, 4), (s.Ranking.MinMentionScore, s.Ranking.MaxMentions));
    }

    [Theory]
    [InlineData("ranking:\n  maxTweets: 3\n  maxMentions: 4\n", "line 3, column 3 (ranking.maxMentions)", "one of ranking.maxMentions and its old name ranking.maxTweets", "both (ranking.maxTweets too)")]
    [InlineData("ranking:\n  minMentionScore: 3\n  minTweetScore: 4\n", "line 3, column 3 (ranking.minTweetScore)", "one of ranking.minMentionScore and its old name ranking.minTweetScore", "both (ranking.minMentionScore too)")]
    [InlineData("ranking:\n  weights:\n    myspace: 1\n", "line 3, column 5 (ranking.weights.myspace)", "one of the keys twitter, bluesky, mastodon, hackernews, huggingface, reddit", "unknown key \"myspace\"")]
    [InlineData("ranking:\n  weights:\n    bluesky: -1\n", "line 3, column 14 (ranking.weights.bluesky)", "a number from 0 to 2147483647, whole or decimal (12, 12.5)", "an integer (-1)")]
    [InlineData("ranking:\n  weights:\n    bluesky: .inf\n", "line 3, column 14 (ranking.weights.bluesky)", "a number from 0 to 2147483647, whole or decimal (12, 12.5)", "a number (.inf)")]
    [InlineData("ranking:\n  weights:\n    reddit: \"2\"\n", "line 3, column 13 (ranking.weights.reddit)", "a number from 0 to 2147483647, whole or decimal (12, 12.5)", "the string \"2\"")]
    [InlineData("embeds: none\n", "line 1, column 9 (embeds)", "script or static", "the string \"none\"")]
    [InlineData("ranking:\n  weights: 2\n", "line 2, column 12 (ranking.weights)", "a mapping from network names to weights", "an integer (2)")]
    [InlineData("collect:\n  cacheMaxAge: 12 hours\n", "line 2, column 16 (collect.cacheMaxAge)", "a duration: a whole number followed by s, m, h or d (12h; 0s for none)", "the string \"12 hours\"")]
    // Found by a new user's trial: a key uncommented under its commented-out section.
    [InlineData("timezone: UTC\n# collect:\n#   contact: x\n  contact: me@example.org\n", "line 4, column 3", "well-formed YAML",
        "a line that is not the next key of its section (indented unlike the keys above it, or text after a closing quote?) (line 2, \"# collect:\", is commented out: remove its # too)")]
    // Found by a new user's trial: YamlDotNet's own words for the common slips of a hand edit.
    [InlineData("ranking:\n  minPaperScore: 5\n maxMentions: 3\n", "line 3, column 2", "well-formed YAML", "a line that is not the next key of its section (indented unlike the keys above it, or text after a closing quote?)")]
    [InlineData("ranking:\n  minPaperScore: 5\n   maxMentions: 3\n", "line 3, column 15", "well-formed YAML", "a ': ' inside a value (a line indented deeper than the key above it, or a value with ': ' in it, which wants quotes)")]
    [InlineData("post:\n  title: Papers: {date}\n", "line 2, column 16", "well-formed YAML", "a ': ' inside a value (a line indented deeper than the key above it, or a value with ': ' in it, which wants quotes)")]
    [InlineData("post:\n  title: \"Hot Papers\" {date}\n", "line 2, column 23", "well-formed YAML", "a line that is not the next key of its section (indented unlike the keys above it, or text after a closing quote?)")]
    [InlineData("ranking:\n\tminPaperScore: 5\n", "line 2, column 1", "well-formed YAML", "a tab in the indentation (YAML indents with spaces only)")]
    [InlineData("post:\n  title: \"Papers {date}\n  slug: x-{date}\n", "line 2, column 10", "well-formed YAML", "a quoted value not closed on its line (its closing quote missing?)")]
    // Found by a user's trial: YamlDotNet throws an InvalidOperationException here, not a YamlException.
    [InlineData("timezone: [\nflavor: hugo\n", "line 1, column 11", "well-formed YAML", "a [ or { that is not closed (its ] or } missing?)")]
    [InlineData("post:\n  tags: [arXiv, ml\nflavor: hugo\n", "line 2, column 10", "well-formed YAML", "a [ or { that is not closed (its ] or } missing?)")]
    [InlineData("timezone UTC\nflavor: hugo\n", "line 2, column 7", "well-formed YAML", "a key: value line after a line that is not one (its colon missing?)")]
    [InlineData("collect:\n  contact: \"J\u00f6rg <j@example.org>\"\n", "line 2, column 12 (collect.contact)", "a contact address in printable ASCII (an email or a URL: it goes into the User-Agent header), or null for none", "the string \"J\u00f6rg <j@example.org>\"")]
    [InlineData("collect:\n  contact: \" \"\n", "line 2, column 12 (collect.contact)", "a contact address in printable ASCII (an email or a URL: it goes into the User-Agent header), or null for none", "the string \" \"")]
    [InlineData("collect:\n  arxiv: { enabled: false }\n", "line 2, column 12 (collect.arxiv.enabled)", "one of the keys baseUrl", "unknown key \"enabled\"")]
    [InlineData("collect:\n  hackernews: { baseUrl: \"hn.algolia.com\" }\n", "line 2, column 26 (collect.hackernews.baseUrl)", "an absolute http or https URL without query or fragment", "the string \"hn.algolia.com\"")]
    [InlineData("collect:\n  huggingface: { enabled: yes }\n", "line 2, column 27 (collect.huggingface.enabled)", "true or false", "the string \"yes\"")]
    [InlineData("collect:\n  twitter: on\n", "line 2, column 12 (collect.twitter)", "a mapping of enabled, baseUrl, embedUrl", "the string \"on\"")]
    [InlineData("collect:\n  reddit: {}\n", "line 2, column 3 (collect.reddit)", "one of the keys contact, cache, cacheMaxAge, arxiv, huggingface, hackernews, bluesky, twitter, mastodon", "unknown key \"reddit\"")]
    // A typo'd key is answered with the nearest key, as a template's misspelt member is (the trial of a new user
    // found a settings typo answered with the whole list alone).
    [InlineData("ranking:\n  minPaperScor: 500\n", "line 2, column 3 (ranking.minPaperScor)", "one of the keys minPaperScore, minMentionScore, maxMentions, weights, requirePdf, repeatAfterDays", "unknown key \"minPaperScor\" (did you mean \"minPaperScore\"?)")]
    [InlineData("flavr: hugo\n", "line 1, column 1 (flavr)", "one of the keys flavor, timezone, records, output, fileName, templates, embeds, ranking, post, collect, site", "unknown key \"flavr\" (did you mean \"flavor\"?)")]
    [InlineData("ranking:\n  weights:\n    blusky: 1\n", "line 3, column 5 (ranking.weights.blusky)", "one of the keys twitter, bluesky, mastodon, hackernews, huggingface, reddit", "unknown key \"blusky\" (did you mean \"bluesky\"?)")]
    [InlineData("collect:\n  arxiv: { baseURL: x }\n", "line 2, column 12 (collect.arxiv.baseURL)", "one of the keys baseUrl", "unknown key \"baseURL\" (did you mean \"baseUrl\"?)")]
    // Found by a new user's trial: a slug without {date} gave every post the same one (Hugo kept one page of
    // them), and a misspelt placeholder was written out as it stood.
    [InlineData("post:\n  slug: papers\n", "line 2, column 9 (post.slug)", "a slug with {date} in it (else every post has the same one)", "the string \"papers\"")]
    [InlineData("post:\n  title: \"Papers {data}\"\n", "line 2, column 10 (post.title)", "a pattern whose only placeholder is {date}", "the string \"Papers {data}\", with {data} (did you mean {date}?)")]
    [InlineData("post:\n  description: \"{title} of {date}\"\n", "line 2, column 16 (post.description)", "a pattern whose only placeholder is {date}", "the string \"{title} of {date}\", with {title}")]
    [InlineData("fileName: \"{Date}/index.md\"\n", "line 1, column 11 (fileName)", "a pattern whose only placeholder is {date}", "the string \"{Date}/index.md\", with {Date} (did you mean {date}?)")]
    [InlineData("post:\n  title: \"Hot Papers {{ date }}\"\n", "line 2, column 10 (post.title)", "a pattern whose only placeholder is {date}", "the string \"Hot Papers {{ date }}\", with {{ date }} (did you mean {date}?)")]
    [InlineData("post:\n  slug: \"papers-{ date }\"\n", "line 2, column 9 (post.slug)", "a pattern whose only placeholder is {date}", "the string \"papers-{ date }\", with { date } (did you mean {date}?)")]
    [InlineData("post:\n  title: \"Hot Papers {date}}\"\n", "line 2, column 10 (post.title)", "a pattern whose only placeholder is {date}", "the string \"Hot Papers {date}}\", with }")]
    public void Mention_settings_problems_are_reported_where_they_are(string yaml, string location, string expected, string found)
    {
        var problem = Assert.Single(Assert.Throws<InputException>(() => SettingsFile.Parse("hotpapers.yml", yaml, "")).Problems);
        Assert.Equal((location, expected, found), (problem.Location, problem.Expected, problem.Found));
    }

    // Found by a new user's trial: with weights, scores are fractional (1499.5), and a threshold of 12.5 was refused.
    [Fact]
    public void Score_thresholds_are_numbers_like_the_scores()
    {
        var ranking = SettingsFile.Parse("hotpapers.yml", "ranking:\n  minPaperScore: 12.5\n  minTweetScore: 0.25\n", "").Ranking;
        Assert.Equal((12.5m, 0.25m), (ranking.MinPaperScore, ranking.MinMentionScore));
        var problem = Assert.Single(Assert.Throws<InputException>(() => SettingsFile.Parse("hotpapers.yml", "ranking:\n  minPaperScore: -0.5\n", "")).Problems);
        Assert.Equal(("line 2, column 18 (ranking.minPaperScore)", "a number from 0 to 2147483647, whole or decimal (12, 12.5)"), (problem.Location, problem.Expected));
    }

    [Theory]
    [InlineData("flavr: hugo\n", "line 1, column 1 (flavr)", "unknown key \"flavr\"")]
    [InlineData("ranking:\n  maxTweet: 3\n", "line 2, column 3 (ranking.maxTweet)", "unknown key \"maxTweet\"")]
    [InlineData("flavor: jekyll\n", "line 1, column 9 (flavor)", "the string \"jekyll\"")]
    [InlineData("timezone: Mars/Olympus\n", "line 1, column 11 (timezone)", "the string \"Mars/Olympus\"")]
    // Found by a user's trial: a misspelt zone was told the pattern alone.
    [InlineData("timezone: Europe/Pariss\n", "line 1, column 11 (timezone)", "the string \"Europe/Pariss\" (did you mean \"Europe/Paris\"?)")]
    [InlineData("ranking:\n  minPaperScore: \"50\"\n", "line 2, column 18 (ranking.minPaperScore)", "the string \"50\"")]
    [InlineData("ranking:\n  minPaperScore: -1\n", "line 2, column 18 (ranking.minPaperScore)", "an integer (-1)")]
    [InlineData("ranking:\n  requirePdf: yes\n", "line 2, column 15 (ranking.requirePdf)", "the string \"yes\"")]
    [InlineData("post:\n  title: 2021\n", "line 2, column 10 (post.title)", "an integer (2021)")]
    [InlineData("post:\n  tags: arXiv\n", "line 2, column 9 (post.tags)", "the string \"arXiv\"")]
    [InlineData("post:\n  tags: [a, 1]\n", "line 2, column 9 (post.tags)", "a list")]
    [InlineData("post: 3\n", "line 1, column 7 (post)", "an integer (3)")]
    [InlineData("fileName: post.md\n", "line 1, column 11 (fileName)", "the string \"post.md\"")]
    [InlineData("fileName: ../{date}.md\n", "line 1, column 11 (fileName)", "the string \"../{date}.md\"")]
    // Found by a new user's trial: no file name, which failed at the commit ("could not be replaced").
    [InlineData("fileName: \"{date}/\"\n", "line 1, column 11 (fileName)", "the string \"{date}/\"")]
    [InlineData("fileName: \"posts//{date}.md\"\n", "line 1, column 11 (fileName)", "the string \"posts//{date}.md\"")]
    // Found by an adversarial test: the next build deleted every post as a leftover of its own.
    [InlineData("fileName: \"{date}.tmp-hotpapers\"\n", "line 1, column 11 (fileName)", "the string \"{date}.tmp-hotpapers\"")]
    [InlineData("fileName: \"posts/{date}/.hotpapers-manifest.json\"\n", "line 1, column 11 (fileName)", "the string \"posts/{date}/.hotpapers-manifest.json\"")]
    [InlineData("records: \"\"\n", "line 1, column 10 (records)", "the string \"\"")]
    [InlineData("output:\n", "line 1, column 8 (output)", "null (no value)")]
    [InlineData("- flavor\n", "line 1, column 1", "a list")]
    [InlineData("flavor: [hugo\n", "line 2, column 1", "")]
    [InlineData("flavor: hugo\nflavor: gatsby\n", "line 2, column 1", "")]
    [InlineData("flavor: hugo\n---\nflavor: gatsby\n", "line 3, column 1", "2 documents")]
    // A tab as indentation, where the tab is (YamlDotNet says where the mapping or scalar it was in starts).
    [InlineData("flavor: hugo\nranking:\n\tmaxTweets: 3\n", "line 3, column 1", "tab")]
    [InlineData("flavor: hugo\n\tranking: 1\n", "line 2, column 1", "tab")]
    [InlineData("ranking:\n  maxTweets: 3\n \ttimezone: UTC\n", "line 3, column 2", "tab")]
    public void Wrong_keys_and_types_are_reported_where_they_are(string yaml, string location, string found)
    {
        var e = Assert.Throws<InputException>(() => SettingsFile.Parse("site/hotpapers.yml", yaml, "site"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("site/hotpapers.yml", problem.File);
        Assert.Equal(location, problem.Location);
        Assert.Contains(found, problem.Found, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Expected));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var e = Assert.Throws<InputException>(() =>
            SettingsFile.Parse("hotpapers.yml", "flavor: jekyll\nranking:\n  maxTweets: many\ncolour: red\n", ""));
        Assert.Equal(["line 1, column 9 (flavor)", "line 3, column 14 (ranking.maxTweets)", "line 4, column 1 (colour)"],
            e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void A_known_timezone_is_read_as_that_zone()
    {
        Assert.Equal(TimeSpan.FromHours(9), SettingsFile.Parse("f", "timezone: \"+09:00\"\n", "").TimeZone.BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(9), SettingsFile.Parse("f", "timezone: Asia/Tokyo\n", "").TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void The_command_line_wins_over_the_file_and_the_file_over_the_defaults()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "flavor: hugo\ntimezone: Asia/Tokyo\noutput: out\npost:\n  draft: true\n");
        var fromFile = SettingsOverrides.None.Resolve(temp.Path);
        Assert.Equal(Flavor.Hugo, fromFile.Flavor);
        Assert.Equal(Path.Combine(temp.Path, "out"), fromFile.OutputDirectory);
        Assert.Equal(Path.Combine(temp.Path, "content", "records"), fromFile.RecordsPath);
        Assert.True(fromFile.FrontMatter.Draft);

        TimeZones.TryParse("+02:00", out var zone);
        var overridden = new SettingsOverrides
        {
            Flavor = Flavor.Gatsby, TimeZone = zone, OutputDirectory = "elsewhere", RecordsPath = "recs", TemplatesDirectory = "t",
        }.Resolve(temp.Path);
        Assert.Equal(Flavor.Gatsby, overridden.Flavor);
        Assert.Equal(TimeSpan.FromHours(2), overridden.TimeZone.BaseUtcOffset);
        Assert.Equal("elsewhere", overridden.OutputDirectory);
        Assert.Equal("recs", overridden.RecordsPath);
        Assert.Equal("t", overridden.TemplatesDirectory);
        Assert.True(overridden.FrontMatter.Draft);
    }

    [Fact]
    public void A_named_settings_file_must_exist_and_an_absent_default_one_means_defaults()
    {
        using var temp = Fixture.TempDir();
        var e = Assert.Throws<InputException>(() => new SettingsOverrides { ConfigFile = temp["missing.yml"] }.Resolve(temp.Path));
        Assert.Equal("no such file", Assert.Single(e.Problems).Found);
        Assert.Equal(Path.Combine(temp.Path, "content", "posts"), SettingsOverrides.None.Resolve(temp.Path).OutputDirectory);
    }

    [Theory]
    [InlineData(2021, 5, 1, 0, 30, "+09:00", "2021-04-30")] // 09:30 in Tokyo on May 1
    [InlineData(2021, 5, 1, 0, 30, "-08:00", "2021-04-29")] // 16:30 on April 30 at -08:00
    [InlineData(2021, 5, 1, 0, 30, "UTC", "2021-04-30")]
    public void Yesterday_is_yesterday_in_the_zone(int y, int m, int d, int h, int min, string zoneText, string expected)
    {
        Assert.True(TimeZones.TryParse(zoneText, out var zone));
        var now = new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.Zero);
        Assert.Equal(expected, Rfc3339.FormatDate(BuildRequest.Yesterday(now, zone).Date));
    }
}
