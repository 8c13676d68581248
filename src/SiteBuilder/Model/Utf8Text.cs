using System.Text;

namespace SiteBuilder.Model;

/// <summary>
/// Immutable text kept as UTF-8, with value equality: what the build holds for every article until the end (its body as
/// HTML and as plain text) takes half the memory of a string. <see cref="ToString"/> decodes it when it is used.
/// </summary>
public sealed class Utf8Text : IEquatable<Utf8Text>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _bytes;
    private int _hash;

    private Utf8Text(byte[] bytes) => _bytes = bytes;

    public static Utf8Text Empty { get; } = new([]);

    /// <summary>The text's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The text's UTF-8 bytes, as memory (read-only: the text is immutable).</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    public static Utf8Text From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new Utf8Text(Utf8.GetBytes(text));
    }

    /// <summary>The first <paramref name="length"/> characters of a builder, encoded without a string in between.</summary>
    public static Utf8Text From(StringBuilder builder, int length)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (length == 0)
        {
            return Empty;
        }

        // A builder reused with its capacity has one chunk; several would need care at their seams, so they take a string.
        var chunks = builder.GetChunks();
        if (!chunks.MoveNext() || chunks.Current.Length < length)
        {
            return From(builder.ToString(0, length));
        }

        var text = chunks.Current.Span[..length];
        var bytes = new byte[Utf8.GetByteCount(text)];
        Utf8.GetBytes(text, bytes);
        return new Utf8Text(bytes);
    }

    /// <summary>Text from bytes that are UTF-8 already (copied: the span may be a reused buffer).</summary>
    public static Utf8Text FromUtf8(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? Empty : new Utf8Text(utf8.ToArray());

    /// <summary>The text as a string (decoded on every call).</summary>
    public override string ToString() => Utf8.GetString(_bytes);

    public static implicit operator string(Utf8Text text) => text?.ToString() ?? throw new ArgumentNullException(nameof(text));

    public bool Equals(Utf8Text? other) =>
        ReferenceEquals(this, other) || (other is not null && GetHashCode() == other.GetHashCode() && _bytes.AsSpan().SequenceEqual(other._bytes));

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

    public override int GetHashCode()
    {
        // Computed once: the bytes never change. 0 doubles as "not yet", so a hash of 0 is stored as 1.
        if (_hash == 0)
        {
            var hash = new HashCode();
            hash.AddBytes(_bytes);
            _hash = hash.ToHashCode() is var h && h != 0 ? h : 1;
        }

        return _hash;
    }

    public static bool operator ==(Utf8Text? left, Utf8Text? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Utf8Text? left, Utf8Text? right) => !(left == right);
}
