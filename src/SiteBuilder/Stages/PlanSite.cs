using System.Globalization;
using System.Runtime.InteropServices;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>Stage 5: the linked corpus → every page of the site with its URL and model. Pure: no HTML, no IO.</summary>
public static class PlanSite
{
    public const int HomePageSize = 20;
    public const int TimelinePageSize = 50;
    public const int SourcePageSize = 50;
    public const int TopEntitiesOnHome = 16;

    /// <summary>
    /// What one run can hand to the next (the preview server): the last run's articles, in order, with each one's summary,
    /// page and everything the page was made from. When the articles are the same ones in the same order (an edit to a
    /// title or a body), an unchanged article's summary and page are the same objects again: nothing is looked up by slug
    /// or compared deeply for them, here or when the build looks for pages to render.
    /// </summary>
    public sealed class Cache
    {
        internal LinkedArticle[] Articles { get; set; } = [];

        internal Dictionary<string, int> IndexOf { get; set; } = new(StringComparer.Ordinal);

        internal Dictionary<string, string> SourceSlugs { get; set; } = new(StringComparer.Ordinal);

        internal ArticleSummary[] Summaries { get; set; } = [];

        /// <summary>The articles (indexes, newest first) of each source and of each month, in page order.</summary>
        internal (Group<string>[] Sources, Group<(int Year, int Month)>[] Months)? Groups { get; set; }

        internal ArticlePageInputs[] Inputs { get; set; } = [];

        internal ArticlePage[] Pages { get; set; } = [];

        internal Entity[] Catalog { get; set; } = [];

