namespace SiteBuilder.Model;

/// <summary>Site-wide data every page's layout needs.</summary>
public sealed record SiteLayout(string Title, string Description, string Language, SiteUrls Urls, EquatableArray<NavItem> Navigation);

public sealed record NavItem(string Label, string Url);

/// <summary>An article as it appears in lists: everything a card or a row needs.</summary>
public sealed record ArticleSummary(string Slug, string Url, string Title, DateOnly Date, string Source, string SourcePageUrl, string Summary);

/// <summary>A link to an entity page.</summary>
public sealed record EntityRef(string Id, string Url, string Name, EntityKind Kind);

public sealed record EntityCount(EntityRef Entity, int Count);

/// <summary>Entities of one kind, for "In this article" and the entity index.</summary>
public sealed record EntityGroup(EntityKind Kind, EquatableArray<EntityCount> Entities);

/// <summary>Page n of m, with the URLs of the neighbours (null at the ends).</summary>
public sealed record Pagination(int Page, int PageCount, string? PreviousUrl, string? NextUrl)
{
    public static Pagination Single { get; } = new(1, 1, null, null);
}

/// <summary>Metadata for &lt;head&gt;: canonical URL, OpenGraph type, and schema.org JSON-LD (already serialised, as UTF-8, and script-safe).</summary>
public sealed record PageMeta(string Canonical, string OpenGraphType, Utf8Text? JsonLd);

/// <summary>A page of the site. <see cref="Url"/> is relative to the site root; the file is <see cref="OutputPath"/>.</summary>
public abstract record Page(string Url, string Title, string Description, PageMeta Meta)
{
    /// <summary>
    /// The file, relative to the output root: the folder's index.html, or the URL itself when it names a file (404.html).
    /// Made once: it keys every lookup of the page in a build.
    /// </summary>
    public string OutputPath { get; } = Url.EndsWith(".html", StringComparison.Ordinal) ? Url : Url + "index.html";
}

public sealed record ArticlePage(
    string Url, string Title, string Description, PageMeta Meta,
    ArticleSummary Article,
    string? SourceUrl,
    string? Author,
    Utf8Text BodyHtml,
    EquatableArray<string> Tags,
    EquatableArray<EntityGroup> EntitiesByKind,
    EquatableArray<ArticleSummary> Related,
    ArticleSummary? Previous,
    ArticleSummary? Next) : Page(Url, Title, Description, Meta);

/// <summary>One article in an entity's timeline, with the sentence of its first mention.</summary>
public sealed record TimelineEntry(ArticleSummary Article, MentionContext? Context, int Mentions);

public sealed record EntityPage(
    string Url, string Title, string Description, PageMeta Meta,
    EntityRef Entity,
    string? EntityDescription,
    EquatableArray<string> Aliases,
    EquatableArray<EntityLink> Links,
    int ArticleCount,
    int MentionCount,
    EquatableArray<TimelineEntry> Timeline,
    EquatableArray<EntityCount> MentionedWith,
    EquatableArray<MonthCount> MentionsPerMonth,
    Pagination Pagination) : Page(Url, Title, Description, Meta);

public sealed record HomePage(
    string Url, string Title, string Description, PageMeta Meta,
    EquatableArray<ArticleSummary> Articles,
    EquatableArray<EntityCount> TopEntities,
    int ArticleCount,
    int EntityCount,
    Pagination Pagination) : Page(Url, Title, Description, Meta);

public sealed record EntityIndexPage(string Url, string Title, string Description, PageMeta Meta, EquatableArray<EntityGroup> Groups)
    : Page(Url, Title, Description, Meta);

public sealed record ArchiveMonthLink(int Year, int Month, string Url, int Count);

public sealed record ArchiveYear(int Year, int Count, EquatableArray<ArchiveMonthLink> Months);

public sealed record ArchivePage(string Url, string Title, string Description, PageMeta Meta, EquatableArray<ArchiveYear> Years)
    : Page(Url, Title, Description, Meta);

public sealed record ArchiveMonthPage(
    string Url, string Title, string Description, PageMeta Meta,
    int Year, int Month,
    EquatableArray<ArticleSummary> Articles,
    ArchiveMonthLink? Previous,
    ArchiveMonthLink? Next) : Page(Url, Title, Description, Meta);

public sealed record SourceLink(string Name, string Url, int Count);

public sealed record SourceIndexPage(string Url, string Title, string Description, PageMeta Meta, EquatableArray<SourceLink> Sources)
    : Page(Url, Title, Description, Meta);

public sealed record SourcePage(
    string Url, string Title, string Description, PageMeta Meta,
    string Name,
    EquatableArray<ArticleSummary> Articles,
    int ArticleCount,
    Pagination Pagination) : Page(Url, Title, Description, Meta);

public sealed record SearchPage(string Url, string Title, string Description, PageMeta Meta) : Page(Url, Title, Description, Meta);

public sealed record NotFoundPage(string Url, string Title, string Description, PageMeta Meta) : Page(Url, Title, Description, Meta);

/// <summary>The planned site: every page, and the layout they share.</summary>
public sealed record Site(SiteLayout Layout, EquatableArray<Page> Pages);
