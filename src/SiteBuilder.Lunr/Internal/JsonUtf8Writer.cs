using System.Buffers;
using System.Globalization;

namespace SiteBuilder.Lunr.Internal;

/// <summary>
/// A minimal forward-only UTF-8 writer producing exactly the bytes of <c>JSON.stringify</c>: no whitespace,
/// strings escaped the JS way, numbers as JS <c>Number#toString</c>.
/// </summary>
internal ref struct JsonUtf8Writer
{
    private const int ChunkSize = 64 * 1024;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _position;

    public JsonUtf8Writer(IBufferWriter<byte> output)
    {
        _output = output;
        _span = default;
        _position = 0;
    }

    /// <summary>Commits everything written so far to the underlying buffer writer.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            _output.Advance(_position);
            _position = 0;
        }

        _span = default;
    }

    public void WriteByte(byte value)
    {
        if (_position >= _span.Length)
        {
            Grow(1);
        }

        _span[_position++] = value;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _span.Length - _position)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_span[_position..]);
        _position += bytes.Length;
    }

    public void WriteInt(int value)
    {
        if (_span.Length - _position < 11)
        {
            Grow(11);
        }

        value.TryFormat(_span[_position..], out int written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    public void WriteNumber(double value)
    {
        if (_span.Length - _position < JsNumber.MaxJsonLength)
        {
            Grow(JsNumber.MaxJsonLength);
        }

        JsNumber.TryFormatJson(value, _span[_position..], out int written);
        _position += written;
    }

    /// <summary>Writes a quoted JSON string.</summary>
    public void WriteString(ReadOnlySpan<char> value)
    {
        WriteByte((byte)'"');
        WriteStringContent(value);
        WriteByte((byte)'"');
    }

    /// <summary>
    /// Writes the escaped content of a JSON string without quotes. JS escapes only <c>"</c>, <c>\</c>,
    /// U+0000–001F and lone surrogates; everything else is raw UTF-8.
    /// </summary>
    public void WriteStringContent(ReadOnlySpan<char> value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            // Worst case per code unit: a 6-byte \uXXXX escape or 4 bytes for a pair.
            if (_span.Length - _position < 6)
            {
                Grow(6);
            }

            char c = value[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    _span[_position++] = (byte)c;
                }
                else
                {
                    WriteEscape(c);
                }
            }
            else if (c < 0x800)
            {
                _span[_position++] = (byte)(0xC0 | (c >> 6));
                _span[_position++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, value[++i]);
                _span[_position++] = (byte)(0xF0 | (cp >> 18));
                _span[_position++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                _span[_position++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                _span[_position++] = (byte)(0x80 | (cp & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                WriteUnicodeEscape(c);
            }
            else
            {
                _span[_position++] = (byte)(0xE0 | (c >> 12));
                _span[_position++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                _span[_position++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    private void WriteEscape(char c)
    {
        byte short_ = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            _ => 0,
        };
        if (short_ != 0)
        {
            _span[_position++] = (byte)'\\';
            _span[_position++] = short_;
        }
        else
        {
            WriteUnicodeEscape(c);
        }
    }

    private void WriteUnicodeEscape(char c)
    {
        const string Hex = "0123456789abcdef";
        _span[_position++] = (byte)'\\';
        _span[_position++] = (byte)'u';
        _span[_position++] = (byte)Hex[c >> 12];
        _span[_position++] = (byte)Hex[(c >> 8) & 0xF];
        _span[_position++] = (byte)Hex[(c >> 4) & 0xF];
        _span[_position++] = (byte)Hex[c & 0xF];
    }

    private void Grow(int required)
    {
        if (_position > 0)
        {
            _output.Advance(_position);
            _position = 0;
        }

        _span = _output.GetSpan(Math.Max(required, ChunkSize));
    }
}
