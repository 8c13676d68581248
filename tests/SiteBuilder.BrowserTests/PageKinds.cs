namespace SiteBuilder.BrowserTests;

/// <summary>One page of each kind of the real corpus, by site-relative URL, and what to wait for before looking at it.</summary>
internal static class PageKinds
{
    public sealed record Kind(string Name, string Url, int Status = 200, string? Ready = null);

    public static readonly Kind Home = new("home", "");
    public static readonly Kind Article = new("article", "articles/trump-asks-zelensky-to-leave-white-house/");
    public static readonly Kind Entity = new("entity", "entities/volodymyr-zelenskyy/");
    public static readonly Kind EntityIndex = new("entity-index", "entities/");
    public static readonly Kind Archive = new("archive", "archive/");
    public static readonly Kind ArchiveMonth = new("archive-month", "archive/2025/08/");
    public static readonly Kind Sources = new("sources", "sources/");
    public static readonly Kind Source = new("source", "sources/realitywire/");
    public static readonly Kind Search = new("search-results", "search/?q=tusk", Ready: "() => document.getElementById('search-page').dataset.state === 'results'");
    public static readonly Kind NotFound = new("404", "no/such/page/", Status: 404);

    /// <summary>The pages the accessibility acceptance names.</summary>
    public static readonly Kind[] Audited = [Home, Article, Entity, EntityIndex, Archive, Search, NotFound];

    /// <summary>Every kind of page the site has.</summary>
    public static readonly Kind[] All = [Home, Article, Entity, EntityIndex, Archive, ArchiveMonth, Sources, Source, Search, NotFound];

    public static async Task OpenAsync(BrowserPage tab, TestSite site, Kind kind)
    {
        await tab.GotoAsync(site.Url(kind.Url), kind.Status);
        if (kind.Ready is not null)
        {
            await tab.Page.WaitForFunctionAsync(kind.Ready);
        }

        // Web fonts and late layout settle before anything is measured or audited.
        await tab.Page.EvaluateAsync("() => document.fonts ? document.fonts.ready.then(() => true) : true");
    }
}
