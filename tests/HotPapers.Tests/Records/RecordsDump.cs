using System.Globalization;
using System.Text;
using System.Text.Json;
using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>Every value of loaded records as text, so that two loads can be compared whole and a difference read.</summary>
internal static class RecordsDump
{
    public static string Of(DigestRecords? r)
    {
        if (r is null) return "(none)";
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{r.Format} {r.Date:yyyy-MM-dd}..{r.EndDate:yyyy-MM-dd} collected {r.CollectedAt:o} ranked {r.Ranked}{(r.Unanswered.Length > 0 ? " unanswered " + string.Join(",", r.Unanswered.Select(n => n.Name())) : "")}\n");
        var o = r.Post;
        s.Append(CultureInfo.InvariantCulture, $"post {Q(o.Title)} {Q(o.Template)} {o.Draft} {Q(o.Slug)} {Q(o.Category)} {(o.Tags is { } tags ? "[" + string.Join(", ", tags.Select(Q)) + "]" : "null")} {Q(o.Description)} {Q(o.SocialImage)} {o.RawText}\n");
        foreach (var p in r.Papers)
        {
            s.Append(CultureInfo.InvariantCulture, $"paper {p.Id} {Q(p.Title)} by [{string.Join(", ", p.Authors.Select(Q))}] in [{string.Join(", ", p.Categories.Select(Q))}]\n");
            s.Append(CultureInfo.InvariantCulture, $"  abs {Q(p.AbsUrl)} pdf {Q(p.PdfUrl)} collected {p.CollectedAt:o} totals {string.Join(", ", p.Totals.Select(t => $"{t.Network} {t.Reposts}/{t.Likes}"))}\n  abstract {Q(p.Abstract)}\n");
            foreach (var t in p.Mentions)
            {
                s.Append(CultureInfo.InvariantCulture, $"  tweet {Q(t.Url)} {Q(t.AuthorName)} @{Q(t.Handle)} {Q(t.Text)} at {t.Created?.Day:yyyy-MM-dd} {t.Created?.Instant:o}");
                s.Append(CultureInfo.InvariantCulture, $" lang {Q(t.Lang)} rt {t.Reposts} fav {t.Likes} of {Q(t.RepostOf)} embed {Q(t.EmbedHtml)}\n");
            }
        }
        return s.ToString();
    }

    private static string Q(string? text) => text is null ? "null" : JsonSerializer.Serialize(text);
}
