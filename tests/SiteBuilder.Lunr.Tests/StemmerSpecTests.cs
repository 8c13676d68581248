using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>The stemmer examples of spec §4 and §8, with the expected stems as the spec states them.</summary>
public sealed class StemmerSpecTests
{
    [Theory]
    [InlineData("zelensky", "zelenski")]
    [InlineData("zelenskyy", "zelenskyi")]
    [InlineData("skies", "ski")]
    [InlineData("toy", "toy")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("hoping", "hope")]
    [InlineData("hopping", "hop")]
    [InlineData("generalize", "gener")]
    [InlineData("general", "gener")]
    [InlineData("relational", "relat")]
    [InlineData("cease", "ceas")]
    public void SpecSection4ExamplesStemAsDocumented(string word, string stem)
    {
        // Given a word from spec §4, when stemmed, then the stem is the one the spec lists
        Assert.Equal(stem, LunrStemmer.Stem(word));
    }

    [Theory]
    [InlineData("y", "y")]
    [InlineData("yy", "yy")]
    [InlineData("yes", "ye")]
    [InlineData("yyy", "yyi")]
    [InlineData("sky", "ski")]
    [InlineData("toy", "toy")]
    [InlineData("yelling", "yell")]
    public void YWordsAndShortWordsStemAsSpecSection8Says(string word, string stem)
    {
        // Given a y-word or a word shorter than 3 (spec §8.7), when stemmed, then a leading y stays a consonant
        Assert.Equal(stem, LunrStemmer.Stem(word));
    }

    [Theory]
    [InlineData("generalization", "gener")]
    [InlineData("rational", "ration")]
    [InlineData("liking", "like")]
    [InlineData("fire", "fire")]
    [InlineData("cease–fire", "cease–fir")]
    public void OnlyTheLongestListedSuffixIsTried(string word, string stem)
    {
        // Given a word where a shorter suffix would also match (spec §8.8), when stemmed, then there is no fallback
        Assert.Equal(stem, LunrStemmer.Stem(word));
    }

    [Fact]
    public void VeryLongTokensAreNeverTruncated()
    {
        // Given a 5,000-letter token (spec §8.8: no length cap)
        string word = string.Concat(Enumerable.Repeat("xo", 2500));

        // When stemmed, then nothing is cut off
        Assert.Equal(word, LunrStemmer.Stem(word));
    }

    [Theory]
    [InlineData("ponies", "poni")]
    [InlineData("a\nponies", "a\nponies")]
    [InlineData("a\u2028bed", "a\u2028bed")]
    [InlineData("ponies\n", "ponies\n")]
    public void LineTerminatorsBlockTheLazyStemGroupAsJsDotDoes(string word, string stem)
    {
        // Given an array token with a line break (spec §4: JS . excludes \n \r U+2028 U+2029 and $ is \z)
        // When stemmed, then no ^(.+?)suffix$ rule can match across the break
        Assert.Equal(stem, LunrStemmer.Stem(word));
    }
}
