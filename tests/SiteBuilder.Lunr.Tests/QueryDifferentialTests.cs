using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>lunr.js loads the C# index and ranks every query exactly as on its own index of the same documents.</summary>
public sealed class QueryDifferentialTests
{
    [Fact]
    public void QueriesRankTheSameOnTheCSharpIndexAsOnLunrsOwnIndex()
    {
        // Given 300 articles and a few tricky corpora, indexed by C#, and a query set using every query feature
        var jobs = new List<QueryJob>();
        TestCorpus articles = CorpusGenerator.Articles(300, seed: 99, minWords: 60, maxWords: 200);
        string[] vocabulary = CorpusGenerator.ArticleVocabulary(99);
        jobs.Add(QueryJob.OnIndex(articles.BuildWithCSharp().ToJson(), ArticleQueries(vocabulary, new Random(3))));
        jobs.Add(QueryJob.OnCorpus(articles, jobs[0].Queries));
        for (int seed = 0; seed < 60 && jobs.Count < 2 + (2 * 12); seed++)
        {
            TestCorpus corpus = CorpusGenerator.Tricky(seed);
            if (corpus.Documents.Count == 0 || corpus.Fields.Count == 0)
            {
                continue;
            }

            LunrIndex index = corpus.BuildWithCSharp();
            IReadOnlyList<string> queries = TermQueries(index, new Random(seed));
            jobs.Add(QueryJob.OnIndex(index.ToJson(), queries));
            jobs.Add(QueryJob.OnCorpus(corpus, queries));
        }

        // When lunr.js runs them on the loaded C# index and on the index it builds itself
        IReadOnlyList<IReadOnlyList<string>> results = LunrOracle.Query(jobs);

        // Then refs, order and scores (or the parse error) are identical for every query
        int nonEmpty = 0;
        for (int j = 0; j < jobs.Count; j += 2)
        {
            for (int q = 0; q < jobs[j].Queries.Count; q++)
            {
                string fromCSharp = results[j][q];
                string fromLunr = results[j + 1][q];
                Assert.True(
                    fromCSharp == fromLunr,
                    $"job {j / 2}, query '{jobs[j].Queries[q]}':\n  lunr index: {fromLunr}\n  C# index:   {fromCSharp}");
                nonEmpty += fromLunr.StartsWith("[{", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(nonEmpty > 100, $"only {nonEmpty} queries matched anything; the query set is too weak");
    }

    private static List<string> ArticleQueries(string[] vocabulary, Random random)
    {
        string W() => vocabulary[random.Next(vocabulary.Length)];
        var queries = new List<string>
        {
            "", "war", "peace talks", "zelenskyy", "trump's", "İstanbul", "ΟΔΟΣ", "日本", "1990", "u.s", "c", "net",
            "-war", "-the", "+govern -elect", "title:nation", "entities:zelenskyy", "body:market summary:market",
            "nation*", "gov*", "*ation", "te*st", "nation~1", "govern~2", "markte~1", "war^10 peace", "title:war^5 body:war",
            "unknownfield:war", "+title:nation +body:report", "the and of", "likely", "liking", "\"quoted\"",
        };
        for (int i = 0; i < 40; i++)
        {
            queries.Add(W());
            queries.Add($"{W()} {W()} {W()}");
            queries.Add($"+{W()} {W()}");
            queries.Add($"{W()} -{W()}");
            queries.Add($"title:{W()} {W()}");
            queries.Add($"{W()[..Math.Min(4, W().Length)]}*");
            queries.Add($"{W()}~1");
            queries.Add($"{W()}^{random.Next(1, 20)} {W()}");
        }

        return queries;
    }

    private static List<string> TermQueries(LunrIndex index, Random random)
    {
        var terms = index.Terms;
        string T() => terms[random.Next(terms.Count)];
        var queries = new List<string> { "", "-zzz" };
        if (terms.Count == 0)
        {
            return queries;
        }

        string field = index.Fields[random.Next(index.Fields.Count)];
        for (int i = 0; i < 8; i++)
        {
            queries.Add(T());
            queries.Add($"{T()} {T()}");
            queries.Add($"+{T()} -{T()}");
            queries.Add($"{field}:{T()}");
            queries.Add($"{T()}*");
            queries.Add($"{T()}~1");
        }

        return queries;
    }
}
