using System.Buffers;

namespace SiteBuilder.Lunr;

/// <summary>
/// The Porter stemmer exactly as lunr.js 2.3.9 implements it (<c>lunr.stemmer</c>), including its quirks:
/// <c>y</c> handling, the "longest listed suffix only" rule and JavaScript's <c>.</c> not matching line terminators.
/// </summary>
/// <remarks>
/// A literal port of lunr's regular expressions, written as character logic. The regex classes are
/// c=<c>[^aeiou]</c>, v=<c>[aeiouy]</c>, C=<c>c[^aeiouy]*</c>, V=<c>v[aeiou]*</c>; given those classes the
/// [C](VC)^m[V] decomposition of a word is unique, so the measure predicates reduce to counting runs.
/// </remarks>
public static class LunrStemmer
{
    private static readonly SearchValues<char> LineTerminators = SearchValues.Create("\n\r\u2028\u2029");

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    private static readonly string[] Step2Suffixes =
    [
        "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization",
        "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi",
    ];

    private static readonly string[] Step2Replacements =
    [
        "ate", "tion", "ence", "ance", "ize", "ble", "al", "ent", "e", "ous", "ize",
        "ate", "ate", "al", "ive", "ful", "ous", "al", "ive", "ble", "log",
    ];

    private static readonly string[] Step3Suffixes = ["icate", "ative", "alize", "iciti", "ical", "ful", "ness"];

