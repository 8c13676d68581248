using System.Globalization;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>Stage 5: the linked corpus → every page of the site with its URL and model. Pure: no HTML, no IO.</summary>
public static class PlanSite
{
    public const int HomePageSize = 20;
    public const int TimelinePageSize = 50;
    public const int SourcePageSize = 50;
    public const int TopEntitiesOnHome = 16;

    public static Site Run(CorpusGraph graph, SiteUrls urls)
    {
        var site = graph.Site;
        var layout = new SiteLayout(site.Title, site.Description, site.Language, urls,
        [
            new NavItem("Latest", SiteUrls.Home()),
            new NavItem("Entities", SiteUrls.EntityIndex),
            new NavItem("Archive", SiteUrls.Archive),
            new NavItem("Sources", SiteUrls.Sources),
            new NavItem("Search", SiteUrls.Search),
        ]);

        var sourceSlugs = SourceSlugs(graph.Articles.Select(a => a.Article.Source));
        var summaries = graph.Articles.ToDictionary(
            a => a.Article.Slug,
            a => new ArticleSummary(a.Article.Slug, SiteUrls.Article(a.Article.Slug), a.Article.Title, a.Article.Date, a.Article.Source,
                SiteUrls.Source(sourceSlugs[a.Article.Source]), a.Body.Summary),
            StringComparer.Ordinal);
        var entityById = graph.Entities.ToDictionary(e => e.Entity.Id, StringComparer.Ordinal);
        var refs = graph.Entities.ToDictionary(e => e.Entity.Id, e => Ref(e.Entity), StringComparer.Ordinal);

        var articlesBySlug = graph.Articles.ToDictionary(a => a.Article.Slug, StringComparer.Ordinal);
        var pages = new List<Page>();
        pages.AddRange(HomePages(graph, summaries, refs, urls));
        // Article and entity pages are independent of each other and most of the site: planned in parallel, kept in order.
        var articlePages = new Page[graph.Articles.Count];
        Parallel.For(0, articlePages.Length, i => articlePages[i] = ArticlePage(graph.Articles, i, summaries, refs, entityById, urls));
        pages.AddRange(articlePages);
        var entityPages = new Page[graph.Entities.Count][];
        Parallel.For(0, entityPages.Length, e => entityPages[e] = [.. EntityPages(graph.Entities[e], summaries, articlesBySlug, refs, urls)]);
        pages.AddRange(entityPages.SelectMany(p => p));

        pages.Add(EntityIndex(graph, refs, urls));
        pages.AddRange(ArchivePages(graph, summaries, urls));
        pages.AddRange(SourcePages(graph, summaries, sourceSlugs, urls));
        pages.Add(new SearchPage(SiteUrls.Search, "Search", $"Search the articles and entities of {site.Title}.", Meta(urls, SiteUrls.Search, "website", null)));
        pages.Add(new NotFoundPage("404.html", "Page not found", "This page does not exist.", Meta(urls, "404.html", "website", null)));
        return new Site(layout, pages.ToEquatableArray());
    }

    public static EntityRef Ref(Entity entity) => new(entity.Id, SiteUrls.Entity(entity.Id), entity.Name, entity.Kind);

    /// <summary>A URL slug per publication name; names that slugify alike get -2, -3… in ordinal name order.</summary>
    public static Dictionary<string, string> SourceSlugs(IEnumerable<string> sources)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in sources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var baseSlug = Identifiers.Slugify(name) is { Length: > 0 } s ? s : "source";
            var slug = baseSlug;
            for (var n = 2; !used.Add(slug); n++)
            {
                slug = $"{baseSlug}-{n.ToString(CultureInfo.InvariantCulture)}";
            }

