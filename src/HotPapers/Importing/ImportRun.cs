using HotPapers.Records;
using HotPapers.Output;

namespace HotPapers.Importing;

/// <summary>
/// Imports many posts, each on its own: a post that cannot be imported is reported and nothing is
/// written for it, and the others still import. Unchanged records files are not touched, so importing
/// again changes nothing; a records file that differs is replaced only with <see cref="ImportRequest.Force"/>.
/// </summary>
public static class ImportRun
{
    /// <summary>What the records path must be, as its refusal says.</summary>
    private const string RecordsFolder = "a folder for the records files (or none yet)";

    public static IReadOnlyList<ImportFileResult> Run(ImportRequest request)
    {
        // Found before anything is touched: a wrong path is the user's to correct, not a run of nothing.
        var files = Expand(request.Paths);
        // A file at the records folder's path, or in its path, is refused once, as build and collect refuse theirs:
        // each post's write would otherwise fail with .NET's words, as if its records file were there.
        // A folder there that refuses new files, once too (a folder not there yet is made by the first post written).
        OutputFolder.Ready(request.RecordsDirectory, RecordsFolder, make: false);
        // A killed import left its half-written records files behind.
        PostNaming.RemoveRecordsLeftovers(request.RecordsDirectory);
        var importer = new PostImporter(request.Zone, request.FrontMatter);
        var results = new List<ImportFileResult>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        // What build wrote into its posts folder, read once, when a post's records are there already.
        var manifest = new Lazy<PostManifest?>(() => request.Posts is { } posts ? LoadManifest(posts.Directory) : null);
        foreach (var file in files) results.Add(ImportOne(importer, file, request, claimed, manifest));
        return results;
    }

    private static PostManifest? LoadManifest(string directory)
    {
        try
        {
            return PostManifest.Load(directory);
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            // Build names a broken manifest itself; here it only means no post is known to be build's.
            return null;
        }
    }

