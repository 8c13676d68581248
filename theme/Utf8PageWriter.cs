using System.Text;

namespace SiteBuilder.Theme;

/// <summary>
/// The text writer a page is rendered into: UTF-8 straight into one reusable buffer, so a page costs neither a
/// <see cref="StringBuilder"/>, nor a string, nor a byte array of its own. It also normalises what the .razor files bring:
/// whitespace before the first tag is dropped and every '\r' is removed (input text has '\n' line endings already, so only a
/// template checked out with CRLF can write one).
/// </summary>
internal sealed class Utf8PageWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _started;

    public Utf8PageWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        NewLine = "\n";
    }

    public override Encoding Encoding => Utf8;

    /// <summary>The page written since the last <see cref="Reset"/>; valid until the next write.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts a new page, keeping the buffer.</summary>
    public void Reset()
    {
        _length = 0;
        _started = false;
        _encoder.Reset();
    }

    /// <summary>Ends the page: flushes a pending high surrogate (as U+FFFD, as <see cref="Encoding.UTF8"/> would).</summary>
    public void Complete()
    {
        Encode([], flush: true);
    }

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

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

    public override void WriteLine() => Write('\n');

    private void Encode(ReadOnlySpan<char> chars, bool flush = false)
    {
        if (chars.IsEmpty && !flush)
        {
            return;
        }

        // +1 char: a high surrogate the encoder may still hold from the last write.
        var needed = _length + Utf8.GetMaxByteCount(chars.Length + 1);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        _length += _encoder.GetBytes(chars, _buffer.AsSpan(_length), flush);
    }
}
