using System.Globalization;
using System.Text;
using SiteBuilder.Lunr.Internal;
using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>The C# lowercasing agrees with JS <c>toLowerCase</c>, including the Final_Sigma context rule.</summary>
public sealed class LowerCaseDifferentialTests
{
    [Fact]
    public void LowercasingAgreesWithJsForEveryCodePointAndSigmaContext()
    {
        // Given every code point of planes 0, 1 and 14, each in three sigma contexts separated by spaces:
        // "!cΣ" (is c cased?), "AcΣ" (is c cased or case-ignorable?), "AΣc" (does c end the word?)
        var chunks = new List<string>();
        var chunk = new StringBuilder();
        foreach (int cp in CodePoints())
        {
            string c = char.ConvertFromUtf32(cp);
            chunk.Append('!').Append(c).Append('Σ').Append(' ')
                .Append('A').Append(c).Append('Σ').Append(' ')
                .Append('A').Append('Σ').Append(c).Append(' ');
            if (chunk.Length > 8000)
            {
                chunks.Add(chunk.ToString());
                chunk.Clear();
            }
        }

        chunks.Add(chunk.ToString());

        // When JS and C# lowercase them
        IReadOnlyList<string> expected = LunrOracle.Lower(chunks);

        // Then the results are identical
        var mismatches = new List<string>();
        for (int i = 0; i < chunks.Count && mismatches.Count < 20; i++)
        {
            string actual = JsLowerCase.ToLower(chunks[i]);
            if (expected[i] != actual)
            {
                string[] source = chunks[i].Split(' ');
                string[] js = expected[i].Split(' ');
                string[] cs = actual.Split(' ');
                for (int k = 0; k < source.Length && mismatches.Count < 20; k++)
                {
                    if (k >= js.Length || k >= cs.Length || js[k] != cs[k])
                    {
                        mismatches.Add($"{Hex(source[k])}: JS {Hex(k < js.Length ? js[k] : "?")}, C# {Hex(k < cs.Length ? cs[k] : "?")}");
                        break;
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<int> CodePoints()
    {
        for (int cp = 0; cp <= 0x1FFFF; cp++)
        {
            if (cp is (< 0xD800 or > 0xDFFF) and not ' ')
            {
                yield return cp;
            }
        }

        for (int cp = 0xE0000; cp <= 0xE0FFF; cp++)
        {
            yield return cp;
        }
    }

    private static string Hex(string s) =>
        string.Join(' ', s.Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
}