        internal Dictionary<string, (EntityPageInputs Inputs, Page[] Pages)> Entities { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>The articles (indexes into the graph's articles, newest first) that share a key: a source, a month.</summary>
    internal sealed record Group<TKey>(TKey Key, int[] Articles);

    /// <summary>Everything an article's page is made from.</summary>
    internal sealed record ArticlePageInputs(LinkedArticle Article, ArticleSummary Summary, EquatableArray<Entity> About,
        EquatableArray<ArticleSummary> Related, ArticleSummary? Previous, ArticleSummary? Next, SiteUrls Urls);

    /// <summary>
    /// What an entity's pages are made from, apart from its articles' summaries and mentions: those are too many to compare
    /// (thousands for a frequent entity), so an entity is planned again when one of its articles' pages changed instead.
    /// </summary>
    internal sealed record EntityPageInputs(EntityNode Node, EquatableArray<EntityCount> MentionedWith, SiteUrls Urls);

    public static Site Run(CorpusGraph graph, SiteUrls urls) => Run(graph, urls, cache: null);

    public static Site Run(CorpusGraph graph, SiteUrls urls, Cache? cache)
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

        var articles = Articles.Of(graph, cache);
        var entityById = graph.Entities.ToDictionary(e => e.Entity.Id, StringComparer.Ordinal);
        var refs = graph.Entities.ToDictionary(e => e.Entity.Id, e => Ref(e.Entity), StringComparer.Ordinal);

        var pages = new List<Page>();
        pages.AddRange(HomePages(graph, articles.Summaries, refs, urls));
        // Article and entity pages are most of the site: each planned in parallel, kept in order.
        var (articlePages, changed) = PlanArticles(graph, articles, entityById, urls, cache);
        pages.AddRange(articlePages);
        pages.AddRange(PlanEntities(graph, articles, refs, urls, cache, changed));
        pages.Add(EntityIndex(graph, refs, urls));
        pages.AddRange(ArchivePages(graph, articles, urls));
        pages.AddRange(SourcePages(graph, articles, urls));
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

    private static PageMeta Meta(SiteUrls urls, string url, string type, Utf8Text? jsonLd) => new(urls.Absolute(url), type, jsonLd);

    private static IEnumerable<Page> HomePages(CorpusGraph graph, ArticleSummary[] all, Dictionary<string, EntityRef> refs, SiteUrls urls)
    {
        var top = graph.Entities
            .Where(e => e.ArticleSlugs.Count > 0)
            .OrderByDescending(e => e.ArticleSlugs.Count).ThenByDescending(e => e.MentionCount).ThenBy(e => e.Entity.Id, StringComparer.Ordinal)
            .Take(TopEntitiesOnHome)
            .Select(e => new EntityCount(refs[e.Entity.Id], e.ArticleSlugs.Count))
            .ToEquatableArray();
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

    /// <summary>
    /// The articles' summaries (in the graph's order), their indexes by slug and the sources' slugs. A summary equal to
    /// last run's is last run's object; <see cref="Changed"/> holds the slugs of the others. <see cref="SameOrder"/>: the
    /// same articles in the same order as last run, with the same sources and dates (so the same groups by source and month).
    /// </summary>
    private sealed record Articles(ArticleSummary[] Summaries, Dictionary<string, int> IndexOf, Dictionary<string, string> SourceSlugs, bool SameOrder,
        HashSet<string> Changed, Group<string>[] BySource, Group<(int Year, int Month)>[] ByMonth)
    {
        public static Articles Of(CorpusGraph graph, Cache? cache)
        {
            var n = graph.Articles.Count;
            var last = cache?.Articles ?? [];
            var sameOrder = cache is not null && last.Length == n;
            for (var i = 0; sameOrder && i < n; i++)
            {
                var (was, now) = (last[i].Article, graph.Articles[i].Article);
                sameOrder = ReferenceEquals(was, now) || (was.Slug == now.Slug && was.Source == now.Source && was.Date == now.Date);
            }

            var indexOf = sameOrder ? cache!.IndexOf : IndexBySlug(graph);
            var sourceSlugs = sameOrder ? cache!.SourceSlugs : PlanSite.SourceSlugs(graph.Articles.Select(a => a.Article.Source));
            if (!sameOrder && cache is not null && sourceSlugs.Count == cache.SourceSlugs.Count && !sourceSlugs.Except(cache.SourceSlugs).Any())
            {
                sourceSlugs = cache.SourceSlugs;
            }

            var summaries = new ArticleSummary[n];
            var changed = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var linked = graph.Articles[i];
                var article = linked.Article;
                var old = sameOrder ? i : cache is not null && cache.IndexOf.TryGetValue(article.Slug, out var at) ? at : -1;
                if (old >= 0 && ReferenceEquals(last[old], linked) && ReferenceEquals(sourceSlugs, cache!.SourceSlugs))
                {
                    summaries[i] = cache.Summaries[old];
                    continue;
                }

                summaries[i] = new ArticleSummary(article.Slug, SiteUrls.Article(article.Slug), article.Title, article.Date, article.Source,
                    SiteUrls.Source(sourceSlugs[article.Source]), linked.Body.Summary);
                if (old >= 0 && summaries[i].Equals(cache!.Summaries[old]))
                {
                    summaries[i] = cache.Summaries[old];
                }
                else
                {
                    changed.Add(article.Slug);
                }
            }

            var groups = sameOrder && cache!.Groups is { } known ? known : (
                [.. Enumerable.Range(0, n).GroupBy(i => summaries[i].Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Group<string>(g.Key, [.. g]))],
                [.. Enumerable.Range(0, n).GroupBy(i => (summaries[i].Date.Year, summaries[i].Date.Month)).OrderByDescending(g => g.Key)
                    .Select(g => new Group<(int, int)>(g.Key, [.. g]))]);
            return new Articles(summaries, indexOf, sourceSlugs, sameOrder, changed, groups.Sources, groups.Months);
        }

        /// <summary>The slug of the one article whose summary is new, when there is exactly one (the common edit).</summary>
        private string? OnlyChanged { get; } = Changed.Count == 1 ? Changed.First() : null;

        /// <summary>Whether the summary of one of these articles is new since the last run.</summary>
        public bool AnyChanged(EquatableArray<string> slugs)
        {
            if (Changed.Count == 0)
            {
                return false;
            }

            // One edited article (the common case) is found faster by comparing than by hashing every related slug.
            foreach (var slug in slugs)
            {
                if (OnlyChanged is { } only ? slug == only : Changed.Contains(slug))
                {
                    return true;
                }
            }

            return false;
        }

        public ArticleSummary SummaryOf(string slug) => Summaries[IndexOf[slug]];

        private static Dictionary<string, int> IndexBySlug(CorpusGraph graph)
        {
            var index = new Dictionary<string, int>(graph.Articles.Count, StringComparer.Ordinal);
            for (var i = 0; i < graph.Articles.Count; i++)
            {
                index[graph.Articles[i].Article.Slug] = i;
            }

            return index;
        }
    }

    /// <summary>The articles (indexes) whose pages changed since the last run, by the entities they are about.</summary>
    private sealed record ChangedArticles(Dictionary<string, List<int>> ByEntity);

    private static (ArticlePage[] Pages, ChangedArticles Changed) PlanArticles(CorpusGraph graph, Articles articles,
        Dictionary<string, EntityNode> entityById, SiteUrls urls, Cache? cache)
    {
        var n = graph.Articles.Count;
        var pages = new ArticlePage[n];
        var inputs = new ArticlePageInputs[n];
        var rebuilt = new bool[n];
        var summaries = articles.Summaries;
        // The same articles in the same order, about the same entities, at the same URLs: an article whose inputs are
        // all the same objects as last run's has the same page, found without building its inputs again.
        var sameInputs = cache is not null && articles.SameOrder && cache.Inputs.Length == n && (n == 0 || cache.Inputs[0].Urls == urls)
            && graph.Entities.Select(e => e.Entity).SequenceEqual(cache.Catalog, ReferenceEqualityComparer.Instance);
        Parallel.For(0, n, i =>
        {
            var linked = graph.Articles[i];
            var previous = i + 1 < n ? summaries[i + 1] : null;
            var next = i > 0 ? summaries[i - 1] : null;
            var old = articles.SameOrder ? i : cache is not null && cache.IndexOf.TryGetValue(linked.Article.Slug, out var at) ? at : -1;
            if (sameInputs && cache!.Inputs[i] is var last && ReferenceEquals(last.Article, linked) && ReferenceEquals(last.Summary, summaries[i])
                && ReferenceEquals(last.Previous, previous) && ReferenceEquals(last.Next, next)
                && !articles.AnyChanged(linked.RelatedSlugs))
            {
                (inputs[i], pages[i]) = (last, cache.Pages[i]);
                return;
            }

            inputs[i] = new ArticlePageInputs(linked, summaries[i],
                linked.EntityIds.Select(id => entityById[id].Entity).ToEquatableArray(),
                linked.RelatedSlugs.Select(articles.SummaryOf).ToEquatableArray(),
                previous, next, urls);
            if (old >= 0 && cache!.Inputs[old].Equals(inputs[i]))
            {
                pages[i] = cache.Pages[old];
            }
            else
            {
                pages[i] = ArticlePage(inputs[i]);
                rebuilt[i] = true;
            }
        });

        // The entities whose timelines may show a changed article, with the changed articles they are about. (One that an
        // article is no longer about has another node, so its pages are planned again anyway.)
        var changed = new ChangedArticles([]);
        for (var i = 0; cache is not null && i < n; i++)
        {
            if (rebuilt[i])
            {
                foreach (var id in graph.Articles[i].EntityIds)
                {
                    (CollectionsMarshal.GetValueRefOrAddDefault(changed.ByEntity, id, out _) ??= []).Add(i);
                }
            }
        }

        if (cache is not null)
        {
            cache.Articles = [.. graph.Articles];
            cache.IndexOf = articles.IndexOf;
            cache.SourceSlugs = articles.SourceSlugs;
            cache.Summaries = summaries;
            cache.Groups = (articles.BySource, articles.ByMonth);
            cache.Inputs = inputs;
            cache.Pages = pages;
            cache.Catalog = [.. graph.Entities.Select(e => e.Entity)];
        }

        return (pages, changed);
    }

    private static IEnumerable<Page> PlanEntities(CorpusGraph graph, Articles articles, Dictionary<string, EntityRef> refs, SiteUrls urls, Cache? cache,
        ChangedArticles changed)
    {
        var pages = new Page[graph.Entities.Count][];
        var inputs = new EntityPageInputs[graph.Entities.Count];
        var known = cache?.Entities;
        Parallel.For(0, pages.Length, e =>
        {
            var node = graph.Entities[e];
            inputs[e] = new EntityPageInputs(node, node.MentionedWith.Select(m => new EntityCount(refs[m.EntityId], m.SharedArticles)).ToEquatableArray(), urls);
            var reusable = known is not null && known.TryGetValue(node.Entity.Id, out var cached) && cached.Inputs.Equals(inputs[e]) ? cached.Pages : null;
            var touched = changed.ByEntity.GetValueOrDefault(node.Entity.Id);
            if (reusable is not null && touched is null)
            {
                pages[e] = reusable;
                return;
            }

            // Page by page: with the same node (so the same articles on each page), only a page that lists a changed
            // article is made again; an edit to one article of a frequent entity does not re-plan its hundred pages.
            var stale = reusable is null ? null : touched!.Select(i => Position(node, i, articles)).Where(p => p >= 0).Select(p => p / TimelinePageSize).ToHashSet();
            var pageCount = Math.Max(1, (node.ArticleSlugs.Count + TimelinePageSize - 1) / TimelinePageSize);
            pages[e] = new Page[pageCount];
            for (var page = 1; page <= pageCount; page++)
            {
                if (stale is not null && !stale.Contains(page - 1))
                {
                    pages[e][page - 1] = reusable![page - 1];
                    continue;
                }

                var start = (page - 1) * TimelinePageSize;
                var slugs = node.ArticleSlugs.AsImmutableArray().AsSpan(start, Math.Min(TimelinePageSize, node.ArticleSlugs.Count - start)).ToArray();
                pages[e][page - 1] = EntityPage(inputs[e], page, pageCount, slugs.Select(slug => Timeline(articles.IndexOf[slug], articles, graph, node.Entity.Id)).ToEquatableArray());
            }
        });

        if (cache is not null)
        {
            cache.Entities = new(pages.Length, StringComparer.Ordinal);
            for (var e = 0; e < pages.Length; e++)
            {
                cache.Entities[graph.Entities[e].Entity.Id] = (inputs[e], pages[e]);
            }
        }

        return pages.SelectMany(p => p);
    }

    private static ArticlePage ArticlePage(ArticlePageInputs inputs)
    {
        var (linked, summary, about, related, previous, next, urls) = inputs;
        var article = linked.Article;
        var counts = linked.Body.Mentions.ToDictionary(m => m.EntityId, m => m.Count, StringComparer.Ordinal);
        var groups = about
            .Select(entity => new EntityCount(Ref(entity), counts.GetValueOrDefault(entity.Id)))
            .GroupBy(c => c.Entity.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new EntityGroup(g.Key, g.OrderByDescending(c => c.Count).ThenBy(c => c.Entity.Name, StringComparer.Ordinal).ToEquatableArray()))
            .ToEquatableArray();
        var url = summary.Url;
        return new ArticlePage(url, article.Title, summary.Summary,
            Meta(urls, url, "article", JsonLd.NewsArticle(article, summary, about, urls)),
            summary, article.SourceUrl, article.Author, linked.Body.Html, article.Tags, groups, related, previous, next);
    }

    private static EntityPage EntityPage(EntityPageInputs inputs, int page, int pageCount, EquatableArray<TimelineEntry> timeline)
    {
        var (node, mentionedWith, urls) = inputs;
        var entity = node.Entity;
        var kind = entity.Kind.ToString().ToLowerInvariant();
        var description = entity.Description ?? $"{entity.Name}: {kind} mentioned in {node.ArticleSlugs.Count.ToString(CultureInfo.InvariantCulture)} articles.";
        var url = SiteUrls.Entity(entity.Id, page);
        var title = page == 1 ? entity.Name : $"{entity.Name}, page {page.ToString(CultureInfo.InvariantCulture)}";
        return new EntityPage(url, title, description, Meta(urls, url, "profile", page == 1 ? JsonLd.Profile(entity, urls) : null),
            Ref(entity), entity.Description, entity.Aliases, entity.Links, node.ArticleSlugs.Count, node.MentionCount,
            timeline, mentionedWith, node.MentionsPerMonth, Paginate(page, pageCount, p => SiteUrls.Entity(entity.Id, p)));
    }

    /// <summary>Where article <paramref name="index"/> is in the entity's timeline (newest first, as the articles are), or -1.</summary>
    private static int Position(EntityNode node, int index, Articles articles)
    {
        var (low, high) = (0, node.ArticleSlugs.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var at = articles.IndexOf[node.ArticleSlugs[middle]];
            if (at == index)
            {
                return middle;
            }

            (low, high) = at < index ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    private static TimelineEntry Timeline(int index, Articles articles, CorpusGraph graph, string entityId)
    {
        var summary = articles.Summaries[index];
        foreach (var mention in graph.Articles[index].Body.Mentions)
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

    private static IEnumerable<Page> ArchivePages(CorpusGraph graph, Articles articles, SiteUrls urls)
    {
        var months = articles.ByMonth
            .Select(g => (Link: new ArchiveMonthLink(g.Key.Year, g.Key.Month, SiteUrls.ArchiveMonth(g.Key.Year, g.Key.Month), g.Articles.Length),
                Articles: g.Articles.Select(i => articles.Summaries[i]).ToEquatableArray()))
            .ToArray();
        var years = months
            .GroupBy(m => m.Link.Year)
            .Select(g => new ArchiveYear(g.Key, g.Sum(m => m.Link.Count), g.Select(m => m.Link).ToEquatableArray()))
            .ToEquatableArray();
        yield return new ArchivePage(SiteUrls.Archive, "Archive", $"Every article in {graph.Site.Title}, by month.", Meta(urls, SiteUrls.Archive, "website", null), years);
        for (var i = 0; i < months.Length; i++)
        {
            var (link, listed) = months[i];
            var name = new DateOnly(link.Year, link.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            yield return new ArchiveMonthPage(link.Url, name, $"Articles from {name}.", Meta(urls, link.Url, "website", null), link.Year, link.Month, listed,
                Previous: i + 1 < months.Length ? months[i + 1].Link : null,
                Next: i > 0 ? months[i - 1].Link : null);
        }
    }

    private static IEnumerable<Page> SourcePages(CorpusGraph graph, Articles articles, SiteUrls urls)
    {
        var (bySource, slugs) = (articles.BySource, articles.SourceSlugs);
        var links = bySource.Select(g => new SourceLink(g.Key, SiteUrls.Source(slugs[g.Key]), g.Articles.Length)).ToEquatableArray();
        yield return new SourceIndexPage(SiteUrls.Sources, "Sources", $"The publications in {graph.Site.Title}.", Meta(urls, SiteUrls.Sources, "website", null), links);
        foreach (var group in bySource)
        {
            var all = group.Articles.Select(i => articles.Summaries[i]).ToArray();
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
