using System.Buffers;
using System.Globalization;
using System.Text;

namespace SiteBuilder.Lunr.Internal;

/// <summary>
/// JavaScript <c>String.prototype.toLowerCase</c> (locale-free, full mapping, as V8 with ICU does it).
/// </summary>
/// <remarks>
/// .NET's <see cref="MemoryExtensions.ToLowerInvariant(ReadOnlySpan{char}, Span{char})"/> agrees per code point
/// except for: U+0130 İ (JS gives i + U+0307, a length change), Σ (JS applies the Final_Sigma context rule), and
/// the letters with lowercase mappings added in Unicode 16 and 17, which the system ICU .NET uses may lack while
/// current JS engines have them. Those are mapped here explicitly, so the output does not depend on the machine.
/// The Final_Sigma context uses .NET's Unicode 16 categories plus the few Unicode 17 changes, which matches
/// node 20's ICU 78 on every code point.
/// </remarks>
internal static class JsLowerCase
{
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\u0130\u03A3\u1C89\uA7CB\uA7CC\uA7CE\uA7D2\uA7D4\uA7DA\uA7DC\uD803\uD81B");

    /// <summary>The maximum output length for an input of <paramref name="length"/> code units.</summary>
    public static int MaxOutputLength(int length) => checked(length * 2);

    /// <summary>Lowercases <paramref name="source"/> as JS does.</summary>
    public static string ToLower(string source)
    {
        char[] buffer = new char[MaxOutputLength(source.Length)];
        char[] scratch = new char[source.Length];
        int n = ToLower(source, buffer, scratch);
        return source.AsSpan().SequenceEqual(buffer.AsSpan(0, n)) ? source : new string(buffer, 0, n);
    }

    /// <summary>
    /// Lowercases <paramref name="source"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxOutputLength"/> long) and returns the length written. <paramref name="scratch"/> must be at
    /// least as long as the source; it is used only when a special character occurs.
    /// </summary>
    public static int ToLower(ReadOnlySpan<char> source, Span<char> destination, Span<char> scratch)
    {
        int special = source.IndexOfAny(Special);
        if (special < 0)
        {
            LowerInvariant(source, destination);
            return source.Length;
        }

        // Lowercase per code point first (length preserving), then rebuild with the special cases.
        Span<char> lowered = scratch[..source.Length];
        LowerInvariant(source, lowered);
        lowered[..special].CopyTo(destination);
        int w = special;
        for (int i = special; i < source.Length; i++)
        {
            char c = source[i];
            switch (c)
            {
                case '\u0130':
                    destination[w++] = 'i';
                    destination[w++] = '\u0307';
                    break;
                case '\u03A3':
                    destination[w++] = IsFinalSigma(source, i) ? '\u03C2' : '\u03C3';
                    break;
                case '\u1C89':
                    destination[w++] = '\u1C8A';
                    break;
                case '\uA7CB':
                    destination[w++] = '\u0264';
                    break;
                case '\uA7DC':
                    destination[w++] = '\u019B';
                    break;
                case '\uA7CC' or '\uA7CE' or '\uA7D2' or '\uA7D4' or '\uA7DA':
                    destination[w++] = (char)(c + 1);
                    break;
                case '\uD803' when i + 1 < source.Length && source[i + 1] is >= '\uDD50' and <= '\uDD65':
                    // U+10D50..10D65 (Garay capitals) -> U+10D70..10D85.
                    destination[w++] = c;
                    destination[w++] = (char)(source[i + 1] + 0x20);
                    i++;
                    break;
                case '\uD81B' when i + 1 < source.Length && source[i + 1] is >= '\uDEA0' and <= '\uDEB8':
                    // U+16EA0..16EB8 (Beria Erfe capitals) -> U+16EBB..16ED3.
                    destination[w++] = c;
                    destination[w++] = (char)(source[i + 1] + 0x1B);
                    i++;
                    break;
                default:
                    destination[w++] = lowered[i];
                    break;
            }
        }

        return w;
    }

