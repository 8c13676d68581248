using System.Text;

namespace SiteBuilder.Text;

/// <summary>
/// A text writer that encodes to UTF-8 straight into one reusable buffer: text written through it costs neither a
/// <see cref="StringBuilder"/> nor a string. <see cref="Reset"/> starts over and keeps the buffer, so one writer per
/// thread serves every page or body that thread writes.
/// </summary>
public class Utf8TextWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _buffer;
    private int _length;

    public Utf8TextWriter(int capacity = 64 * 1024)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _buffer = new byte[capacity];
        NewLine = "\n";
    }

    public override Encoding Encoding => Utf8;

    /// <summary>What was written since the last <see cref="Reset"/>; valid until the next write.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts over, keeping the buffer.</summary>
    public virtual void Reset()
    {
        _length = 0;
        _encoder.Reset();
    }

    /// <summary>Ends the text: flushes a pending high surrogate (as U+FFFD, as <see cref="Encoding.UTF8"/> would).</summary>
    public void Complete() => Encode([], flush: true);

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer);

    public override void WriteLine() => Write('\n');

    /// <summary>Appends bytes that are UTF-8 already (after any text written before them).</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Encode([], flush: true);
        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    protected void Encode(ReadOnlySpan<char> chars, bool flush = false)
    {
        if (chars.IsEmpty && !flush)
        {
            return;
        }

        // +1 char: a high surrogate the encoder may still hold from the last write.
        Reserve(Utf8.GetMaxByteCount(chars.Length + 1));
        _length += _encoder.GetBytes(chars, _buffer.AsSpan(_length), flush);
    }

    private void Reserve(int bytes)
    {
        var needed = _length + bytes;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
