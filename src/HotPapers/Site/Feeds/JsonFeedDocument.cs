using System.Text.Json.Serialization;

namespace HotPapers.Site;

/// <summary>A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), the fields the site fills.</summary>
internal sealed record JsonFeedDocument(
    string Version,
    string Title,
    string HomePageUrl,
    string FeedUrl,
    string Description,
    string Language,
    IReadOnlyList<JsonFeedAuthor>? Authors,
    IReadOnlyList<JsonFeedItem> Items)
{
    public const string Version11 = "https://jsonfeed.org/version/1.1";

    public static JsonFeedDocument From(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries) => new(
        Version11,
        FeedText.Clean(site.Title),
        site.Home.AbsoluteUri,
        self.AbsoluteUri,
        FeedText.Clean(site.Description),
        site.Language,
        site.Author is null ? null : [new JsonFeedAuthor(FeedText.Clean(site.Author))],
        entries.Select(JsonFeedItem.From).ToList());
}

/// <summary>An author in a JSON Feed.</summary>
internal sealed record JsonFeedAuthor(string Name);

/// <summary>
/// An item in a JSON Feed. Dates are strings written by <see cref="FeedText.Rfc3339"/>, the same text
/// the Atom feed carries (the serializer's own DateTimeOffset form would add fractions of a second).
/// </summary>
internal sealed record JsonFeedItem(
    string Id,
    string Url,
    string Title,
    string ContentHtml,
    string Summary,
    string DatePublished,
    string DateModified,
    IReadOnlyList<string>? Tags)
{
    public static JsonFeedItem From(FeedEntry entry) => new(
        FeedText.Clean(entry.Id),
        entry.Url.AbsoluteUri,
        FeedText.Clean(entry.Title),
        FeedText.Clean(entry.HtmlContent),
        FeedText.Clean(entry.Summary),
        FeedText.Rfc3339(entry.Published),
        FeedText.Rfc3339(entry.Updated),
        entry.Categories.IsDefaultOrEmpty ? null : entry.Categories.Select(FeedText.Clean).ToList());
}

/// <summary>Source-generated (de)serialization of the JSON Feed: no reflection, AOT-clean.</summary>
// snake_case: JSON Feed's names (home_page_url, content_html, ...) are the properties' names.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
