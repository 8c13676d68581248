using System.Text;
using System.Text.Json;
using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>A shard is a valid lunr index of some terms that scores their queries as the whole index does.</summary>
public sealed class ShardTests
{
    private static readonly string[] Prefixes = ["a", "c", "p", "s", "t", "con", "1"];

    [Theory]
    [InlineData(ShardVectors.All)]
    [InlineData(ShardVectors.OnlyPosted)]
    public void QueriesWhoseTermsAreInTheShardScoreAsOnTheWholeIndex(ShardVectors vectors)
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
            jobs.Add(QueryJob.OnIndex(Shard(index, prefix, vectors), queries));
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

    [Fact]
    public void OnlyPostedShardKeepsExactlyThePostedVectorsReducedToItsTerms()
    {
        int checkedCorpora = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            // Given indexes with array-index refs, duplicate refs (postings without a vector entry), empty fields and
            // metadata (but no lone surrogate, which System.Text.Json cannot read back as a string)
            TestCorpus corpus = CorpusGenerator.Tricky(seed) with { MetadataWhitelist = seed % 2 == 0 ? ["position"] : [] };
            LunrIndex index = corpus.BuildWithCSharp();
            string wholeText = index.ToJson();
            if (index.TermCount == 0 || wholeText.Contains("\\ud", StringComparison.Ordinal))
            {
                continue;
            }

            checkedCorpora++;
            using var wholeJson = JsonDocument.Parse(wholeText);
            string prefix = index.Terms[seed % index.TermCount] is { Length: > 0 } t ? t[..1] : "";

            // When a shard of the terms with a prefix is written with only its posted vectors
            using var shardJson = JsonDocument.Parse(Shard(index, prefix, ShardVectors.OnlyPosted));

            // Then its inverted index is the whole one's entries for those terms, and its vectors are exactly the
            // (field, ref) pairs those postings name, each the whole vector reduced to the kept terms
            var wholeInverted = wholeJson.RootElement.GetProperty("invertedIndex").EnumerateArray().ToList();
            var kept = Enumerable.Range(0, index.TermCount)
                .Where(i => index.Terms[i].StartsWith(prefix, StringComparison.Ordinal))
                .Select(i => wholeInverted[i])
                .ToList();
            JsonElement shard = shardJson.RootElement;
            Assert.Equal(kept.Select(e => e.GetRawText()), shard.GetProperty("invertedIndex").EnumerateArray().Select(e => e.GetRawText()));
            var keptIndex = kept.Select(e => e[1].GetProperty("_index").GetInt32()).ToHashSet();
            var posted = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement entry in kept)
            {
                foreach (JsonProperty field in entry[1].EnumerateObject().Where(f => f.Name != "_index"))
                {
                    posted.UnionWith(field.Value.EnumerateObject().Select(r => field.Name + "/" + r.Name));
                }
            }

