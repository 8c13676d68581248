using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

public sealed class StemmerDifferentialTests
{
    [Fact]
    public void StemmerAgreesWithLunrOnFiftyThousandGeneratedWords()
    {
        // Given over 50,000 distinct words: stems with suffixes, random strings, y-words, doubled consonants,
        // digits, punctuation, non-ASCII and line terminators
        IReadOnlyList<string> words = CorpusGenerator.StemmerVocabulary(52_000, seed: 7);
        Assert.True(words.Count >= 50_000);
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());

        // When lunr.stemmer and the C# stemmer stem them
        IReadOnlyList<string> expected = LunrOracle.Stem(words);

        // Then every stem is the same
        var mismatches = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string actual = LunrStemmer.Stem(words[i]);
            if (!string.Equals(expected[i], actual, StringComparison.Ordinal) && mismatches.Count < 20)
            {
                mismatches.Add($"'{Esc(words[i])}': lunr '{Esc(expected[i])}', C# '{Esc(actual)}'");
            }
        }

        Assert.True(mismatches.Count == 0, "stems differ:\n" + string.Join("\n", mismatches));
    }

    private static string Esc(string s) => TextDiff.Escape(s, 0, s.Length);
}
