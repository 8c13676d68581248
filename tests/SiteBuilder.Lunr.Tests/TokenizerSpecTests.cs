using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>Tokenizer, trimmer and stop-word cases of spec §2, §3 and §8, expected values from the spec text.</summary>
public sealed class TokenizerSpecTests
{
    [Theory]
    [InlineData("Trump's", "trump'")]
    [InlineData("Zelenskyy’s", "zelenskyy’")]
    [InlineData("it’s", "it’")]
    [InlineData("don't", "don't")]
    public void PossessivesKeepTheirApostrophe(string text, string term)
    {
        // Given a possessive (spec §8.1), when analyzed, then the apostrophe survives trimming and stemming
        Assert.Equal([term], LunrTokenizer.Analyze(text));
    }

    [Theory]
    [InlineData("cease-fire", new[] { "ceas", "fire" })]
    [InlineData("cease–fire", new[] { "cease–fir" })]
    [InlineData("ab--cd", new[] { "ab", "cd" })]
    public void HyphensSplitButDashesDoNot(string text, string[] terms)
    {
        // Given hyphens and an en dash (spec §8.2), when analyzed, then only the hyphen separates
        Assert.Equal(terms, LunrTokenizer.Analyze(text));
    }

    [Fact]
    public void LeadingHyphenIsSkippedAndPositionCountsIt()
    {
        // Given "-lead" (spec §8.2), when tokenized, then the token is "lead" at position 1
        Assert.Equal([new LunrToken("lead", 1, 4, 0)], LunrTokenizer.Tokenize("-lead"));
    }

    [Theory]
    [InlineData("café", "caf")]
    [InlineData("über", "ber")]
    [InlineData("naïve", "naïv")]
    [InlineData("ﬁre", "re")]
    [InlineData("日本", "")]
    [InlineData("ΟΔΟΣ", "")]
    [InlineData("…", "")]
    [InlineData("—", "")]
    public void NonAsciiAtTokenEdgesIsTrimmedPossiblyToTheEmptyTerm(string text, string term)
    {
        // Given non-ASCII at a token's edge (spec §8.3), when analyzed, then it is trimmed; "" is a real term
        Assert.Equal([term], LunrTokenizer.Analyze(text));
    }

    [Fact]
    public void DottedCapitalILowercasesToTwoUnitsAndShiftsPositions()
    {
        // Given "İstanbul x" (spec §8.4), when tokenized
        IReadOnlyList<LunrToken> tokens = LunrTokenizer.Tokenize("İstanbul x");

        // Then İ becomes i + U+0307 (9 units) and the next token starts at 10
        Assert.Equal("i\u0307stanbul", tokens[0].Text);
        Assert.Equal(9, tokens[0].Length);
        Assert.Equal(new LunrToken("x", 10, 1, 1), tokens[1]);
    }

    [Theory]
    [InlineData("aΣ1", "aς1")]
    [InlineData("ΟΔΟΣ", "οδος")]
    [InlineData("Σ", "σ")]
    [InlineData("ΣΑΣ", "σας")]
    public void CapitalSigmaLowercasesToFinalSigmaByContext(string text, string lower)
    {
        // Given a capital sigma (spec §2: final when a cased letter precedes and none follows)
        // When tokenized, then the lowercase text uses ς or σ accordingly
        Assert.Equal(lower, LunrTokenizer.Tokenize(text)[0].Text);
    }

    [Theory]
    [InlineData("a\u00A0b", 2)]
    [InlineData("a\uFEFFb", 2)]
    [InlineData("a\u3000b", 2)]
    [InlineData("a\u2029b", 2)]
    [InlineData("a\u200Bb", 1)]
    [InlineData("a\u0085b", 1)]
    [InlineData("a\u180Eb", 1)]
    [InlineData("a\u2013b", 1)]
    [InlineData("a/b_c.d,e'f’g#h", 1)]
    public void OnlyJsWhitespaceAndHyphenSeparateTokens(string text, int count)
    {
        // Given a separator candidate (spec §2, §8.5), when tokenized, then only S splits
        Assert.Equal(count, LunrTokenizer.Tokenize(text).Count);
    }

    [Theory]
    [InlineData("1990s", "1990")]
    [InlineData("3.14", "3.14")]
    [InlineData("10,000", "10,000")]
    [InlineData("$100", "100")]
    [InlineData("#1", "1")]
    [InlineData("U.S.", "u.")]
    [InlineData("e.g.", "e.g")]
    [InlineData("C++", "c")]
    [InlineData("C#", "c")]
    [InlineData(".NET", "net")]
    public void NumbersAndPunctuationAnalyzeAsSpecSection8Says(string text, string term)
    {
        // Given numbers and punctuation (spec §8.6), when analyzed, then trimming and stemming give the listed term
        Assert.Equal([term], LunrTokenizer.Analyze(text));
    }

    [Fact]
    public void QueryStringLikeTextSplitsOnlyAtTheHyphen()
    {
        // Given "a-b?q=1" (spec §8.6), when tokenized, then the tokens are "a" and "b?q=1"
        Assert.Equal(["a", "b?q=1"], LunrTokenizer.Tokenize("a-b?q=1").Select(t => t.Text));
    }

    [Theory]
    [InlineData("say", new string[0])]
    [InlineData("likely", new string[0])]
    [InlineData("wants", new string[0])]
    [InlineData("liking", new[] { "like" })]
    [InlineData("want", new[] { "want" })]
    [InlineData("The", new string[0])]
    public void StopWordsAreMatchedAfterTrimmingAndBeforeStemming(string text, string[] terms)
    {
        // Given stop words and near misses (spec §3, §8.8), when analyzed, then only exact stop words are dropped
        Assert.Equal(terms, LunrTokenizer.Analyze(text));
    }

    [Fact]
    public void StopWordsStillUseUpTokenIndices()
    {
        // Given "the cat", when tokenized, then "cat" has index 1 although "the" is dropped later
        Assert.Equal(new LunrToken("cat", 4, 3, 1), LunrTokenizer.Tokenize("the cat")[1]);
    }

    [Fact]
    public void EmptyValuesYieldNoTerms()
    {
        // Given null, "" and an all-stop-word value (spec §8.9), when analyzed, then there are no terms
        Assert.Empty(LunrTokenizer.Analyze(LunrFieldValue.Null));
        Assert.Empty(LunrTokenizer.Analyze(LunrFieldValue.Text(null)));
        Assert.Empty(LunrTokenizer.Analyze(""));
        Assert.Empty(LunrTokenizer.Analyze("the and of"));
    }

    [Fact]
    public void ArrayElementsAreWholeTokensWithoutPositionAndNullIsEmpty()
    {
        // Given an array ["Foo Bar", null, "42"] (spec §2, §8.9)
        var value = LunrFieldValue.List(["Foo Bar", null, "42"]);

        // When tokenized and analyzed
        IReadOnlyList<LunrToken> tokens = LunrTokenizer.Tokenize(value);

        // Then elements are not split, null becomes "", and no position or index is recorded
        Assert.Equal(
            [new LunrToken("foo bar", null, null, null), new LunrToken("", null, null, null), new LunrToken("42", null, null, null)],
            tokens);
        Assert.Equal(["foo bar", "", "42"], LunrTokenizer.Analyze(value));
    }
}
