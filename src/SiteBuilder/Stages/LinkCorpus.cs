using System.Runtime.InteropServices;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>
/// Stage 4: joins articles and entities. Computes each entity's articles, co-mentions and monthly counts, and each
/// article's related articles: ranked by shared entities, an entity shared by fewer articles weighing more
/// (idf = ln(N / df)). Entities in more than <see cref="MaxPostingsScanned"/> articles are skipped when looking for
/// candidates, so the step stays linear in the corpus size.
/// </summary>
public static class LinkCorpus
{
    public const int RelatedCount = 5;
    public const int MentionedWithCount = 12;
    public const int MaxPostingsScanned = 1000;
    public const int MaxCandidatesScanned = 3000;

    /// <summary>
    /// What one run can hand to the next (the preview server): the related articles and who each entity is mentioned
    /// with, which depend only on the entities, which of them each article is about, and the order of the articles. An
    /// edit that keeps these (a title, most body edits) reuses them.
    /// </summary>
    public sealed class Cache
    {
        internal string[] EntityIds { get; set; } = [];

        /// <summary>The articles as parsed (newest first: their order is part of the key) and the linked articles made of them.</summary>
        internal (Article[] Sources, LinkedArticle[] Linked) Articles { get; set; } = ([], []);

        internal int[][] EntitiesOf { get; set; } = [];

        internal EquatableArray<string>[] Related { get; set; } = [];

        internal EquatableArray<(string EntityId, int SharedArticles)>[] MentionedWith { get; set; } = [];
    }

    public static (CorpusGraph Graph, IReadOnlyList<Diagnostic> Diagnostics) Run(Corpus corpus, EquatableArray<RenderedBody> bodies) =>
        Run(corpus, bodies, cache: null);

    public static (CorpusGraph Graph, IReadOnlyList<Diagnostic> Diagnostics) Run(Corpus corpus, EquatableArray<RenderedBody> bodies, Cache? cache)
    {
        var diagnostics = new List<Diagnostic>();
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < corpus.Entities.Count; i++)
        {
            entityIndex[corpus.Entities[i].Id] = i;
        }

        // Newest first; ties by slug so the order never depends on input order.
        var order = Enumerable.Range(0, corpus.Articles.Count)
            .OrderByDescending(i => corpus.Articles[i].Date)
            .ThenBy(i => corpus.Articles[i].Slug, StringComparer.Ordinal)
            .ToArray();
        var articles = order.Select(i => corpus.Articles[i]).ToArray();
        var bodyBySlug = bodies.ToDictionary(b => b.Slug, StringComparer.Ordinal);
        var entitiesOf = new int[articles.Length][];
        var postings = new List<int>[corpus.Entities.Count];
        for (var e = 0; e < postings.Length; e++)
        {
            postings[e] = [];
        }

        var mentionCounts = new int[corpus.Entities.Count];
        // Mentions per entity by month (year * 12 + month - 1), sorted when the entity's node is made.
        var perMonth = new Dictionary<int, int>?[corpus.Entities.Count];
        for (var a = 0; a < articles.Length; a++)
        {
            var article = articles[a];
            var body = bodyBySlug[article.Slug];
            var ids = new List<int>();
            var month = article.Date.Year * 12 + article.Date.Month - 1;
            foreach (var mention in body.Mentions)
            {
                var e = entityIndex[mention.EntityId];
                ids.Add(e);
                mentionCounts[e] += mention.Count;
                CollectionsMarshal.GetValueRefOrAddDefault(perMonth[e] ??= [], month, out _) += mention.Count;
            }

            foreach (var reference in article.Entities)
            {
                var e = entityIndex[reference.Id];
                if (!ids.Contains(e))
                {
                    ids.Add(e);
                }
            }

            if (ids.Count == 0)
            {
                diagnostics.Add(DiagnosticDescriptors.NoEntityMentioned.Create(new SourceLocation(article.BodyPath, article.BodyLine, 1)));
            }

            entitiesOf[a] = [.. ids];
            foreach (var e in ids)
            {
                postings[e].Add(a);
            }
        }

