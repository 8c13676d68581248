using SiteBuilder.Model;
using SiteBuilder.Text;

namespace SiteBuilder.Tests;

public class MentionMatcherTests
{
    private static Entity Entity(string id, string name, params string[] aliases) =>
        new(id, name, EntityKind.Person, aliases.ToEquatableArray(), Enumerable.Repeat(Diagnostics.SourceLocation.File("x"), aliases.Length + 1).ToEquatableArray(),
            null, EquatableArray<EntityLink>.Empty, Diagnostics.SourceLocation.File("x"));

    private static readonly Entity[] Catalog =
    [
        Entity("donald-trump", "Donald Trump", "Trump"),
        Entity("donald-tusk", "Donald Tusk", "Tusk"),
        Entity("jd-vance", "JD Vance", "Vance", "Vice President JD Vance"),
        Entity("us", "United States", "US", "U.S."),
        Entity("nato", "NATO"),
    ];

    private static string[] Found(string text, params Entity[] catalog)
    {
        var matcher = MentionMatcher.Create(catalog.Length == 0 ? Catalog : catalog);
        var entities = catalog.Length == 0 ? Catalog : catalog;
        return matcher.Find(text).Select(m => m.IsAmbiguous ? $"?:{text.Substring(m.Start, m.Length)}" : $"{entities[m.Entity].Id}:{text.Substring(m.Start, m.Length)}").ToArray();
    }

    [Fact]
    public void EveryNameOfALargeCatalogIsFoundAsItself()
    {
        // Thousands of names sharing prefixes: a trie of ~40,000 edges, whose table has collisions and wrapped probes.
        var catalog = Enumerable.Range(0, 3000)
            .Select(i => Entity($"e{i}", $"Name{i:D4} Surname{i % 97}", $"N{i}"))
            .ToArray();
        var text = string.Join(", ", Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"Name{i:D4} Surname{i % 97}" : $"N{i}"));

        var found = Found(text, catalog);

        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"e{i}:Name{i:D4} Surname{i % 97}" : $"e{i}:N{i}"), found);
        Assert.Empty(Found("Name0000 Surname1, N3000, Name3000 Surname0, NN1, N12x", catalog));
    }

    [Fact]
    public void MatchesOnlyAtWordBoundaries()
    {
        Assert.Empty(Found("Trumpet players and NATOs and xTrump and Trump2"));
        Assert.Equal(["donald-trump:Trump"], Found("(Trump)"));
    }

    [Fact]
    public void IsCaseSensitive()
    {
        Assert.Empty(Found("trump nato us"));
        Assert.Equal(["us:US"], Found("the US said"));
    }

    [Fact]
    public void PossessivesStillCount()
    {
        Assert.Equal(["donald-trump:Trump", "donald-trump:Trump"], Found("Trump's plan and Trump’s plan"));
    }

    [Fact]
    public void LeftmostLongestWins()
    {
        Assert.Equal(["donald-tusk:Donald Tusk"], Found("Donald Tusk said"));
        Assert.Equal(["donald-trump:Donald Trump"], Found("Donald Trump said"));
        Assert.Equal(["jd-vance:Vice President JD Vance"], Found("Vice President JD Vance shouted"));
        Assert.Equal(["donald-trump:Trump", "jd-vance:Vance"], Found("Trump and Vance"));
    }

    [Fact]
    public void HyphenatedNamesMatchEachPart()
    {
        Assert.Equal(["donald-trump:Trump", "nato:NATO"], Found("the Trump-NATO clash"));
    }

    [Fact]
    public void AbbreviationWithPeriodsMatches()
    {
        Assert.Equal(["us:U.S."], Found("U.S. President"));
    }

    [Fact]
    public void AliasClaimedByTwoEntitiesMatchesButBelongsToNone()
    {
        var catalog = new[] { Entity("a", "Alpha Corp", "Alpha"), Entity("b", "Alpha Group", "Alpha") };
        Assert.Equal(["?:Alpha", "a:Alpha Corp"], Found("Alpha and Alpha Corp", catalog));
    }

    [Fact]
    public void LettersOutsideAsciiAreWordCharacters()
    {
        Assert.Empty(Found("ÉTrump and Trumpé"));
    }
}
