using System.Globalization;
using System.Text;
using SiteBuilder.Lunr.Internal;
using SiteBuilder.Lunr.Tests.Oracle;
using Xunit;

namespace SiteBuilder.Lunr.Tests;

/// <summary>JS number semantics: Math.round ties, Number#toString layout, and V8's Math.log.</summary>
public sealed class JsNumberTests
{
    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -2)]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(-1.5, -1)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(1234.4999, 1234)]
    [InlineData(4503599627370495.5, 4503599627370496)]
    public void RoundBreaksTiesTowardPositiveInfinityLikeMathRound(double x, double expected)
    {
        // Given a value, when rounded the JS way, then ties go up (C# Math.Round would give 2 for 2.5)
        Assert.Equal(expected, JsNumber.Round(x));
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(2.877, "2.877")]
    [InlineData(-0.766, "-0.766")]
    [InlineData(100, "100")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    [InlineData(double.NegativeInfinity, "null")]
    public void JsonNumberIsWrittenLikeJsonStringify(double value, string expected)
    {
        // Given a double, when written as a JSON number, then the text is what JSON.stringify writes
        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void NumberFormattingAgreesWithJsNumberToString()
    {
        // Given doubles of every magnitude: random bit patterns, k/1000 scores, powers of ten and their neighbours
        var random = new Random(11);
        var numbers = new List<double>();
        for (int i = 0; i < 4000; i++)
        {
            double d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(d))
            {
                numbers.Add(d);
            }

            numbers.Add(random.Next(-5_000_000, 5_000_000) / 1000.0);
            numbers.Add(Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-12, 30)), random.Next(0, 4)));
        }

        for (int e = -325; e <= 308; e++)
        {
            double p = double.Parse($"1e{e}", CultureInfo.InvariantCulture);
            numbers.AddRange([p, Math.BitIncrement(p), Math.BitDecrement(p), -p, 1.5 * p]);
        }

        numbers.RemoveAll(d => !double.IsFinite(d));

        // When JS's String(n) and the C# writer format them
        IReadOnlyList<string> expected = LunrOracle.NumberToString(numbers);

        // Then the texts agree (JSON.stringify writes finite numbers as String(n))
        var mismatches = numbers.Select((d, i) => (d, js: expected[i], cs: Format(d)))
            .Where(x => x.js != x.cs)
            .Take(20)
            .Select(x => $"{x.d:R}: JS {x.js}, C# {x.cs}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void LogAgreesBitForBitWithV8MathLog()
    {
        // Given lunr's idf arguments 1 + |(N - df + 0.5) / (df + 0.5)| and random positive doubles
        var random = new Random(5);
        var numbers = new List<double>();
        for (int n = 1; n <= 300; n++)
        {
            for (int df = 1; df <= 2 * n; df += 1 + (df / 7))
            {
                numbers.Add(1 + Math.Abs((n - df + 0.5) / (df + 0.5)));
            }
        }

        for (int i = 0; i < 20000; i++)
        {
            numbers.Add(Math.Abs(BitConverter.Int64BitsToDouble(random.NextInt64())));
            numbers.Add(1 + (random.NextDouble() * 10));
        }

        numbers.AddRange([double.Epsilon, 1e-310, 1, 2, Math.E, 0.5, 1 + 1e-16, 1 - 1e-16, double.MaxValue]);
        numbers.RemoveAll(d => !double.IsFinite(d) || d <= 0);

        // When V8 and the port compute Math.log
        IReadOnlyList<double> expected = LunrOracle.Log(numbers);

        // Then every result is the same double
        var mismatches = numbers.Select((x, i) => (x, js: expected[i], cs: JsMath.Log(x)))
            .Where(t => BitConverter.DoubleToInt64Bits(t.js) != BitConverter.DoubleToInt64Bits(t.cs))
            .Take(20)
            .Select(t => $"log({t.x:R}): V8 {t.js:R}, C# {t.cs:R}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[JsNumber.MaxJsonLength];
        Assert.True(JsNumber.TryFormatJson(value, buffer, out int written));
        return Encoding.ASCII.GetString(buffer[..written]);
    }
}
