using System.Text;
using SiteBuilder.Model;

namespace SiteBuilder.Tests;

/// <summary>Text encoded straight from a builder is what the same characters give as a string.</summary>
public class Utf8TextTests
{
    [Theory]
    [InlineData(1)] // one chunk: encoded from the builder's span
    [InlineData(40)] // many chunks: through a string
    public void FromABuilderIsTheSameAsFromItsString(int appends)
    {
        var builder = new StringBuilder(capacity: appends == 1 ? 1024 : 16);
        for (var i = 0; i < appends; i++)
        {
            builder.Append("caf\u00E9 \u2019quoted\u2019 \uD83D\uDE00 lone \uD83D; ");
        }

        foreach (var length in new[] { 0, 1, builder.Length / 2, builder.Length - 1, builder.Length })
        {
            var expected = Utf8Text.From(builder.ToString(0, length));
            var actual = Utf8Text.From(builder, length);
            Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
        }
    }
}
