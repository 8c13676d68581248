namespace SiteBuilder.Lunr;

/// <summary>
/// The value a field extractor returns, mirroring the JavaScript values lunr's tokenizer accepts:
/// nothing (<c>null</c>), a string, or an array of strings.
/// </summary>
public readonly struct LunrFieldValue : IEquatable<LunrFieldValue>
{
    private readonly string? _text;
    private readonly IReadOnlyList<string?>? _items;
    private readonly Func<string?>? _read;

    private LunrFieldValue(string? text, IReadOnlyList<string?>? items, Func<string?>? read = null)
    {
        _text = text;
        _items = items;
        _read = read;
    }

    /// <summary>No value (JS <c>null</c>/<c>undefined</c>): the field yields no tokens and has length 0.</summary>
    public static LunrFieldValue Null => default;

    /// <summary>True for <see cref="Null"/> and <c>Text(null)</c> (a <see cref="Deferred"/> value is not read to tell).</summary>
    public bool IsNull => _text is null && _items is null && _read is null;

    /// <summary>True when the value is an array (<see cref="List"/>).</summary>
    public bool IsList => _items is not null;

    /// <summary>The text of a <see cref="Text"/> value, or of a <see cref="Deferred"/> one (read on every call); null otherwise.</summary>
    public string? TextValue => _text ?? _read?.Invoke();

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
    /// A string read when the index is built instead of when the document is added: for a large text the caller keeps in
    /// another form (UTF-8, a file), so that the builder does not hold every document's text at once. The function must
    /// give the same text every time; it is called once per build.
    /// </summary>
    public static LunrFieldValue Deferred(Func<string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new(null, null, read);
    }

    /// <summary>Same as <see cref="Text"/>.</summary>
    public static implicit operator LunrFieldValue(string? text) => Text(text);

    /// <summary>Same as <see cref="Text"/>; the named alternative to the implicit conversion.</summary>
    public static LunrFieldValue FromString(string? text) => Text(text);

    /// <inheritdoc />
    public bool Equals(LunrFieldValue other) =>
        string.Equals(_text, other._text, StringComparison.Ordinal) && ReferenceEquals(_items, other._items) && ReferenceEquals(_read, other._read);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LunrFieldValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_text, _items, _read);

    /// <summary>Value equality (list and deferred values compare by reference).</summary>
    public static bool operator ==(LunrFieldValue left, LunrFieldValue right) => left.Equals(right);

    /// <summary>Value inequality (list and deferred values compare by reference).</summary>
    public static bool operator !=(LunrFieldValue left, LunrFieldValue right) => !left.Equals(right);
}
