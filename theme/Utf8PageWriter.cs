using SiteBuilder.Model;
using SiteBuilder.Text;

namespace SiteBuilder.Theme;

/// <summary>
/// The text writer a page is rendered into: UTF-8 straight into one reusable buffer, so a page costs neither a
/// <see cref="System.Text.StringBuilder"/>, nor a string, nor a byte array of its own. It also normalises what the .razor
/// files bring: whitespace before the first tag is dropped and every '\r' is removed (input text has '\n' line endings
/// already, so only a template checked out with CRLF can write one). An article's body, UTF-8 already, is copied in where
/// the component writes <see cref="BodyPlaceholder"/>, instead of being decoded to a string and encoded back.
/// </summary>
internal sealed class Utf8PageWriter : Utf8TextWriter
{
    /// <summary>
    /// The markup an article component writes where its body goes; recognised by reference, so no text can forge it.
    /// </summary>
    public static readonly string BodyPlaceholder = new(['\uFDD0', 'b', 'o', 'd', 'y', '\uFDD0']);

    private bool _started;

    /// <summary>The body of the page being rendered, written in place of <see cref="BodyPlaceholder"/>.</summary>
    public Utf8Text? Body { get; set; }

    public override void Reset()
    {
        base.Reset();
        _started = false;
        Body = null;
    }

    public override void Write(string? value)
    {
        if (ReferenceEquals(value, BodyPlaceholder))
        {
            var body = Body ?? throw new InvalidOperationException("A component wrote the article body placeholder, but the page has no body.");
            _started = true;
            WriteUtf8(body.Bytes);
            return;
        }

        Write(value.AsSpan());
    }

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (!_started)
        {
            buffer = buffer.TrimStart();
            if (buffer.IsEmpty)
            {
                return;
            }

            _started = true;
        }

        int cut;
        while ((cut = buffer.IndexOf('\r')) >= 0)
        {
            Encode(buffer[..cut]);
            buffer = buffer[(cut + 1)..];
        }

        Encode(buffer);
    }
}
