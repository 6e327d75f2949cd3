using System.Globalization;
using System.Text.RegularExpressions;

namespace HotPapers.Benchmarks;

/// <summary>
/// The folders measured runs write into, and what the bench checks in them. Every run writes into a
/// folder of its own that no earlier run used, and all of them are deleted only when the bench ends:
/// ext4 skips inodes freed in the last minutes when it makes a file, and after deleting a previous
/// run's thousands of posts that search cost seconds of kernel time, which is the bench's doing, not
/// the program's.
/// </summary>
internal sealed partial class Outputs
{
    private readonly string _work;

    public Outputs(string work)
    {
        _work = work;
        Root = Path.Combine(work, "out");
        if (Directory.Exists(Root)) Directory.Move(Root, Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"trash-{DateTime.UtcNow.Ticks}")));
    }

    public string Root { get; }

    /// <summary>A fresh folder for one run (not made: the program makes it).</summary>
    public string For(string name) => Path.Combine(Root, name.Replace(' ', '-'));

    public void DeleteAll()
    {
        foreach (var old in Directory.EnumerateDirectories(_work, "trash-*").Append(Root))
        {
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>The <c>.md</c> posts in a run's output folder and their size in bytes.</summary>
    public static (long Posts, long Bytes) PostsIn(string output)
    {
        long posts = 0, bytes = 0;
        foreach (var file in new DirectoryInfo(output).EnumerateFiles("*.md"))
        {
            posts++;
            bytes += file.Length;
        }
        return (posts, bytes);
    }

    /// <summary>Checks hotpapers' closing line against the posts found; returns how many it wrote.</summary>
    public static long CheckSummary(ChildRun run, long posts, long? expectedWritten)
    {
        var m = SummaryPattern().Match(run.Stdout);
        if (!m.Success) throw new BenchFailure($"hotpapers printed no summary line:\n{run.Stdout}");
        var total = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var written = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (total != posts) throw new BenchFailure($"hotpapers reported {total} post(s) but the output holds {posts}:\n{run.Stdout}");
        if (expectedWritten is { } e && written != e) throw new BenchFailure($"hotpapers wrote {written} post(s), expected {e}:\n{run.Stdout}");
        return written;
    }

    [GeneratedRegex(@"^(\d+) post\(s\): (\d+) written", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryPattern();
}
