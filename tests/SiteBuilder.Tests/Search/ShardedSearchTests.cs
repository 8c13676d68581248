using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteBuilder.Lunr;
using SiteBuilder.Stages;
using Xunit.Abstractions;

namespace SiteBuilder.Tests.Search;

/// <summary>
/// 2,150 generated article-like documents written in both search layouts. The sharded layout, loaded by the browser's own
/// loader (theme/wwwroot/js/search-index.js, run in node on the files), must rank every query exactly as lunr.js does on
/// the monolithic index, while reading only a fraction of it.
/// </summary>
public sealed class ShardedSearchTests(ShardedSearchTests.Sites sites, ITestOutputHelper output) : IClassFixture<ShardedSearchTests.Sites>
{
    [Fact]
    public void TheShardedLayoutRanksEveryQueryExactlyAsLunrOnTheMonolithicIndexWhileLoadingLess()
    {
        // Given the same documents in both layouts, and queries of every kind lunr has
        string[] queries = [.. sites.Queries];

        // When lunr.js runs each query on the monolithic index, and the loader runs it on each layout from a cold start
        var results = SearchIndexScript.Run(
        [
            new ScriptJob(sites.ShardedSearch, sites.MonolithicIndex, "search", null, null, queries),
            new ScriptJob(sites.MonolithicSearch, null, "search", null, null, queries),
        ]);
        var sharded = results[0];
        var monolithic = results[1];

        // Then both layouts give lunr's refs, order and scores (or lunr's parse error), except that an all-prohibited
        // query, which lunr answers with every document, finds nothing
        var matched = 0;
        var table = new StringBuilder("query | results | sharded files | sharded bytes (gzip) | monolithic bytes (gzip)\n");
        for (var q = 0; q < queries.Length; q++)
        {
            var expected = sharded[q].Whole!;
            if (IsAllProhibited(queries[q]))
            {
                Assert.True(JsonDocument.Parse(expected).RootElement.GetArrayLength() > 0, $"lunr found nothing for '{queries[q]}'");
                Assert.Equal("[]", sharded[q].Layout);
                Assert.Equal("[]", monolithic[q].Layout);
            }
            else
            {
                Assert.True(expected == sharded[q].Layout, $"sharded, '{queries[q]}':\n  lunr:   {Cut(expected)}\n  loader: {Cut(sharded[q].Layout)}");
                Assert.True(expected == monolithic[q].Layout, $"monolithic, '{queries[q]}':\n  lunr:   {Cut(expected)}\n  loader: {Cut(monolithic[q].Layout)}");
            }

            matched += sharded[q].Count > 0 ? 1 : 0;
            table.Append($"{queries[q]} | {sharded[q].Count} | {sharded[q].Files.Count} | {sharded[q].Bytes:N0} ({sharded[q].Gzip:N0}) | {monolithic[q].Bytes:N0} ({monolithic[q].Gzip:N0})\n");
        }

        output.WriteLine(table.ToString());
        Assert.True(matched >= queries.Length * 2 / 3, $"only {matched} of {queries.Length} queries found anything");

        // And the test exercised both layouts: the monolithic one read the whole index, the sharded one only shards,
        // and much less of them than the whole
        Assert.All(monolithic, r => Assert.Equal(["docs.json", "index.json", "manifest.json"], r.Files.Order(StringComparer.Ordinal)));
        Assert.All(sharded, r => Assert.DoesNotContain("index.json", r.Files));
        Assert.Contains(sharded, r => r.Files.Contains("terms.json"));
        Assert.True(sharded.Count(r => r.Files.Any(f => f.StartsWith("shards/", StringComparison.Ordinal))) >= queries.Length * 2 / 3);
        Assert.True(sharded.Sum(r => r.Bytes) * 5 < monolithic.Sum(r => r.Bytes), "the sharded layout should load far less");
        Assert.True(sharded.Count(r => r.Bytes < sites.MonolithicIndexBytes / 4) >= queries.Length * 2 / 3, "most queries should load under a quarter of the index");
    }

