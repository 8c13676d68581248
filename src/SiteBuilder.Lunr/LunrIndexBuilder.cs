using SiteBuilder.Lunr.Internal;

namespace SiteBuilder.Lunr;

/// <summary>
/// Builds a lunr.js 2.3.9 index the way <c>lunr(function () { … })</c> does (pipeline trimmer → stop-word filter →
/// stemmer, search pipeline stemmer). Configure fields and options, add documents, then <see cref="Build"/> an
/// immutable <see cref="LunrIndex"/>. Not thread-safe; <see cref="Build"/> may be called more than once.
/// </summary>
/// <typeparam name="TDocument">The document type the extractors read.</typeparam>
public sealed class LunrIndexBuilder<TDocument>
{
    // Object.prototype members: as field names they make lunr's averages NaN (see spec §1).
    private static readonly HashSet<string> ReservedFieldNames = new(StringComparer.Ordinal)
    {
        "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
        "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private readonly Func<TDocument, string> _reference;
    private readonly List<FieldDefinition> _declared = [];
    private readonly List<PendingDocument> _documents = [];
    private string[] _whitelist = [];
    private double _k1 = 1.2;
    private double _b = 0.75;
    private FieldDefinition[]? _ordered;

    /// <summary>Creates a builder.</summary>
    /// <param name="reference">The document's ref as a JS key string (a number 1 is "1").</param>
    public LunrIndexBuilder(Func<TDocument, string> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _reference = reference;
    }

    /// <summary>
    /// Declares a field. Fields are indexed in lunr's order: names that are canonical array indices
    /// ("0".."4294967294") first, ascending, then the others in declaration order.
    /// </summary>
    /// <param name="name">The field name; must not contain '/', be "_index" or name an <c>Object.prototype</c> member.</param>
    /// <param name="extractor">Reads the field's value from a document.</param>
    /// <param name="boost">The field boost; 0 and NaN mean 1 as in lunr (<c>boost || 1</c>), negatives are kept.</param>
    /// <exception cref="ArgumentException">The name is invalid or already declared.</exception>
    /// <exception cref="InvalidOperationException">Documents have already been added.</exception>
    public LunrIndexBuilder<TDocument> Field(string name, Func<TDocument, LunrFieldValue> extractor, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(extractor);
        EnsureConfigurable();
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Field '{name}' contains illegal character '/'.", nameof(name));
        }

        if (name == "_index")
        {
            throw new ArgumentException("A field named '_index' would clash with the posting's term index.", nameof(name));
        }

        if (ReservedFieldNames.Contains(name))
        {
            throw new ArgumentException(
                $"Field '{name}' names an Object.prototype member; lunr would score it as NaN.", nameof(name));
        }

        if (_declared.Exists(f => f.Name == name))
        {
            throw new ArgumentException($"Field '{name}' is already declared.", nameof(name));
        }

        _declared.Add(new FieldDefinition(name, extractor, EffectiveBoost(boost)));
        return this;
    }

    /// <summary>
    /// Sets lunr's <c>metadataWhitelist</c> (replacing any earlier list): the token metadata kept per posting.
    /// lunr records "position" (<c>[start, length]</c>), "index" and "fields"; any other key records nulls.
    /// </summary>
    public LunrIndexBuilder<TDocument> MetadataWhitelist(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        EnsureConfigurable();
        foreach (string key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
        }

        _whitelist = [.. keys];
        return this;
    }

    /// <summary>Sets the BM25 term-frequency saturation k1 (default 1.2).</summary>
    public LunrIndexBuilder<TDocument> K1(double k1)
    {
        EnsureConfigurable();
        _k1 = k1;
        return this;
    }

    /// <summary>Sets the BM25 length normalisation b (default 0.75), clamped to [0, 1] as lunr does.</summary>
    public LunrIndexBuilder<TDocument> B(double b)
    {
        EnsureConfigurable();
        _b = b < 0 ? 0 : b > 1 ? 1 : b;
        return this;
    }

    /// <summary>
    /// Adds a document (lunr's <c>add(doc, { boost })</c>). The ref and field values are read now; tokenizing and
    /// scoring happen in <see cref="Build"/>. A repeated ref behaves as in lunr: it is counted again, its vectors
    /// and boost come from the last add, and its postings accumulate.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="boost">The document boost; 0 and NaN mean 1 (<c>boost || 1</c>), negatives are kept.</param>
    public void Add(TDocument document, double boost = 1)
    {
        _ordered ??= OrderFields();
        string reference = _reference(document)
            ?? throw new InvalidOperationException("The reference function returned null.");
        var values = new LunrFieldValue[_ordered.Length];
        for (int f = 0; f < values.Length; f++)
        {
            values[f] = _ordered[f].Extractor(document);
        }

        _documents.Add(new PendingDocument(reference, EffectiveBoost(boost), values));
    }

    /// <summary>Builds the immutable index from the documents added so far.</summary>
    public LunrIndex Build()
    {
        FieldDefinition[] fields = _ordered ?? OrderFields();
        var settings = new IndexSettings(
            Array.ConvertAll(fields, f => f.Name), Array.ConvertAll(fields, f => f.Boost), _whitelist, _k1, _b);
        return IndexCompiler.Compile(settings, _documents);
    }

    private static double EffectiveBoost(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;

    private void EnsureConfigurable()
    {
        if (_documents.Count > 0)
        {
            throw new InvalidOperationException("Configure the builder before adding documents.");
        }
    }

    private FieldDefinition[] OrderFields()
    {
        int[] order = JsKeys.Order(_declared.ConvertAll(f => f.Name));
        return Array.ConvertAll(order, i => _declared[i]);
    }

    private sealed record FieldDefinition(string Name, Func<TDocument, LunrFieldValue> Extractor, double Boost);
}
