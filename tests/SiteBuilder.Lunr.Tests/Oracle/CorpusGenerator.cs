using System.Globalization;
using System.Text;

namespace SiteBuilder.Lunr.Tests.Oracle;

/// <summary>Deterministic generators for the differential tests: tricky corpora, articles, vocabularies.</summary>
internal static class CorpusGenerator
{
    /// <summary>The inputs of spec §8 and their neighbours: each is a piece text fields are made of.</summary>
    public static readonly string[] TrickyPieces =
    [
        // Possessives and apostrophes.
        "Trump's", "Zelenskyy’s", "it’s", "don't", "'quoted'", "‘single’", "o'clock", "James'",
        // Hyphens and dashes.
        "cease-fire", "cease–fire", "cease—fire", "-lead", "ab--cd", "trail-", "x‐y", "e-mail",
        // Non-ASCII at token edges.
        "café", "über", "naïve", "ﬁre", "日本", "ΟΔΟΣ", "…", "—", "ß", "straße", "Ångström", "Æsir", "smörgåsbord",
        "a😀b", "😀", "aｘb", "ｘ", "x\uD800y", "\uDC00z", "q\uD83D", "ẞig", "Ǆemal", "ǅx", "ﬀ", "\u212A", "\u2126",
        "\u0149", "e\u0301", "\u00B5", "\u00FF",
        // Lowercasing: Turkish dotted I and Greek sigma in context.
        "İstanbul", "İİ", "I\u0307", "ABİC", "aΣ1", "ΣΑΣ", "ΌΣΟΣ.", "Σ", "ΣΣ", "aΣ'b", "AΣ.", "αΣ\u0301", "aΣ\u0301b",
        "Σa", "1Σ", "ǅΣ", "ªΣ", "ⅠΣ", "aΣ:b", "ΑΣ\u00ADΒ",
        // Whitespace that splits and that does not.
        "x\u00A0y", "x\uFEFFy", "u\u200Bv", "p\u0085q", "m\u180En", "w\u3000z", "k\u2028l", "k\u2029l", "t\u205Fu",
        "v\u1680w", "s\u202Ft", "h\u2000i", "j\u200Ak",
        // Numbers and punctuation.
        "1990s", "3.14", "10,000", "$100", "#1", "U.S.", "e.g.", "C++", "C#", ".NET", "a-b?q=1", "50%", "(parens)",
        "[brackets]", "{braces}", "x/y", "a_b", "_under_", "__", "...", "!!!", "&amp;", "<tag>", "@handle", "#hashtag",
        "1,000,000", "-42", "+7", "0.5", "007", "2e10",
        // JSON escaping.
        "quote\"d", "back\\slash", "ctl\u0001x", "\u001F", "del\u007Fx", "bell\u0007", "\u2028sep", "tab\there",
        "line\nbreak", "cr\rlf", "ff\u000Cx", "bs\u0008x", "\u0000nul",
        // y and short words.
        "y", "yy", "yes", "yyy", "sky", "toy", "say", "Yelling", "yielding", "happy", "syzygy", "by", "cry", "played",
        // Suffix choice and stop-word timing.
        "generalization", "rational", "likely", "liking", "wants", "want", "relational", "conditional", "valenci",
        "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli", "analogousli", "vietnamization",
        "predication", "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti",
        "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful",
        "goodness", "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible",
        "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou", "communism", "activate",
        "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate", "cease", "controll", "roll",
        "caresses", "ponies", "ties", "caress", "cats", "feed", "agreed", "plastered", "bled", "motoring", "sing",
        "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
        "happy", "sky", "eed", "ies", "sses", "ing", "ed",
        // Stop words.
        "the", "The", "a", "An", "and", "THE", "of", "to", "is", "it", "its", "twas", "tis", "cannot", "however",
        // Long and empty.
        new string('x', 300), "supercalifragilisticexpialidocious", "",
    ];

    /// <summary>Separators between pieces: some split tokens (spec S), some do not, some glue pieces together.</summary>
    private static readonly string[] Joiners =
    [
        " ", " ", " ", " ", "  ", "\t", "\n", "\r\n", "-", " - ", "\u00A0", "\u3000", "\uFEFF", "\u2029", "\u000B",
        "\u000C", "—", "–", "", "/", ".", ", ", "\u200B", "\u0085",
    ];

