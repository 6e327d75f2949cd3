using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using HotPapers.Records;

namespace HotPapers.Output;

/// <summary>Posts whose bytes are not what hotpapers last wrote: someone edited them.</summary>
public sealed class PostsEditedException(IReadOnlyList<string> paths)
    : Exception(string.Join(Environment.NewLine, paths.Select(Describe)))
{
    public IReadOnlyList<string> Paths { get; } = paths;

    public static string Describe(string path) =>
        $"{path}: changed since hotpapers wrote it (edited by hand, or not written by hotpapers); "
        + "run again with --force to replace it, or delete it to have it rebuilt (to keep the edit, put it in the records: docs/reliability.md#hand-edits)";
}

/// <summary>
/// What hotpapers wrote into an output folder: <c>.hotpapers-manifest.json</c>, the SHA-256 of each post
/// as we wrote it, so that a post edited since is found without touching it and never overwritten
/// without --force. A post may have two accepted hashes while a build is writing it (old and new), so
/// a build killed between writing posts and the manifest leaves nothing looking hand-edited. Posts not
/// in the manifest (the old generator's, or from before the manifest) are treated like edited ones
/// unless their bytes already equal ours: we cannot know whether someone changed them.
/// </summary>
internal sealed class PostManifest
{
    public const string FileName = ".hotpapers-manifest.json";
    public const string FormatName = "hotpapers-manifest/1";

    private readonly string _directory;

    // The manifest file's bytes as they were loaded; null when there was none.
    private readonly byte[]? _loaded;

    private PostManifest(string directory, ImmutableSortedDictionary<string, ImmutableArray<string>> posts, byte[]? loaded = null)
    {
        _directory = directory;
        Posts = posts;
        _loaded = loaded;
        LoadedHash = loaded is null ? null : Hash(loaded);
    }

    /// <summary>The SHA-256 of the manifest file as it was loaded; null when there was none.</summary>
    public string? LoadedHash { get; }

    /// <summary>Puts the manifest file back as it was loaded (or deletes it, when there was none), after a failed commit.</summary>
    public void Restore()
    {
        if (_loaded is null) File.Delete(Path);
        else PostWriter.Write(Path, _loaded);
    }

    /// <summary>The SHA-256 of the manifest file in <paramref name="directory"/> now; null when there is none.</summary>
    public static string? FileHash(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        return Read(path) is { } bytes ? Hash(bytes) : null;
    }

    /// <summary>Manifests larger than this are refused before they are read: a post's entry is about 100 bytes.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const string What = "hotpapers' manifest of the posts it wrote";

    // The manifest's bytes, or null when there is none; a FIFO, a device or a folder (a link to /dev/zero
    // ran the build out of memory) is refused before it is opened.
    private static byte[]? Read(string path)
    {
        if (!InputFile.Exists(path, What, "$")) return null;
        var length = InputFile.Length(path, What, "$");
        if (length > MaxFileBytes)
            throw new InputException([new InputProblem(path, "$", $"{What}, of at most {MaxFileBytes / 1024 / 1024} MB", $"{length / 1024 / 1024} MB")]);
        return InputFile.Read(path, What, () => File.ReadAllBytes(path));
    }

    /// <summary>File name (relative to the folder, '/' separated) to accepted SHA-256 hashes (lower-case hex).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Posts { get; }

    public string Path => System.IO.Path.Combine(_directory, FileName);

