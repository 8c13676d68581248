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
    /// edit that keeps these (a title, most body edits) reuses them. With the same articles in the same order, an
    /// unchanged article's entities and an unchanged entity's node are last run's objects too.
    /// </summary>
    public sealed class Cache
    {
        internal string[] EntityIds { get; set; } = [];

        /// <summary>The articles as parsed, in input order, and the order they were sorted into (newest first).</summary>
        internal (Article[] Input, int[] Order) Sorted { get; set; } = ([], []);

        /// <summary>The articles as parsed (newest first: their order is part of the key) and the linked articles made of them.</summary>
        internal (Article[] Sources, LinkedArticle[] Linked) Articles { get; set; } = ([], []);

        internal int[][] EntitiesOf { get; set; } = [];

        internal EquatableArray<string>[] Related { get; set; } = [];

        internal EquatableArray<(string EntityId, int SharedArticles)>[] MentionedWith { get; set; } = [];

        /// <summary>Each entity's node, with the mentions per month it was made from.</summary>
        internal (EntityNode Node, Dictionary<int, int>? PerMonth)[] Nodes { get; set; } = [];
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

        var catalog = corpus.Entities.Select(e => e.Id).ToArray();
        var sameCatalog = cache is not null && cache.EntityIds.AsSpan().SequenceEqual(catalog);
        var order = Order(corpus.Articles, cache);
        var articles = order.Select(i => corpus.Articles[i]).ToArray();
        var bodyOf = BodiesInOrder(corpus.Articles, bodies, order);
        var entitiesOf = new int[articles.Length][];
        var postings = new List<int>[corpus.Entities.Count];
        for (var e = 0; e < postings.Length; e++)
        {
            postings[e] = [];
        }

        var mentionCounts = new int[corpus.Entities.Count];
        // Mentions per entity by month (year * 12 + month - 1), sorted when the entity's node is made.
        var perMonth = new Dictionary<int, int>?[corpus.Entities.Count];
        var previous = cache?.Articles ?? ([], []);
        var sameArticles = sameCatalog && previous.Sources.Length == articles.Length;
        for (var a = 0; a < articles.Length; a++)
        {
            var article = articles[a];
            var body = bodyOf[a];
            var month = article.Date.Year * 12 + article.Date.Month - 1;
            // The same article and body as last time, against the same entities: the same entities, in the same order
            // (first those it mentions, in the order of its mentions), found without looking up their ids.
            var known = sameArticles && ReferenceEquals(previous.Sources[a], article) && ReferenceEquals(previous.Linked[a].Body, body);
            var ids = known ? null : new List<int>();
            for (var m = 0; m < body.Mentions.Count; m++)
            {
                var mention = body.Mentions[m];
                var e = known ? cache!.EntitiesOf[a][m] : entityIndex[mention.EntityId];
                ids?.Add(e);
                mentionCounts[e] += mention.Count;
                CollectionsMarshal.GetValueRefOrAddDefault(perMonth[e] ??= [], month, out _) += mention.Count;
            }

            if (ids is null)
            {
                entitiesOf[a] = cache!.EntitiesOf[a];
            }
            else
            {
                foreach (var reference in article.Entities)
                {
                    var e = entityIndex[reference.Id];
                    if (!ids.Contains(e))
                    {
                        ids.Add(e);
                    }
                }

                entitiesOf[a] = [.. ids];
            }

            if (entitiesOf[a].Length == 0)
            {
                diagnostics.Add(DiagnosticDescriptors.NoEntityMentioned.Create(new SourceLocation(article.BodyPath, article.BodyLine, 1)));
            }

            foreach (var e in entitiesOf[a])
            {
                postings[e].Add(a);
            }
        }

        var linked = new LinkedArticle[articles.Length];
        var n = articles.Length;
        var idf = postings.Select(p => p.Count == 0 ? 0 : Math.Log((double)n / p.Count) + 1e-9).ToArray();
        var reuse = sameArticles && SameSlugs(previous.Sources, articles)
            && cache!.EntitiesOf.Zip(entitiesOf).All(pair => ReferenceEquals(pair.First, pair.Second) || pair.First.AsSpan().SequenceEqual(pair.Second));
        var relatedOf = reuse ? cache!.Related : new EquatableArray<string>[n];
        Parallel.For(0, articles.Length, () => new RelatedScratch(n), (a, _, scratch) =>
        {
            var article = articles[a];
            var body = bodyOf[a];
            if (reuse && ReferenceEquals(previous.Sources[a], article) && ReferenceEquals(previous.Linked[a].Body, body))
            {
                // The same parsed article and rendered body as last time (both stages return the same objects for an
                // unchanged file): the same linked article, so later comparisons of it are reference checks.
                linked[a] = previous.Linked[a];
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

                    scratch.AddAll(CollectionsMarshal.AsSpan(postings[e]), except: a, idf[e]);

                    scanned += postings[e].Count;
                }

                relatedOf[a] = scratch.TakeTop(RelatedCount).Select(i => articles[i].Slug).ToEquatableArray();
            }

            // The graph carries the rendered body; the raw text stays with the corpus and is not kept alive by every page.
            linked[a] = new LinkedArticle(article with { Text = string.Empty, BodyStart = 0 }, body, entitiesOf[a].Select(e => corpus.Entities[e].Id).ToEquatableArray(), relatedOf[a]);
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

            // The same articles, each about the same entities (so the same postings), and the same counts: last run's node.
            var last = reuse ? cache!.Nodes[e] : default;
            if (reuse && ReferenceEquals(last.Node.Entity, corpus.Entities[e]) && last.Node.MentionCount == mentionCounts[e] && SameCounts(last.PerMonth, perMonth[e]))
            {
                nodes[e] = last.Node;
                return;
            }

            var months = perMonth[e]?.OrderBy(m => m.Key).Select(m => new MonthCount(m.Key / 12, m.Key % 12 + 1, m.Value)).ToEquatableArray() ?? EquatableArray<MonthCount>.Empty;
            var slugs = reuse ? last.Node.ArticleSlugs : postings[e].Select(a => articles[a].Slug).ToEquatableArray();
            nodes[e] = new EntityNode(corpus.Entities[e], mentionCounts[e], slugs, mentionedWithOf[e], months);
        });

        if (cache is not null)
        {
            (cache.EntityIds, cache.EntitiesOf, cache.Related, cache.MentionedWith) = (catalog, entitiesOf, relatedOf, mentionedWithOf);
            cache.Articles = (articles, linked);
            cache.Nodes = [.. nodes.Zip(perMonth)];
            cache.Sorted = ([.. corpus.Articles], order);
        }

        foreach (var node in nodes.Where(n => n.ArticleSlugs.Count == 0))
        {
            diagnostics.Add(DiagnosticDescriptors.EntityNeverMentioned.Create(node.Entity.Location, node.Entity.Id));
        }

        return (new CorpusGraph(corpus.Site, linked.ToEquatableArray(), nodes.ToEquatableArray()), diagnostics);
    }

    /// <summary>Article indexes, newest first; ties by slug so the order never depends on input order. Last run's when no date or slug moved.</summary>
    private static int[] Order(EquatableArray<Article> articles, Cache? cache)
    {
        var (input, order) = cache?.Sorted ?? ([], []);
        var same = input.Length == articles.Count;
        for (var i = 0; same && i < input.Length; i++)
        {
            same = ReferenceEquals(input[i], articles[i]) || (input[i].Date == articles[i].Date && input[i].Slug == articles[i].Slug);
        }

        return same ? order : Enumerable.Range(0, articles.Count)
            .OrderByDescending(i => articles[i].Date)
            .ThenBy(i => articles[i].Slug, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Each article's body, in <paramref name="order"/>. Bodies come in the articles' order (as RenderBodies returns them), or are found by slug.</summary>
    private static RenderedBody[] BodiesInOrder(EquatableArray<Article> articles, EquatableArray<RenderedBody> bodies, int[] order)
    {
        var aligned = bodies.Count == articles.Count;
        for (var i = 0; aligned && i < bodies.Count; i++)
        {
            aligned = bodies[i].Slug == articles[i].Slug;
        }

        if (aligned)
        {
            return [.. order.Select(i => bodies[i])];
        }

        var bySlug = bodies.ToDictionary(b => b.Slug, StringComparer.Ordinal);
        return [.. order.Select(i => bySlug[articles[i].Slug])];
    }

    private static bool SameSlugs(Article[] previous, Article[] articles)
    {
        var same = previous.Length == articles.Length;
        for (var i = 0; same && i < articles.Length; i++)
        {
            same = previous[i].Slug == articles[i].Slug;
        }

        return same;
    }

    private static bool SameCounts(Dictionary<int, int>? previous, Dictionary<int, int>? counts) =>
        previous is null || counts is null
            ? previous is null && counts is null
            : previous.Count == counts.Count && counts.All(c => previous.TryGetValue(c.Key, out var count) && count == c.Value);

    /// <summary>Per-thread scores of candidate articles: a dense array plus the list of touched slots, cleared by <see cref="TakeTop"/>.</summary>
    private sealed class RelatedScratch(int size)
    {
        private readonly double[] _scores = new double[size];
        private readonly int[] _touched = new int[size];
        private int _touchedCount;

        /// <summary>Adds <paramref name="score"/> to every article of <paramref name="articles"/> but <paramref name="except"/>.</summary>
        public void AddAll(ReadOnlySpan<int> articles, int except, double score)
        {
            var scores = _scores;
            foreach (var article in articles)
            {
                if (article == except)
                {
                    continue;
                }

                if (scores[article] == 0)
                {
                    _touched[_touchedCount++] = article;
                }

                scores[article] += score;
            }
        }

        /// <summary>The <paramref name="count"/> best candidates: highest score first, the newer article (lower index) on a tie.</summary>
        public int[] TakeTop(int count)
        {
            Span<int> best = stackalloc int[count];
            var found = 0;
            foreach (var candidate in _touched.AsSpan(0, _touchedCount))
            {
                // Most candidates lose to the last of a full list: one comparison.
                if (found == count && !Better(candidate, best[count - 1]))
                {
                    continue;
                }

                var position = Math.Min(found, count - 1);
                while (position > 0 && Better(candidate, best[position - 1]))
                {
                    best[position] = best[position - 1];
                    position--;
                }

                best[position] = candidate;
                found = Math.Min(found + 1, count);
            }

            var result = best[..found].ToArray();
            foreach (var candidate in _touched.AsSpan(0, _touchedCount))
            {
                _scores[candidate] = 0;
            }

            _touchedCount = 0;
            return result;
        }

        private bool Better(int x, int y) => _scores[x] > _scores[y] || (_scores[x] == _scores[y] && x < y);
    }
}
