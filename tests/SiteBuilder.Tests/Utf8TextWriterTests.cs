using System.Text;
using SiteBuilder.Text;

namespace SiteBuilder.Tests;

/// <summary>
/// The writer pages and bodies are encoded with must write exactly what <see cref="Encoding.UTF8"/> makes of the whole
/// text, however the text is cut into writes: a surrogate pair split across two writes stays one character, and a lone
/// surrogate anywhere becomes U+FFFD.
/// </summary>
public class Utf8TextWriterTests
{
    private static byte[] Streamed(IEnumerable<string> writes)
    {
        var writer = new Utf8TextWriter(capacity: 4);
        foreach (var piece in writes)
        {
            if (piece.Length == 1)
            {
                writer.Write(piece[0]);
            }
            else
            {
                writer.Write(piece);
            }
        }

        writer.Complete();
        return writer.Written.ToArray();
    }

    // Surrogates spelled {D83D}: xunit serializes theory data as UTF-8, which would turn a lone surrogate into U+FFFD.
    [Theory]
    [InlineData("plain ASCII", new[] { 5 })]
    [InlineData("caf{00E9} {2019}quoted{2019} {2014} {20AC}", new[] { 1, 4, 9 })]
    [InlineData("pair {D83D}{DE00} split", new[] { 6 })]
    [InlineData("{D83D}{DE00}{D83D}{DE01}", new[] { 1, 2, 3 })]
    [InlineData("lone high {D83D} then text", new[] { 11 })]
    [InlineData("lone high at the end {D83D}", new[] { 21 })]
    [InlineData("lone low {DE00} here", new[] { 9 })]
    [InlineData("two highs {D83D}{D83D}{DE00}", new[] { 11, 12 })]
    public void WritesWhatEncodingUtf8MakesOfTheWholeText(string spelled, int[] cuts)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(spelled, @"\{([0-9A-F]{4})\}",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        var pieces = new List<string>();
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            pieces.Add(text[start..cut]);
            start = cut;
        }

        Assert.Equal(Encoding.UTF8.GetBytes(text), Streamed(pieces));
    }

    [Fact]
    public void RandomTextCutAtRandomPointsEncodesAsAWhole()
    {
        var random = new Random(7);
        char[] alphabet = ['a', 'Z', ' ', '\n', '<', '\u00E9', '\u2019', '\u4E2D', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'];
        for (var round = 0; round < 500; round++)
        {
            // Every other round has long pieces too: writes of more than 32 characters take the general path.
            var longest = round % 2 == 0 ? 6 : 80;
            var text = new string(Enumerable.Range(0, random.Next(0, 3 * longest)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var pieces = new List<string>();
            for (var i = 0; i < text.Length;)
            {
                var length = Math.Min(text.Length - i, random.Next(1, longest));
                pieces.Add(text.Substring(i, length));
                i += length;
            }

            Assert.Equal(Encoding.UTF8.GetBytes(text), Streamed(pieces));
        }
    }

    [Fact]
    public void BytesWrittenAfterAWaitingHighSurrogateFollowItsReplacement()
    {
        var writer = new Utf8TextWriter();
        writer.Write("a\uD83D");
        writer.WriteUtf8("<b>"u8);
        writer.Write('c');
        writer.Complete();

        Assert.Equal("a\uFFFD<b>c"u8.ToArray(), writer.Written.ToArray());
    }

    [Fact]
    public void ResetStartsOverAndForgetsAWaitingSurrogate()
    {
        var writer = new Utf8TextWriter();
        writer.Write("old \uD83D");
        writer.Reset();
        writer.Write("\uDE00new");
        writer.Complete();

        Assert.Equal(Encoding.UTF8.GetBytes("\uDE00new"), writer.Written.ToArray());
    }
}