            result[name] = slug;
        }

        return result;
    }

    private static PageMeta Meta(SiteUrls urls, string url, string type, string? jsonLd) => new(urls.Absolute(url), type, jsonLd);

    private static IEnumerable<Page> HomePages(CorpusGraph graph, Dictionary<string, ArticleSummary> summaries, Dictionary<string, EntityRef> refs, SiteUrls urls)
    {
        var top = graph.Entities
            .Where(e => e.ArticleSlugs.Count > 0)
            .OrderByDescending(e => e.ArticleSlugs.Count).ThenByDescending(e => e.MentionCount).ThenBy(e => e.Entity.Id, StringComparer.Ordinal)
            .Take(TopEntitiesOnHome)
            .Select(e => new EntityCount(refs[e.Entity.Id], e.ArticleSlugs.Count))
            .ToEquatableArray();
        var all = graph.Articles.Select(a => summaries[a.Article.Slug]).ToArray();
        var pageCount = Math.Max(1, (all.Length + HomePageSize - 1) / HomePageSize);
        for (var page = 1; page <= pageCount; page++)
        {
            var url = SiteUrls.Home(page);
            var title = page == 1 ? graph.Site.Title : $"Latest articles, page {page.ToString(CultureInfo.InvariantCulture)}";
            var jsonLd = page == 1 ? JsonLd.WebSite(graph.Site, urls) : null;
            yield return new HomePage(url, title, graph.Site.Description, Meta(urls, url, "website", jsonLd),
                all.Skip((page - 1) * HomePageSize).Take(HomePageSize).ToEquatableArray(), page == 1 ? top : EquatableArray<EntityCount>.Empty,
                all.Length, graph.Entities.Count, Paginate(page, pageCount, SiteUrls.Home));
        }
    }

    private static Pagination Paginate(int page, int pageCount, Func<int, string> url) =>
        new(page, pageCount, page > 1 ? url(page - 1) : null, page < pageCount ? url(page + 1) : null);

    private static ArticlePage ArticlePage(EquatableArray<LinkedArticle> articles, int i, Dictionary<string, ArticleSummary> summaries, Dictionary<string, EntityRef> refs,
        Dictionary<string, EntityNode> entities, SiteUrls urls)
    {
        var linked = articles[i];
        var article = linked.Article;
        var counts = linked.Body.Mentions.ToDictionary(m => m.EntityId, m => m.Count, StringComparer.Ordinal);
        var groups = linked.EntityIds
            .Select(id => new EntityCount(refs[id], counts.GetValueOrDefault(id)))
            .GroupBy(c => c.Entity.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new EntityGroup(g.Key, g.OrderByDescending(c => c.Count).ThenBy(c => c.Entity.Name, StringComparer.Ordinal).ToEquatableArray()))
            .ToEquatableArray();
        var summary = summaries[article.Slug];
        var url = summary.Url;
        var about = linked.EntityIds.Select(id => entities[id].Entity).ToArray();
        return new ArticlePage(url, article.Title, summary.Summary,
            Meta(urls, url, "article", JsonLd.NewsArticle(article, summary, about, urls)),
            summary, article.SourceUrl, article.Author, linked.Body.Html, article.Tags, groups,
            linked.RelatedSlugs.Select(s => summaries[s]).ToEquatableArray(),
            Previous: i + 1 < articles.Count ? summaries[articles[i + 1].Article.Slug] : null,
            Next: i > 0 ? summaries[articles[i - 1].Article.Slug] : null);
    }

    private static IEnumerable<Page> EntityPages(EntityNode node, Dictionary<string, ArticleSummary> summaries, Dictionary<string, LinkedArticle> articles,
        Dictionary<string, EntityRef> refs, SiteUrls urls)
    {
        var entity = node.Entity;
        var entityRef = refs[entity.Id];
        var pageCount = Math.Max(1, (node.ArticleSlugs.Count + TimelinePageSize - 1) / TimelinePageSize);
        var mentionedWith = node.MentionedWith.Select(m => new EntityCount(refs[m.EntityId], m.SharedArticles)).ToEquatableArray();
        var kind = entity.Kind.ToString().ToLowerInvariant();
        var description = entity.Description ?? $"{entity.Name}: {kind} mentioned in {node.ArticleSlugs.Count.ToString(CultureInfo.InvariantCulture)} articles.";
        for (var page = 1; page <= pageCount; page++)
        {
            var url = SiteUrls.Entity(entity.Id, page);
            var timeline = node.ArticleSlugs
                .Skip((page - 1) * TimelinePageSize)
                .Take(TimelinePageSize)
                .Select(slug => Timeline(summaries[slug], articles[slug], entity.Id))
                .ToEquatableArray();
            var title = page == 1 ? entity.Name : $"{entity.Name}, page {page.ToString(CultureInfo.InvariantCulture)}";
            yield return new EntityPage(url, title, description, Meta(urls, url, "profile", page == 1 ? JsonLd.Profile(entity, urls) : null),
                entityRef, entity.Description, entity.Aliases, entity.Links, node.ArticleSlugs.Count, node.MentionCount,
                timeline, mentionedWith, node.MentionsPerMonth, Paginate(page, pageCount, p => SiteUrls.Entity(entity.Id, p)));
        }
    }

    private static TimelineEntry Timeline(ArticleSummary summary, LinkedArticle article, string entityId)
    {
        foreach (var mention in article.Body.Mentions)
        {
            if (mention.EntityId == entityId)
            {
                return new TimelineEntry(summary, mention.Context, mention.Count);
            }
        }

        return new TimelineEntry(summary, null, 0);
    }

    private static EntityIndexPage EntityIndex(CorpusGraph graph, Dictionary<string, EntityRef> refs, SiteUrls urls)
    {
        var groups = graph.Entities
            .GroupBy(e => e.Entity.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new EntityGroup(g.Key, g
                .OrderBy(e => e.Entity.Name, StringComparer.Ordinal)
                .Select(e => new EntityCount(refs[e.Entity.Id], e.ArticleSlugs.Count))
                .ToEquatableArray()))
            .ToEquatableArray();
        return new EntityIndexPage(SiteUrls.EntityIndex, "Entities", $"The people, organizations, places and events in {graph.Site.Title}.",
            Meta(urls, SiteUrls.EntityIndex, "website", null), groups);
    }

    private static IEnumerable<Page> ArchivePages(CorpusGraph graph, Dictionary<string, ArticleSummary> summaries, SiteUrls urls)
    {
        var months = graph.Articles
            .GroupBy(a => (a.Article.Date.Year, a.Article.Date.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => (Link: new ArchiveMonthLink(g.Key.Year, g.Key.Month, SiteUrls.ArchiveMonth(g.Key.Year, g.Key.Month), g.Count()),
                Articles: g.Select(a => summaries[a.Article.Slug]).ToEquatableArray()))
            .ToArray();
        var years = months
            .GroupBy(m => m.Link.Year)
            .Select(g => new ArchiveYear(g.Key, g.Sum(m => m.Link.Count), g.Select(m => m.Link).ToEquatableArray()))
            .ToEquatableArray();
        yield return new ArchivePage(SiteUrls.Archive, "Archive", $"Every article in {graph.Site.Title}, by month.", Meta(urls, SiteUrls.Archive, "website", null), years);
        for (var i = 0; i < months.Length; i++)
        {
            var (link, articles) = months[i];
            var name = new DateOnly(link.Year, link.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            yield return new ArchiveMonthPage(link.Url, name, $"Articles from {name}.", Meta(urls, link.Url, "website", null), link.Year, link.Month, articles,
                Previous: i + 1 < months.Length ? months[i + 1].Link : null,
                Next: i > 0 ? months[i - 1].Link : null);
        }
    }

    private static IEnumerable<Page> SourcePages(CorpusGraph graph, Dictionary<string, ArticleSummary> summaries, Dictionary<string, string> slugs, SiteUrls urls)
    {
        var bySource = graph.Articles
            .GroupBy(a => a.Article.Source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var links = bySource.Select(g => new SourceLink(g.Key, SiteUrls.Source(slugs[g.Key]), g.Count())).ToEquatableArray();
        yield return new SourceIndexPage(SiteUrls.Sources, "Sources", $"The publications in {graph.Site.Title}.", Meta(urls, SiteUrls.Sources, "website", null), links);
        foreach (var group in bySource)
        {
            var all = group.Select(a => summaries[a.Article.Slug]).ToArray();
            var slug = slugs[group.Key];
            var pageCount = Math.Max(1, (all.Length + SourcePageSize - 1) / SourcePageSize);
            for (var page = 1; page <= pageCount; page++)
            {
                var url = SiteUrls.Source(slug, page);
                var title = page == 1 ? group.Key : $"{group.Key}, page {page.ToString(CultureInfo.InvariantCulture)}";
                yield return new SourcePage(url, title, $"Articles from {group.Key}.", Meta(urls, url, "website", null), group.Key,
                    all.Skip((page - 1) * SourcePageSize).Take(SourcePageSize).ToEquatableArray(), all.Length, Paginate(page, pageCount, p => SiteUrls.Source(slug, p)));
            }
        }
    }
}
