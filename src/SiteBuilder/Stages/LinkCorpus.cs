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
    public const int MaxPostingsScanned = 2000;

    public static (CorpusGraph Graph, IReadOnlyList<Diagnostic> Diagnostics) Run(Corpus corpus, EquatableArray<RenderedBody> bodies)
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
        var perMonth = new SortedDictionary<(int, int), int>[corpus.Entities.Count];
        for (var a = 0; a < articles.Length; a++)
        {
            var article = articles[a];
            var body = bodyBySlug[article.Slug];
            var ids = new List<int>();
            foreach (var mention in body.Mentions)
            {
                var e = entityIndex[mention.EntityId];
                ids.Add(e);
                mentionCounts[e] += mention.Count;
                perMonth[e] ??= [];
                var key = (article.Date.Year, article.Date.Month);
                perMonth[e][key] = perMonth[e].GetValueOrDefault(key) + mention.Count;
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
        Parallel.For(0, articles.Length, () => new Dictionary<int, double>(), (a, _, scores) =>
        {
            scores.Clear();
            var scanned = 0;
            foreach (var e in entitiesOf[a].OrderBy(e => postings[e].Count).ThenBy(e => e))
            {
                if (postings[e].Count > MaxPostingsScanned || scanned > MaxPostingsScanned * 4)
                {
                    break;
                }

                foreach (var other in postings[e])
                {
                    if (other != a)
                    {
                        scores[other] = scores.GetValueOrDefault(other) + idf[e];
                    }
                }

                scanned += postings[e].Count;
            }

            var related = scores
                .OrderByDescending(s => s.Value)
                .ThenBy(s => s.Key) // the newer article first on a tie
                .Take(RelatedCount)
                .Select(s => articles[s.Key].Slug)
                .ToEquatableArray();
            var article = articles[a];
            linked[a] = new LinkedArticle(article, bodyBySlug[article.Slug], entitiesOf[a].Select(e => corpus.Entities[e].Id).ToEquatableArray(), related);
            return scores;
        }, _ => { });

        var nodes = new EntityNode[corpus.Entities.Count];
        Parallel.For(0, nodes.Length, e =>
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

            var mentionedWith = together
                .OrderByDescending(t => t.Value)
                .ThenBy(t => corpus.Entities[t.Key].Id, StringComparer.Ordinal)
                .Take(MentionedWithCount)
                .Select(t => (corpus.Entities[t.Key].Id, t.Value))
                .ToEquatableArray();
            var months = perMonth[e]?.Select(m => new MonthCount(m.Key.Item1, m.Key.Item2, m.Value)).ToEquatableArray() ?? EquatableArray<MonthCount>.Empty;
            nodes[e] = new EntityNode(corpus.Entities[e], mentionCounts[e], postings[e].Select(a => articles[a].Slug).ToEquatableArray(), mentionedWith, months);
        });

        foreach (var node in nodes.Where(n => n.ArticleSlugs.Count == 0))
        {
            diagnostics.Add(DiagnosticDescriptors.EntityNeverMentioned.Create(node.Entity.Location, node.Entity.Id));
        }

        return (new CorpusGraph(corpus.Site, linked.ToEquatableArray(), nodes.ToEquatableArray()), diagnostics);
    }
}
