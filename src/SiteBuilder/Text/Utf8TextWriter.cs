using System.Text;

namespace SiteBuilder.Text;

/// <summary>
/// A text writer that encodes to UTF-8 straight into one reusable buffer: text written through it costs neither a
/// <see cref="StringBuilder"/> nor a string. <see cref="Reset"/> starts over and keeps the buffer, so one writer per
/// thread serves every page or body that thread writes.
/// </summary>
public class Utf8TextWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Writes up to this many characters are copied character by character while they are ASCII.
    private const int ShortWrite = 32;

    private byte[] _buffer;
    private int _length;

    // A high surrogate that ended the last write, waiting for the low surrogate that may start the next one.
    private char _pendingHigh;

    public Utf8TextWriter(int capacity = 64 * 1024)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _buffer = new byte[capacity];
        NewLine = "\n";
    }

    public override Encoding Encoding => Utf8Encoding;

    /// <summary>What was written since the last <see cref="Reset"/>; valid until the next write.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts over, keeping the buffer.</summary>
    public virtual void Reset()
    {
        _length = 0;
        _pendingHigh = '\0';
    }

    /// <summary>Ends the text: a high surrogate still waiting for its pair becomes U+FFFD, as <see cref="Encoding.UTF8"/> would write it.</summary>
    public virtual void Complete() => FlushPending();

    public override void Write(char value)
    {
        if (value < 0x80 && _pendingHigh == '\0')
        {
            Reserve(1);
            _buffer[_length++] = (byte)value;
            return;
        }

        Write(new ReadOnlySpan<char>(in value));
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer);

    public override void WriteLine() => Write('\n');

    /// <summary>Appends bytes that are UTF-8 already (after any text written before them).</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        FlushPending();
        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>
    /// Encodes UTF-16 to UTF-8; lone surrogates become U+FFFD. A surrogate pair may be split across two writes (as a
    /// stateful <see cref="Encoder"/> allows); everything else is encoded statelessly, which is several times faster for
    /// the many short writes a renderer makes.
    /// </summary>
    protected void Encode(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        // Most writes are a few ASCII characters (a tag name, an attribute, a quote): copied here, they skip the
        // transcoder's layers, which cost more than the copy. The first character outside ASCII goes the general way.
        if (chars.Length <= ShortWrite && _pendingHigh == '\0')
        {
            Reserve(chars.Length);
            var buffer = _buffer;
            var at = _length;
            var i = 0;
            for (; i < chars.Length && chars[i] < 0x80; i++)
            {
                buffer[at + i] = (byte)chars[i];
            }

            _length = at + i;
            if (i == chars.Length)
            {
                return;
            }

            chars = chars[i..];
        }

        if (_pendingHigh != '\0')
        {
            var high = _pendingHigh;
            _pendingHigh = '\0';
            if (char.IsLowSurrogate(chars[0]))
            {
                Reserve(4);
                ReadOnlySpan<char> pair = [high, chars[0]];
                System.Text.Unicode.Utf8.FromUtf16(pair, _buffer.AsSpan(_length), out _, out var pairBytes);
                _length += pairBytes;
                chars = chars[1..];
            }
            else
            {
                WriteReplacement();
            }
        }

        if (!chars.IsEmpty && char.IsHighSurrogate(chars[^1]))
        {
            _pendingHigh = chars[^1];
            chars = chars[..^1];
        }

        // At most 3 bytes per UTF-16 unit (a pair is 4 bytes for 2 units).
        Reserve(chars.Length * 3);
        System.Text.Unicode.Utf8.FromUtf16(chars, _buffer.AsSpan(_length), out _, out var written);
        _length += written;
    }

    /// <summary>Removes every <paramref name="value"/> byte written in [<paramref name="start"/>, <paramref name="end"/>), moving what follows up.</summary>
    protected void RemoveAll(byte value, int start, int end)
    {
        var span = _buffer.AsSpan(start, end - start);
        var kept = span.IndexOf(value);
        if (kept < 0)
        {
            return;
        }

        for (var i = kept + 1; i < span.Length; i++)
        {
            if (span[i] != value)
            {
                span[kept++] = span[i];
            }
        }

        _buffer.AsSpan(end, _length - end).CopyTo(_buffer.AsSpan(start + kept));
        _length -= span.Length - kept;
    }

    private void FlushPending()
    {
        if (_pendingHigh != '\0')
        {
            _pendingHigh = '\0';
            WriteReplacement();
        }
    }

    private void WriteReplacement()
    {
        Reserve(3);
        "\uFFFD"u8.CopyTo(_buffer.AsSpan(_length));
        _length += 3;
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