    private static ImportFileResult ImportOne(PostImporter importer, string file, ImportRequest request, Dictionary<string, string> claimed, Lazy<PostManifest?> manifest)
    {
        ImportedPost post;
        byte[]? bytes = null;
        try
        {
            // The limit build has for the records a post turns into: a bigger post made records that build
            // refused, and a 100 MB one took 1.7 GB to import.
            var length = InputFile.Length(file, "a post");
            if (length > RecordsLoader.MaxFileBytes)
                return new(file, null, null, null, [new InputProblem(file, InputProblem.WholeFile, $"a post of at most {RecordsLoader.MaxFileBytes / 1024 / 1024} MB",
                    $"{length / 1024 / 1024} MB")]);
            bytes = InputFile.Read(file, "a post", () => File.ReadAllBytes(file));
            post = importer.Import(file, bytes);
        }
        catch (InputException e)
        {
            // Only a file that does not even look like a digest is skipped: a digest that is malformed still fails at its line.
            // An empty one (or of white space only) does not say what it was, a post emptied by a failed copy as much as a
            // placeholder: found by a new user's trial, --skip-foreign skipped it as "not a digest" and the run passed.
            var foreign = bytes is not null && !Blank(bytes) && !importer.LooksLikeDigest(bytes);
            if (request.SkipForeign && foreign) return new(file, null, null, null, [], Skipped: true);
            // Said, so that a blog's posts folder with its other pages does not leave the user guessing at the option.
            return new(file, null, null, null, e.Problems, Foreign: foreign);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(file, null, null, null, [new InputProblem(file, InputProblem.WholeFile, "a readable post", e.Message)]);
        }
        var target = Path.Combine(request.RecordsDirectory, post.RecordsFileName);
        if (request.Strict && post.Difference is { } d)
            return new(file, post, target, null, [new InputProblem(file, d.Place, "a post these records build back byte for byte (--strict)",
                $"{Show(d.ShownOriginal)} where the rebuild has {Show(d.ShownRebuilt)}")]);
        if (claimed.TryGetValue(target, out var other))
            return new(file, post, target, null, [new InputProblem(file, "line 2", $"a digest of its own ({other} already makes {target})", "the same digest again")]);
        claimed[target] = file;
        WriteOutcome outcome;
        try
        {
            outcome = PostWriter.Compare(target, post.RecordsBytes);
        }
        // A records file it may not read is this post's problem: the posts after it are imported, each on its own.
        catch (InputException e)
        {
            return new(file, post, target, null, e.Problems);
        }
        if (BuiltFromOwnRecords(file, bytes, post, target, outcome, request, manifest) is { } built)
            return built.Unloaded.Count == 0 ? new(file, post, target, null, []) { BuiltFrom = built.From } : new(file, post, target, null, DoesNotLoad(built.Unloaded));
        var existing = outcome == WriteOutcome.Updated ? ExistingRecords.At(target, request.Zone) : null;
        // A file that does not load cannot say whose it is, so it may be the day's own (cut short, merged by hand): it
        // is not replaced either, and the loader's own problems say what to fix.
        if (existing is { Problems.Count: > 0 })
            return new(file, post, target, null, DoesNotLoad(existing.Problems));
        // A post holds only the papers and tweets it showed: the day's own records (what a build ranks) are
        // never replaced by it, --force or not.
        if (existing is { DaysOwn: true })
            return new(file, post, target, null, [new InputProblem(target, InputProblem.WholeFile,
                "no records file, or one an import made (ranked: true); a post holds only what it showed, so it never replaces a day's own records",
                "the day's own records")]);
        if (outcome == WriteOutcome.Updated && !request.Force)
            return new(file, post, target, null, [new InputProblem(target, InputProblem.WholeFile, "no records file, or the same one (--force replaces a different one)",
                "a records file with other content" + FirstDifference(target, post.RecordsBytes))]);
        try
        {
            if (outcome != WriteOutcome.Unchanged) PostWriter.Write(target, post.RecordsBytes);
        }
        // A records file that could not be replaced is the file's to fix; a new file refused beside it, the folder's,
        // told with its reason, not with the name of the temporary file hotpapers made there.
        catch (Exception e) when (OutputFolder.WriteRefusal(request.RecordsDirectory, e,
            found => new InputProblem(target, InputProblem.WholeFile, "a records file that can be written", found)) is { } refusal)
        {
            return new(file, post, target, null, refusal.Problems);
        }
        return new(file, post, target, outcome, []) { Renamed = request.Posts is { } posts ? Renamed(file, post, posts.Directory, posts.FileName) : null };
    }

    // A post in build's folder named otherwise than build names its digest (renamed by hand, or another fileName): the
    // rebuild writes a second post beside it, and the blog would show the digest twice. At any depth: the blog shows
    // every post below its posts folder, and a fileName may name a subfolder ({date}/index.md) where the old post has
    // none, or none where it has one. Posts outside that folder are not rebuilt there.
    private static string? Renamed(string file, ImportedPost post, string postsDirectory, string pattern)
    {
        var built = Path.Combine(postsDirectory, PostNaming.PostFileName(post.Records, pattern));
        return Path.GetFullPath(file) == Path.GetFullPath(built) || PathBelow.Relative(postsDirectory, file) is null ? null
            : $"build writes this digest ({PostNaming.Key(post.Records.Date, post.Records.EndDate)}) as {PathBelow.Relative(postsDirectory, built)}, beside this file: "
                + "once it is rebuilt, remove this one, or the blog shows the digest twice";
    }

