using System.Net;
using System.Net.Sockets;
using System.Text;
using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary><c>serve</c>: the preview's server over loopback, and its rebuilds as the records, settings and templates change.</summary>
public sealed class PreviewTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_server_sends_files_with_their_types_a_folders_index_and_the_sites_404_page()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["site/2021/04/30"]);
        File.WriteAllText(temp["site/index.html"], "<p>home</p>");
        File.WriteAllText(temp["site/2021/04/30/index.html"], "<p>day</p>");
        File.WriteAllText(temp["site/style.css"], "p{}");
        File.WriteAllText(temp["site/feed.json"], "{}");
        File.WriteAllText(temp["site/sitemap.xml"], "<urlset/>");
        File.WriteAllText(temp["site/404.html"], "<p>no such page</p>");
        using var server = new StaticFileServer(temp["site"], 0);
        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        await AssertServed(http, "", "text/html; charset=utf-8", "<p>home</p>");
        await AssertServed(http, "2021/04/30/", "text/html; charset=utf-8", "<p>day</p>");
        await AssertServed(http, "2021/04/30/index.html", "text/html; charset=utf-8", "<p>day</p>");
        await AssertServed(http, "style.css", "text/css; charset=utf-8", "p{}");
        await AssertServed(http, "feed.json", "application/json; charset=utf-8", "{}");
        await AssertServed(http, "sitemap.xml", "application/xml; charset=utf-8", "<urlset/>");

        // A folder without its slash is redirected, so that its page's relative links resolve.
        using var folder = await http.GetAsync("2021/04/30");
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/2021/04/30/", folder.Headers.Location?.OriginalString);

        // A preview is always the latest build: nothing is kept from the one before.
        using (var page = await http.GetAsync("")) Assert.True(page.Headers.CacheControl?.NoStore, "Cache-Control: no-store");

        using var missing = await http.GetAsync("2021/05/01/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("<p>no such page</p>", await missing.Content.ReadAsStringAsync());

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "style.css"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(3, head.Content.Headers.ContentLength);
        using var post = await http.PostAsync("", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Theory]
    [InlineData("/2021/04/30?x=1", "/2021/04/30/?x=1")]
    [InlineData("/2021/04/30?x=1&y=%2F#top", "/2021/04/30/?x=1&y=%2F")]
    [InlineData("/2021/04/30?", "/2021/04/30/?")]
    [InlineData("/2021/04/30#top", "/2021/04/30/")]
    [InlineData("http://127.0.0.1/2021?x=1", "/2021/?x=1")]
    // Not //2021/, which a browser reads as another host's address.
    [InlineData("//2021", "/2021/")]
    [InlineData("///2021//04?x=1", "/2021/04/?x=1")]
    public void A_folder_without_its_slash_is_redirected_with_its_query(string target, string location)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["site/2021/04/30"]);
        File.WriteAllText(temp["site/2021/04/30/index.html"], "<p>day</p>");
        using var server = new StaticFileServer(temp["site"], 0);

        var response = server.Respond(new StaticFileServer.RequestHead("GET", target));
        Assert.Equal(301, response.Status);
        Assert.Equal(location, response.Location);
    }

    [Fact]
    public void A_port_in_use_is_reported_as_such_for_serve_to_say_so()
    {
        using var temp = Fixture.TempDir();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var e = Assert.Throws<SocketException>(() => new StaticFileServer(temp.Path, ((IPEndPoint)taken.LocalEndpoint).Port));
            Assert.Equal(SocketError.AddressAlreadyInUse, e.SocketErrorCode);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E%2Fsecret.txt")]
    [InlineData("/2021/../../secret.txt")]
    [InlineData("/..%5Csecret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/%00/../secret.txt")]
    [InlineData("http://127.0.0.1/../secret.txt")]
    [InlineData("secret.txt")]
    [InlineData("/.hotpapers-site")]
    public void No_request_reaches_a_file_outside_the_site_or_a_hidden_one(string target)
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["secret.txt"], "SECRET");
        Directory.CreateDirectory(temp["site/2021"]);
        File.WriteAllText(temp["site/index.html"], "home");
        File.WriteAllText(temp["site/.hotpapers-site"], "SECRET");
        using var server = new StaticFileServer(temp["site"], 0);

        var response = Raw(server.Address, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        Assert.DoesNotContain("SECRET", response, StringComparison.Ordinal);
        Assert.Matches(@"^HTTP/1\.1 (400|404) ", response);
    }

    // Each name at the address a browser would connect to for it: localhost at its first address, 127.0.0.1 or ::1.
    [Theory]
    [InlineData("127.0.0.1", "200 OK")]
    [InlineData("localhost", "200 OK")]
    [InlineData("attacker.example", "404 ")]
    public void The_site_answers_to_its_address_and_to_localhost_but_to_no_other_host(string host, string status)
    {
        using var temp = Site();
        using var server = new StaticFileServer(temp["site"], 0);

        var at = host == "localhost" ? Dns.GetHostAddresses("localhost")[0] : IPAddress.Loopback;
        AssertServed(Raw(at, server.Address.Port, $"GET / HTTP/1.1\r\nHost: {host}:{server.Address.Port}\r\nConnection: close\r\n\r\n"), status);
    }

    // Where the second name cannot be listened on (no IPv6 where localhost is ::1 first; here, a name that does not
    // resolve), the preview still starts, at its address, on the port it was given.
    [Fact]
    public void A_second_name_that_cannot_be_listened_on_leaves_the_site_at_its_address()
    {
        using var temp = Site();
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        using var server = new StaticFileServer(temp["site"], port, "no-such-host.invalid");

        Assert.Equal(port, server.Address.Port);
        AssertServed(Raw(IPAddress.Loopback, port, $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"), "200 OK");
    }

    private static TempDir Site()
    {
        var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["site"]);
        File.WriteAllText(temp["site/index.html"], "home");
        return temp;
    }

    private static void AssertServed(string response, string status)
    {
        Assert.StartsWith("HTTP/1.1 " + status, response, StringComparison.Ordinal);
        Assert.Equal(status == "200 OK", response.EndsWith("\r\n\r\nhome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_rebuilds_when_records_settings_or_templates_change_and_keeps_the_last_good_site_when_a_rebuild_fails()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        var day = temp["records/2021-04-30.json"];
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), day);
        File.WriteAllText(temp["hotpapers.yml"], "records: records\nsite:\n  title: \"First title\"\n");
        Directory.CreateDirectory(temp["templates"]);
        var overrides = new SettingsOverrides { ConfigFile = temp["hotpapers.yml"], TemplatesDirectory = temp["templates"] };

        using var preview = SitePreview.Start(overrides, SiteOptions.None, 0, TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, preview.First.Result!.Digests);
        Assert.Contains(temp["records"], preview.Watched);
        using var http = new HttpClient { BaseAddress = preview.Address };
        var page = await http.GetStringAsync("2021/04/30/");
        Assert.Contains("What Are Bayesian Neural Network Posteriors Really Like?", page, StringComparison.Ordinal);
        Assert.Contains("First title", page, StringComparison.Ordinal);
        // The preview's own address is the base URL unless one is given: the feeds are there.
        Assert.Contains(preview.Address.ToString(), await http.GetStringAsync("feed.atom"), StringComparison.Ordinal);

        // A records file changed: the page shows it.
        var rebuilt = await After(preview, () => File.WriteAllText(day, File.ReadAllText(day).Replace("Posteriors Really Like?", "Posteriors Really, Truly Like?")));
        Assert.Null(rebuilt.Error);
        Assert.Contains("Posteriors Really, Truly Like?", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // A new day's records: a new page.
        rebuilt = await After(preview, () => File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json"), temp["records/2021-05-03.json"]));
        Assert.Equal(2, rebuilt.Result!.Digests);
        using (var newDay = await http.GetAsync("2021/05/03/")) Assert.Equal(HttpStatusCode.OK, newDay.StatusCode);

        // The settings changed.
        rebuilt = await After(preview, () => File.WriteAllText(temp["hotpapers.yml"], "records: records\nsite:\n  title: \"Second title\"\n"));
        Assert.Null(rebuilt.Error);
        Assert.Contains("Second title", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // A broken records file: the failure is reported, with its place, and the last good site is still served.
        rebuilt = await After(preview, () => File.WriteAllText(day, "{ \"format\": \"hotpapers-records/1\", \"date\": "));
        var input = Assert.IsType<InputException>(rebuilt.Error);
        Assert.Contains(input.Problems, p => p.File == day);
        Assert.Contains("Posteriors Really, Truly Like?", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // A template that overrides a built-in one, and is broken: reported, the site kept.
        rebuilt = await After(preview, () => File.WriteAllText(temp["templates/about.html.sbn"], "{{ if }}"));
        Assert.NotNull(rebuilt.Error);
        Assert.Contains("Second title", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // One that fails on a page names the page by its address, not by the preview's temporary folder (users' trials).
        // The records mended, the broken template is what fails.
        rebuilt = await After(preview, () => File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), day, overwrite: true));
        Assert.Null(Assert.IsType<TemplateException>(rebuilt.Error).Rendering);
        rebuilt = await After(preview, () => File.WriteAllText(temp["templates/about.html.sbn"], "{{ site.no_such_value }}"));
        var failed = Assert.IsType<TemplateException>(rebuilt.Error);
        Assert.Equal(new Uri(preview.Address, "about/index.html").AbsoluteUri, failed.Rendering);
        Assert.DoesNotContain(preview.Folder, failed.Message, StringComparison.Ordinal);
    }

    // A templates folder named in hotpapers.yml only once serve runs (there already, or made only then):
    // each rebuild watches what the settings it read name, as the disk is then, and says what it watches anew.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Serve_watches_what_the_settings_name_after_each_rebuild(bool folderFirst)
    {
        using var temp = Fixture.TempDir();
        if (folderFirst) Directory.CreateDirectory(temp["templates"]);
        Directory.CreateDirectory(temp["records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["records/2021-04-30.json"]);
        File.WriteAllText(temp["hotpapers.yml"], "records: records\n");
        var overrides = new SettingsOverrides { ConfigFile = temp["hotpapers.yml"] };

        using var preview = SitePreview.Start(overrides, SiteOptions.None, 0, TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain(temp["templates"], preview.Watched);
        using var http = new HttpClient { BaseAddress = preview.Address };

        // Named: watched (when it is not made yet, the build fails for want of it, and it is watched for in its folder).
        var rebuilt = await After(preview, () => File.WriteAllText(temp["hotpapers.yml"], "records: records\ntemplates: templates\n"));
        if (folderFirst) Assert.Null(rebuilt.Error);
        else Assert.IsType<InputException>(rebuilt.Error);
        Assert.Equal([temp["templates"]], rebuilt.NewlyWatched);
        Assert.Contains(temp["templates"], preview.Watched);

        if (!folderFirst)
        {
            // Made: watched with what it holds (and said no second time).
            rebuilt = await After(preview, () => Directory.CreateDirectory(temp["templates"]));
            Assert.Null(rebuilt.Error);
            Assert.Empty(rebuilt.NewlyWatched);
            Assert.Contains(temp["templates"], preview.Watched);
        }

        // A template in it, then edited: each one a rebuild that shows it.
        rebuilt = await After(preview, () => File.WriteAllText(temp["templates/foot.html.sbn"], "<p>First foot</p></body></html>\n"));
        Assert.Null(rebuilt.Error);
        Assert.Contains("First foot", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);
        rebuilt = await After(preview, () => File.WriteAllText(temp["templates/foot.html.sbn"], "<p>Second foot</p></body></html>\n"));
        Assert.Null(rebuilt.Error);
        Assert.Contains("Second foot", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // Named no more: no longer watched.
        rebuilt = await After(preview, () => File.WriteAllText(temp["hotpapers.yml"], "records: records\n"));
        Assert.Empty(rebuilt.NewlyWatched);
        Assert.DoesNotContain(temp["templates"], preview.Watched);
        Assert.DoesNotContain("Second foot", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);
    }

    // rm -rf records && cp -r backup records: the records folder there now is another folder, and the
    // system's watch on the one before went with it; its changes rebuild as the old one's did.
    [Fact]
    public async Task Serve_keeps_watching_a_records_folder_deleted_and_made_again()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30");
        var day = Path.Combine(records, "2021-04-30.json");
        using var preview = SitePreview.Start(new SettingsOverrides { RecordsPath = records }, SiteOptions.None, 0, TimeSpan.FromMilliseconds(100));
        using var http = new HttpClient { BaseAddress = preview.Address };

        var rebuilt = await After(preview, () =>
        {
            Directory.Delete(records, recursive: true);
            SiteHarness.SampleRecords(temp, "2021-04-30");
        });
        Assert.Null(rebuilt.Error);
        Assert.Contains(records, preview.Watched);
        Assert.Empty(rebuilt.NewlyWatched);

        // A file in the new folder changed: a rebuild that shows it.
        rebuilt = await After(preview, () => File.WriteAllText(day, File.ReadAllText(day).Replace("Posteriors Really Like?", "Posteriors Really, Truly Like?")));
        Assert.Null(rebuilt.Error);
        Assert.Contains("Posteriors Really, Truly Like?", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);

        // A broken file put in it: reported.
        var broken = Path.Combine(records, "2021-05-01.json");
        rebuilt = await After(preview, () => File.WriteAllText(broken, "not json"));
        Assert.Contains(Assert.IsType<InputException>(rebuilt.Error).Problems, p => p.File == broken);
    }

    // Found by a new user's trial: site removed every digest page for an empty records folder, and now stops instead
    // unless --prune. The preview's own folder holds nothing to keep, so there a records file removed while serve runs
    // still takes its page with it; a folder given with --output is guarded as site guards it.
    [Fact]
    public async Task Serve_removes_the_page_of_a_records_file_removed_from_its_own_folder_and_keeps_a_given_folders_pages_until_pruned()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        var day = Path.Combine(records, "2021-05-03.json");
        var overrides = new SettingsOverrides { RecordsPath = records };
        using (var preview = SitePreview.Start(overrides, SiteOptions.None, 0, TimeSpan.FromMilliseconds(100)))
        {
            using var http = new HttpClient { BaseAddress = preview.Address };
            var rebuilt = await After(preview, () => File.Delete(day));
            Assert.Null(rebuilt.Error);
            Assert.Equal(1, rebuilt.Result!.Digests);
            using var gone = await http.GetAsync("2021/05/03/");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // A folder given to it is guarded as site guards it: the rebuild fails, and the page is still served.
        SiteHarness.SampleRecords(temp, "2021-05-03");
        using (var preview = SitePreview.Start(overrides, new SiteOptions(temp["out"]), 0, TimeSpan.FromMilliseconds(100)))
        {
            using var http = new HttpClient { BaseAddress = preview.Address };
            var rebuilt = await After(preview, () => File.Delete(day));
            Assert.EndsWith("found no 2021-05-03.json", Assert.Single(Assert.IsType<InputException>(rebuilt.Error).Problems).ToString(), StringComparison.Ordinal);
            using var kept = await http.GetAsync("2021/05/03/");
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }
        using (var preview = SitePreview.Start(overrides, new SiteOptions(temp["out"], Prune: true), 0))
            Assert.False(File.Exists(Path.Combine(temp["out"], "2021", "05", "03", "index.html")));
    }

    [Fact]
    public void A_first_build_that_fails_is_thrown_and_leaves_nothing_running()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        File.WriteAllText(temp["records/2021-04-30.json"], "not json");
        var e = Assert.Throws<InputException>(() => SitePreview.Start(new SettingsOverrides { RecordsPath = temp["records"] }, new SiteOptions(temp["out"]), 0));
        Assert.Contains(e.Problems, p => p.File == temp["records/2021-04-30.json"]);
    }

    [Fact]
    public void Serving_from_a_folder_with_files_hotpapers_did_not_write_replaces_them_only_with_force()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30");
        Directory.CreateDirectory(temp["out"]);
        File.WriteAllText(temp["out/index.html"], "<p>my blog</p>\n");
        var overrides = new SettingsOverrides { RecordsPath = records };
        var e = Assert.Throws<InputException>(() => SitePreview.Start(overrides, new SiteOptions(temp["out"]), 0));
        Assert.Equal(temp["out/index.html"], Assert.Single(e.Problems).File);
        Assert.Equal("<p>my blog</p>\n", File.ReadAllText(temp["out/index.html"]));
        using (SitePreview.Start(overrides, new SiteOptions(temp["out"], Force: true), 0))
            Assert.Contains("2021-04-30", File.ReadAllText(temp["out/index.html"]), StringComparison.Ordinal);
    }

    private static async Task<PreviewBuild> After(SitePreview preview, Action change)
    {
        var done = new TaskCompletionSource<PreviewBuild>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRebuilt(PreviewBuild build) => done.TrySetResult(build);
        preview.Rebuilt += OnRebuilt;
        try
        {
            change();
            return await done.Task.WaitAsync(Bounded);
        }
        finally
        {
            preview.Rebuilt -= OnRebuilt;
        }
    }

    private static async Task AssertServed(HttpClient http, string path, string type, string body)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    // A request as written: HttpClient would resolve the dot segments before sending.
    private static string Raw(Uri address, string request) => Raw(IPAddress.Loopback, address.Port, request);

    private static string Raw(IPAddress at, int port, string request)
    {
        using var client = new TcpClient(at.AddressFamily);
        client.Connect(at, port);
        using var stream = client.GetStream();
        stream.Write(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}

/// <summary><c>hotpapers serve</c> as a user runs it: the address printed, the site there, what it watches said, Ctrl+C (SIGINT) ends it cleanly.</summary>
[Trait(Speed.Key, Speed.Slow)]
[Trait("Category", "EndToEnd")]
public sealed class ServeCommandTests
{
    private static readonly string Records = Path.Combine(Fixture.RepoRoot(), "content", "records");

    // docs/site.md says SIGTERM stops it as Ctrl+C does (a background job's SIGINT is ignored).
    [SkippableTheory]
    [InlineData(2)] // SIGINT
    [InlineData(15)] // SIGTERM
    public async Task Serve_prints_its_address_serves_the_site_and_stops_on_sigint_or_sigterm_removing_its_folder(int signal)
    {
        using var temp = Fixture.TempDir();
        using var serve = ServeProcess.Start(temp.Path, "--records", Records);
        // "Serving FOLDER at http://127.0.0.1:PORT/"
        var line = await serve.ReadLineWith("Serving ");
        var at = line.LastIndexOf(" at ", StringComparison.Ordinal);
        var folder = line[8..at];
        var address = new Uri(line[(at + 4)..]);
        Assert.Equal("127.0.0.1", address.Host);
        using var http = new HttpClient { BaseAddress = address };
        Assert.Contains("What Are Bayesian Neural Network Posteriors Really Like?", await http.GetStringAsync("2021/04/30/"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));

        var (rest, code) = await serve.Interrupt(signal);
        Assert.Contains("Stopped.", rest, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
        Assert.DoesNotContain("keeps the preview's pages", rest, StringComparison.Ordinal);
        Assert.Equal(0, code);
    }

    // A folder of the user's own outlives serve with pages that link to 127.0.0.1: serve says so as it stops,
    // unless the pages name the site's own address.
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Serve_into_a_folder_of_ones_own_says_as_it_stops_when_its_pages_link_to_the_preview(bool baseUrl)
    {
        using var temp = Fixture.TempDir();
        string[] args = ["--records", Records, "--output", "public", .. baseUrl ? ["--base-url", "https://example.org/"] : Array.Empty<string>()];
        using var serve = ServeProcess.Start(temp.Path, args);
        var line = await serve.ReadLineWith("Serving ");
        var address = line[(line.LastIndexOf(" at ", StringComparison.Ordinal) + 4)..];

        var (rest, code) = await serve.Interrupt();
        Assert.Equal(0, code);
        Assert.True(File.Exists(temp["public/2021/04/30/index.html"]));
        var said = $"{temp["public"]} keeps the preview's pages, whose canonical links, sitemap and feeds name {address}: run hotpapers site --output {temp["public"]} before publishing them.\n";
        if (baseUrl) Assert.DoesNotContain("keeps the preview's pages", rest, StringComparison.Ordinal);
        else Assert.EndsWith("Stopped.\n" + said, rest, StringComparison.Ordinal);
    }

    // A templates folder named in hotpapers.yml while serve runs: the rebuild's report is followed by the
    // line that says what is watched from then on, as the one printed at the start.
    [SkippableFact]
    public async Task Serve_says_what_it_watches_anew_after_a_rebuild()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["hotpapers.yml"], $"records: {Records}\n");
        using var serve = ServeProcess.Start(temp.Path);
        Assert.DoesNotContain(temp["templates"], await serve.ReadLineWith("Watching "), StringComparison.Ordinal);

        File.WriteAllText(temp["hotpapers.yml"], $"records: {Records}\ntemplates: templates\n");
        await serve.ReadLineWith(" build 2: ");

        var (rest, code) = await serve.Interrupt();
        Assert.StartsWith($"Watching {temp["templates"]}; Ctrl+C stops.\n", rest, StringComparison.Ordinal);
        Assert.Equal(0, code);
    }

    // Found by review: site warned about files an earlier init wrote, serve did not.
    [SkippableFact]
    public async Task Serve_warns_as_site_does_about_files_an_earlier_init_wrote()
    {
        using var temp = Fixture.TempDir();
        Assert.Equal(0, InProcessCli.Run("init", "--flavor", "site", temp.Path).Code);
        File.Copy(Fixture.Path("scaffold", "earlier", "hotpapers-settings.schema.json"), temp["hotpapers-settings.schema.json"], overwrite: true);
        using var serve = ServeProcess.Start(temp.Path, "--records", Records);
        await serve.ReadLineWith("Serving ");

        var (_, code) = await serve.Interrupt();
        Assert.Equal(0, code);
        Assert.Contains("warning: hotpapers-settings.schema.json: an earlier hotpapers init wrote it, and this version writes it otherwise; "
            + "run hotpapers init --update to bring it up to date\n", (await serve.Stderr).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary><c>hotpapers serve --port 0</c> as its own process in a folder, its output read line by line.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
        private readonly System.Diagnostics.Process _process;
        private readonly Task<string> _stderr;

        private ServeProcess(System.Diagnostics.Process process)
        {
            _process = process;
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public static ServeProcess Start(string folder, params string[] args)
        {
            Skip.If(OperatingSystem.IsWindows(), "Ctrl+C is sent as SIGINT, a POSIX signal");
            return new ServeProcess(Processes.StartHotpapers(folder, ["serve", "--port", "0", .. args]));
        }

        /// <summary>All serve wrote to standard error, once it has ended.</summary>
        public Task<string> Stderr => _stderr;

        /// <summary>The next line of standard output that holds <paramref name="text"/>; fails when serve ends first.</summary>
        public async Task<string> ReadLineWith(string text)
        {
            string? line;
            do line = await _process.StandardOutput.ReadLineAsync().WaitAsync(Bounded);
            while (line is not null && !line.Contains(text, StringComparison.Ordinal));
            if (line is null) Assert.Fail($"serve printed no line with \"{text}\": {await _stderr}");
            return line!;
        }

        /// <summary>Ctrl+C: what serve prints after the lines read, and its exit code.</summary>
        /// <param name="signal">2, SIGINT (Ctrl+C), or 15, SIGTERM.</param>
        public async Task<(string Output, int Code)> Interrupt(int signal = 2)
        {
            Assert.Equal(0, Processes.Signal(_process.Id, signal));
            var rest = await _process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (rest, _process.ExitCode);
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }
}
