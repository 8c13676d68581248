namespace SiteBuilder.Lunr;

/// <summary>
/// The value a field extractor returns, mirroring the JavaScript values lunr's tokenizer accepts:
/// nothing (<c>null</c>), a string, or an array of strings.
/// </summary>
public readonly struct LunrFieldValue : IEquatable<LunrFieldValue>
{
    private readonly string? _text;
    private readonly IReadOnlyList<string?>? _items;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly bool _isUtf8;

    private LunrFieldValue(string? text, IReadOnlyList<string?>? items)
    {
        _text = text;
        _items = items;
    }

    private LunrFieldValue(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        _isUtf8 = true;
    }

    /// <summary>No value (JS <c>null</c>/<c>undefined</c>): the field yields no tokens and has length 0.</summary>
    public static LunrFieldValue Null => default;

    /// <summary>True for <see cref="Null"/> and <c>Text(null)</c>.</summary>
    public bool IsNull => _text is null && _items is null && !_isUtf8;

    /// <summary>True when the value is an array (<see cref="List"/>).</summary>
    public bool IsList => _items is not null;

    /// <summary>The text of a <see cref="Text"/> value, or of a <see cref="Utf8"/> one (decoded on every call); null otherwise.</summary>
    public string? TextValue => _text ?? (_isUtf8 ? System.Text.Encoding.UTF8.GetString(_utf8.Span) : null);

    /// <summary>The bytes of a <see cref="Utf8"/> value; null otherwise.</summary>
    internal ReadOnlyMemory<byte>? Utf8Value => _isUtf8 ? _utf8 : (ReadOnlyMemory<byte>?)null;

    /// <summary>The elements of a <see cref="List"/> value; null otherwise.</summary>
    public IReadOnlyList<string?>? Items => _items;

    /// <summary>
    /// A string, which lunr lowercases and splits on whitespace and hyphens. Pass <c>String(x)</c> of a
    /// non-string JS value (42 → "42", true → "true"). Null gives <see cref="Null"/>.
    /// </summary>
    public static LunrFieldValue Text(string? text) => new(text, null);

    /// <summary>
    /// A JS array: each element is one token, lowercased but not split and without position/index metadata;
    /// a null element becomes the empty token <c>""</c>.
    /// </summary>
    public static LunrFieldValue List(IReadOnlyList<string?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(null, items);
    }

    /// <summary>
    /// A string held as UTF-8, for a large text the caller keeps in that form: the builder decodes it into a scratch
    /// buffer as it analyses the field, so no string is made of it. The bytes are not copied and must not change.
    /// </summary>
    public static LunrFieldValue Utf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>Same as <see cref="Text"/>.</summary>
    public static implicit operator LunrFieldValue(string? text) => Text(text);

    /// <summary>Same as <see cref="Text"/>; the named alternative to the implicit conversion.</summary>
    public static LunrFieldValue FromString(string? text) => Text(text);

    /// <inheritdoc />
    public bool Equals(LunrFieldValue other) =>
        string.Equals(_text, other._text, StringComparison.Ordinal) && ReferenceEquals(_items, other._items)
        && _isUtf8 == other._isUtf8 && _utf8.Equals(other._utf8);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LunrFieldValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_text, _items, _isUtf8, _utf8);

    /// <summary>Value equality (list and UTF-8 values compare by reference).</summary>
    public static bool operator ==(LunrFieldValue left, LunrFieldValue right) => left.Equals(right);

    /// <summary>Value inequality (list and UTF-8 values compare by reference).</summary>
    public static bool operator !=(LunrFieldValue left, LunrFieldValue right) => !left.Equals(right);
}