        var linked = new LinkedArticle[articles.Length];
        var n = articles.Length;
        var idf = postings.Select(p => p.Count == 0 ? 0 : Math.Log((double)n / p.Count) + 1e-9).ToArray();
        var catalog = corpus.Entities.Select(e => e.Id).ToArray();
        var previous = cache?.Articles.Sources ?? [];
        var reuse = cache is not null && cache.EntityIds.AsSpan().SequenceEqual(catalog)
            && previous.Length == n && previous.Select(p => p.Slug).SequenceEqual(articles.Select(a => a.Slug), StringComparer.Ordinal)
            && cache.EntitiesOf.Zip(entitiesOf).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
        var relatedOf = reuse ? cache!.Related : new EquatableArray<string>[n];
        Parallel.For(0, articles.Length, () => new RelatedScratch(n), (a, _, scratch) =>
        {
            var article = articles[a];
            var body = bodyBySlug[article.Slug];
            if (reuse && ReferenceEquals(previous[a], article) && ReferenceEquals(cache!.Articles.Linked[a].Body, body))
            {
                // The same parsed article and rendered body as last time (both stages return the same objects for an
                // unchanged file): the same linked article, so later comparisons of it are reference checks.
                linked[a] = cache.Articles.Linked[a];
                return scratch;
            }

            if (!reuse)
            {
                var scanned = 0;
                foreach (var e in entitiesOf[a].OrderBy(e => postings[e].Count).ThenBy(e => e))
                {
                    if (postings[e].Count > MaxPostingsScanned || scanned > MaxCandidatesScanned)
                    {
                        break;
                    }

                    foreach (var other in postings[e])
                    {
                        if (other != a)
                        {
                            scratch.Add(other, idf[e]);
                        }
                    }

                    scanned += postings[e].Count;
                }

                relatedOf[a] = scratch.TakeTop(RelatedCount).Select(i => articles[i].Slug).ToEquatableArray();
            }

            // The graph carries the rendered body; the raw text stays with the corpus and is not kept alive by every page.
            linked[a] = new LinkedArticle(article with { Body = string.Empty }, body, entitiesOf[a].Select(e => corpus.Entities[e].Id).ToEquatableArray(), relatedOf[a]);
            return scratch;
        }, _ => { });

        var nodes = new EntityNode[corpus.Entities.Count];
        var mentionedWithOf = reuse ? cache!.MentionedWith : new EquatableArray<(string, int)>[nodes.Length];
        Parallel.For(0, nodes.Length, e =>
        {
            if (!reuse)
            {
                var together = new Dictionary<int, int>();
                foreach (var a in postings[e])
                {
                    foreach (var other in entitiesOf[a])
                    {
                        if (other != e)
                        {
                            together[other] = together.GetValueOrDefault(other) + 1;
                        }
                    }
                }

                mentionedWithOf[e] = together
                    .OrderByDescending(t => t.Value)
                    .ThenBy(t => corpus.Entities[t.Key].Id, StringComparer.Ordinal)
                    .Take(MentionedWithCount)
                    .Select(t => (corpus.Entities[t.Key].Id, t.Value))
                    .ToEquatableArray();
            }

            var months = perMonth[e]?.OrderBy(m => m.Key).Select(m => new MonthCount(m.Key / 12, m.Key % 12 + 1, m.Value)).ToEquatableArray() ?? EquatableArray<MonthCount>.Empty;
            nodes[e] = new EntityNode(corpus.Entities[e], mentionCounts[e], postings[e].Select(a => articles[a].Slug).ToEquatableArray(), mentionedWithOf[e], months);
        });

        if (cache is not null)
        {
            (cache.EntityIds, cache.EntitiesOf, cache.Related, cache.MentionedWith) = (catalog, entitiesOf, relatedOf, mentionedWithOf);
            cache.Articles = (articles, linked);
        }

        foreach (var node in nodes.Where(n => n.ArticleSlugs.Count == 0))
        {
            diagnostics.Add(DiagnosticDescriptors.EntityNeverMentioned.Create(node.Entity.Location, node.Entity.Id));
        }

        return (new CorpusGraph(corpus.Site, linked.ToEquatableArray(), nodes.ToEquatableArray()), diagnostics);
    }

    /// <summary>Per-thread scores of candidate articles: a dense array plus the list of touched slots, cleared by <see cref="TakeTop"/>.</summary>
    private sealed class RelatedScratch(int size)
    {
        private readonly double[] _scores = new double[size];
        private readonly List<int> _touched = [];

        public void Add(int article, double score)
        {
            if (_scores[article] == 0)
            {
                _touched.Add(article);
            }

            _scores[article] += score;
        }

        /// <summary>The <paramref name="count"/> best candidates: highest score first, the newer article (lower index) on a tie.</summary>
        public int[] TakeTop(int count)
        {
            var best = new List<int>(count + 1);
            foreach (var candidate in _touched)
            {
                var position = best.Count;
                while (position > 0 && Better(candidate, best[position - 1]))
                {
                    position--;
                }

                if (position < count)
                {
                    best.Insert(position, candidate);
                    if (best.Count > count)
                    {
                        best.RemoveAt(count);
                    }
                }
            }

            var result = best.ToArray();
            foreach (var candidate in _touched)
            {
                _scores[candidate] = 0;
            }

            _touched.Clear();
            return result;
        }

        private bool Better(int x, int y) => _scores[x] > _scores[y] || (_scores[x] == _scores[y] && x < y);
    }
}
