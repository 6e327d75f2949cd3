using HotPapers.Cli;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>
/// An empty, wrong or partial records folder costs the site no page, as it costs a blog no post (build --all --prune):
/// the site that would remove digest pages an earlier one wrote stops, until --prune says they should go.
/// </summary>
public sealed class SiteRecordsGoneTests
{
    private const string Expected = "expected a records file for each digest page of the site in {0} (run again with --prune to remove the pages whose records are gone), found ";

    // Found by a new user's trial: `site --records empty` over a built site exited 0 with a warning, "0 digest(s), ...,
    // 24 old file(s) removed": every digest page gone, which the nightly Pages deploy would have published as a success.
    [Fact]
    public void An_empty_records_folder_over_a_site_is_refused_naming_the_folder_and_leaves_every_file_as_it_was()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        var site = temp["site"];
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("site", "--records", records, "--output", site).Code);
        Directory.CreateDirectory(temp["empty"]);
        var before = FolderSnapshot.Of(site);
        var times = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var (code, stdout, stderr) = InProcessCli.Run("site", "--records", temp["empty"], "--output", site);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {temp["empty"]}: {string.Format(Expected, site)}no records file at all, where the site has the pages of 2021-04-30 and 2021-05-03\n",
            stderr, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(site));
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));

        // Wanted: --prune says so.
        (code, stdout, _) = InProcessCli.Run("site", "--records", temp["empty"], "--output", site, "--prune");
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("site: 0 digest(s), ", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site, "2021")));
    }

    // Found by a new user's trial, as above: a records folder missing some days (a partial checkout, another blog's
    // folder) removed their pages. Build leaves a post whose records file is gone and names it; a site cannot leave a
    // page its listings no longer link to, so it stops, naming the days, and --prune removes them.
    [Fact]
    public void A_records_folder_without_some_days_of_the_site_is_refused_naming_them_until_pruned()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        var site = temp["public"];
        SiteHarness.Generate(records, site);
        var before = FolderSnapshot.Of(site);
        File.Delete(Path.Combine(records, "2021-05-03.json"));

        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, site));
        Assert.Equal($"{records}: {string.Format(Expected, site)}no 2021-05-03.json", Assert.Single(e.Problems).ToString());
        Assert.Equal(before, FolderSnapshot.Of(site));

        // One records file named with --records, not the folder: the other days' pages are not its to remove either.
        var day = Path.Combine(records, "2021-04-30.json");
        e = Assert.Throws<InputException>(() => SiteHarness.Generate(day, site));
        Assert.Equal($"{day}: {string.Format(Expected, site)}one records file, not a folder of them, where the site also has the pages of 2021-05-03",
            Assert.Single(e.Problems).ToString());
        Assert.Equal(before, FolderSnapshot.Of(site));

        var result = new SiteGenerator(SiteHarness.Settings(records, site), new SiteOptions(Prune: true)).Generate();
        Assert.Equal(1, result.Digests);
        Assert.False(File.Exists(Path.Combine(site, "2021", "05", "03", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "2021", "04", "30", "index.html")));
    }

    [Fact]
    public void Many_days_gone_are_counted_after_the_first_three()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30");
        var sample = File.ReadAllText(Path.Combine(records, "2021-04-30.json"));
        foreach (var key in new[] { "2021-05-01", "2021-05-02", "2021-05-03", "2021-05-04", "2021-05-05-2021-05-06" })
        {
            var (from, until) = key.Length == 10 ? (key, key) : (key[..10], key[11..]);
            File.WriteAllText(Path.Combine(records, key + ".json"),
                sample.Replace("\"date\": \"2021-04-30\"", $"\"date\": \"{from}\"" + (from == until ? "" : $", \"endDate\": \"{until}\""), StringComparison.Ordinal));
        }
        var site = temp["public"];
        SiteHarness.Generate(records, site);
        foreach (var key in new[] { "2021-05-01", "2021-05-02", "2021-05-03", "2021-05-04", "2021-05-05-2021-05-06" }) File.Delete(Path.Combine(records, key + ".json"));

        var e = Assert.Throws<InputException>(() => SiteHarness.Generate(records, site));
        Assert.EndsWith("found none of 2021-05-01.json, 2021-05-02.json, 2021-05-03.json and 2 more", Assert.Single(e.Problems).ToString(), StringComparison.Ordinal);
    }

    // What is not a digest page goes as before: the feeds and sitemap of a site that has no base URL now, and a digest page
    // already deleted by hand (nothing of it is left to lose).
    [Fact]
    public void Files_that_are_no_digest_page_still_there_go_without_prune()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        var site = temp["public"];
        SiteHarness.Generate(records, site);
        File.Delete(Path.Combine(records, "2021-05-03.json"));
        File.Delete(Path.Combine(site, "2021", "05", "03", "index.html"));

        var result = SiteHarness.Generate(records, site, s => s with { BaseUrl = null });
        Assert.True(result.Removed > 0);
        Assert.False(File.Exists(Path.Combine(site, "feed.atom")));
        Assert.False(File.Exists(Path.Combine(site, "2021", "05", "index.html")));
    }
}
