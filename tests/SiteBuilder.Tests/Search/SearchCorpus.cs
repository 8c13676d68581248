using SiteBuilder.Stages;

namespace SiteBuilder.Tests.Search;

/// <summary>
/// A seeded corpus of article-like search documents with a long-tailed vocabulary: common words, a few thousand
/// made-up words drawn with a Zipf distribution (so a handful of terms are in most documents and most terms in a few),
/// entity names, and the token shapes lunr treats specially (possessives, dashes, accents, numbers, punctuation).
/// </summary>
internal static class SearchCorpus
{
    public static readonly string[] FirstNames =
        ["Donald", "Volodymyr", "Ursula", "Emmanuel", "Olaf", "Giorgia", "Keir", "Pedro", "Viktor", "Andrzej", "Petr", "Kaja", "Mette", "Robert", "Antonio", "Alexander"];

    public static readonly string[] LastNames =
        ["Tusk", "Zelenskyy", "Leyen", "Macron", "Scholz", "Meloni", "Starmer", "Sánchez", "Orbán", "Duda", "Fiala", "Kallas", "Frederiksen", "Fico", "Costa", "Stubb", "Trump", "Trudeau", "Tran", "Treviño"];

    private static readonly string[] Common =
    [
        "government", "minister", "trade", "tariff", "treaty", "transport", "trial", "tribunal", "troops", "tram", "train", "travel", "treasury",
        "election", "parliament", "budget", "war", "peace", "talks", "summit", "border", "energy", "gas", "oil", "prices", "inflation", "bank",
        "court", "ruling", "protest", "strike", "union", "workers", "health", "hospital", "school", "teachers", "climate", "flood", "storm",
        "president", "prime", "party", "coalition", "vote", "law", "reform", "security", "defence", "army", "sanctions", "export", "import",
        "market", "shares", "growth", "recession", "housing", "rent", "police", "crime", "report", "statement", "spokesperson", "agreement",
        "negotiations", "ceasefire", "aid", "refugees", "migration", "city", "region", "capital", "mayor", "council", "investigation",
    ];

    private static readonly string[] Tricky =
    [
        "Zelenskyy’s", "Trump's", "cease-fire", "cease–fire", "café", "Zürich", "İstanbul", "1990s", "U.S.", "e.g.", "—", "日本", "10,000",
        "$100", "#1", "C++", ".NET", "naïve", "über", "ﬁre", "sky", "yes", "generalization", "relational", "hoping", "hopping", "agreed",
    ];

    private static readonly string[] StopWords = ["the", "and", "of", "to", "in", "a", "was", "said", "that", "with"];

    private static readonly string[] Syllables =
        ["ka", "to", "ri", "ne", "lu", "mar", "sen", "tor", "vi", "dal", "bre", "qu", "sto", "an", "el", "ix", "or", "tra", "tre", "pol", "gru", "fen", "zel", "wy", "ho"];

    private static readonly string[] Kinds = ["person", "organization", "place", "event"];

    /// <summary>Every made-up word, most frequent first (rank r is drawn with weight 1/(r+1)^1.07).</summary>
    public static string[] Vocabulary(int seed)
    {
        var random = new Random(seed);
        var words = new List<string>(Common);
        var seen = new HashSet<string>(words, StringComparer.Ordinal);
        while (words.Count < 6000)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    /// <summary><paramref name="articles"/> articles (numbers 0 … articles − 1), then <paramref name="entities"/> entities.</summary>
    public static List<SearchDocument> Generate(int articles, int entities, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(seed);
        var cumulative = new double[vocabulary.Length];
        var total = 0.0;
        for (var r = 0; r < vocabulary.Length; r++)
        {
            total += 1 / Math.Pow(r + 1, 1.07);
            cumulative[r] = total;
        }

        string Word()
        {
            var roll = random.NextDouble();
            if (roll < 0.12)
            {
                return StopWords[random.Next(StopWords.Length)];
            }

            if (roll < 0.14)
            {
                return Tricky[random.Next(Tricky.Length)];
            }

            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return vocabulary[Math.Min(index < 0 ? ~index : index, vocabulary.Length - 1)];
        }

        var names = new List<(string Name, string Alias)>();
        for (var e = 0; e < entities; e++)
        {
            var first = FirstNames[e % FirstNames.Length];
            var last = e < LastNames.Length ? LastNames[e] : Capitalize(vocabulary[400 + (e * 7)]);
            names.Add(($"{first} {last}", last));
        }

        string Entity() => names[Math.Min((int)(entities * Math.Pow(random.NextDouble(), 3)), entities - 1)].Name;

        string Text(int min, int max, bool mentions)
        {
            var words = Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Word()).ToList();
            if (mentions)
            {
                for (var m = random.Next(0, 4); m > 0; m--)
                {
                    words.Insert(random.Next(words.Count + 1), Entity());
                }
            }

            return string.Join(' ', words);
        }

        var documents = new List<SearchDocument>(articles + entities);
        for (var a = 0; a < articles; a++)
        {
            var linked = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Entity()).Distinct(StringComparer.Ordinal).ToList();
            var title = Capitalize(Text(5, 10, mentions: false)) + (linked.Count > 0 && random.Next(3) == 0 ? " " + linked[0] : "");
            documents.Add(new SearchDocument(
                $"articles/a{a}/", "article", title, string.Join(' ', linked), null, Text(20, 40, mentions: true), Text(80, 240, mentions: true),
                $"20{random.Next(15, 26)}-0{random.Next(1, 10)}-1{random.Next(0, 9)}", $"Source {random.Next(12)}"));
        }

        for (var e = 0; e < entities; e++)
        {
            var (name, alias) = names[e];
            documents.Add(new SearchDocument(
                $"entities/e{e}/", Kinds[e % Kinds.Length], name, null, alias, Text(10, 30, mentions: false), null, null, null)
            {
                AliasList = [alias],
            });
        }

        return documents;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
