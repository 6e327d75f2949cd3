using HotPapers.Building;
using HotPapers.Cli;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Tests.Rendering;

/// <summary>User templates: override by file name, includes, and errors that say where.</summary>
public sealed class TemplateTests
{
    private static readonly DateOnly Day = new(2021, 4, 30);

    private static string Records => Path.Combine(Fixture.RepoRoot(), "content", "records");

    /// <summary>Builds the sample day into <paramref name="output"/> with <paramref name="template"/> as the post template in temp/t.</summary>
    private static (int Code, string Stdout, string Stderr) BuildWith(TempDir temp, string template, string output = "posts")
    {
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], template);
        return InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp[output], "--templates", temp["t"], "--no-cache");
    }

    private static BuildSettings Settings(TempDir temp, string templates) => BuildSettings.Default with
    {
        RecordsPath = Records,
        OutputDirectory = temp["posts"],
        TemplatesDirectory = templates,
    };

    // Found by a new user's trial: a misspelt member (post.dat) was told the nearest member, a misspelt name
    // ({{ pubdate }}) nothing of what there is.
    [Theory]
    [InlineData("{{ pots.title }}\n", "(1,4)", "The variable or function `pots` was not found (did you mean `post`?); the template's variables are digest, papers, post, settings\n")]
    [InlineData("{{ pubdate }}\n", "(1,4)", "The variable or function `pubdate` was not found; the template's variables are digest, papers, post, settings\n")]
    [InlineData("{{ ymal post.title }}\n", "(1,4)", "The variable or function `ymal` was not found (did you mean `yaml`?); the template's variables are digest, papers, post, settings\n")]
    public void A_misspelt_name_is_told_the_nearest_one_and_the_variables_there_are(string template, string at, string message)
    {
        using var temp = Fixture.TempDir();

        var (code, _, stderr) = BuildWith(temp, template);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: template {temp["t/post.md.sbn"]}{at}, rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: {message}", stderr, StringComparison.Ordinal);
    }

    // Found by a new user's trial: "{{ while true }}{{ end }}" hung the build (and would a nightly job, to its hard kill),
    // deaf to Ctrl+C and to timeout's SIGTERM. A render has a loop limit, well above what any page's loops take.
    [Theory]
    [InlineData("{{ while true }}{{ end }}\n", "(1,4)", "Exceeding number of iteration limit `10000000` for loop statement.")]
    [InlineData("{{ for x in 1..100000000 }}{{ end }}\n", "(1,14)", "Range expression exceeds LoopLimit `10000000`.")]
    [Trait(Speed.Key, Speed.Slow)]
    public void A_loop_that_does_not_end_fails_the_build_and_writes_nothing(string template, string at, string message)
    {
        using var temp = Fixture.TempDir();

        var (code, _, stderr) = BuildWith(temp, template);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: template {temp["t/post.md.sbn"]}{at}, rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: {message}\n", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["posts"]) && Directory.EnumerateFiles(temp["posts"], "*.md").Any());
    }

    // The README's "includes and functions may nest 64 deep": a template that includes itself, or a function that calls
    // itself too deep, fails; sixty levels render.
    [Theory]
    [InlineData("{{ include 'post.md.sbn' }}\n", "(1,4)", "Exceeding number of recursive depth limit `64` for node: `include 'post.md.sbn'`")]
    [InlineData("{{ func f(n); if n > 0; f(n - 1); end; ret n; end }}{{ f 70 }}\n", "(1,25)", "Exceeding number of recursive depth limit `64` for node: `f(n - 1)`")]
    [InlineData("{{ func f(n); if n > 0; f(n - 1); end; ret n; end }}{{ f 60 }}\n", null, null)]
    public void Includes_and_functions_nest_at_most_64_deep(string template, string? at, string? message)
    {
        using var temp = Fixture.TempDir();

        var (code, _, stderr) = BuildWith(temp, template);

        if (message is null)
        {
            Assert.True(code == 0, stderr);
            Assert.EndsWith("5960\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]), StringComparison.Ordinal);
            return;
        }
        Assert.Equal(1, code);
        Assert.StartsWith($"error: template {temp["t/post.md.sbn"]}{at}, rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: {message}\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(Speed.Key, Speed.Slow)]
    public void Loops_of_a_long_archive_are_well_within_the_limit()
    {
        using var temp = Fixture.TempDir();

        // Twenty years of days, each with twenty papers of three categories: the site's largest listings loop less.
        var (code, _, stderr) = BuildWith(temp, "{{ n = 0 }}{{ for d in 1..7300 }}{{ for p in 1..20 }}{{ for c in 1..3 }}{{ n = n + 1 }}{{ end }}{{ end }}{{ end }}{{ n }}\n");

        Assert.True(code == 0, stderr);
        Assert.Equal("438000\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    // Found by an adversarial test: an editor's lock file (Emacs's ".#post.md.sbn" is a symbolic link to
    // nothing) failed builds. Such files, and links to nothing, are passed over with a notice each.
    [Fact]
    public void Editor_files_and_links_to_nothing_in_the_templates_folder_are_ignored_with_a_notice()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "{{ digest.date }}\n");
        File.CreateSymbolicLink(temp["t/.#post.md.sbn"], "ann@host.4242:1700000000");
        File.WriteAllText(temp["t/post.md.sbn~"], "{{ broken");
        File.WriteAllText(temp["t/.post.md.sbn.swp"], "\0\0");
        File.WriteAllText(temp["t/#post.md.sbn#"], "{{ broken");
        File.CreateSymbolicLink(temp["t/post.hugo.md.sbn"], temp["gone/post.hugo.md.sbn"]);
        File.CreateSymbolicLink(temp["t/partial.sbn"], temp["gone/partial.sbn"]);

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.True(code == 0, stderr);
        Assert.Equal("2021-04-30\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
        Assert.Equal(
            [
                $"warning: {temp["t/#post.md.sbn#"]}: ignored: an editor's backup file, not a template",
                $"warning: {temp["t/.#post.md.sbn"]}: ignored: an editor's lock file, not a template",
                $"warning: {temp["t/.post.md.sbn.swp"]}: ignored: an editor's swap file, not a template",
                $"warning: {temp["t/partial.sbn"]}: ignored: a symbolic link to nothing ({temp["gone/partial.sbn"]})",
                $"warning: {temp["t/post.hugo.md.sbn"]}: ignored: a symbolic link to nothing ({temp["gone/post.hugo.md.sbn"]}); the built-in template of that name is used",
                $"warning: {temp["t/post.md.sbn~"]}: ignored: an editor's backup file, not a template",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Found by a new user's trial: styles.css and days.html.sbn were ignored without a word, and the built-in
    // stylesheet and day page used. A name near none of the built-in ones may be the user's own include. Found by
    // a later trial: a warning alone let a nightly job change the whole site's look, so the site refuses a
    // misnamed template of its own; a post build, which renders none of them, only names them.
    [Fact]
    public void A_template_named_near_a_built_in_one_the_folder_lacks_stops_the_site_and_is_named_to_a_post_build()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        foreach (var name in new[] { "styles.css", "days.html.sbn", "head.html", "my-footer.sbn", "about.sbn" })
            File.WriteAllText(temp["t/" + name], "/* mine */\n");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", temp["public"], "--templates", temp["t"], "--base-url", "https://example.org/");

        Assert.Equal(1, code);
        Assert.Equal(
            [
                .. new[] { ("about.sbn", "about.html.sbn"), ("days.html.sbn", "day.html.sbn"), ("head.html", "head.html.sbn"), ("styles.css", "style.css") }.Select(m =>
                    $"error: {temp["t/" + m.Item1]}: expected a template named as the built-in one it replaces ({m.Item2}?), found a name no built-in "
                    + $"template has, so the built-in {m.Item2} would be used: rename it {m.Item2}, or move it out of the templates folder for the built-in one"),
                "Nothing was written.",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(temp["public"]));

        (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            [
                $"warning: {temp["t/about.sbn"]}: overrides no built-in template (did you mean about.html.sbn?); the built-in about.html.sbn is used",
                $"warning: {temp["t/days.html.sbn"]}: overrides no built-in template (did you mean day.html.sbn?); the built-in day.html.sbn is used",
                $"warning: {temp["t/head.html"]}: overrides no built-in template (did you mean head.html.sbn?); the built-in head.html.sbn is used",
                $"warning: {temp["t/styles.css"]}: overrides no built-in template (did you mean style.css?); the built-in style.css is used",
                $"warning: {temp["t"]}: has no post.md.sbn, so the built-in gatsby template is used (a templates folder overrides the built-in templates by file name: post.md.sbn for gatsby, post.hugo.md.sbn for hugo)",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Found by a new user's trial: the hotpapers.yml init writes had "# templates: templates" among its commented-out
    // defaults, and a page template put in templates/ was not read, without a word. No folder is read unless set; a
    // templates/ beside the settings holding a template the command renders is named in a warning.
    [Fact]
    public void A_templates_folder_beside_the_settings_that_no_setting_names_is_said_to_be_unread()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["blog/templates"]);
        File.WriteAllText(temp["blog/templates/post.md.sbn"], "{{ digest.date_text }}\n");
        File.WriteAllText(temp["blog/templates/about.html.sbn"], "<h1>mine</h1>\n");
        Directory.CreateDirectory(temp["blog/templates/static"]);
        File.WriteAllText(temp["blog/templates/static/CNAME"], "papers.example.org\n");
        var config = temp["blog/hotpapers.yml"];
        File.WriteAllText(config, "timezone: UTC\n");
        var folder = Path.Combine(temp["blog"], "templates");

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--config", config);
        Assert.True(code == 0, stderr);
        Assert.Equal($"warning: {folder}{Path.DirectorySeparatorChar}: not read, since no templates folder is set, so its post.md.sbn changes nothing: "
            + $"add \"templates: templates\" to {config}, or pass --templates {folder}\n", stderr);

        (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", temp["public"], "--base-url", "https://example.org/", "--config", config);
        Assert.True(code == 0, stderr);
        Assert.Contains($"warning: {folder}{Path.DirectorySeparatorChar}: not read, since no templates folder is set, so its about.html.sbn, static/ change nothing: "
            + $"add \"templates: templates\" to {config}, or pass --templates {folder}\n", stderr);

        // Set, it is read, and nothing is said of it.
        File.AppendAllText(config, "templates: templates\n");
        (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--config", config);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
    }

    // Found by a user's trial: a Hugo post template renamed post.hugo.sbn (and post-hugo.md.sbn, Post.hugo.md.sbn,
    // post.hugo.md) was a warning, and build --all rewrote every customised post in the built-in look. Found by another:
    // post.sbn, post.gatsby.md.sbn and post.md.sbn.txt gave no notice of their own, only the folder's "has no
    // post.md.sbn", with the same result. Of the two post templates, the one the name has the words of is meant
    // (post.hugo.sbn), else the one the build renders.
    [Theory]
    [InlineData("hugo", "post.hugo.sbn", "post.hugo.md.sbn")]
    [InlineData("hugo", "post-hugo.md.sbn", "post.hugo.md.sbn")]
    [InlineData("hugo", "Post.hugo.md.sbn", "post.hugo.md.sbn")]
    [InlineData("hugo", "post.hugo.md", "post.hugo.md.sbn")]
    [InlineData("hugo", "post.sbn", "post.hugo.md.sbn")]
    [InlineData("hugo", "post.hugo.md.sbn.txt", "post.hugo.md.sbn")]
    [InlineData("gatsby", "post.sbn", "post.md.sbn")]
    [InlineData("gatsby", "post.gatsby.md.sbn", "post.md.sbn")]
    [InlineData("gatsby", "post.md.sbn.txt", "post.md.sbn")]
    [InlineData("gatsby", "Post.md.sbn.TXT", "post.md.sbn")]
    public void A_misnamed_post_template_stops_the_build_and_leaves_the_posts_as_they_are(string flavor, string name, string meant)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/" + meant], "mine {{ digest.date }}\n");
        Assert.Equal(0, InProcessCli.Run("build", "--all", "--flavor", flavor, "--records", Records, "--output", temp["posts"], "--templates", temp["t"]).Code);
        var before = FolderSnapshot.Of(temp["posts"]);
        File.Move(temp["t/" + meant], temp["t/" + name]);

        var (code, _, stderr) = InProcessCli.Run("build", "--all", "--flavor", flavor, "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.Equal(1, code);
        Assert.Equal($"error: {temp["t/" + name]}: expected a template named as the built-in one it replaces ({meant}?), found a name no built-in "
            + $"template has, so the built-in {meant} would be used: rename it {meant}, or move it out of the templates folder for the built-in one\n"
            + "Nothing was written.\n", stderr);
        Assert.Equal(before, FolderSnapshot.Of(temp["posts"]));
    }

    // The same trial: the site's stylesheet as style.css.sbn was ignored without a word, and the built-in one written.
    // A backup (style.css.bak) or the other flavor's post template named short is only named.
    [Fact]
    public void A_stylesheet_named_as_a_template_stops_the_site_and_a_backup_is_only_named()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/style.css.sbn"], "/* mine */\n");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", temp["public"], "--templates", temp["t"], "--base-url", "https://example.org/");

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {temp["t/style.css.sbn"]}: expected a template named as the built-in one it replaces (style.css?)", stderr);
        Assert.False(Directory.Exists(temp["public"]));

        File.Move(temp["t/style.css.sbn"], temp["t/style.css.bak"]);
        File.WriteAllText(temp["t/post.hugo.sbn"], "mine\n");
        (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            [
                $"warning: {temp["t/post.hugo.sbn"]}: overrides no built-in template (did you mean post.hugo.md.sbn?); the built-in post.hugo.md.sbn is used",
                $"warning: {temp["t/style.css.bak"]}: overrides no built-in template (did you mean style.css?); the built-in style.css is used",
                $"warning: {temp["t"]}: has no post.md.sbn, so the built-in gatsby template is used (a templates folder overrides the built-in templates by file name: post.md.sbn for gatsby, post.hugo.md.sbn for hugo)",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Found by review: a name merely near the post template's is the user's own file (a backup, another page), and
    // stopping the nightly build for it would be worse than the notice. Found by another: post.draft.sbn and
    // post.header.sbn (a draft, a partial not yet included) were taken for the post template and stopped the build.
    [Theory]
    [InlineData("gatsby", "post.draft.sbn")]
    [InlineData("hugo", "post.header.sbn")]
    public void A_post_template_s_first_word_with_words_of_its_own_does_not_stop_the_build(string flavor, string name)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/" + name], "mine\n");

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--flavor", flavor, "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(name, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_merely_near_the_post_template_s_is_only_named()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/page.md.sbn"], "mine\n");
        File.WriteAllText(temp["t/post.md.bak"], "mine\n");

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            [
                $"warning: {temp["t/page.md.sbn"]}: overrides no built-in template (did you mean post.md.sbn?); the built-in post.md.sbn is used",
                $"warning: {temp["t/post.md.bak"]}: overrides no built-in template (did you mean post.md.sbn?); the built-in post.md.sbn is used",
                $"warning: {temp["t"]}: has no post.md.sbn, so the built-in gatsby template is used (a templates folder overrides the built-in templates by file name: post.md.sbn for gatsby, post.hugo.md.sbn for hugo)",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Found by a user's trial, as above: a Hugo blog's templates folder with the Gatsby post template alone.
    [Theory]
    [InlineData("hugo", "post.md.sbn", "gatsby", "post.hugo.md.sbn")]
    [InlineData("gatsby", "post.hugo.md.sbn", "hugo", "post.md.sbn")]
    public void A_templates_folder_with_the_other_flavor_s_post_template_alone_stops_the_build(string flavor, string has, string other, string lacks)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/" + has], "mine\n");

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--flavor", flavor, "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);

        Assert.Equal(1, code);
        Assert.Equal($"error: {temp["t"]}: expected a {lacks}, the {flavor} post template, where the folder has the {other} one ({has}), found the {other} one alone, "
            + $"so the built-in {flavor} template would be used: make the folder's {lacks} (hotpapers init --flavor {flavor} --templates writes the built-in one), "
            + $"or build with --flavor {other}\nNothing was written.\n", stderr);
        Assert.False(Directory.Exists(temp["posts"]));
    }

    // Found by a new user's trial: partials of the user's own (header.html.sbn, included by their about page)
    // were said to be typos, and a second stylesheet beside their style.css was said to leave the built-in one used.
    [Fact]
    public void A_partial_the_folder_includes_gets_no_notice_and_a_name_beside_the_folder_s_own_override_a_true_one()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/header.html.sbn"], "<p>my header</p>\n");
        File.WriteAllText(temp["t/navs.html.sbn"], "<p>my nav</p>\n");
        File.WriteAllText(temp["t/pagers.html.sbn"], "<p>my pager</p>\n");
        // Three forms of include; styles.css is named in a link, not included: the site does not copy it, so its notice stays.
        File.WriteAllText(temp["t/about.html.sbn"], "{{ include 'header.html.sbn' }}{{ include(\"navs.html.sbn\") }}{{ `pagers.html.sbn` | include }}<link href=\"styles.css\">about\n");
        File.WriteAllText(temp["t/style.css"], "/* mine */\n");
        File.WriteAllText(temp["t/styles.css"], "/* old */\n");

        var (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", temp["public"], "--templates", temp["t"], "--base-url", "https://example.org/");

        Assert.True(code == 0, stderr);
        Assert.Equal($"warning: {temp["t/styles.css"]}: overrides no built-in template (did you mean style.css?); the folder's own style.css is used\n", stderr);
        Assert.Equal("<p>my header</p>\n<p>my nav</p>\n<p>my pager</p>\n<link href=\"styles.css\">about\n", File.ReadAllText(temp["public/about/index.html"]));
        Assert.Equal("/* mine */\n", File.ReadAllText(temp["public/style.css"]));
    }

    // Only templates are looked in for an include: a file too big to be one (an image, a data dump) is not read.
    [Fact]
    public void A_name_in_a_file_too_big_to_be_a_template_does_not_make_a_partial()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/days.html.sbn"], "mine\n");
        File.WriteAllText(temp["t/dump.txt"], "'days.html.sbn'" + new string('x', 1024 * 1024));

        var (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", temp["public"], "--templates", temp["t"], "--base-url", "https://example.org/");

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {temp["t/days.html.sbn"]}: expected a template named as the built-in one it replaces (day.html.sbn?)", stderr);
    }

    [Fact]
    public void A_template_in_the_folder_replaces_the_built_in_one_of_that_name()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "{{ digest.date }}: {{ papers.size }} papers, first {{ papers[0].id }}\n");
        new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day));
        Assert.Equal("2021-04-30: 15 papers, first 2104.14421\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [Fact]
    public void The_hugo_post_template_is_overridden_by_its_own_name()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "gatsby\n");
        File.WriteAllText(temp["t/post.hugo.md.sbn"], "hugo {{ settings.flavor }}\n");
        new PostBuilder(Settings(temp, temp["t"]) with { Flavor = Flavor.Hugo }).Build(new BuildRequest.Day(Day));
        Assert.Equal("hugo hugo\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [Fact]
    public void Includes_load_partials_from_the_folder()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "{{ for paper in papers limit:2 }}{{ include 'paper.sbn' }}{{ end }}");
        File.WriteAllText(temp["t/paper.sbn"], "## {{ paper.rank }} {{ md_heading paper.title }} ({{ paper.tweets.size }} tweets)\n");
        new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day));
        Assert.Equal(
            "## 1 What Are Bayesian Neural Network Posteriors Really Like? (1 tweets)\n" +
            "## 2 Emerging Properties in Self-Supervised Vision Transformers (1 tweets)\n",
            File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    /// <summary>Each post of a build renders through the same parsed template and includes: a file changed during the build is not read again.</summary>
    [Fact]
    public void A_template_and_its_includes_are_read_and_parsed_once_for_all_posts()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "{{ for paper in papers limit:1 }}{{ include 'paper.sbn' }}{{ end }}");
        File.WriteAllText(temp["t/paper.sbn"], "## {{ paper.rank }}\n");
        var renderer = new PostRenderer(new TemplateSet(temp["t"]), FrontMatterSettings.Default);
        var digest = new HotPapers.Ranking.Ranker(HotPapers.Ranking.RankingSettings.Default)
            .Rank(new HotPapers.Records.RecordsLoader(TimeZoneInfo.Utc).Load(Path.Combine(Records, "2021-04-30.json")));
        Assert.Equal("## 1\n", renderer.Render(digest));
        File.WriteAllText(temp["t/post.md.sbn"], "changed");
        File.WriteAllText(temp["t/paper.sbn"], "changed");
        Assert.Equal("## 1\n", renderer.Render(digest));
    }

    [Fact]
    public void A_syntax_error_in_a_partial_names_the_partial_line_and_column()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "start\n{{ include 'paper.sbn' }}\n");
        File.WriteAllText(temp["t/paper.sbn"], "line one\n  {{ if }}\n");
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal(temp["t/paper.sbn"], e.File);
        Assert.Equal(2, e.Line);
        Assert.False(Directory.Exists(temp["posts"]));
    }

    [Fact]
    public void A_syntax_error_in_the_post_template_names_it()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "ok\nok {{ for x in }}\n");
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal((temp["t/post.md.sbn"], 2), (e.File, e.Line));
    }

    // Found by a user's trial: a template saved in Latin-1 wrote U+FFFD for its é into every post, without a word. UTF-16
    // with its byte order mark is read as File.ReadAllText reads it, and its posts are the same as UTF-8's.
    [Fact]
    public void A_template_that_is_not_utf8_is_refused_with_its_line_and_one_in_utf16_is_read()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllBytes(temp["t/post.md.sbn"], [.. "{{ digest.date }}\n"u8, .. "caf"u8, 0xE9, (byte)'\n']);
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal((temp["t/post.md.sbn"], 2, "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)"), (e.File, e.Line, e.Reason));
        Assert.False(Directory.Exists(temp["posts"]));

        File.WriteAllText(temp["t/post.md.sbn"], "{{ digest.date }}\ncafé\n", System.Text.Encoding.Unicode);
        new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day));
        Assert.Equal("2021-04-30\ncafé\n", File.ReadAllText(Directory.GetFiles(temp["posts"]).Single(f => f.EndsWith(".md", StringComparison.Ordinal))));
    }

    // Found by a new user's trial: a block left open was reported where the file ends, lines below it. Found by
    // another: an `if` without its `end` inside a `for` was said to leave the `for` open, the `if` unnamed; the block
    // the last `end` inside the open one closed is named.
    [Theory]
    [InlineData("a\n{{ for p in papers }}\nline\n{{ if true }}\nb\n{{ end }}\nc\n\n", 2, 4, "for", 6, 10, "; the last `end` in it, at line 6, closes the `if` of line 4")]
    [InlineData("{{ for x in [1] }}\n{{ for y in [2] }}\n{{ end }}\ntail\n", 1, 4, "for", 3, 10, "; the last `end` in it, at line 3, closes the `for` of line 2")] // the outer one is open
    [InlineData("{{ for p in [1] }}\n{{ if p }}a{{ else }}b{{ end }}{{ if p }}\nc\n{{ end }}\n", 1, 4, "for", 4, 10, "; the last `end` in it, at line 4, closes the `if` of line 2")]
    [InlineData("x\n{{ if true }}\n{{ for y in [2] }}\nz\n", 3, 4, "for", 3, 19, "")] // both open: Scriban names the inner one
    [InlineData("{{ if a }}\n{{ else }}\nz {{ capture c }}\n", 3, 6, "capture", 3, 18, "")]
    public void A_block_left_open_is_reported_where_it_opens(string text, int line, int column, string statement, int endLine, int endColumn, string inner)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], text);
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal((temp["t/post.md.sbn"], line, column), (e.File, e.Line, e.Column));
        Assert.StartsWith($"Error while parsing {statement} statement: The <end> statement was not found", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith($" (opened here and still open at the end of the file: Scriban stopped at line {endLine}, column {endColumn}{inner})", e.Reason, StringComparison.Ordinal);
    }

    // What follows "not closed" where a comment of the open code took the next "{{" in.
    private const string TookIn = " (a # in code starts a comment that runs to the next `}}`, and took that `{{` in)";

    // Found by a user's trial: a "{{" left open at the end of the file was taken for code ending there (the post
    // got the date, the mistake went unsaid); one left open above another "{{" was reported at that one, lines
    // below, as "Unexpected token `{` while parsing object initializer".
    [Theory]
    [InlineData("a\nFooter {{ digest.date", 2, 8, "`{{` is not closed: no `}}` after it before the end of the file")]
    [InlineData("a {{~ digest.date\n", 1, 3, "`{{~` is not closed: no `}}` after it before the end of the file")]
    [InlineData("x {{ digest.date }}\nscore {{ papers.size\nmore\n{{ digest.date }}\n", 2, 7, "`{{` is not closed: the next `{{`, at line 4, column 1, comes before any `}}`")]
    [InlineData("{{ for p in papers limit:1\n{{ p.title }}\n{{ end }}\n", 1, 1, "`{{` is not closed: the next `{{`, at line 2, column 1, comes before any `}}`")]
    // Found by a user's trial: text that is no code after the open "{{" (the front matter's "---", a list's "- a, b")
    // stopped Scriban there, and its words were said there ("Expecting <expression> instead of `\n`"), lines below.
    [InlineData("title: {{ post.title\n\n---\n{{ for p in papers }}{{ end }}\n", 1, 8, "`{{` is not closed: the next `{{`, at line 4, column 1, comes before any `}}`")]
    [InlineData("a {{ digest.date\n- item, with: punctuation\n", 1, 3, "`{{` is not closed: no `}}` after it before the end of the file")]
    // Found by a user's trial: Scriban reads "#" in code as a comment up to the next "}}", so a "{{" left open above a
    // Markdown heading took the heading and its "{{" in, and the post lost its line, exit 0; an apostrophe after
    // one opened a string that ran past the next "{{".
    [InlineData("a {{ digest.date\n\n# Heading {{ post.title }}\n- x, y\n", 1, 3, "`{{` is not closed: the next `{{`, at line 3, column 11, comes before any `}}`" + TookIn)]
    // Found by review: a "{{" in a comment of code closed later is refused too (Scriban would end the comment at the
    // first "}}" and write the rest out), and the comment is said to be what took it in.
    [InlineData("{{ # see {{ x }}\n", 1, 1, "`{{` is not closed: the next `{{`, at line 1, column 10, comes before any `}}`" + TookIn)]
    [InlineData("<h1>{{ post.title</h1>\n<p>don't</p>\n<p>{{ digest.date }}</p>\n", 1, 5, "`{{` is not closed: the next `{{`, at line 3, column 4, comes before any `}}`")]
    public void A_code_block_left_open_is_reported_where_it_opens(string text, int line, int column, string reason)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], text);
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal((temp["t/post.md.sbn"], line, column, reason), (e.File, e.Line, e.Column, e.Reason));
        Assert.False(Directory.Exists(temp["posts"]));
    }

    // A mistake inside code that its "}}" closes, lines below its "{{", is Scriban's to tell, where it is.
    [Fact]
    public void A_mistake_in_code_that_is_closed_is_told_where_it_is()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"], "---\n{{ x = [1,\n2 }}\n---\n");
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"])).Build(new BuildRequest.Day(Day)));
        Assert.Equal((3, 3, "Unexpected token found `}}` while expecting `]`."), (e.Line, e.Column, e.Reason));
    }

    // Found by a user's trial: an include of a path outside the folder was told "template names are plain file names
    // inside the templates folder", which a partial in a subfolder is not, and not what was found.
    [Theory]
    [InlineData("../hotpapers.yml")]
    [InlineData("/etc/hostname")]
    public void An_include_outside_the_templates_folder_names_what_was_found(string include)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t/partials"]);
        File.WriteAllText(temp["t/partials/links.sbn"], "L");
        var (code, _, stderr) = BuildWith(temp, $"{{{{ include 'partials/links.sbn' }}}}\n{{{{ include '{include}' }}}}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: template {temp["t/post.md.sbn"]}(2,4), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: expected the name of a template inside the templates folder (\"links.sbn\", \"partials/links.sbn\"), found \"{include}\"\n", stderr, StringComparison.Ordinal);
    }

    // Comments in code, on one line or several, are no open block; nor a "{{" in a string.
    [Fact]
    public void Comments_in_code_are_not_taken_for_an_open_block()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "{{ # a comment }}a {{ digest.date # the day }}\n{{~ # two\n  # lines ~}}\n{{ ## a\nb ## }}{{ '# {{' }}\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("a 2021-04-30\n# {{\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    // Found by a user's trial: the README says a template that does not parse is reported before the records are
    // read, alone; with a records file cut short too, the records' error came instead.
    [Fact]
    public void A_template_that_does_not_parse_is_reported_alone_before_the_records_are_read()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        Directory.CreateDirectory(temp["records"]);
        File.WriteAllText(temp["records/2021-04-30.json"], "{\"format\": \"hotpapers-records/1\",");
        File.WriteAllText(temp["t/post.md.sbn"], "x {{ post.title");

        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", temp["records"], "--output", temp["posts"], "--templates", temp["t"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: template {temp["t/post.md.sbn"]}(1,3): `{{{{` is not closed: no `}}}}` after it before the end of the file\nNothing was written.\n", stderr);
    }

    // The README's word on includes: a partial ends with its own line end, so one alone on its line leaves an empty
    // line after it, and "~}}" takes the line end after the include away.
    [Fact]
    public void A_partial_keeps_its_own_line_end_and_a_trim_marker_takes_the_include_s()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/links.sbn"], "L\n");
        var (code, _, stderr) = BuildWith(temp, "a\n{{ include 'links.sbn' }}\nb\n{{ include 'links.sbn' ~}}\nc\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("a\nL\n\nb\nL\nc\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    // Braces of Scriban's own objects, closed or nested, are no open block; nor is a "{{" inside {%{ ... }%}.
    [Fact]
    public void Braces_in_code_and_escaped_text_are_not_taken_for_an_open_block()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "{{ x = {a: {b: 1}} }}{{ x.a.b }}|{%{{{< notice >}}}%}|{{ '{{' }}\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("1|{{< notice >}}|{{\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    // Found by a user's trial: Hugo's own "{{ .Title }}" and a shortcode written as it stands failed with Scriban's
    // "Unexpected token ." and "<" alone.
    [Theory]
    [InlineData("# {{ .Title }}\n", 1, 6, "Unexpected token .")]
    [InlineData("a\n{{< notice info >}}\n", 2, 3, "Unexpected token <")]
    [InlineData("# {{- .Title -}}\n", 1, 7, "Unexpected token .")]
    public void Hugo_s_own_syntax_in_a_template_is_told_how_to_write_it(string text, int line, int column, string scriban)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.hugo.md.sbn"], text);
        var e = Assert.Throws<TemplateException>(() => new PostBuilder(Settings(temp, temp["t"]) with { Flavor = Flavor.Hugo }).Build(new BuildRequest.Day(Day)));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Equal(scriban + " (templates are Scriban's, not Hugo's: to write Hugo's \"{{\" into the post, put it in {%{ ... }%}, e.g. {%{{{< notice >}}}%})", e.Reason);
    }

    [Fact]
    public void A_code_block_left_open_in_a_partial_names_the_partial()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/paper.sbn"], "## {{ paper.rank }}\n{{ paper.title\n");
        var (code, _, stderr) = BuildWith(temp, "{{ for paper in papers limit:1 }}{{ include 'paper.sbn' }}{{ end }}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: template {temp["t/paper.sbn"]}(2,1): `{{{{` is not closed: no `}}}}` after it before the end of the file\nNothing was written.\n", stderr);
    }

    [Fact]
    public void A_runtime_error_exits_1_names_file_line_and_column_and_writes_nothing()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        Directory.CreateDirectory(temp["posts"]);
        File.WriteAllText(temp["posts/2021-04-30---Hot-Papers.md"], "the old post\n");
        File.WriteAllText(temp["t/post.md.sbn"], "title\n\n   {{ no_such_value }}\n");
        var (code, stdout, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Records, "--output", temp["posts"], "--templates", temp["t"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{temp["t/post.md.sbn"]}(3,", stderr, StringComparison.Ordinal);
        Assert.Contains("no_such_value", stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", stderr, StringComparison.Ordinal);
        Assert.Equal("the old post\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    // Found by a new user's trial: strict variables held for names alone, and `date: {{ post.dat }}`
    // wrote "date: " and exited 0. A member the object does not have is an error too.
    [Theory]
    [InlineData("title\n---\ndate: {{ post.dat }}\n", 3, 15,
        "The member `dat` of `post` was not found (did you mean `date`?); its members are title, date, template, draft, slug, category, tags, description, social_image, raw_text, layout\n")]
    [InlineData("{{ digest.colected_at }}\n", 1, 11, "The member `colected_at` of `digest` was not found (did you mean `collected_at`?); its members are date, ")]
    [InlineData("{{ settings.min_papr_score }}\n", 1, 13, "The member `min_papr_score` of `settings` was not found (did you mean `min_paper_score`?); its members are flavor, ")]
    [InlineData("{{ for paper in papers }}{{ paper.titel }}{{ end }}\n", 1, 35, "The member `titel` of `paper` was not found (did you mean `title`?); its members are rank, id, title, ")]
    [InlineData("{{ empty_lines (post.layout.between_sectons ?? 1) }}\n", 1, 29, "The member `between_sectons` of `post.layout` was not found (did you mean `between_sections`?); ")]
    [InlineData("{{ post.socialImage }}\n", 1, 9, "The member `socialImage` of `post` was not found (did you mean `social_image`?); ")]
    [InlineData("{{ papers.first }}\n", 1, 11, "The member `first` of `papers` was not found; ")]
    public void A_misspelt_member_exits_1_names_file_line_column_member_and_object_and_writes_nothing(string template, int line, int column, string message)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["posts"]);
        File.WriteAllText(temp["posts/2021-04-30---Hot-Papers.md"], "the old post\n");
        var (code, stdout, stderr) = BuildWith(temp, template);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.True(stderr.StartsWith($"error: template {temp["t/post.md.sbn"]}({line},{column}), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: {message}", StringComparison.Ordinal), stderr);
        Assert.Contains("Nothing was written.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(["the old post\n"], Directory.GetFiles(temp["posts"]).Select(File.ReadAllText));
    }

    // Found by a user's trial: {{ html paper.title }} in a post template (the site templates' function) called Scriban's
    // html object, and was told in .NET's type names: "Invalid target function `{strip:
    // Scriban.Runtime.DynamicCustomFunction+Functionstring_TemplateContext_string, ...}` (object)".
    [Theory]
    [InlineData("{{ html post.title }}\n", 1, 4, "Invalid target function: `html` is an object, not a function; its members are strip, escape, newline_to_br, url_encode, url_escape;"
        + " the site's templates have an `html` function, the posts' have not: a post's text is escaped for Markdown by md, md_heading, md_link_text and md_url\n")]
    // Piped into, Scriban's words name it; only where html is was missing (found by review).
    [InlineData("{{ post.title | html }}\n", 1, 17, "Pipe expression destination `html` is not a valid function; the site's templates have an `html` function, the posts' have not: "
        + "a post's text is escaped for Markdown by md, md_heading, md_link_text and md_url\n")]
    [InlineData("x {{ array post.tags }}\n", 1, 6, "Invalid target function: `array` is an object, not a function; its members are add, add_range, ")]
    [InlineData("{{ post 'title' }}\n", 1, 4, "Invalid target function: `post` is an object, not a function; its members are title, date, template, draft, slug, category, tags, description, social_image, raw_text, layout\n")]
    [InlineData("{{ for paper in papers }}{{ paper.authors ', ' }}{{ end }}\n", 1, 29, "Invalid target function: `paper.authors` is an array, not a function\n")]
    // Found by review: a value indexed or looked up with ?. was named by the name before its "[" or "?" ("`papers` is
    // a string"; "`post` is a string; its members are title, ...").
    [InlineData("{{ papers[0].title 'x' }}\n", 1, 4, "Invalid target function: `papers[0].title` is a string, not a function\n")]
    [InlineData("{{ post?.title 1 }}\n", 1, 4, "Invalid target function: `post?.title` is a string, not a function\n")]
    [InlineData("{{ post[\"title\"] 1 }}\n", 1, 4, "Invalid target function: `post[\"title\"]` is a string, not a function\n")]
    public void A_value_called_as_a_function_is_named_not_written_out(string template, int line, int column, string message)
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, template);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.True(stderr.StartsWith($"error: template {temp["t/post.md.sbn"]}({line},{column}), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: {message}", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("Scriban.Runtime", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_member_in_a_partial_names_the_partial()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/paper.sbn"], "## {{ paper.rank }}\n{{ md paper.abstarct }}\n");
        var (code, _, stderr) = BuildWith(temp, "{{ for paper in papers limit:1 }}{{ include 'paper.sbn' }}{{ end }}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.True(stderr.StartsWith($"error: template {temp["t/paper.sbn"]}(2,13), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: The member `abstarct` of `paper` was not found (did you mean `abstract`?)", StringComparison.Ordinal), stderr);
        Assert.False(Directory.Exists(temp["posts"]));
    }

    [Fact]
    public void Members_that_are_there_read_as_before_null_ones_too_and_an_indexer_key_may_be_missing()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp,
            "{{ 'abc'.size }}|{{ papers.size }}|{{ post.layout.between_sections ?? 'standard' }}|{{ x = null }}{{ x?.y ?? 'null' }}|"
            + "{{ papers[0]['titel'] ?? 'no such key' }}|{{ papers[0].authors | array.join ', ' }}|{{ papers[0].categories.size }}\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("3|15|standard|null|no such key|Pavel Izmailov, Sharad Vikram, Matthew D. Hoffman, Andrew Gordon Wilson|2\n",
            File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));

        // A member of null is Scriban's error, as it was.
        (code, _, stderr) = BuildWith(temp, "{{ x = null }}{{ x.y }}\n", "other");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{temp["t/post.md.sbn"]}(1,20), rendering {temp["other/2021-04-30---Hot-Papers.md"]}: Cannot get the member x.y for a null object.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ends_of_CR_LF_are_made_LF_twice_over_as_builds_always_made_them()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "a\r\r\nb\r\r\r\n{{ digest.date }}\r\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("a\nb\r\n2021-04-30\n"u8.ToArray(), File.ReadAllBytes(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [Fact]
    public void A_template_that_cuts_a_character_in_two_is_a_template_error_that_says_where()
    {
        using var temp = Fixture.TempDir();
        var (code, stdout, stderr) = BuildWith(temp, "title\n{{ \"😀\" | string.slice 0 1 }}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{temp["t/post.md.sbn"]}(2,", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["posts"]));
    }

    [Fact]
    public void A_missing_partial_is_a_template_error_not_a_crash()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "{{ include 'nowhere.sbn' }}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{temp["t/post.md.sbn"]}(1,4), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: no template \"nowhere.sbn\"", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["posts"]));
    }

    [Fact]
    public void Text_functions_take_numbers_and_nothing_as_text_and_a_wrong_call_is_a_template_error()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "{{ md 42 }}|{{ md null }}|{{ yaml_quoted 'a: b' }}|{{ md '# x' }}\n");
        Assert.True(code == 0, stderr);
        Assert.Equal("42||\"a: b\"|\\# x\n", File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]));

        (code, _, stderr) = BuildWith(temp, "{{ md 'a' 'b' }}\n");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.True(stderr.Contains($"{temp["t/post.md.sbn"]}(1,11), rendering {temp["posts/2021-04-30---Hot-Papers.md"]}: Invalid number of arguments `2` passed to `md 'a' 'b'` while expecting `1` arguments", StringComparison.Ordinal), stderr);
    }

    [Fact]
    public void A_template_that_reassigns_a_builtin_changes_it_for_itself_only()
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = BuildWith(temp, "{{ string = 'gone' }}{{ string }}\n", "a");
        Assert.True(code == 0, stderr);
        Assert.Equal("gone\n", File.ReadAllText(temp["a/2021-04-30---Hot-Papers.md"]));

        (code, _, stderr) = BuildWith(temp, "{{ 'a' | string.upcase }}\n", "b");
        Assert.True(code == 0, stderr);
        Assert.Equal("A\n", File.ReadAllText(temp["b/2021-04-30---Hot-Papers.md"]));

        // The post functions are shared by every render as the builtins are.
        (code, _, stderr) = BuildWith(temp, "{{ md = 'gone' }}{{ md }}|{{ string.upcase 'b' }}\n", "c");
        Assert.True(code == 0, stderr);
        Assert.Equal("gone|B\n", File.ReadAllText(temp["c/2021-04-30---Hot-Papers.md"]));
        (code, _, stderr) = BuildWith(temp, "{{ md '# x' }}\n", "d");
        Assert.True(code == 0, stderr);
        Assert.Equal("\\# x\n", File.ReadAllText(temp["d/2021-04-30---Hot-Papers.md"]));
    }
}
