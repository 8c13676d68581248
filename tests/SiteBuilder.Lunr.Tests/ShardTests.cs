using System.Text;
using System.Text.Json;
using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>A shard is a valid lunr index of some terms that scores their queries as the whole index does.</summary>
public sealed class ShardTests
{
    private static readonly string[] Prefixes = ["a", "c", "p", "s", "t", "con", "1"];

    [Fact]
    public void QueriesWhoseTermsAreInTheShardScoreAsOnTheWholeIndex()
    {
        // Given the C# index of 300 articles and, per prefix, a shard of the terms with that prefix
        TestCorpus articles = CorpusGenerator.Articles(300, seed: 5, minWords: 60, maxWords: 200);
        LunrIndex index = articles.BuildWithCSharp();
        string whole = index.ToJson();
        string[] words = [.. CorpusGenerator.ArticleVocabulary(5), "zelenskyy", "trump's", "1990", "2001", "10,000"];
        var random = new Random(17);
        var jobs = new List<QueryJob>();
        foreach (string prefix in Prefixes)
        {
            // Words whose search-time term (lowercased, stemmed) lies in the shard.
            string[] inShard = [.. words.Where(w => w.StartsWith(prefix, StringComparison.Ordinal)
                && LunrStemmer.Stem(w).StartsWith(prefix, StringComparison.Ordinal))];
            Assert.NotEmpty(inShard);
            string W() => inShard[random.Next(inShard.Length)];
            var queries = new List<string> { $"{prefix}*" };
            for (int i = 0; i < 15; i++)
            {
                queries.Add(W());
                queries.Add($"{W()} {W()}");
                queries.Add($"+{W()} {W()}");
                queries.Add($"{W()} -{W()}");
                queries.Add($"title:{W()} body:{W()}");
                queries.Add($"{W()}^{random.Next(2, 12)} {W()}");
                queries.Add($"{W()}*");
            }

            jobs.Add(QueryJob.OnIndex(whole, queries));
            jobs.Add(QueryJob.OnIndex(Shard(index, prefix), queries));
        }

        // When lunr.js loads the whole index and each shard and runs the queries
        IReadOnlyList<IReadOnlyList<string>> results = LunrOracle.Query(jobs);

        // Then each query gives the same refs, order and scores on the shard as on the whole index
        int nonEmpty = 0;
        for (int j = 0; j < jobs.Count; j += 2)
        {
            for (int q = 0; q < jobs[j].Queries.Count; q++)
            {
                Assert.True(
                    results[j][q] == results[j + 1][q],
                    $"prefix '{Prefixes[j / 2]}', query '{jobs[j].Queries[q]}':\n  whole: {results[j][q]}\n  shard: {results[j + 1][q]}");
                nonEmpty += results[j][q].StartsWith("[{", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(nonEmpty > 200, $"only {nonEmpty} shard queries matched anything");
    }

    [Fact]
    public void ShardKeepsIncludedTermsWithTheirIndexAndEveryFieldVector()
    {
        // Given an index with array-index refs, duplicate refs and position metadata
        TestCorpus corpus = CorpusGenerator.Tricky(3) with { MetadataWhitelist = ["position"] };
        LunrIndex index = corpus.BuildWithCSharp();
        using var wholeJson = JsonDocument.Parse(index.ToJson());

        // When a shard of the terms starting with "c" is written
        using var shardJson = JsonDocument.Parse(Shard(index, "c"));

        // Then the header is unchanged, the inverted index holds exactly those terms in order with the same
        // postings, and every (doc, field) vector is kept, reduced to the entries of those terms
        JsonElement whole = wholeJson.RootElement;
        JsonElement shard = shardJson.RootElement;
        Assert.Equal(whole.GetProperty("version").GetRawText(), shard.GetProperty("version").GetRawText());
        Assert.Equal(whole.GetProperty("fields").GetRawText(), shard.GetProperty("fields").GetRawText());
        Assert.Equal(whole.GetProperty("pipeline").GetRawText(), shard.GetProperty("pipeline").GetRawText());

        var expectedTerms = whole.GetProperty("invertedIndex").EnumerateArray()
            .Where(e => e[0].GetRawText().StartsWith("\"c", StringComparison.Ordinal)) // raw: terms may hold lone surrogates
            .ToList();
        var shardTerms = shard.GetProperty("invertedIndex").EnumerateArray().ToList();
        Assert.NotEmpty(shardTerms);
        Assert.Equal(expectedTerms.Select(e => e.GetRawText()), shardTerms.Select(e => e.GetRawText()));
        var kept = shardTerms.Select(e => e[1].GetProperty("_index").GetInt32()).ToHashSet();

        var wholeVectors = whole.GetProperty("fieldVectors").EnumerateArray().ToList();
        var shardVectors = shard.GetProperty("fieldVectors").EnumerateArray().ToList();
        Assert.Equal(wholeVectors.Count, shardVectors.Count);
        for (int i = 0; i < wholeVectors.Count; i++)
        {
            Assert.Equal(wholeVectors[i][0].GetRawText(), shardVectors[i][0].GetRawText());
            var expected = Pairs(wholeVectors[i][1]).Where(p => kept.Contains(p.Index));
            Assert.Equal(expected, Pairs(shardVectors[i][1]));
        }
    }

    [Fact]
    public void ShardOfAllTermsIsTheWholeIndexAndShardOfNoTermsKeepsEmptyVectors()
    {
        // Given an index
        LunrIndex index = CorpusGenerator.Articles(20, seed: 1, minWords: 20, maxWords: 40).BuildWithCSharp();

        // When shards of every term and of no term are written
        string all = Write(s => index.WriteShardTo(s, _ => true));
        string none = Write(s => index.WriteShardTo(s, _ => false));

        // Then the first equals the whole index and the second has no terms but one empty vector per (doc, field)
        Assert.Equal(index.ToJson(), all);
        using var json = JsonDocument.Parse(none);
        Assert.Equal(0, json.RootElement.GetProperty("invertedIndex").GetArrayLength());
        Assert.Equal(20 * 4, json.RootElement.GetProperty("fieldVectors").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("fieldVectors").EnumerateArray(), v => Assert.Equal(0, v[1].GetArrayLength()));
    }

    private static string Shard(LunrIndex index, string prefix) =>
        Write(s => index.WriteShardTo(s, t => t.StartsWith(prefix, StringComparison.Ordinal)));

    private static string Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<(int Index, string Value)> Pairs(JsonElement vector)
    {
        var items = vector.EnumerateArray().ToList();
        var pairs = new List<(int, string)>();
        for (int i = 0; i < items.Count; i += 2)
        {
            pairs.Add((items[i].GetInt32(), items[i + 1].GetRawText()));
        }

        return pairs;
    }
}