    /// <summary>
    /// Found by a new user's trial: importing the posts folder again after nights of collect failed every post built
    /// from a day's own records, and made an imported post's records of each range post built from daily files,
    /// which from then on won over them, so that the range never changed again. A post build wrote (the posts
    /// folder's manifest has its bytes) from records that are there (the day's own, or each day's of a range that
    /// has no file of its own) is left alone. Returns those records files, as said, and the problems of those that do not
    /// load, where some do not (the post then fails on them); null for any other post.
    /// </summary>
    private static (string From, IReadOnlyList<InputProblem> Unloaded)? BuiltFromOwnRecords(string file, byte[] bytes, ImportedPost post, string target, WriteOutcome outcome, ImportRequest request,
        Lazy<PostManifest?> manifest)
    {
        if (request.Posts is not { } posts || PathBelow.Relative(posts.Directory, file) is null) return null;
        var (first, last) = (post.Records.Date, post.Records.EndDate);
        string[] own = outcome == WriteOutcome.Updated ? [target]
            : outcome == WriteOutcome.Created && last > first
                ? [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => Path.Combine(request.RecordsDirectory, PostNaming.RecordsFileName(first.AddDays(i), first.AddDays(i))))]
                : [];
        // The manifest first: a hash and a lookup, where the records are each parsed whole.
        if (own.Length == 0 || manifest.Value?.Accepts(file, PostManifest.Hash(bytes)) != true) return null;
        if (!own.All(File.Exists)) return null;
        var existing = own.Select(p => ExistingRecords.At(p, request.Zone)).ToList();
        if (existing.Any(e => e.Imported)) return null;
        // One that does not load may be the day's own: a range's records are not made over it (they would win over the
        // days' files from then on), nor is the post left alone in silence.
        return (own.Length == 1 ? own[0] : $"{own[0]} to {own[^1]}", [.. existing.SelectMany(e => e.Problems)]);
    }

    /// <summary>The loader's problems with records files already there, and for each file why import leaves it as it is.</summary>
    private static List<InputProblem> DoesNotLoad(IReadOnlyList<InputProblem> problems) =>
        [.. problems, .. problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Select(path => new InputProblem(path, InputProblem.WholeFile,
            "a records file that loads, to tell an import's (ranked: true) from the day's own",
            "one that does not load: it may be the day's own records, which import leaves as they are, --force or not; fix it or delete it by hand"))];

    private static bool Blank(byte[] bytes) => string.IsNullOrWhiteSpace(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));

    private static string Show(string? line) => line is null ? "no line" : JsonChecker.Quote(line);

    // Which line differs tells why: another --timezone than the first import's changes every collectedAt. The quotes
    // lose the indentation only: a line end that differs (CRLF, a space) is all that tells two lines apart.
    private static string FirstDifference(string target, byte[] made)
    {
        string existing;
        try
        {
            existing = File.ReadAllText(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
        return PostImporter.Compare(existing, System.Text.Encoding.UTF8.GetString(made), dateLine: 0) is { } d
            ? $" ({d.Place}: {Show(d.ShownOriginal?.TrimStart())} where this import makes {Show(d.ShownRebuilt?.TrimStart())})"
            : "";
    }

    /// <summary>
    /// Each path as a post, or a folder's <c>*.md</c> files in name order. A path that is not there, or a folder without
    /// any post, is refused, and with it the whole import (it is a wrong path, such as a typo, the records folder or a
    /// blog's root). Found by a new user's trial: a path not there was counted as a post, "1 post(s): ... 1 failed".
    /// </summary>
    private static List<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var wrong = new List<InputProblem>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var posts = Directory.GetFiles(path, "*.md");
                if (posts.Length == 0)
                    wrong.Add(new InputProblem(path, InputProblem.WholeFile, "a folder of old posts (Markdown files, *.md; the folders in it are not read)", "none"));
                files.AddRange(posts.Order(StringComparer.Ordinal));
            }
            else
            {
                wrong.Add(new InputProblem(path, InputProblem.WholeFile, "a post or a folder of posts", "no such file or folder"));
            }
        }
        if (wrong.Count > 0) throw new InputException(wrong);
        return files;
    }
}
