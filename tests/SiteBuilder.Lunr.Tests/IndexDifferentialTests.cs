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

    [Theory]
    [InlineData(0.5, "0.001")]
    [InlineData(2.5, "0.003")]
    [InlineData(-3.5, "-0.003")]
    [InlineData(-0.5, "0")]
    public void ScoresExactlyHalfwayRoundTowardPositiveInfinityLikeMathRound(double thousandths, string value)
    {
        // Given one document with one term, whose score is idf (len = avg, tf = 1), and a doc boost solved so that
        // score * 1000 is exactly the tie (C#'s Math.Round would round 0.5 and 2.5 down and -3.5 away from zero)
        double idf = Internal.JsMath.Log(1 + Math.Abs((1 - 1 + 0.5) / (1 + 0.5)));
        double score = idf * ((1.2 + 1) * 1) / ((1.2 * (1 - 0.75 + (0.75 * (1.0 / 1.0)))) + 1);
        double fieldBoost = 0;
        double? boost = null;
        while (boost is null)
        {
            fieldBoost++;
            boost = BoostForExactProduct(score * fieldBoost, thousandths);
        }

        var corpus = new TestCorpus(
            $"tie-{thousandths}",
            "id",
            [new TestField("title", fieldBoost)],
            [],
            [new TestDocument([new("id", "d"), new("title", "war")], boost)]);

        // When both builders index it
        string expected = LunrOracle.Build([corpus])[0];

        // Then lunr rounds the tie up, and so does the C# builder
        Assert.Contains($"[\"title/d\",[0,{value}]]", expected, StringComparison.Ordinal);
        AssertSameBytes(expected, corpus.BuildWithCSharp(), corpus.Name);
    }

    /// <summary>A doc boost b with (score * b) * 1000 == target exactly in double arithmetic, if one exists.</summary>
    private static double? BoostForExactProduct(double score, double target)
    {
        double b = target / 1000 / score;
        for (int i = 0; i < 64; i++)
        {
            double product = score * b * 1000;
            if (product == target)
            {
                return b;
            }

            b = (product < target) == (score > 0) ? Math.BitIncrement(b) : Math.BitDecrement(b);
        }

        return null;
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
