using System.Text;
using SiteBuilder.Model;
using SiteBuilder.Theme;

namespace SiteBuilder.Tests;

/// <summary>
/// The page writer's clean-up of what templates write: no whitespace before the first tag, no '\r' however the writes
/// are cut, and an article body copied in byte for byte where the component writes the placeholder.
/// </summary>
public class Utf8PageWriterTests
{
    private static string Page(Action<Utf8PageWriter> write, Utf8Text? body = null)
    {
        var writer = new Utf8PageWriter { Body = body };
        write(writer);
        writer.Complete();
        return Encoding.UTF8.GetString(writer.Written.Span);
    }

    [Fact]
    public void CarriageReturnsAreDroppedWhereverTheWritesCutTheLines()
    {
        var html = Page(w =>
        {
            w.Write("\r\n  <p>one\r");
            w.Write('\n');
            w.Write("two\r\n\r\nthree — caf\u00E9\r\n");
            w.Write('\r');
            w.Write("</p>" + new string('x', 40) + "\r\n");
        });

        Assert.Equal("<p>one\ntwo\n\nthree — caf\u00E9\n</p>" + new string('x', 40) + "\n", html);
    }

    [Fact]
    public void TheBodyIsCopiedInAsItIsAndTheTemplateAroundItCleaned()
    {
        var body = Utf8Text.FromUtf8("<p>body\rkept as rendered</p>"u8);
        var html = Page(w =>
        {
            w.Write("<main>\r\n");
            w.Write(Utf8PageWriter.BodyPlaceholder);
            w.Write("\r\n</main>\r\n");
        }, body);

        Assert.Equal("<main>\n<p>body\rkept as rendered</p>\n</main>\n", html);
    }

    [Fact]
    public void TheJsonLdIsCopiedInWhereItsPlaceholderIsWrittenAndNowhereElse()
    {
        var writer = new Utf8PageWriter { JsonLd = Utf8Text.FromUtf8("{\"name\":\"Zo\u00EB \\u003C\"}"u8) };
        writer.Write("<script>");
        writer.Write(Utf8PageWriter.JsonLdPlaceholder);
        writer.Write("</script>");
        // The same characters, but not the placeholder itself: written as they are.
        writer.Write(new string(Utf8PageWriter.JsonLdPlaceholder.AsSpan()));
        writer.Complete();

        Assert.Equal("<script>{\"name\":\"Zo\u00EB \\u003C\"}</script>" + Utf8PageWriter.JsonLdPlaceholder, Encoding.UTF8.GetString(writer.Written.Span));
    }

    [Fact]
    public void AJsonLdPlaceholderOnAPageWithoutJsonLdIsAnError()
    {
        var writer = new Utf8PageWriter();

        Assert.Throws<InvalidOperationException>(() => writer.Write(Utf8PageWriter.JsonLdPlaceholder));
    }

    [Fact]
    public void ReusedForTheNextPageItForgetsTheLastBody()
    {
        var writer = new Utf8PageWriter { Body = Utf8Text.FromUtf8("<p>\r</p>"u8), JsonLd = Utf8Text.FromUtf8("{}"u8) };
        writer.Write("<a>\r\n");
        writer.Write(Utf8PageWriter.BodyPlaceholder);
        writer.Write(Utf8PageWriter.JsonLdPlaceholder);
        writer.Complete();
        writer.Reset();
        writer.Write("  <b>\r\n</b>\r");
        writer.Complete();

        Assert.Equal("<b>\n</b>", Encoding.UTF8.GetString(writer.Written.Span));
        Assert.Null(writer.Body);
        Assert.Null(writer.JsonLd);
    }
}