    [Fact]
    public void TheSitesTypingQueriesFindTheSameInBothLayouts()
    {
        // Given what readers type: words, the start of a name, and lunr syntax or half of it
        string[] typed =
        [
            "Tusk", "tusk", "donald tusk", "zelen", "Zelenskyy’s", "tr", "tra", "trea", "govern", "t", "title:", "\"", "~", "^", ":", "-", "+", "*",
            "title:tusk", "\"tusk", "tusk~1", "tusk^10", "-macron", "+zelenskyy -macron", "zel*", "foo:bar", "tusk:", "^~:-\"", "café zürich", "qqqzzzx",
        ];

        // When the site's query runs on each layout (with display data, as the header box loads it)
        var results = SearchIndexScript.Run(
        [
            new ScriptJob(sites.ShardedSearch, null, "find", null, 6, typed),
            new ScriptJob(sites.MonolithicSearch, null, "find", null, 6, typed),
        ]);

        // Then the results and the first result's title are the same, and nothing the reader typed is an error
        for (var q = 0; q < typed.Length; q++)
        {
            var (sharded, monolithic) = (results[0][q], results[1][q]);
            Assert.False(sharded.IsError, $"'{typed[q]}': {sharded.Layout}");
            Assert.True(monolithic.Layout == sharded.Layout, $"'{typed[q]}':\n  monolithic: {Cut(monolithic.Layout)}\n  sharded:    {Cut(sharded.Layout)}");
            Assert.Equal(monolithic.FirstTitle, sharded.FirstTitle);
        }

        Assert.True(results[0][Array.IndexOf(typed, "zelen")].Count > 0, "zelen finds nothing");
        Assert.Equal("[]", results[0][Array.IndexOf(typed, "-macron")].Layout);
    }