    private static readonly string[] CommonWords =
    [
        "war", "peace", "talks", "government", "minister", "president", "election", "vote", "voters", "economy",
        "inflation", "market", "markets", "bank", "banks", "energy", "oil", "gas", "prices", "price", "city", "cities",
        "country", "countries", "people", "police", "court", "courts", "law", "laws", "report", "reports", "reported",
        "reporting", "said", "says", "running", "runs", "ran", "run", "meeting", "meetings", "agreement", "agreed",
        "troops", "border", "borders", "crisis", "health", "hospital", "hospitals", "climate", "storm", "storms",
        "flooding", "floods", "school", "schools", "teachers", "students", "university", "technology", "company",
        "companies", "workers", "strike", "strikes", "union", "unions", "growth", "budget", "taxes", "spending",
        "national", "international", "rationalization", "organization", "organizations", "happiness", "sadly",
        "carefully", "nationalism", "generalizations", "hopefully", "conditionally", "yearly", "yesterday", "today",
    ];

    /// <summary>
    /// A corpus of the given seed made from <see cref="TrickyPieces"/>, with varied fields, refs, boosts, value
    /// types (null, missing, numbers, booleans, arrays with null and number elements), whitelists and k1/b.
    /// </summary>
    public static TestCorpus Tricky(int seed) => Tricky(seed, documents: null);

    /// <summary>A tricky corpus with a given number of documents (otherwise 0–12).</summary>
    public static TestCorpus Tricky(int seed, int? documents)
    {
        var random = new Random(seed);
        string refField = Pick(random, ["id", "id", "id", "ref", "slug"]);

        string[] fieldPool =
        [
            "title", "body", "10", "2", "0", "tags", "", "x y", "é", "a.b", "01", "4294967295", "4294967294", "summary",
            "Body", "length", "__index", "_INDEX", "😀",
        ];
        int fieldCount = random.Next(10) switch { 0 => 0, 1 => 1, < 6 => 2, < 8 => 3, _ => random.Next(4, 7) };
        var names = fieldPool.OrderBy(_ => random.Next()).Take(fieldCount).ToList();
        if (random.Next(10) == 0)
        {
            names.Add(refField); // the ref is indexed too
        }

        double?[] fieldBoosts = [null, null, null, 1, 10, 5, 0, -1, 0.5, 2.5, 1e-3, 3.7, -0.25, 1e18, 1e-9];
        var fields = names.Select(n => new TestField(n, Pick(random, fieldBoosts))).ToList();

        string[][] whitelists =
        [
            [], [], [], [], ["position"], ["index"], ["position", "index"], ["fields"], ["index", "position", "fields"],
            ["position", "position"], ["foo"], ["0", "position"], ["fields", "index", "fields"],
        ];
        string[] whitelist = Pick(random, whitelists);

        double? k1 = random.Next(8) == 0 ? Pick(random, new double?[] { 0, 2, 0.5, 1.2 }) : null;
        double? b = random.Next(8) == 0 ? Pick(random, new double?[] { 0, 1, 1.5, -0.2, 0.3 }) : null;

        int documentCount = random.Next(12) switch { 0 => 0, 1 => 1, _ => random.Next(2, 13) };
        documentCount = documents ?? documentCount;
        var refs = new List<object>();
        var docs = new List<TestDocument>();
        double?[] docBoosts = [null, null, null, null, 1, 2, 0, -1, 0.5, 10, 1e25, 1e-4];
        for (int d = 0; d < documentCount; d++)
        {
            object reference = MakeRef(random, d, refs);
            refs.Add(reference);
            var values = new List<KeyValuePair<string, object?>> { new(refField, reference) };
            foreach (TestField field in fields)
            {
                if (field.Name == refField)
                {
                    continue;
                }

                if (MakeValue(random, out object? value))
                {
                    values.Add(new(field.Name, value));
                }
            }

            // Key order of the JS doc object does not matter to lunr; shuffle it anyway.
            if (random.Next(2) == 0)
            {
                values.Reverse();
            }

            docs.Add(new TestDocument(values, Pick(random, docBoosts)));
        }

        return new TestCorpus($"tricky-{seed}-{documentCount}", refField, fields, whitelist, docs, k1, b);
    }

    private static object MakeRef(Random random, int d, List<object> earlier)
    {
        if (earlier.Count > 0 && random.Next(8) == 0)
        {
            return earlier[random.Next(earlier.Count)]; // duplicate ref
        }

        return random.Next(10) switch
        {
            0 => (double)random.Next(0, 20),
            1 => Pick(random, ["5", "10", "007", "0", "x/y", "4294967294", "4294967295", "01", "-1", "1.5", "", " ",
                "__proto__", "constructor", "toString", "é", "a😀", "q\"uote", "line\nref", "\u2028"]),
            2 => Pick(random, new object[] { 42.0, 1.5, 4294967294.0, 4294967295.0, 1e21, 7.0, 0.0 }),
            _ => $"doc-{d}",
        };
    }

