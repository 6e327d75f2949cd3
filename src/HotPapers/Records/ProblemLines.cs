using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// The line of the value each problem's JSON path names, so that a problem in a file of thousands of lines
/// can be found without a JSON tool. The readers keep no positions as they read (a day has thousands of
/// values and most files have no problem at all): only a file with problems is walked once more, the path
/// of each value made as <see cref="JsonChecker"/> makes it.
/// </summary>
internal static class ProblemLines
{
    /// <summary>
    /// The problems, each with the line of its value; where the file has no such value (a key that is
    /// missing), the line of the nearest value that holds it (its object). A key given twice is at its
    /// last place, the value that is read.
    /// </summary>
    /// <param name="json">The file's bytes, well-formed JSON (the problems were found by reading them).</param>
    public static IReadOnlyList<InputProblem> Add(ReadOnlySpan<byte> json, IReadOnlyList<InputProblem> problems)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in problems)
            if (IsPath(p.Location))
                for (var path = p.Location; path is not null; path = Enclosing(path))
                    if (!wanted.Add(path)) break;
        if (wanted.Count == 0) return problems;
        var lines = Walk(json, wanted);
        return [.. problems.Select(p => IsPath(p.Location) && Line(p.Location, lines) is { } line ? p with { Line = line } : p)];
    }

    /// <summary>Whether a location is a path to a value inside the file: not the whole file, nor a line and column already.</summary>
    private static bool IsPath(string location) =>
        location.StartsWith("$.", StringComparison.Ordinal) || location.StartsWith("$[", StringComparison.Ordinal);

    private static int? Line(string path, Dictionary<string, int> lines)
    {
        for (var at = path; at is not null; at = Enclosing(at))
            if (lines.TryGetValue(at, out var line)) return line;
        return null;
    }

    /// <summary>
    /// The path of the value that holds the one at <paramref name="path"/>, up to the root; null for the root.
    /// A key with a dot in its name gives a path no value has, which the next step up passes.
    /// </summary>
    private static string? Enclosing(string path)
    {
        var cut = path.AsSpan().LastIndexOfAny('.', '[');
        return cut > 0 ? path[..cut] : null;
    }

    private static Dictionary<string, int> Walk(ReadOnlySpan<byte> json, HashSet<string> wanted)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        // The arrays and objects the reader is in, each with the index of its next item (-1: an object).
        var open = new List<(string Path, int Next)>();
        string? key = null;
        int line = 1, counted = 0;
        var r = new Utf8JsonReader(json, JsonChecker.Options);
        while (r.Read())
        {
            switch (r.TokenType)
            {
                case JsonTokenType.PropertyName:
                    // A key that is no text (a \u escape of a lone surrogate) is reported alone, by its place.
                    try
                    {
                        key = r.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        r.Skip();
                    }
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.RemoveAt(open.Count - 1);
                    continue;
            }
            var path = "$";
            if (open.Count > 0)
            {
                var (holder, next) = open[^1];
                if (next < 0) path = $"{holder}.{key}";
                else
                {
                    path = $"{holder}[{next}]";
                    open[^1] = (holder, next + 1);
                }
            }
            if (wanted.Contains(path))
            {
                var start = checked((int)r.TokenStartIndex);
                line += json[counted..start].Count((byte)'\n');
                counted = start;
                lines[path] = line;
            }
            if (r.TokenType == JsonTokenType.StartObject) open.Add((path, -1));
            else if (r.TokenType == JsonTokenType.StartArray) open.Add((path, 0));
        }
        return lines;
    }
}