            var wholeVectors = wholeJson.RootElement.GetProperty("fieldVectors").EnumerateArray()
                .ToDictionary(v => v[0].GetString()!, v => v[1], StringComparer.Ordinal);
            var shardVectors = shard.GetProperty("fieldVectors").EnumerateArray().ToList();
            Assert.Equal(posted.Order(StringComparer.Ordinal), shardVectors.Select(v => v[0].GetString()!).Order(StringComparer.Ordinal));
            foreach (JsonElement vector in shardVectors)
            {
                var expected = Pairs(wholeVectors[vector[0].GetString()!]).Where(p => keptIndex.Contains(p.Index));
                Assert.Equal(expected, Pairs(vector[1]));
            }
        }

        Assert.True(checkedCorpora >= 30, $"only {checkedCorpora} corpora checked");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_000)]
    [InlineData(20_000)]
    [InlineData(1_000_000)]
    public void PartitionCutsTheTermsIntoContiguousRangesThatFitAndWhoseBoundsLocateEveryTerm(int maxBytes)
    {
        // Given article indexes and tricky ones (the empty term, non-ASCII, lone surrogates, duplicate refs, metadata)
        var corpora = new List<TestCorpus> { CorpusGenerator.Articles(150, seed: 9, minWords: 40, maxWords: 120) };
        corpora.AddRange(Enumerable.Range(0, 30).Select(seed => CorpusGenerator.Tricky(seed) with { MetadataWhitelist = seed % 3 == 0 ? ["position", "index"] : [] }));
        foreach (TestCorpus corpus in corpora)
        {
            LunrIndex index = corpus.BuildWithCSharp();

            // When the terms are partitioned
            IReadOnlyList<LunrTermRange> ranges = index.PartitionTerms(maxBytes);

            // Then the ranges cover the sorted terms in order, each shard is exactly its stated length and within the
            // limit unless it is a single term, and the bounds are the shortest prefixes that separate the ranges
            Assert.Equal(index.TermCount == 0, ranges.Count == 0);
            int next = 0;
            var inverted = new List<string>();
            for (int i = 0; i < ranges.Count; i++)
            {
                LunrTermRange range = ranges[i];
                Assert.Equal(next, range.Start);
                Assert.True(range.Count > 0);
                next += range.Count;
                string first = index.Terms[range.Start];
                if (i == 0)
                {
                    Assert.Equal("", range.From);
                }
                else
                {
                    string previous = index.Terms[range.Start - 1];
                    Assert.StartsWith(range.From, first, StringComparison.Ordinal);
                    Assert.True(string.CompareOrdinal(previous, range.From) < 0, $"'{range.From}' does not sort after '{previous}'");
                    Assert.True(range.From.Length == 1 || string.CompareOrdinal(previous, range.From[..^1]) >= 0, $"'{range.From}' is not the shortest");
                }

                string json = Write(s => index.WriteShardTo(s, range));
                Assert.Equal(range.Length, Encoding.UTF8.GetByteCount(json));
                Assert.True(range.Count == 1 || range.Length <= maxBytes, $"{range.Count} terms in {range.Length} bytes");
                using var shard = JsonDocument.Parse(json);
                inverted.AddRange(shard.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(e => e.GetRawText()));
            }

            Assert.Equal(index.TermCount, next);
            using var whole = JsonDocument.Parse(index.ToJson());
            Assert.Equal(whole.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(e => e.GetRawText()), inverted);

            // And the range a term is in is the last one whose bound is at most the term (how the browser finds it)
            string[] bounds = [.. ranges.Select(r => r.From)];
            for (int t = 0; t < index.TermCount; t++)
            {
                int found = LastAtMost(bounds, index.Terms[t]);
                Assert.InRange(t, ranges[found].Start, ranges[found].Start + ranges[found].Count - 1);
            }
        }
    }

    [Fact]
    public void ATermThatPrefixesOthersStartsItsGroupAndBoundsAreTheShortestSeparators()
    {
        // Given documents whose terms are "tu", "tusk", "tuskbo", "tuskege", "tusker", "tuskz", "tux" (stemming leaves
        // them so, but for tuskegee → tuskege), each term large enough that no two fit in one shard
        var documents = Enumerable.Range(0, 60)
            .Select(i => new TestDocument([new("id", $"d{i}"), new("body", "tux tuskz tusker tuskegee tuskbo tusk tu")]))
            .ToList();
        var corpus = new TestCorpus("prefixes", "id", [new TestField("body")], [], documents);
        LunrIndex index = corpus.BuildWithCSharp();
        Assert.Equal(["tu", "tusk", "tuskbo", "tuskege", "tusker", "tuskz", "tux"], index.Terms);

        // When they are partitioned with a limit below one term's shard
        IReadOnlyList<LunrTermRange> ranges = index.PartitionTerms(100);

        // Then every term is a range of its own, bounded by the shortest prefix that sorts after the previous term:
        // "tusk", the prefix of the next four, comes first in its group, and "tusker" needs all of itself
        Assert.Equal(index.Terms, ranges.Select(r => index.Terms[r.Start]));
        Assert.All(ranges, r => Assert.Equal(1, r.Count));
        Assert.Equal(["", "tus", "tuskb", "tuske", "tusker", "tuskz", "tux"], ranges.Select(r => r.From));
    }

    [Fact]
    public void PartitionPacksSmallAdjacentGroupsTogether()
    {
        // Given an index of 150 articles
        LunrIndex index = CorpusGenerator.Articles(150, seed: 9, minWords: 40, maxWords: 120).BuildWithCSharp();

        // When partitioned with a generous limit
        IReadOnlyList<LunrTermRange> ranges = index.PartitionTerms(50_000);

        // Then there are far fewer ranges than terms, and they are on average at least a third full
        Assert.True(ranges.Count * 10 < index.TermCount, $"{ranges.Count} ranges for {index.TermCount} terms");
        Assert.True(ranges.Average(r => r.Length) > 50_000 / 3, $"{ranges.Count} ranges average {ranges.Average(r => r.Length):0} bytes");
    }

    [Fact]
    public void WhatShardsKnowOfTheVectorsDoesNotDependOnHowManyWorkersReadThem()
    {
        // Given article indexes and tricky ones (duplicate refs, whose postings may lack a vector entry; array-index refs)
        var corpora = new List<TestCorpus> { CorpusGenerator.Articles(150, seed: 9, minWords: 40, maxWords: 120) };
        corpora.AddRange(Enumerable.Range(0, 20).Select(seed => CorpusGenerator.Tricky(seed, documents: 40)));
        int withMissingEntries = 0;
        foreach (TestCorpus corpus in corpora)
        {
            LunrIndex index = corpus.BuildWithCSharp();

            // When the posted pairs are gathered by one worker and by several, each reading a range of refs
            LunrIndex.PostedPairs one = index.ComputePostedPairs(1);
            withMissingEntries += one.ValueIds.Contains(-1) ? 1 : 0;
            foreach (int chunks in new[] { 2, 3, 7, 1000 })
            {
                LunrIndex.PostedPairs several = index.ComputePostedPairs(chunks);

                // Then every posting has the same value (or none), and every term the same counts
                Assert.Equal(one.ValueIds, several.ValueIds);
                Assert.Equal(one.ValueJson, several.ValueJson);
                Assert.Equal(one.ValueJsonStart, several.ValueJsonStart);
                Assert.Equal(one.Count, several.Count);
                Assert.Equal(one.ValueBytes, several.ValueBytes);
            }
        }

        Assert.True(withMissingEntries > 0, "no corpus had a posting without a vector entry");
    }

    private static int LastAtMost(string[] bounds, string term)
    {
        int lo = 0;
        int hi = bounds.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (string.CompareOrdinal(bounds[mid], term) <= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static string Shard(LunrIndex index, string prefix, ShardVectors vectors = ShardVectors.All) =>
        Write(s => index.WriteShardTo(s, t => t.StartsWith(prefix, StringComparison.Ordinal), vectors));

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
