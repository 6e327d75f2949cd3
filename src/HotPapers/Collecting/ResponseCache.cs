using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HotPapers.Output;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>
/// Every answer collect got (2xx, and each error its source takes as an answer), one file per request under the cache folder: <c>SOURCE/HASH.response</c>, the
/// hash being the URL's SHA-256 (the URL holds no secret: <see cref="IFetcher"/> says so). A file is one
/// line of JSON (<c>url</c>, <c>status</c>, <c>fetchedAt</c>, <c>length</c>) then the body as it came, so a
/// person can read it. Written to a temporary file and renamed, so an entry is whole or absent.
/// </summary>
internal sealed class ResponseCache(string folder)
{
    public string Folder => folder;

    public string PathOf(string source, Uri url) =>
        Path.Combine(folder, source, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri))) + ".response");

    /// <summary>Whether any answer of <paramref name="source"/> is stored.</summary>
    public bool Holds(string source) =>
        Directory.Exists(Path.Combine(folder, source)) && Directory.EnumerateFiles(Path.Combine(folder, source), "*.response").Any();

    /// <summary>The entry for <paramref name="url"/>, or null when there is none.</summary>
    /// <exception cref="SourceException">The entry is there and is not one this cache wrote.</exception>
    public FetchedResponse? Read(string source, Uri url)
    {
        var path = PathOf(source, url);
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return null;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(source, url, $"the cache entry {path} cannot be read: {e.Message}");
        }
        var newline = Array.IndexOf(bytes, (byte)'\n');
        string? storedUrl = null, fetchedAt = null;
        int? status = null;
        long? length = null;
        try
        {
            using var header = JsonDocument.Parse(bytes.AsMemory(0, newline < 0 ? bytes.Length : newline));
            foreach (var p in header.RootElement.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "url" when p.Value.ValueKind == JsonValueKind.String: storedUrl = p.Value.GetString(); break;
                    case "fetchedAt" when p.Value.ValueKind == JsonValueKind.String: fetchedAt = p.Value.GetString(); break;
                    case "status" when p.Value.TryGetInt32(out var s): status = s; break;
                    case "length" when p.Value.TryGetInt64(out var n): length = n; break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Malformed(source, url, path, "a first line of JSON with url, status, fetchedAt and length", "something else");
        }
        if (storedUrl != url.AbsoluteUri) throw Malformed(source, url, path, $"the entry of {url.AbsoluteUri}", storedUrl is null ? "no url" : $"the entry of {storedUrl}");
        if (fetchedAt is null || !Rfc3339.TryParseWithOffset(fetchedAt, out var when)) throw Malformed(source, url, path, "fetchedAt, an RFC 3339 time", fetchedAt ?? "none");
        // A 4xx is kept when its source takes it as an answer (IFetcher.GetAsync's answers); nothing else is ever kept.
        if (status is not (>= 200 and < 300 or >= 400 and < 500))
            throw Malformed(source, url, path, "a 2xx status, or a 4xx its source takes as an answer", status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        var body = newline < 0 ? [] : bytes.AsSpan(newline + 1).ToArray();
        if (newline < 0 || length != body.Length)
            throw Malformed(source, url, path, $"a body of {length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the stated"} bytes", $"{body.Length} bytes (cut short, or changed since)");
        return new FetchedResponse(url, status.Value, body, when);
    }

    public void Write(string source, FetchedResponse response)
    {
        var header = new MemoryStream();
        // The URL as a person reads it in the entry (& and +, not \u0026 and \u002B): the file is no web page.
        using (var w = new Utf8JsonWriter(header, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("url", response.Url.AbsoluteUri);
            w.WriteNumber("status", response.Status);
            w.WriteString("fetchedAt", Rfc3339.Format(response.FetchedAt));
            w.WriteNumber("length", response.Body.Length);
            w.WriteEndObject();
        }
        header.WriteByte((byte)'\n');
        header.Write(response.Body);
        PostWriter.Write(PathOf(source, response.Url), header.ToArray());
    }

    /// <summary>Removes the entry for <paramref name="url"/>, if there is one (an answer its source could not read).</summary>
    public void Forget(string source, Uri url)
    {
        try
        {
            File.Delete(PathOf(source, url));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in place, it is replayed until it is older than the cache's age: no worse than before.
        }
    }

    /// <summary>The file beside a source's answers that says when it was last asked, for the next run's pacing.</summary>
    public const string PaceFile = "pace.json";

    /// <summary>
    /// When <paramref name="source"/> was last asked, and for each of its servers the time before which it asked
    /// not to be asked again (a Retry-After longer than collect waits), by any run with this cache; null where no
    /// run wrote them, or they do not read (a run killed while writing): the pacing then starts afresh.
    /// </summary>
    public SourcePace? ReadPace(string source)
    {
        try
        {
            var path = PacePath(source);
            if (!File.Exists(path)) return null;
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            static DateTimeOffset? Time(JsonElement v) =>
                v.ValueKind == JsonValueKind.String && Rfc3339.TryParseWithOffset(v.GetString()!, out var t) ? t : null;
            var root = json.RootElement;
            var notBefore = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("notBefore", out var servers) && servers.ValueKind == JsonValueKind.Object)
            {
                foreach (var server in servers.EnumerateObject())
                {
                    if (Time(server.Value) is { } t) notBefore[server.Name] = t;
                }
            }
            return new SourcePace(root.TryGetProperty("lastRequest", out var last) ? Time(last) : null, notBefore);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Where <see cref="ReadPace"/> reads from, for messages that say how to forget it.</summary>
    public string PacePath(string source) => Path.Combine(folder, source, PaceFile);

    /// <summary>Keeps <paramref name="pace"/> for the next run (not made durable: losing it in a crash costs only that run's pacing).</summary>
    public void WritePace(string source, SourcePace pace)
    {
        var text = new MemoryStream();
        using (var w = new Utf8JsonWriter(text))
        {
            w.WriteStartObject();
            if (pace.LastRequest is { } last) w.WriteString("lastRequest", Rfc3339.Format(last));
            if (pace.NotBefore.Count > 0)
            {
                w.WriteStartObject("notBefore");
                foreach (var (server, time) in pace.NotBefore.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(server, Rfc3339.Format(time));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        text.WriteByte((byte)'\n');
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, source));
            File.WriteAllBytes(PacePath(source), text.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next run paces from its own first request, as it did before there was this file.
        }
    }

    private static SourceException Malformed(string source, Uri url, string path, string expected, string found) =>
        new(source, url, $"the cache entry {path} is malformed: expected {expected}, found {found}; delete it to fetch again");
}

/// <summary>When a source was last asked, and when each of its servers (host and port) may be asked again (<see cref="ResponseCache.ReadPace"/>).</summary>
internal sealed record SourcePace(DateTimeOffset? LastRequest, IReadOnlyDictionary<string, DateTimeOffset> NotBefore);
