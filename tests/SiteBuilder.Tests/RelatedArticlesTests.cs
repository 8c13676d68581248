using System.Globalization;
using SiteBuilder.Stages;
using Xunit;

namespace SiteBuilder.Tests;

/// <summary>Each article's related articles, as <see cref="LinkCorpus"/> ranks them.</summary>
public sealed class RelatedArticlesTests
{
    private static readonly string[] Names =
        ["Alice Adams", "Bruno Bauer", "Clara Costa", "Dmitri Danilov", "Elena Eriksen", "Farid Fadel", "Greta Gruber", "Hugo Hansen"];

    [Fact]
    public void RelatedArticlesAreTheFiveWithTheMostWeightInSharedEntitiesNewestFirstOnATie()
    {
        // Given 60 articles, each mentioning a random few of 8 people (so many share the same set: ties), one a day
        var random = new Random(11);
        var files = Names.ToDictionary(n => $"entities/{Slug(n)}.yml", n => TestInput.Entity(n));
        for (var i = 0; i < 60; i++)
        {
            var mentioned = Names.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Names[i % Names.Length]);
            var date = new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            files[$"articles/article-{i:00}.md"] = TestInput.Article($"Article {i}", string.Join(" met ", mentioned) + ".", date);
        }

        using var input = new TestInput(files);

        // When the corpus is linked
        var graph = SiteGenerator.Analyze(input.Options()).Graph!;

        // Then each article's related articles are, of those sharing an entity with it, the five with the highest sum of
        // ln(N / df) + 1e-9 over the shared entities; on equal sums the newer article (earlier in the graph) first
        var articles = graph.Articles;
        var df = articles.SelectMany(a => a.EntityIds).GroupBy(e => e, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ties = 0;
        for (var a = 0; a < articles.Count; a++)
        {
            // Summed rarest first, as the stage does, so that equal sets of weights give equal sums.
            var shared = Enumerable.Range(0, articles.Count)
                .Where(b => b != a)
                .Select(b => (Index: b, Score: articles[a].EntityIds.Intersect(articles[b].EntityIds, StringComparer.Ordinal)
                    .Select(e => Math.Log((double)articles.Count / df[e]) + 1e-9)
                    .OrderByDescending(w => w)
                    .Aggregate(0.0, (sum, w) => sum + w)))
                .Where(c => c.Score > 0)
                .ToList();
            var expected = shared.OrderByDescending(c => c.Score).ThenBy(c => c.Index).Take(LinkCorpus.RelatedCount)
                .Select(c => articles[c.Index].Article.Slug);
            Assert.Equal(expected, articles[a].RelatedSlugs);
            ties += shared.GroupBy(c => c.Score).Count(g => g.Count() > 1);
        }

        Assert.True(ties > 100, $"only {ties} tied scores: the tie-break is hardly tested");
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
