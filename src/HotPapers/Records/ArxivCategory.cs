using System.Text.RegularExpressions;

namespace HotPapers.Records;

/// <summary>
/// An arXiv category as its listings name it: <c>cs.LG</c>, <c>hep-th</c>, <c>math-ph</c>, <c>q-bio.NC</c>,
/// <c>cond-mat.stat-mech</c>, <c>astro-ph.CO</c>. What the collector takes from arXiv's answers and the
/// old crawler's subjects must hold, so that its https://arxiv.org/list/CATEGORY/recent link is a listing.
/// </summary>
internal static partial class ArxivCategory
{
    public static bool IsMatch(ReadOnlySpan<char> text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
