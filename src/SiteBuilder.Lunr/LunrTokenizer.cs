using SiteBuilder.Lunr.Internal;

namespace SiteBuilder.Lunr;

/// <summary>One token as <c>lunr.tokenizer</c> produces it, before the pipeline runs.</summary>
/// <param name="Text">The lowercased token text.</param>
/// <param name="Start">Start offset in the lowercased string, in UTF-16 code units; null for array elements.</param>
/// <param name="Length">Length in UTF-16 code units; null for array elements.</param>
/// <param name="Index">0-based ordinal among the value's tokens; null for array elements.</param>
public readonly record struct LunrToken(string Text, int? Start, int? Length, int? Index);

/// <summary>
/// lunr.js 2.3.9's tokenizer and build pipeline (trimmer → stop-word filter → stemmer), for inspection and tests.
/// The index builder uses an allocation-free equivalent of the same logic.
/// </summary>
public static class LunrTokenizer
{
    /// <summary>The 119 words of <c>lunr.stopWordFilter</c>.</summary>
    internal static readonly HashSet<string> StopWords = new(
        [
            "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any",
            "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do",
            "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her",
            "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let",
            "like", "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off",
            "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should",
            "since", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
            "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which",
            "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
        ],
        StringComparer.Ordinal);

    /// <summary>Splits a field value into tokens exactly as <c>lunr.tokenizer</c> does.</summary>
    public static IReadOnlyList<LunrToken> Tokenize(LunrFieldValue value)
    {
        var tokens = new List<LunrToken>();
        if (value.Items is { } items)
        {
            foreach (string? item in items)
            {
                tokens.Add(new LunrToken(item is null ? "" : JsLowerCase.ToLower(item), null, null, null));
            }
        }
        else if (value.TextValue is { } text)
        {
            string lower = JsLowerCase.ToLower(text);
            int i = 0;
            while (i < lower.Length)
            {
                if (IsSeparator(lower[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < lower.Length && !IsSeparator(lower[i]))
                {
                    i++;
                }

                tokens.Add(new LunrToken(lower[start..i], start, i - start, tokens.Count));
            }
        }

        return tokens;
    }

    /// <summary>
    /// The terms lunr indexes for a field value: tokens through trimmer, stop-word filter and stemmer, in order,
    /// repeats included. Their count is the field length lunr uses for scoring.
    /// </summary>
    public static IReadOnlyList<string> Analyze(LunrFieldValue value)
    {
        var terms = new List<string>();
        foreach (LunrToken token in Tokenize(value))
        {
            string trimmed = Trim(token.Text);
            if (!StopWords.Contains(trimmed))
            {
                terms.Add(LunrStemmer.Stem(trimmed));
            }
        }

        return terms;
    }

    /// <summary>
    /// <c>lunr.tokenizer.separator</c> (<c>/[\s\-]/</c>) for one code unit: U+0009–000D, space, hyphen, U+00A0,
    /// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
    /// </summary>
    internal static bool IsSeparator(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        if (c < 0xA0)
        {
            return c == '-';
        }

        return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
            || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    /// <summary>
    /// <c>lunr.trimmer</c>: strips leading and trailing code units outside <c>[A-Za-z0-9_]</c> (JS <c>\W</c>
    /// without the u flag, so every non-ASCII unit is stripped at the edges).
    /// </summary>
    internal static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        int start = 0;
        while (start < token.Length && !IsWordChar(token[start]))
        {
            start++;
        }

        int end = token.Length;
        while (end > start && !IsWordChar(token[end - 1]))
        {
            end--;
        }

        return token[start..end];
    }

    internal static string Trim(string token)
    {
        ReadOnlySpan<char> trimmed = Trim(token.AsSpan());
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    private static bool IsWordChar(char c) => c < 0x80 && (char.IsAsciiLetterOrDigit(c) || c == '_');
}