    /// <summary>A JS field value; false means the key is absent (undefined).</summary>
    private static bool MakeValue(Random random, out object? value)
    {
        int kind = random.Next(100);
        value = kind switch
        {
            < 48 => Text(random, random.Next(0, 16)),
            < 55 => null,
            < 62 => "",
            < 68 => Pick(random, new object[] { 42.0, 1.5, 0.0, -3.0, 1e21, 1e-7, 7.0, 123456789.0, 0.1 + 0.2, -0.0 }),
            < 71 => random.Next(2) == 0,
            < 86 => Array(random),
            < 91 => string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick(random, StopWordsSample))),
            _ => Text(random, random.Next(20, 60)),
        };
        return kind < 95 || random.Next(2) == 0 ? true : Absent(out value);
    }

    private static bool Absent(out object? value)
    {
        value = null;
        return false;
    }

    private static readonly string[] StopWordsSample = ["the", "a", "and", "of", "The", "AN", "it's", "wants", "likely"];

    private static object?[] Array(Random random)
    {
        int count = random.Next(0, 6);
        var items = new object?[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = random.Next(10) switch
            {
                0 => null,
                1 => (double)random.Next(-5, 100),
                2 => 1.5,
                3 => random.Next(2) == 0,
                4 => Pick(random, ["Foo Bar", "Foo-Bar", "  spaced  ", "ies\n", "a\nbing", "line\u2028ies", "x\rsses",
                    "feed\n", "\nhopping", "multi word value", "ΟΔΟΣ ΣΑΣ", "İ", ""]),
                _ => Text(random, random.Next(1, 4)),
            };
        }

        return items;
    }

    private static string Text(Random random, int pieces)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            if (i > 0)
            {
                text.Append(Pick(random, Joiners));
            }

            string piece = random.Next(4) == 0 ? Pick(random, CommonWords) : Pick(random, TrickyPieces);
            text.Append(random.Next(6) switch
            {
                0 => piece.ToUpperInvariant(),
                1 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(piece),
                _ => piece,
            });
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    // ---------------------------------------------------------------------------------------------------------
    // Articles: realistic English-ish news text.

    private static readonly string[] Stems =
    [
        "nation", "govern", "elect", "vote", "report", "negoti", "agree", "announc", "develop", "invest", "market",
        "product", "industri", "employ", "organ", "communic", "educ", "inform", "regul", "legisl", "administr",
        "particip", "oper", "generat", "hope", "care", "power", "help", "use", "play", "relat", "condit", "form",
        "cultur", "tradit", "sens", "act", "digit", "modern", "rational", "general", "final", "person", "construct",
        "connect", "direct", "protect", "predict", "select", "expect", "respect", "support", "transport", "import",
        "export", "defend", "attend", "contend", "extend", "depend", "pretend", "commit", "permit", "submit", "admit",
        "control", "patrol", "compel", "expel", "travel", "cancel", "model", "signal", "label", "level", "fuel",
        "happy", "heavy", "steady", "ready", "easy", "busy", "lucky", "angry", "hungry", "worry", "carry", "marry",
        "study", "copy", "apply", "supply", "reply", "deny", "try", "fly", "cry", "dry", "buy", "play", "stay",
        "ration", "station", "motion", "notion", "fiction", "friction", "diction", "faction", "fraction", "action",
        "feed", "need", "speed", "bleed", "breed", "agree", "guarantee", "referee", "employee", "trainee",
        "sky", "toy", "boy", "joy", "key", "day", "way", "say", "pay", "lay",
        "run", "hop", "stop", "plan", "ship", "drop", "shop", "step", "grab", "wrap", "fit", "hit", "sit", "set",
        "fall", "call", "tell", "sell", "fill", "kill", "roll", "poll", "toll", "spell", "dwell",
        "minister", "parliament", "senate", "council", "committee", "court", "judge", "justice", "police", "army",
        "border", "troop", "missile", "drone", "ceasefire", "refugee", "aid", "grain", "wheat", "energy", "pipeline",
        "price", "inflation", "rate", "bank", "bond", "stock", "share", "fund", "budget", "debt", "tax", "tariff",
    ];

    private static readonly string[] Suffixes =
    [
        "", "", "", "s", "es", "ed", "ing", "er", "ers", "ly", "ness", "ful", "fully", "ism", "ist", "ists", "ize",
        "ized", "izing", "ization", "izations", "ation", "ations", "ational", "ative", "ate", "ated", "ating", "ive",
        "ively", "iveness", "al", "ally", "ality", "alities", "ance", "ence", "ent", "ently", "ment", "ments", "able",
        "ible", "ably", "ant", "ous", "ously", "ousness", "ic", "ical", "ically", "iciti", "ies", "ied", "y", "li",
        "bli", "logi", "enci", "anci", "ator", "ators", "alism", "aliti", "iviti", "biliti", "eed", "sses",
    ];

    private static readonly string[] FunctionWords =
    [
        "the", "the", "the", "a", "an", "and", "and", "of", "of", "to", "to", "in", "in", "on", "for", "with", "by",
        "at", "from", "as", "is", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
        "these", "those", "but", "or", "not", "no", "after", "before", "during", "while", "when", "which", "who",
        "their", "they", "he", "she", "we", "our", "would", "could", "should", "will", "may", "might", "also",
        "likely", "said", "says", "wants", "about", "into", "over", "under", "between", "against", "because",
    ];

    private static readonly string[] Names =
    [
        "Volodymyr Zelenskyy", "Donald Trump", "Emmanuel Macron", "Olaf Scholz", "Recep Tayyip Erdoğan",
        "Luiz Inácio Lula da Silva", "Xi Jinping", "Narendra Modi", "Ursula von der Leyen", "Jens Stoltenberg",
        "NATO", "the European Union", "the United Nations", "İstanbul", "Kyiv", "Zürich", "São Paulo", "Москва",
        "Αθήνα", "ΟΔΟΣ ΣΤΑΔΙΟΥ", "Tōkyō", "Bogotá", "Köln", "Reykjavík", "Hà Nội", "Thành phố Hồ Chí Minh", "日本",
        "O'Brien", "D’Angelo", "McDonald's", "AT&T", "Procter & Gamble", "3M", "X.AI", "C++ Foundation",
    ];

    /// <summary>
    /// A deterministic corpus of news-like articles: title (boost 10), entities (an array, boost 5), summary and
    /// body, with words made of common stems and suffixes, function and stop words, names with diacritics,
    /// possessives, numbers and punctuation.
    /// </summary>
    public static TestCorpus Articles(int count, int seed, int minWords = 150, int maxWords = 400)
    {
        var random = new Random(seed);
        string[] vocabulary = ArticleVocabulary(random);
        var documents = new List<TestDocument>(count);
        for (int i = 0; i < count; i++)
        {
            string title = Sentence(random, vocabulary, random.Next(4, 11), title: true);
            var entities = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (object?)Pick(random, Names)).ToArray();
            string summary = Paragraph(random, vocabulary, random.Next(15, 40));
            string body = Paragraph(random, vocabulary, random.Next(minWords, maxWords + 1));
            string slug = string.Join('-', title.ToLowerInvariant().Split(' ').Take(5)).Replace("'", "", StringComparison.Ordinal);
            var values = new List<KeyValuePair<string, object?>>
            {
                new("slug", $"articles/{i:D4}-{slug}"),
                new("title", title),
                new("entities", entities.Length == 0 && random.Next(2) == 0 ? null : entities),
                new("summary", summary),
                new("body", body),
            };
            documents.Add(new TestDocument(values));
        }

        return new TestCorpus(
            $"articles-{count}-{seed}",
            "slug",
            [new TestField("title", 10), new TestField("entities", 5), new TestField("summary"), new TestField("body")],
            [],
            documents);
    }

    /// <summary>The distinct lowercase words the article generator uses (for building queries).</summary>
    public static string[] ArticleVocabulary(int seed) => ArticleVocabulary(new Random(seed));

    private static string[] ArticleVocabulary(Random random)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string stem in Stems)
        {
            for (int i = 0; i < 6; i++)
            {
                words.Add(stem + Pick(random, Suffixes));
            }
        }

        return [.. words];
    }

    private static string Sentence(Random random, string[] vocabulary, int words, bool title = false)
    {
        var text = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(random.Next(25) == 0 ? ", " : random.Next(60) == 0 ? " — " : random.Next(80) == 0 ? "-" : " ");
            }

            string word = random.Next(100) switch
            {
                < 35 => Pick(random, FunctionWords),
                < 40 => Pick(random, Names),
                < 42 => random.Next(1900, 2030).ToString(CultureInfo.InvariantCulture) + (random.Next(4) == 0 ? "s" : ""),
                < 43 => Pick(random, ["$3.5bn", "12%", "10,000", "#1", "U.S.", "e.g.", "C#", ".NET", "(AP)", "“quoted”", "1990s"]),
                _ => Pick(random, vocabulary),
            };
            if (random.Next(30) == 0)
            {
                word += Pick(random, ["'s", "’s", "'", ":", ";", "?", "!", "…"]);
            }

            if ((i == 0 || title) && word.Length > 0 && random.Next(3) > 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            text.Append(word);
        }

        if (!title)
        {
            text.Append(Pick(random, [".", ".", ".", "?", "!", "…", "\""]));
        }

        return text.ToString();
    }

    private static string Paragraph(Random random, string[] vocabulary, int words)
    {
        var text = new StringBuilder();
        while (words > 0)
        {
            int n = Math.Min(words, random.Next(6, 25));
            if (text.Length > 0)
            {
                text.Append(random.Next(8) == 0 ? "\n\n" : " ");
            }

            text.Append(Sentence(random, vocabulary, n));
            words -= n;
        }

        return text.ToString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stemmer vocabulary.

    /// <summary>
    /// At least <paramref name="count"/> distinct words: dictionary-like (stems × suffixes, with prefixes), random
    /// letter strings, y-words, doubled consonants, the Porter test suffixes, digits, punctuation and non-ASCII,
    /// and a few with line terminators (which JS <c>.</c> does not match).
    /// </summary>
    public static IReadOnlyList<string> StemmerVocabulary(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();

        void Add(string w)
        {
            // Lone surrogates cannot round-trip through the oracle's JSON output as .NET strings.
            bool lone = false;
            for (int i = 0; i < w.Length; i++)
            {
                if (char.IsHighSurrogate(w[i]) && i + 1 < w.Length && char.IsLowSurrogate(w[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(w[i]))
                {
                    lone = true;
                }
            }

            if (!lone && words.Add(w))
            {
                ordered.Add(w);
            }
        }

        foreach (string piece in TrickyPieces)
        {
            Add(piece.ToLowerInvariant());
        }

        string[] prefixes = ["", "", "", "un", "re", "over", "pre", "dis", "mis", "non", "y", "yy"];
        foreach (string stem in Stems)
        {
            foreach (string suffix in Suffixes)
            {
                Add(stem + suffix);
                Add(Pick(random, prefixes) + stem + suffix);
            }
        }

        const string Consonants = "bcdfghjklmnpqrstvwxz";
        const string Vowels = "aeiouy";
        string[] endings =
        [
            "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
            "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative",
            "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
            "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion", "ion", "e", "ll", "eed", "ed",
            "ing", "y", "ies", "sses", "ss", "s", "at", "bl", "iz", "bb", "dd", "ff", "gg", "ll", "ss", "zz", "tt",
        ];
        string[] odd = ["1", "9", "'", "’", "-", "_", ".", "é", "ß", "日", "😀", "\n", "\r", "\u2028", "Y", "A"];
        while (ordered.Count < count)
        {
            int kind = random.Next(100);
            string word;
            if (kind < 55)
            {
                // Pronounceable: alternate consonant clusters and vowels, then a Porter ending.
                var w = new StringBuilder();
                int syllables = random.Next(1, 5);
                for (int s = 0; s < syllables; s++)
                {
                    w.Append(Consonants[random.Next(Consonants.Length)]);
                    if (random.Next(4) == 0)
                    {
                        w.Append(Consonants[random.Next(Consonants.Length)]);
                    }

                    w.Append(Vowels[random.Next(Vowels.Length)]);
                    if (random.Next(5) == 0)
                    {
                        w.Append(Vowels[random.Next(Vowels.Length)]);
                    }
                }

                if (random.Next(3) == 0)
                {
                    char c = Consonants[random.Next(Consonants.Length)];
                    w.Append(c).Append(c);
                }

                w.Append(Pick(random, endings));
                word = w.ToString();
            }
            else if (kind < 75)
            {
                // Random letters, weighted towards y and vowels.
                const string Letters = "abcdefghijklmnopqrstuvwxyzyyyaaeeiioouu";
                int length = random.Next(1, 13);
                var w = new StringBuilder();
                for (int i = 0; i < length; i++)
                {
                    w.Append(Letters[random.Next(Letters.Length)]);
                }

                word = w.ToString();
            }
            else if (kind < 85)
            {
                word = "y" + Pick(random, Stems) + Pick(random, endings);
            }
            else if (kind < 97)
            {
                word = Pick(random, Stems)[..random.Next(1, 4)] + Pick(random, Suffixes) + Pick(random, endings);
            }
            else
            {
                // Odd characters inserted anywhere.
                string basis = Pick(random, Stems) + Pick(random, endings);
                int at = random.Next(basis.Length + 1);
                word = basis[..at] + Pick(random, odd) + basis[at..];
            }

            Add(word);
        }

        return ordered;
    }
}
