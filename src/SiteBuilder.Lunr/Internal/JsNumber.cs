using System.Globalization;

namespace SiteBuilder.Lunr.Internal;

/// <summary>JavaScript number semantics lunr relies on: <c>Math.round</c> and <c>Number#toString</c> as JSON.</summary>
internal static class JsNumber
{
    /// <summary>The longest text <see cref="TryFormatJson"/> writes ("-1.2345678901234567e-308" is 24).</summary>
    public const int MaxJsonLength = 32;

    /// <summary>JS <c>Math.round</c>: ties toward +∞ (C# <see cref="Math.Round(double)"/> rounds ties to even).</summary>
    public static double Round(double x)
    {
        double f = Math.Floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <c>JSON.stringify</c> does: the shortest round-trip digits laid out by
    /// <c>Number::toString</c> (fixed notation from 1e-7 up to 1e21), <c>0</c> for ±0 and <c>null</c> for NaN and ±∞.
    /// </summary>
    public static bool TryFormatJson(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxJsonLength)
        {
            return false;
        }

        if (!double.IsFinite(value))
        {
            "null"u8.CopyTo(destination);
            written = 4;
            return true;
        }

        if (value == 0)
        {
            destination[0] = (byte)'0';
            written = 1;
            return true;
        }

        // Fast path for lunr's scores, k/1000 with |k| < 1e15. The decimal k·10⁻³ parses back to the double
        // k/1000 (IEEE division rounds correctly), and as the spacing of doubles there is far below 10⁻³, no
        // shorter decimal lies within half an ulp: the trimmed decimal of k is exactly JS's shortest output.
        double thousandths = value * 1000;
        if (Math.Abs(thousandths) < 1e15 && thousandths == Math.Floor(thousandths) && thousandths / 1000 == value)
        {
            written = FormatThousandths((long)thousandths, destination);
            return true;
        }

        written = FormatGeneral(value, destination);
        return true;
    }

    /// <summary>The JS text of a double, as a string (used for JS <c>String(number)</c> conversions).</summary>
    public static string ToJsString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        Span<byte> buffer = stackalloc byte[MaxJsonLength];
        TryFormatJson(value, buffer, out int written);
        return System.Text.Encoding.ASCII.GetString(buffer[..written]);
    }

    private static int FormatThousandths(long k, Span<byte> destination)
    {
        int pos = 0;
        if (k < 0)
        {
            destination[pos++] = (byte)'-';
            k = -k;
        }

        long integer = k / 1000;
        int fraction = (int)(k % 1000);
        integer.TryFormat(destination[pos..], out int w, default, CultureInfo.InvariantCulture);
        pos += w;
        if (fraction != 0)
        {
            destination[pos++] = (byte)'.';
            destination[pos++] = (byte)('0' + (fraction / 100));
            fraction %= 100;
            if (fraction != 0)
            {
                destination[pos++] = (byte)('0' + (fraction / 10));
                fraction %= 10;
                if (fraction != 0)
                {
                    destination[pos++] = (byte)('0' + fraction);
                }
            }
        }

        return pos;
    }

    /// <summary>Relays .NET's shortest round-trip digits ("R") out in JS <c>Number::toString</c> layout.</summary>
    private static int FormatGeneral(double value, Span<byte> destination)
    {
        Span<char> r = stackalloc char[40];
        value.TryFormat(r, out int rLength, "R", CultureInfo.InvariantCulture);
        ReadOnlySpan<char> text = r[..rLength];

        bool negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        int exponent = 0;
        int e = text.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        // Collect the digits and the position of the decimal point within them.
        Span<char> digits = stackalloc char[40];
        int count = 0;
        int pointAt = -1;
        foreach (char c in text)
        {
            if (c == '.')
            {
                pointAt = count;
            }
            else
            {
                digits[count++] = c;
            }
        }

        if (pointAt < 0)
        {
            pointAt = count;
        }

        int start = 0;
        while (start < count - 1 && digits[start] == '0')
        {
            start++;
        }

        int end = count;
        while (end > start + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        // value = 0.d1d2…dk × 10^n (JS's k and n).
        ReadOnlySpan<char> d = digits[start..end];
        int k = d.Length;
        int n = pointAt - start + exponent;

        int pos = 0;
        if (negative)
        {
            destination[pos++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            pos = Append(destination, pos, d);
            for (int i = 0; i < n - k; i++)
            {
                destination[pos++] = (byte)'0';
            }
        }
        else if (0 < n && n <= 21)
        {
            pos = Append(destination, pos, d[..n]);
            destination[pos++] = (byte)'.';
            pos = Append(destination, pos, d[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            for (int i = 0; i < -n; i++)
            {
                destination[pos++] = (byte)'0';
            }

            pos = Append(destination, pos, d);
        }
        else
        {
            destination[pos++] = (byte)d[0];
            if (k > 1)
            {
                destination[pos++] = (byte)'.';
                pos = Append(destination, pos, d[1..]);
            }

            destination[pos++] = (byte)'e';
            int exp = n - 1;
            destination[pos++] = exp < 0 ? (byte)'-' : (byte)'+';
            Math.Abs(exp).TryFormat(destination[pos..], out int w, default, CultureInfo.InvariantCulture);
            pos += w;
        }

        return pos;
    }

    private static int Append(Span<byte> destination, int pos, ReadOnlySpan<char> ascii)
    {
        foreach (char c in ascii)
        {
            destination[pos++] = (byte)c;
        }

        return pos;
    }
}