    public static PostManifest Load(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        var posts = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (Read(path) is not { } bytes) return new PostManifest(directory, posts.ToImmutable());
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.ValueKind != JsonValueKind.String || f.GetString() != FormatName
                || !root.TryGetProperty("posts", out var p) || p.ValueKind != JsonValueKind.Object)
                throw Corrupt(path, "$");
            foreach (var entry in p.EnumerateObject())
            {
                // Found by a new user's trial: an entry "../records/2021-05-03.json" (a hand edit, a merge) had
                // build --all --prune delete a records file. A key is where hotpapers wrote a post in this folder.
                if (!IsInFolder(entry.Name))
                    throw new InputException([new InputProblem(path, "$.posts", "the path of a post inside the folder, relative to it",
                        $"{JsonChecker.Quote(entry.Name)} (delete the entry, or the manifest and then run with --force to take every post as hotpapers' own)")]);
                if (entry.Value.ValueKind != JsonValueKind.Array) throw Corrupt(path, "$.posts." + entry.Name);
                var hashes = ImmutableArray.CreateBuilder<string>();
                foreach (var h in entry.Value.EnumerateArray())
                {
                    if (h.ValueKind != JsonValueKind.String || h.GetString() is not { Length: 64 } hash) throw Corrupt(path, "$.posts." + entry.Name);
                    hashes.Add(hash);
                }
                posts[entry.Name] = hashes.ToImmutable();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Corrupt(path, "$");
        }
        return new PostManifest(directory, posts.ToImmutable(), bytes);
    }

    /// <summary>
    /// Whether a manifest key names a file below the folder: relative, with no empty, "." or ".." part between
    /// its separators ('/', and '\\', which is one on Windows).
    /// </summary>
    private static bool IsInFolder(string key) =>
        key.Length > 0 && !System.IO.Path.IsPathRooted(key) && !key.Contains('\0')
        && key.Split('/', '\\').All(part => part is not ("" or "." or ".."));

    private static InputException Corrupt(string path, string where) =>
        new([new InputProblem(path, where, What,
            "something else (delete it, then run with --force to take every post as hotpapers' own)")]);

    public string Key(string postPath) => System.IO.Path.GetRelativePath(_directory, postPath).Replace('\\', '/');

    /// <summary>True when the post exists with bytes that are neither ours nor <paramref name="next"/>.</summary>
    public bool IsEditedByHand(string postPath, ReadOnlySpan<byte> next) =>
        File.Exists(postPath) && IsEditedByHand(postPath, File.ReadAllBytes(postPath), next);

    /// <summary>The same, for a post whose bytes on disk the caller has already read.</summary>
    public bool IsEditedByHand(string postPath, ReadOnlySpan<byte> current, ReadOnlySpan<byte> next) =>
        !current.SequenceEqual(next) && !Accepts(postPath, Hash(current));

    /// <summary>True when hotpapers wrote the post into this folder (the manifest has hashes of it).</summary>
    public bool Knows(string postPath) => Posts.ContainsKey(Key(postPath));

    /// <summary>True when <paramref name="hash"/> is one this manifest accepts for the post.</summary>
    public bool Accepts(string postPath, string hash) => Posts.TryGetValue(Key(postPath), out var ours) && ours.Contains(hash);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>This manifest with the given posts' hashes set; with <paramref name="keepOld"/>, their old hashes stay accepted too.</summary>
    public PostManifest With(IEnumerable<(string PostPath, string Hash)> written, bool keepOld)
    {
        var posts = Posts.ToBuilder();
        foreach (var (postPath, hash) in written)
        {
            var key = Key(postPath);
            posts[key] = keepOld && posts.TryGetValue(key, out var old) ? [.. old.Where(h => h != hash), hash] : [hash];
        }
        return new PostManifest(_directory, posts.ToImmutable());
    }

    /// <summary>This manifest without the given posts (deleted by --prune).</summary>
    public PostManifest Without(IEnumerable<string> postPaths) => new(_directory, Posts.RemoveRange(postPaths.Select(Key)));

    /// <summary>Written like a post (temporary file, then renamed), and only when its bytes change.</summary>
    public void Save()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteStartObject("posts");
            foreach (var (name, hashes) in Posts)
            {
                w.WriteStartArray(name);
                foreach (var h in hashes) w.WriteStringValue(h);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        PostWriter.Write(Path, stream.ToArray());
    }
}