    [Fact]
    public void APrefixThatWouldAddShardsWaitsUntilTheWordsAloneFindNothing()
    {
        // Given a loader whose prefix on the last word may add no shard while the words find something (prefixBytes 0, no
        // limit on the number of shards)
        // and words that are terms whose prefix reaches into the next shard (found from the manifest and terms.json)
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "manifest.json")));
        string[] bounds = [.. manifest.RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("from").GetString()!)];
        using var termsJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "terms.json")));
        string[] terms = [.. termsJson.RootElement.EnumerateArray().Select(t => t.GetString()!)];
        int ShardOf(string term) => Array.FindLastIndex(bounds, b => string.CompareOrdinal(b, term) <= 0);
        var spanning = terms
            .Where(t => t.Length >= 3 && t.All(char.IsAsciiLetterLower))
            .Where(t => terms.Any(u => u.Length > t.Length && u.StartsWith(t, StringComparison.Ordinal) && ShardOf(u) != ShardOf(t)))
            .Take(8);
        string[] typed = [.. spanning, "zelen", "govern", "tra", "trea", "minist"];

        // When the site's query runs with that limit and without any, and lunr searches each word exactly
        var results = SearchIndexScript.Run(
        [
            new ScriptJob(sites.ShardedSearch, null, "find", null, null, typed, PrefixBytes: 0),
            new ScriptJob(sites.ShardedSearch, null, "find", null, null, typed),
            new ScriptJob(sites.ShardedSearch, sites.MonolithicIndex, "search", null, null, typed),
        ]);

        // Then a word that finds something alone gets lunr's results for the word, without the prefix's shards, unless
        // the prefix needed none; a word that finds nothing alone is searched as a prefix, as without the limit
        var (dropped, widened) = (0, 0);
        for (var q = 0; q < typed.Length; q++)
        {
            var (limited, unlimited, exact) = (results[0][q], results[1][q], results[2][q]);
            int Shards(ScriptResult r) => r.Files.Count(f => f.StartsWith("shards/", StringComparison.Ordinal));
            Assert.Equal(exact.Whole, exact.Layout);
            if (exact.Count == 0)
            {
                Assert.Equal(unlimited.Layout, limited.Layout);
                widened += limited.Count > 0 ? 1 : 0;
            }
            else if (Shards(limited) < Shards(unlimited))
            {
                // The same ranking as lunr's for the word: the site's query boosts it 10×, which cancels out up to rounding
                AssertSameRanking(exact.Layout, limited.Layout, typed[q]);
                dropped++;
            }
            else
            {
                Assert.Equal(unlimited.Layout, limited.Layout);
            }
        }

        Assert.True(dropped > 0, "no word's prefix needed another shard: the case is not exercised");
        Assert.True(widened > 0, "no word was found only as a prefix: the case is not exercised");
    }

    private static void AssertSameRanking(string expected, string actual, string query)
    {
        var (e, a) = (JsonNode.Parse(expected)!.AsArray(), JsonNode.Parse(actual)!.AsArray());
        Assert.True(e.Count == a.Count, $"'{query}': {e.Count} results expected, {a.Count} found");
        for (var i = 0; i < e.Count; i++)
        {
            Assert.Equal((string?)e[i]!["ref"], (string?)a[i]!["ref"]);
            Assert.Equal((double)e[i]!["score"]!, (double)a[i]!["score"]!, 1e-9);
        }
    }

    [Fact]
    public void APrefixNeedingMoreShardsThanTheLimitIsSearchedAsAWordNotAnError()
    {
        // Given a loader that may fetch at most 2 shards per query, and prefixes that span more
        string[] typed = ["t", "tr", "tr*", "t*"];

        // When the site's query runs
        var results = SearchIndexScript.Run([new ScriptJob(sites.ShardedSearch, null, "find", 2, null, typed)])[0];

        // Then it never fails and never loads more than the manifest and 2 shards
        Assert.All(results, r =>
        {
            Assert.False(r.IsError, r.Layout);
            Assert.True(r.Files.Count(f => f.StartsWith("shards/", StringComparison.Ordinal)) <= 2, string.Join(", ", r.Files));
        });
    }

    [Fact]
    public void ShardBoundsPartitionTheSortedTermsAndEveryShardIsALunrIndexOfItsRange()
    {
        // Given the sharded layout's manifest, terms and shards
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "manifest.json")));
        var terms = JsonSerializer.Deserialize<string[]>(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "terms.json")))!;
        var shards = manifest.RootElement.GetProperty("shards").EnumerateArray().ToList();

        // Then terms.json is the index's term list, the bounds start at "" and ascend, and shard i holds exactly the terms
        // from bound i (inclusive) to bound i + 1 (exclusive), in order, with the fields of the index
        Assert.Equal(sites.Index.Terms, terms);
        Assert.Equal("sharded", manifest.RootElement.GetProperty("layout").GetString());
        Assert.True(shards.Count > 20, $"only {shards.Count} shards");
        Assert.Equal("", shards[0].GetProperty("from").GetString());
        var next = 0;
        var multiTermShards = 0;
        for (var i = 0; i < shards.Count; i++)
        {
            var from = shards[i].GetProperty("from").GetString()!;
            var to = i + 1 < shards.Count ? shards[i + 1].GetProperty("from").GetString() : null;
            Assert.True(to is null || string.CompareOrdinal(from, to) < 0, $"bounds out of order: '{from}', '{to}'");
            var file = shards[i].GetProperty("file").GetString()!;
            var bytes = File.ReadAllBytes(Path.Combine(sites.ShardedSearch, file));
            using var shard = JsonDocument.Parse(bytes);
            var shardTerms = shard.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(e => e[0].GetString()!).ToList();
            Assert.Equal(shards[i].GetProperty("terms").GetInt32(), shardTerms.Count);
            Assert.Equal(terms.Skip(next).Take(shardTerms.Count), shardTerms);
            Assert.All(shardTerms, t => Assert.True(string.CompareOrdinal(from, t) <= 0 && (to is null || string.CompareOrdinal(t, to) < 0), $"'{t}' outside ['{from}', '{to}')"));
            Assert.True(shardTerms.Count == 1 || bytes.Length <= BuildSearchIndex.ShardMaxBytes, $"{file} has {shardTerms.Count} terms in {bytes.Length} bytes");
            Assert.Equal(sites.Index.Fields, shard.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!));
            next += shardTerms.Count;
            multiTermShards += shardTerms.Count > 1 ? 1 : 0;

            // Every vector is one a posting names, and every posting names one
            var posted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in shard.RootElement.GetProperty("invertedIndex").EnumerateArray())
            {
                foreach (var field in entry[1].EnumerateObject().Where(f => f.Name != "_index"))
                {
                    posted.UnionWith(field.Value.EnumerateObject().Select(r => field.Name + "/" + r.Name));
                }
            }

            var vectors = shard.RootElement.GetProperty("fieldVectors").EnumerateArray().Select(v => v[0].GetString()!).ToList();
            Assert.Equal(posted.Order(StringComparer.Ordinal), vectors.Order(StringComparer.Ordinal));
        }

        Assert.Equal(terms.Length, next);
        Assert.True(multiTermShards > 5, "the partition should pack small terms together");
    }

    [Fact]
    public void DisplayDataChunksHoldEveryDocumentInNumberOrder()
    {
        // Given both layouts' display data
        var whole = JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllBytes(Path.Combine(sites.MonolithicSearch, "docs.json")))!;
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "manifest.json")));
        var size = manifest.RootElement.GetProperty("docChunkSize").GetInt32();
        var chunks = manifest.RootElement.GetProperty("docChunks").GetInt32();

        // Then the chunks, in order, are docs.json, document n being item n, articles first
        var concatenated = Enumerable.Range(0, chunks)
            .SelectMany(k => JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllBytes(Path.Combine(sites.ShardedSearch, "docs", $"{k}.json")))!)
            .ToList();
        Assert.Equal(BuildSearchIndex.DocChunkSize, size);
        Assert.Equal(sites.Documents.Count, whole.Length);
        Assert.Equal(whole.Select(e => e.GetRawText()), concatenated.Select(e => e.GetRawText()));
        Assert.Equal(sites.Documents.Select(d => d.Ref), whole.Select(e => e.GetProperty("u").GetString()));
        Assert.Equal(2000, manifest.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal("article", whole[1999].GetProperty("k").GetString());
        Assert.NotEqual("article", whole[2000].GetProperty("k").GetString());
    }

    [Fact]
    public void ASmallIndexIsWrittenWholeAndALargeOneInShards()
    {
        // Given a few documents, and the 2,150 of the fixture
        var few = SearchCorpus.Generate(articles: 20, entities: 5, seed: 3);

        // When the layout is left to the stage
        var small = BuildSearchIndex.Write(few);
        var large = BuildSearchIndex.Write(sites.Documents);

        // Then the small index is whole, refs are numbers, and the manifest names the layout; the large one is sharded
        Assert.Equal(SearchLayout.Monolithic, small.Layout);
        Assert.Equal([BuildSearchIndex.DocsPath, BuildSearchIndex.IndexPath, BuildSearchIndex.ManifestPath], small.Files.Select(f => f.Path));
        using var index = JsonDocument.Parse(small.IndexJson);
        Assert.Equal("title/0", index.RootElement.GetProperty("fieldVectors")[0][0].GetString());
        Assert.Equal(
            """{"version":1,"layout":"monolithic","fields":["title","entities","aliases","summary","body"],"documents":25,"articles":20}""" + "\n",
            Encoding.UTF8.GetString(small.Files.Single(f => f.Path == BuildSearchIndex.ManifestPath).Content));
        Assert.Equal(SearchLayout.Sharded, large.Layout);
        Assert.Empty(large.IndexJson);
        Assert.Contains(large.Files, f => f.Path == BuildSearchIndex.TermsPath);
    }

    [Fact]
    public void ShardFileNamesAreDistinctPortableNames()
    {
        // Given bounds a partition can produce: empty, punctuation, accents, a lone surrogate, Windows device names
        string[] bounds = ["", "_", "a", "tr", "tr_", "trump'", "trump’", "é", "\ud83d", "a/b", "a.b", "con", "nul", "com1", "lpt9", "co", "Σ", "0", "10,000"];

        // When each gets its path
        var paths = bounds.Select(BuildSearchIndex.ShardPath).ToList();

        // Then the paths are distinct, under search/shards/, in [a-z0-9_], and never a reserved Windows name
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(paths, p => Assert.Matches("^search/shards/[a-z0-9_]+\\.json$", p));
        Assert.Equal("search/shards/tr.json", BuildSearchIndex.ShardPath("tr"));
        Assert.Equal("search/shards/_.json", BuildSearchIndex.ShardPath(""));
        Assert.Equal("search/shards/con_.json", BuildSearchIndex.ShardPath("con"));
    }

    /// <summary>A query without a clause that is not prohibited (lunr's <c>isNegated</c>): "-x -y", or no clause at all.</summary>
    private static bool IsAllProhibited(string query) =>
        query.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(p => p.StartsWith('-') && p.Length > 1);

    private static string Cut(string json) => json.Length <= 400 ? json : json[..400] + "…";

    /// <summary>The corpus, its index, and both layouts written to a temp folder, once for all tests.</summary>
    public sealed class Sites : IDisposable
    {
        public Sites()
        {
            Documents = SearchCorpus.Generate(articles: 2000, entities: 150, seed: 7);
            Index = BuildSearchIndex.Index(Documents);
            Root = Path.Combine(Path.GetTempPath(), "sb-shards-" + Guid.NewGuid().ToString("N"));
            Write(BuildSearchIndex.Write(Documents, SearchLayout.Sharded), Path.Combine(Root, "sharded"));
            Write(BuildSearchIndex.Write(Documents, SearchLayout.Monolithic), Path.Combine(Root, "monolithic"));
            MonolithicIndexBytes = new FileInfo(MonolithicIndex).Length;
            Queries = MakeQueries();
        }

        public List<SearchDocument> Documents { get; }

        public LunrIndex Index { get; }

        public string Root { get; }

        public string ShardedSearch => Path.Combine(Root, "sharded", "search");

        public string MonolithicSearch => Path.Combine(Root, "monolithic", "search");

        public string MonolithicIndex => Path.Combine(MonolithicSearch, "index.json");

        public long MonolithicIndexBytes { get; }

        public IReadOnlyList<string> Queries { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static void Write(SearchFiles files, string folder)
        {
            foreach (var file in files.Files)
            {
                var path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
        }

        /// <summary>Plain, multi-word, presence, field, trailing/inner/leading wildcard, fuzzy and boosted queries over frequent, middling and rare words.</summary>
        private static List<string> MakeQueries()
        {
            var vocabulary = SearchCorpus.Vocabulary(7);
            string[] hot = [vocabulary[0], vocabulary[1], vocabulary[3], "trade"];
            string[] mid = [vocabulary[150], vocabulary[400], vocabulary[700], vocabulary[1200]];
            string[] rare = [vocabulary[3000], vocabulary[4500], vocabulary[5900]];
            return
            [
                .. hot, .. mid, .. rare, "tusk", "zelenskyy", "macron", "qqqzzzx",
                $"{hot[0]} {mid[0]}", $"{mid[1]} {rare[0]}", $"{hot[1]} {hot[2]} {mid[2]}", "donald tusk", "ursula leyen",
                $"+{hot[0]} {mid[0]}", $"+{mid[0]} +{hot[1]}", $"{hot[0]} -{mid[1]}", $"+{hot[2]} -{hot[3]}", $"+tusk -{hot[0]}",
                $"title:{hot[0]}", "entities:tusk", $"body:{mid[0]} title:{hot[1]}", "aliases:tusk", $"summary:{mid[3]}",
                "tr*", "tra*", "zelen*", $"{mid[0][..3]}*", "t*", "*ing", "t*k", "tr*y",
                "tusk~1", $"{mid[1]}~1", $"{hot[0]}~2", "trade~1",
                $"{hot[0]}^10 {mid[0]}", $"title:{hot[1]}^5 {rare[1]}", "tusk^10 trump",
                "zelenskyy’", "trump'", "cease–fir", "10,000", "u.", "caf", "",
                $"-{hot[0]}", $"-{mid[0]} -{rare[0]}",
                "title:", "foo:bar", "tusk~", "\"",
            ];
        }
    }
}
