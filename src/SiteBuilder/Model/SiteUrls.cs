using System.Globalization;

namespace SiteBuilder.Model;

/// <summary>
/// Every URL of the site. Page URLs are relative to the site root ("articles/x/", "" for home); <see cref="Href"/> prefixes
/// the base path so links work under a sub-path such as /repo/ on GitHub Pages.
/// </summary>
public sealed record SiteUrls(Uri BaseUrl)
{
    public string BasePath { get; } = BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>A root-relative href for a page or file URL: "/sub/articles/x/".</summary>
    public string Href(string url) => BasePath + url;

    // "https://example.org/sub/": computed once, as an absolute URL is made for every entity an article is about.
    private readonly string _absoluteBase = BaseUrl.GetLeftPart(UriPartial.Authority) + (BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/");

    /// <summary>The absolute URL (canonical, feed, sitemap).</summary>
    public string Absolute(string url) => _absoluteBase + url;

    public static string Home(int page = 1) => page <= 1 ? "" : $"page/{page.ToString(CultureInfo.InvariantCulture)}/";

    public static string Article(string slug) => $"articles/{slug}/";

    public static string Entity(string id, int page = 1) => page <= 1 ? $"entities/{id}/" : $"entities/{id}/page/{page.ToString(CultureInfo.InvariantCulture)}/";

    public static string EntityIndex => "entities/";

    public static string EntityKindIndex(EntityKind kind) => $"entities/#{kind.ToString().ToLowerInvariant()}";

    public static string Archive => "archive/";

    public static string ArchiveMonth(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"archive/{year:D4}/{month:D2}/");

    public static string Sources => "sources/";

    public static string Source(string slug, int page = 1) => page <= 1 ? $"sources/{slug}/" : $"sources/{slug}/page/{page.ToString(CultureInfo.InvariantCulture)}/";

    public static string Search => "search/";

    public static string Asset(string path) => "assets/" + path;
}
