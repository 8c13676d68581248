using System.Text;
using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>lunr.js's output for all generated tricky corpora, computed with a single node process.</summary>
public sealed class TrickyCorporaFixture
{
    public const int Count = 400;

    private readonly Lazy<IReadOnlyList<string>> _expected = new(
        () => LunrOracle.Build([.. Enumerable.Range(0, Count).Select(seed => CorpusGenerator.Tricky(seed))]));

    public string Expected(int seed) => _expected.Value[seed];
}

/// <summary>The C# index serializes exactly as lunr.js 2.3.9's <c>JSON.stringify(idx)</c>.</summary>
public sealed class IndexDifferentialTests(TrickyCorporaFixture fixture) : IClassFixture<TrickyCorporaFixture>
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, TrickyCorporaFixture.Count)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TrickyCorpusSerializesByteForByteLikeLunrJs(int seed)
    {
        // Given a corpus generated from the tricky inputs of spec §8 (fields, refs, boosts, value types, whitelist)
        TestCorpus corpus = CorpusGenerator.Tricky(seed);

        // When the C# builder indexes it and lunr.js indexes the same JS documents
        LunrIndex index = corpus.BuildWithCSharp();

        // Then both serialize to the same bytes
        AssertSameBytes(fixture.Expected(seed), index, corpus.Name);
    }

    [Fact]
    public void TwoThousandArticlesSerializeByteForByteLikeLunrJs()
    {
        // Given 2,000 generated news articles: title^10, entities^5 (arrays), summary, body of a few hundred words
        TestCorpus corpus = CorpusGenerator.Articles(2000, seed: 20240611);

        // When both builders index them
        string expected = LunrOracle.Build([corpus])[0];
        LunrIndex index = corpus.BuildWithCSharp();

        // Then the JSON is identical, byte for byte
        Assert.Equal(2000, index.DocumentCount);
        AssertSameBytes(expected, index, corpus.Name);
    }

    [Fact]
    public void LargeTrickyCorporaBuiltInParallelSerializeByteForByteLikeLunrJs()
    {
        // Given tricky corpora of 400 documents each (analysed on several threads), with position and index
        // metadata, duplicate refs and array-index refs
        TestCorpus[] corpora =
        [
            .. Enumerable.Range(1000, 100)
                .Select(seed => CorpusGenerator.Tricky(seed, documents: 400))
                .Where(c => c.Fields.Count >= 2)
                .Take(4)
                .Select((c, i) => c with { MetadataWhitelist = i % 2 == 0 ? ["position", "index"] : ["index", "fields"] }),
        ];
        Assert.Equal(4, corpora.Length);

        // When both builders index them
        IReadOnlyList<string> expected = LunrOracle.Build(corpora);

        // Then each is byte-identical
        for (int i = 0; i < corpora.Length; i++)
        {
            AssertSameBytes(expected[i], corpora[i].BuildWithCSharp(), corpora[i].Name);
        }
    }

    internal static void AssertSameBytes(string expected, LunrIndex index, string name)
    {
        string actual = index.ToJson();
        string? difference = TextDiff.FirstDifference(expected, actual);
        Assert.True(difference is null, $"{name}: {difference}");

        using var stream = new MemoryStream();
        index.WriteTo(stream);
        Assert.True(
            Encoding.UTF8.GetBytes(expected).AsSpan().SequenceEqual(stream.ToArray()),
            $"{name}: WriteTo(Stream) bytes differ from lunr.js's UTF-8 JSON");
    }
}
