using System.Globalization;
using System.Text;

namespace SiteBuilder.Lunr.Tests.Oracle;

/// <summary>Describes where two long texts first differ, with escaped context, for assertion messages.</summary>
internal static class TextDiff
{
    public static string? FirstDifference(string expected, string actual, int context = 80)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        int i = 0;
        int limit = Math.Min(expected.Length, actual.Length);
        while (i < limit && expected[i] == actual[i])
        {
            i++;
        }

        int from = Math.Max(0, i - context);
        return $"first difference at UTF-16 offset {i} (lengths: lunr.js {expected.Length}, C# {actual.Length})\n"
            + $"  lunr.js: …{Escape(expected, from, i + context)}…\n"
            + $"  C#:      …{Escape(actual, from, i + context)}…\n"
            + $"  {new string(' ', 10 + Escape(expected, from, i).Length)}^";
    }

    public static string Escape(string text, int from, int to)
    {
        var result = new StringBuilder();
        for (int i = from; i < Math.Min(to, text.Length); i++)
        {
            char c = text[i];
            if (c is >= ' ' and < (char)0x7F)
            {
                result.Append(c);
            }
            else
            {
                result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