    private static readonly string[] Step3Replacements = ["ic", "", "al", "ic", "ic", "", ""];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ];

    /// <summary>Stems one token the way <c>lunr.stemmer(new lunr.Token(word))</c> does.</summary>
    /// <param name="word">The token text, normally already lowercased and trimmed.</param>
    /// <returns>The stem; <paramref name="word"/> itself when nothing changes.</returns>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3)
        {
            return word;
        }

        // No step makes the word longer than it was, so the buffer never grows.
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().CopyTo(buffer);
        int n = StemInPlace(buffer);
        ReadOnlySpan<char> result = buffer[..n];
        return result.SequenceEqual(word) ? word : result.ToString();
    }

    /// <summary>Stems <paramref name="w"/> in place and returns the new length.</summary>
    internal static int StemInPlace(Span<char> w)
    {
        int n = w.Length;
        if (n < 3)
        {
            return n;
        }

        bool firstY = w[0] == 'y';
        if (firstY)
        {
            w[0] = 'Y';
        }

        // Step 1a: ^(.+?)(ss|i)es$ -> drop "es"; else ^(.+?)([^s])s$ -> drop "s".
        if (EndsWith(w, n, "sses") && StemOk(w, n - 4))
        {
            n -= 2;
        }
        else if (EndsWith(w, n, "ies") && StemOk(w, n - 3))
        {
            n -= 2;
        }
        else if (n >= 3 && w[n - 1] == 's' && w[n - 2] != 's' && StemOk(w, n - 2))
        {
            n -= 1;
        }

        // Step 1b.
        if (EndsWith(w, n, "eed") && StemOk(w, n - 3))
        {
            if (Measure(w[..(n - 3)]) > 0)
            {
                n -= 1;
            }
        }
        else
        {
            int stem = -1;
            if (EndsWith(w, n, "ed") && StemOk(w, n - 2))
            {
                stem = n - 2;
            }
            else if (EndsWith(w, n, "ing") && StemOk(w, n - 3))
            {
                stem = n - 3;
            }

            if (stem > 0 && HasVowel(w[..stem]))
            {
                n = stem;
                if (EndsWith(w, n, "at") || EndsWith(w, n, "bl") || EndsWith(w, n, "iz"))
                {
                    w[n++] = 'e';
                }
                else if (n >= 2 && w[n - 1] == w[n - 2] && !IsOneOf(w[n - 1], "aeiouylsz"))
                {
                    n -= 1;
                }
                else if (IsCvc(w[..n]))
                {
                    w[n++] = 'e';
                }
            }
        }

        // Step 1c: ^(.+?[^aeiou])y$ -> final y becomes i.
        if (n >= 3 && w[n - 1] == 'y' && !IsStrictVowel(w[n - 2]) && StemOk(w, n - 2))
        {
            w[n - 1] = 'i';
        }

        // Step 2.
        int i2 = LongestSuffix(w, n, Step2Suffixes);
        if (i2 >= 0)
        {
            int stem = n - Step2Suffixes[i2].Length;
            if (Measure(w[..stem]) > 0)
            {
                n = Replace(w, stem, Step2Replacements[i2]);
            }
        }

        // Step 3.
        int i3 = LongestSuffix(w, n, Step3Suffixes);
        if (i3 >= 0)
        {
            int stem = n - Step3Suffixes[i3].Length;
            if (Measure(w[..stem]) > 0)
            {
                n = Replace(w, stem, Step3Replacements[i3]);
            }
        }

        // Step 4: the suffix list; only when it does not match, ^(.+?)(s|t)(ion)$.
        int i4 = LongestSuffix(w, n, Step4Suffixes);
        if (i4 >= 0)
        {
            int stem = n - Step4Suffixes[i4].Length;
            if (Measure(w[..stem]) > 1)
            {
                n = stem;
            }
        }
        else if (n >= 5 && EndsWith(w, n, "ion") && (w[n - 4] == 's' || w[n - 4] == 't') && StemOk(w, n - 4))
        {
            if (Measure(w[..(n - 3)]) > 1)
            {
                n -= 3;
            }
        }

        // Step 5: ^(.+?)e$ with m>1, or m=1 and not cvc; then ll$ with m>1 drops one l.
        if (n >= 2 && w[n - 1] == 'e' && StemOk(w, n - 1))
        {
            ReadOnlySpan<char> stem = w[..(n - 1)];
            int m = Measure(stem);
            if (m > 1 || (m == 1 && !IsCvc(stem)))
            {
                n -= 1;
            }
        }

        if (EndsWith(w, n, "ll") && Measure(w[..n]) > 1)
        {
            n -= 1;
        }

        if (firstY)
        {
            w[0] = 'y';
        }

        return n;
    }

    /// <summary>
    /// The index of the longest listed suffix that <c>^(.+?)(suffixes)$</c> would match, or -1.
    /// The lazy group takes the shortest stem, i.e. the longest suffix; the stem must be non-empty and,
    /// because JS <c>.</c> excludes line terminators, free of them.
    /// </summary>
    private static int LongestSuffix(ReadOnlySpan<char> w, int n, string[] suffixes)
    {
        int best = -1;
        for (int i = 0; i < suffixes.Length; i++)
        {
            string s = suffixes[i];
            if (s.Length < n && (best < 0 || s.Length > suffixes[best].Length) && EndsWith(w, n, s))
            {
                best = i;
            }
        }

        return best >= 0 && StemOk(w, n - suffixes[best].Length) ? best : -1;
    }

    private static int Replace(Span<char> w, int stem, string replacement)
    {
        replacement.AsSpan().CopyTo(w[stem..]);
        return stem + replacement.Length;
    }

    private static bool EndsWith(ReadOnlySpan<char> w, int n, string suffix) =>
        n >= suffix.Length && w[..n].EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>True when <c>(.+?)</c> can match <c>w[..length]</c>: non-empty and no JS line terminator.</summary>
    private static bool StemOk(ReadOnlySpan<char> w, int length) =>
        length >= 1 && w[..length].IndexOfAny(LineTerminators) < 0;

    private static bool IsStrictVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsOneOf(char c, string set) => set.Contains(c, StringComparison.Ordinal);

    /// <summary><c>^(C)?v</c>: the stem contains one of <c>aeiouy</c>.</summary>
    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny(Vowels) >= 0;

    /// <summary><c>^C v [^aeiouwxy]$</c> (whole string, leading consonant sequence required).</summary>
    private static bool IsCvc(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        if (n < 3 || IsStrictVowel(s[0]))
        {
            return false;
        }

        int j = 1;
        while (j < n && !IsVowel(s[j]))
        {
            j++;
        }

        return j == n - 2 && !IsOneOf(s[n - 1], "aeiouwxy");
    }

    /// <summary>
    /// The m of <c>[C](VC)^m[V]</c> under lunr's classes: m&gt;0 is <c>^(C)?VC</c>, m&gt;1 is <c>^(C)?VCVC</c>,
    /// m=1 is <c>^(C)?VC(V)?$</c>. The runs are forced: C stops at the first of <c>aeiouy</c>, V at the first
    /// character outside <c>aeiou</c>. Only a leading <c>y</c> could start either; the stemmer never passes one
    /// (it turns a leading y into Y first), so it is read as a consonant here.
    /// </summary>
    internal static int Measure(ReadOnlySpan<char> s) => s.IsEmpty ? 0 : Measure(s, startInVowel: IsStrictVowel(s[0]));

    private static int Measure(ReadOnlySpan<char> s, bool startInVowel)
    {
        int m = 0;
        int i = 0;
        bool vowelRun = startInVowel;
        while (i < s.Length)
        {
            if (vowelRun)
            {
                // V = [aeiouy][aeiou]*; the next character (not in aeiou) starts a C.
                i++;
                while (i < s.Length && IsStrictVowel(s[i]))
                {
                    i++;
                }

                if (i < s.Length)
                {
                    m++;
                }
            }
            else
            {
                // C = [^aeiou][^aeiouy]*; the next character (in aeiouy) starts a V.
                i++;
                while (i < s.Length && !IsVowel(s[i]))
                {
                    i++;
                }
            }

            vowelRun = !vowelRun;
        }

        return m;
    }
}
