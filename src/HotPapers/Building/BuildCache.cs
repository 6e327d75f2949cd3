using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HotPapers.Safety;
using HotPapers.Writing;

namespace HotPapers.Building;

/// <summary>What one build made of one records file, to be trusted by the next build while nothing changed.</summary>
/// <param name="Dates">The digest the build asked the file for (<c>--date</c>, or its name), "" when none.</param>
public sealed record CachedPost(string RecordsFile, FileStamp Records, string Dates, string PostPath, string Hash, FileStamp Post);

/// <summary>
/// Remembers, per output folder and records path, which post each records file made, so that a rebuild
/// where nothing changed skips loading and rendering: a records file is taken as built when its stamp,
/// the build's fingerprint (<see cref="BuildFingerprint"/>), its post's stamp and the manifest's hash of
/// that post all match what the last build saw. Anything else (a touched records file, an edited or
/// deleted post, a new template or setting, another hotpapers) builds that file again. The cache lives
/// under the user's cache folder, not in the blog, and is only ever a shortcut: a missing, stale or
/// unreadable cache just means a full build.
/// </summary>
public sealed class BuildCache
{
    private const string FormatName = "hotpapers-build-cache/2";

    // Git's "racy clean" rule: a file written this close to the save may change again within the same
    // timestamp tick (two seconds on FAT and HFS+), unseen; such a records file is not remembered.
    private static readonly TimeSpan Racy = TimeSpan.FromSeconds(2);

    private readonly string _path;
    private readonly string _fingerprint;
    private readonly Dictionary<string, CachedPost> _posts;

    private BuildCache(string path, string fingerprint, Dictionary<string, CachedPost> posts)
    {
        _path = path;
        _fingerprint = fingerprint;
        _posts = posts;
    }

    /// <summary><c>$XDG_CACHE_HOME/hotpapers</c>, else <c>~/.cache/hotpapers</c>; null when there is no home.</summary>
    public static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "hotpapers");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "hotpapers") : null;
    }

    public static BuildCache Open(string cacheDirectory, BuildSettings settings)
    {
        var key = Path.GetFullPath(settings.OutputDirectory) + "\n" + Path.GetFullPath(settings.RecordsPath);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".json";
        var path = Path.Combine(cacheDirectory, "builds", name);
        var fingerprint = BuildFingerprint.Of(settings);
        return new BuildCache(path, fingerprint, Read(path, fingerprint));
    }

    /// <summary>What the last build made of <paramref name="recordsFile"/>, when it still stands; else null.</summary>
    public CachedPost? Unchanged(string recordsFile, FileStamp? records, string dates, PostManifest manifest)
    {
        if (records is null || !_posts.TryGetValue(recordsFile, out var cached) || cached.Records != records || cached.Dates != dates) return null;
        return FileStamp.Of(cached.PostPath) == cached.Post && manifest.Accepts(cached.PostPath, cached.Hash) ? cached : null;
    }

    /// <summary>
    /// Records what this build made: <paramref name="built"/> as they are now on disk, and forgets
    /// <paramref name="forget"/> (posts that warned). What it knew of records files this build did not
    /// touch stays: a nightly one-day build must not cost the next full rebuild its shortcut. Failing to
    /// write the cache is no error.
    /// </summary>
    public void Save(IEnumerable<(BuiltPost Post, FileStamp Records, string Dates)> built, IEnumerable<string> forget)
    {
        var racySince = DateTime.UtcNow.Ticks - Racy.Ticks;
        foreach (var (post, records, dates) in built)
        {
            if (records.LastWriteTicks < racySince && post.Hash.Length > 0 && FileStamp.Of(post.PostPath) is { } stamp)
                _posts[post.RecordsFile] = new CachedPost(post.RecordsFile, records, dates, post.PostPath, post.Hash, stamp);
            else
                _posts.Remove(post.RecordsFile);
        }
        foreach (var file in forget) _posts.Remove(file);
        try
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteString("format", FormatName);
                w.WriteString("fingerprint", _fingerprint);
                w.WriteStartArray("posts");
                foreach (var post in _posts.Values.OrderBy(p => p.RecordsFile, StringComparer.Ordinal))
                {
                    w.WriteStartArray();
                    w.WriteStringValue(post.RecordsFile);
                    w.WriteNumberValue(post.Records.Length);
                    w.WriteNumberValue(post.Records.LastWriteTicks);
                    w.WriteStringValue(post.Dates);
                    w.WriteStringValue(post.PostPath);
                    w.WriteStringValue(post.Hash);
                    w.WriteNumberValue(post.Post.Length);
                    w.WriteNumberValue(post.Post.LastWriteTicks);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = PostWriter.TempPath(_path);
            File.WriteAllBytes(temp, stream.ToArray());
            File.Move(temp, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next build its shortcut, nothing more.
        }
    }

    private static Dictionary<string, CachedPost> Read(string path, string fingerprint)
    {
        var posts = new Dictionary<string, CachedPost>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(path)) return posts;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != FormatName || root.GetProperty("fingerprint").GetString() != fingerprint) return posts;
            foreach (var e in root.GetProperty("posts").EnumerateArray())
            {
                var post = new CachedPost(Text(e[0]), new FileStamp(e[1].GetInt64(), e[2].GetInt64()), Text(e[3]),
                    Text(e[4]), Text(e[5]), new FileStamp(e[6].GetInt64(), e[7].GetInt64()));
                posts[post.RecordsFile] = post;
            }
            return posts;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException
            or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            return new Dictionary<string, CachedPost>(StringComparer.Ordinal);
        }
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException();
}
