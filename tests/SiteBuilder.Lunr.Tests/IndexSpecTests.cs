using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>Builder behaviour of spec §1, §5, §6 and §8.9–10, with the expected JSON written out by hand.</summary>
public sealed class IndexSpecTests
{
    private sealed record Doc(string Id, string? Title, string? Body = null);

    private static LunrIndexBuilder<Doc> Builder() =>
        new LunrIndexBuilder<Doc>(d => d.Id).Field("title", d => d.Title);

    [Fact]
    public void EmptyCorpusGivesEmptyVectorsAndInvertedIndex()
    {
        // Given a builder with one field and no documents
        // When built, then both arrays are empty
        Assert.Equal(
            """{"version":"2.3.9","fields":["title"],"fieldVectors":[],"invertedIndex":[],"pipeline":["stemmer"]}""",
            Builder().Build().ToJson());
    }

    [Fact]
    public void AUtf8FieldIndexesLikeItsText()
    {
        // Given the same documents with the body as text, and as UTF-8 (non-ASCII included: decoding must not shift tokens)
        string[] bodies = ["Tusk met Macron in Warsaw.", "The Warsaw summit, and Tusk\u2019s reply: Zelenskyy \u00E9t\u00E9 \uD83D\uDE00 Gda\u0144sk.", ""];
        var plain = Builder().Field("body", d => d.Body);
        var utf8 = Builder().Field("body", d => LunrFieldValue.Utf8(System.Text.Encoding.UTF8.GetBytes(d.Body ?? "")));
        for (var i = 0; i < bodies.Length; i++)
        {
            plain.Add(new Doc(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Title " + i, bodies[i]));
            utf8.Add(new Doc(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Title " + i, bodies[i]));
        }

        // When both are built, then the indexes are the same bytes
        Assert.Equal(plain.Build().ToJson(), utf8.Build().ToJson());
    }

    [Fact]
    public void NullAndAllStopWordFieldsStillGetAnEmptyVector()
    {
        // Given a document whose title is only stop words and whose body is null (spec §8.9)
        var builder = Builder().Field("body", d => d.Body);
        builder.Add(new Doc("1", "The and of", null));

        // When built, then each (doc, field) has its [] vector and there are no terms
        Assert.Equal(
            """{"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/1",[]],["body/1",[]]],"invertedIndex":[],"pipeline":["stemmer"]}""",
            builder.Build().ToJson());
    }

    [Fact]
    public void ArrayIndexFieldNamesComeFirstAndPrecedeIndexInPostings()
    {
        // Given fields declared as title, 10, 2 (spec §1, §6)
        var builder = new LunrIndexBuilder<Doc>(d => d.Id)
            .Field("title", d => d.Title)
            .Field("10", _ => LunrFieldValue.Null)
            .Field("2", _ => LunrFieldValue.Null);
        builder.Add(new Doc("d", "war"));

        // When built
        LunrIndex index = builder.Build();

        // Then fields are 2, 10, title, and a posting lists 2, 10, _index, title
        Assert.Equal(["2", "10", "title"], index.Fields);
        Assert.Contains("""["war",{"2":{},"10":{},"_index":0,"title":{"d":{}}}]""", index.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayIndexRefsAreHoistedInPostingsButOtherRefsKeepAddOrder()
    {
        // Given refs x, 10, 007, 5 all containing "war" (spec §6, §8.10)
        var builder = Builder();
        foreach (string id in new[] { "x", "10", "007", "5" })
        {
            builder.Add(new Doc(id, "war"));
        }

        // When built, then 5 and 10 come first ascending and 007 (not canonical) stays in add order
        Assert.Contains("""["war",{"_index":0,"title":{"5":{},"10":{},"x":{},"007":{}}}]""", Builder2Json(builder), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRefCountsTwiceKeepsCumulativePostingsAndTheLastVector()
    {
        // Given two adds with ref "a": "war" then "oil" (spec §1, §8.10)
        var builder = Builder();
        builder.Add(new Doc("a", "war"));
        builder.Add(new Doc("a", "oil"));

        // When built
        LunrIndex index = builder.Build();

        // Then N = 2, both terms list "a", and the one vector holds oil only:
        // idf = ln(1 + (2 - 1 + 0.5) / (1 + 0.5)) = ln 2; len = avg = 1, tf = 1, so the score is idf → 0.693
        Assert.Equal(2, index.DocumentCount);
        Assert.Equal(
            """{"version":"2.3.9","fields":["title"],"fieldVectors":[["title/a",[1,0.693]]],"invertedIndex":[["oil",{"_index":1,"title":{"a":{}}}],["war",{"_index":0,"title":{"a":{}}}]],"pipeline":["stemmer"]}""",
            index.ToJson());
    }

    [Fact]
    public void TermInTwoFieldsOfOneDocumentHasDocumentFrequencyTwo()
    {
        // Given one document with "war" in title and body (spec §5, §8.10)
        var builder = Builder().Field("body", d => d.Body);
        builder.Add(new Doc("1", "war", "war"));

        // When built, then df = 2 > N = 1: idf = ln(1 + |(1 - 2 + 0.5) / 2.5|) = ln 1.2 = 0.1823… → 0.182
        Assert.Equal(
            """{"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/1",[0,0.182]],["body/1",[0,0.182]]],"invertedIndex":[["war",{"_index":0,"title":{"1":{}},"body":{"1":{}}}]],"pipeline":["stemmer"]}""",
            builder.Build().ToJson());
    }

    [Fact]
    public void BoostOfZeroMeansOneAndNegativeBoostsAreKept()
    {
        // Given the same corpus with boosts 1, 0 and -1 (spec §1: boost || 1)
        string Build(double fieldBoost, double docBoost)
        {
            var builder = new LunrIndexBuilder<Doc>(d => d.Id).Field("title", d => d.Title, fieldBoost);
            builder.Add(new Doc("1", "war peace"), docBoost);
            builder.Add(new Doc("2", "peace"), docBoost);
            return builder.Build().ToJson();
        }

        // When built, then 0 behaves as 1 and -1 negates the scores
        Assert.Equal(Build(1, 1), Build(0, 1));
        Assert.Equal(Build(1, 1), Build(1, 0));
        Assert.Equal(Build(1, 1), Build(1, double.NaN));
        Assert.Contains("""["title/1",[0,-""", Build(-1, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void BIsClampedToTheUnitInterval()
    {
        // Given b set outside [0, 1] (spec §5)
        string Build(double b)
        {
            var builder = Builder().B(b);
            builder.Add(new Doc("1", "war peace war"));
            builder.Add(new Doc("2", "peace"));
            return builder.Build().ToJson();
        }

        // When built, then it behaves as the nearest bound
        Assert.Equal(Build(1), Build(2));
        Assert.Equal(Build(0), Build(-1));
        Assert.NotEqual(Build(0), Build(1));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("_index")]
    [InlineData("constructor")]
    [InlineData("toString")]
    [InlineData("__proto__")]
    [InlineData("hasOwnProperty")]
    public void InvalidFieldNamesAreRejected(string name)
    {
        // Given a field name lunr cannot handle (spec §1), when declared, then it is rejected
        Assert.Throws<ArgumentException>(() => Builder().Field(name, d => d.Body));
    }

    [Fact]
    public void DuplicateFieldAndLateConfigurationAreRejected()
    {
        // Given a builder with a title field
        var builder = Builder();

        // When title is declared again, or a field is added after a document, then it throws
        Assert.Throws<ArgumentException>(() => builder.Field("title", d => d.Body));
        builder.Add(new Doc("1", "war"));
        Assert.Throws<InvalidOperationException>(() => builder.Field("body", d => d.Body));
    }

    [Fact]
    public void PositionAndIndexMetadataAreRecordedPerToken()
    {
        // Given a whitelist of position and index and a title where "cat" occurs twice after a stop word
        var builder = Builder().Field("tags", _ => LunrFieldValue.List(["Cat"])).MetadataWhitelist("position", "index");
        builder.Add(new Doc("d", "The cat, the cat"));

        // When built, then each occurrence lists its untrimmed [start, length] ("cat," is 4 long; spec §3) and
        // token index; array tokens list null
        Assert.Contains(
            """["cat",{"_index":0,"title":{"d":{"position":[[4,4],[13,3]],"index":[1,3]}},"tags":{"d":{"position":[null],"index":[null]}}}]""",
            Builder2Json(builder),
            StringComparison.Ordinal);
    }

    [Fact]
    public void StringsAreEscapedOnlyWhereJavaScriptEscapes()
    {
        // Given a ref with a quote, a backslash, control characters, U+2028, an emoji and a lone surrogate
        var builder = Builder();
        builder.Add(new Doc("q\"\\\u0001\n\u007F\u2028😀\uD800", "x"));

        // When serialized, then only ", \, U+0000–001F and the lone surrogate are escaped
        Assert.Contains("[\"title/q\\\"\\\\\\u0001\\n\u007F\u2028😀\\ud800\",", Builder2Json(builder), StringComparison.Ordinal);
    }

    private static string Builder2Json(LunrIndexBuilder<Doc> builder) => builder.Build().ToJson();
}
