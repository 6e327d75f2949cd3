using System.Text.Json.Serialization;

namespace HotPapers.Site;

/// <summary>A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), the fields the site fills.</summary>
internal sealed record JsonFeedDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: JsonPropertyName("feed_url")] string FeedUrl,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor>? Authors,
    [property: JsonPropertyName("items")] IReadOnlyList<JsonFeedItem> Items)
{
    public const string Version11 = "https://jsonfeed.org/version/1.1";

    public static JsonFeedDocument From(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries) => new(
        Version11,
        FeedText.Clean(site.Title),
        site.BaseUrl.AbsoluteUri,
        self.AbsoluteUri,
        FeedText.Clean(site.Description),
        site.Author is null ? null : [new JsonFeedAuthor(FeedText.Clean(site.Author))],
        entries.Select(JsonFeedItem.From).ToList());
}

/// <summary>An author in a JSON Feed.</summary>
internal sealed record JsonFeedAuthor([property: JsonPropertyName("name")] string Name);

/// <summary>
/// An item in a JSON Feed. Dates are strings written by <see cref="FeedText.Rfc3339"/>, the same text
/// the Atom feed carries (the serializer's own DateTimeOffset form would add fractions of a second).
/// </summary>
internal sealed record JsonFeedItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("content_html")] string ContentHtml,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("date_published")] string DatePublished,
    [property: JsonPropertyName("date_modified")] string DateModified,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags)
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
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