    /// <summary>
    /// <see cref="MemoryExtensions.ToLowerInvariant(ReadOnlySpan{char}, Span{char})"/>, run by run: .NET lowercases an
    /// ASCII prefix itself but hands everything after the first non-ASCII character to ICU, which is several times slower
    /// on the ASCII that follows. The invariant mapping is per code point and ASCII runs never split a surrogate pair,
    /// so the result is the same.
    /// </summary>
    private static void LowerInvariant(ReadOnlySpan<char> source, Span<char> destination)
    {
        while (!source.IsEmpty)
        {
            int ascii = source.IndexOfAnyExceptInRange('\0', '\u007F');
            if (ascii < 0)
            {
                ascii = source.Length;
            }

            Ascii.ToLower(source[..ascii], destination, out _);
            source = source[ascii..];
            destination = destination[ascii..];
            if (source.IsEmpty)
            {
                return;
            }

            int other = source.IndexOfAnyInRange('\0', '\u007F');
            if (other < 0)
            {
                other = source.Length;
            }

            source[..other].ToLowerInvariant(destination);
            source = source[other..];
            destination = destination[other..];
        }
    }

    /// <summary>
    /// Unicode's Final_Sigma condition as ICU evaluates it: a cased letter precedes (case-ignorable characters
    /// skipped) and none follows. A character that is both cased and case-ignorable counts as ignorable.
    /// </summary>
    private static bool IsFinalSigma(ReadOnlySpan<char> s, int index)
    {
        bool preceded = false;
        int j = index;
        while (j > 0)
        {
            if (Rune.DecodeLastFromUtf16(s[..j], out Rune rune, out int length) != OperationStatus.Done)
            {
                break;
            }

            j -= length;
            if (!IsCaseIgnorable(rune))
            {
                preceded = IsCased(rune);
                break;
            }
        }

        if (!preceded)
        {
            return false;
        }

        j = index + 1;
        while (j < s.Length)
        {
            if (Rune.DecodeFromUtf16(s[j..], out Rune rune, out int length) != OperationStatus.Done)
            {
                return true;
            }

            j += length;
            if (!IsCaseIgnorable(rune))
            {
                return !IsCased(rune);
            }
        }

        return true;
    }

    /// <summary>Case_Ignorable: Mn, Me, Cf, Lm, Sk, and Word_Break MidLetter, MidNumLet and Single_Quote.</summary>
    private static bool IsCaseIgnorable(Rune rune)
    {
        // Unicode 17 marks that .NET 10's Unicode 16 tables do not know yet (current JS engines do).
        if (rune.Value is (>= 0x1ACF and <= 0x1ADD) or (>= 0x1AE0 and <= 0x1AEB) or 0xA7F1 or 0x10EC5
            or 0x10EFA or 0x10EFB or 0x11B60 or (>= 0x11B62 and <= 0x11B64) or 0x11B66 or 0x11DD9 or 0x16FF2
            or 0x16FF3 or 0x1E6E3 or 0x1E6E6 or 0x1E6EE or 0x1E6EF or 0x1E6F5 or 0x1E6FF)
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.ModifierSymbol:
                return true;
        }

        return rune.Value is 0x0027 or 0x002E or 0x003A or 0x00B7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019
            or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
    }

    /// <summary>Cased: Lu, Ll, Lt, plus the Other_Lowercase / Other_Uppercase characters that are not Lm or Mn.</summary>
    private static bool IsCased(Rune rune)
    {
        // Unicode 17 made U+0295 ʕ a Lo (uncased) and added cased letters .NET 10's Unicode 16 tables lack.
        int v = rune.Value;
        if (v == 0x0295)
        {
            return false;
        }

        if (v is 0xA7CE or 0xA7CF or 0xA7D2 or 0xA7D4 or (>= 0x16EA0 and <= 0x16EB8) or (>= 0x16EBB and <= 0x16ED3))
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return true;
        }

        return v is 0x00AA or 0x00BA
            or (>= 0x2160 and <= 0x217F)
            or (>= 0x24B6 and <= 0x24E9)
            or (>= 0x1F130 and <= 0x1F149)
            or (>= 0x1F150 and <= 0x1F169)
            or (>= 0x1F170 and <= 0x1F189);
    }
}
