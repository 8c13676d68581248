using SiteBuilder.Model;
using SiteBuilder.Text;

namespace SiteBuilder.Theme;

/// <summary>
/// The text writer a page is rendered into: UTF-8 straight into one reusable buffer, so a page costs neither a
/// <see cref="System.Text.StringBuilder"/>, nor a string, nor a byte array of its own. It also normalises what the .razor
/// files bring: whitespace before the first tag is dropped and every '\r' is removed (input text has '\n' line endings
/// already, so only a template checked out with CRLF can write one). An article's body, UTF-8 already, is copied in where
/// the component writes <see cref="BodyPlaceholder"/>, instead of being decoded to a string and encoded back; so is the
/// page's JSON-LD, where the site shell writes <see cref="JsonLdPlaceholder"/>.
/// </summary>
internal sealed class Utf8PageWriter : Utf8TextWriter
{
    /// <summary>
    /// The markup an article component writes where its body goes; recognised by reference, so no text can forge it.
    /// </summary>
    public static readonly string BodyPlaceholder = new(['\uFDD0', 'b', 'o', 'd', 'y', '\uFDD0']);

    /// <summary>The markup the site shell writes where the page's JSON-LD goes; recognised by reference, as the body's.</summary>
    public static readonly string JsonLdPlaceholder = new(['\uFDD0', 'j', 's', 'o', 'n', '\uFDD0']);

    private bool _started;

    // Where the body's bytes are in the page, so that the clean-up at the end leaves them as they are.
    private int _bodyStart = -1;
    private int _bodyEnd = -1;

    /// <summary>The body of the page being rendered, written in place of <see cref="BodyPlaceholder"/>.</summary>
    public Utf8Text? Body { get; set; }

    /// <summary>
    /// The JSON-LD of the page being rendered, written in place of <see cref="JsonLdPlaceholder"/>. JSON has no raw '\r'
    /// (it is escaped), so the clean-up at the end need not step around it.
    /// </summary>
    public Utf8Text? JsonLd { get; set; }

    public override void Reset()
    {
        base.Reset();
        _started = false;
        _bodyStart = _bodyEnd = -1;
        Body = null;
        JsonLd = null;
    }

    public override void Write(string? value)
    {
        if (ReferenceEquals(value, BodyPlaceholder))
        {
            var body = Body ?? throw new InvalidOperationException("A component wrote the article body placeholder, but the page has no body.");
            _started = true;
            _bodyStart = Written.Length;
            WriteUtf8(body.Bytes);
            _bodyEnd = Written.Length;
            return;
        }

        if (ReferenceEquals(value, JsonLdPlaceholder))
        {
            WriteUtf8((JsonLd ?? throw new InvalidOperationException("The site shell wrote the JSON-LD placeholder, but the page has no JSON-LD.")).Bytes);
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

        Encode(buffer);
    }

    /// <summary>
    /// Ends the page: every '\r' the templates wrote is dropped, in one pass over the page rather than a search in each of
    /// its thousands of writes ('\r' is one byte in UTF-8 and part of no other character's bytes).
    /// </summary>
    public override void Complete()
    {
        base.Complete();
        if (_bodyStart < 0)
        {
            RemoveAll((byte)'\r', 0, Written.Length);
            return;
        }

        // After the body first, so that the body's position stays valid for the part before it.
        RemoveAll((byte)'\r', _bodyEnd, Written.Length);
        RemoveAll((byte)'\r', 0, _bodyStart);
    }
}
