using System.Buffers;
using System.Text;
using SiteBuilder.Lunr.Internal;

namespace SiteBuilder.Lunr;

/// <summary>
/// A built lunr 2.3.9 index: immutable and safe to share between threads. <see cref="WriteTo(Stream)"/> writes
/// the same bytes as <c>JSON.stringify(idx)</c> in lunr.js; <see cref="WriteShardTo(Stream, Func{string, bool}, ShardVectors)"/>
/// writes a valid index restricted to some terms, and <see cref="PartitionTerms"/> cuts the terms into shards.
/// </summary>
public sealed partial class LunrIndex
{
    private readonly IndexSettings _settings;
    private readonly string[] _terms;
    private readonly int[] _termIndex;
    private readonly string[] _refs;
    private readonly byte[][] _refJson;
    private readonly byte[][] _fieldJson;
    private readonly int _leadingIndexFields;
    private readonly int[] _postStart;
    private readonly int[] _postRef;
    private readonly int[]? _metaStart;
    private readonly int[]? _metaTokens;
    private readonly int[] _vectorStart;
    private readonly int[] _vectorTerm;
    private readonly double[] _vectorValue;

    internal LunrIndex(
        IndexSettings settings,
        int documentCount,
        string[] terms,
        int[] termIndex,
        string[] refs,
        int[] postStart,
        int[] postRef,
        int[]? metaStart,
        int[]? metaTokens,
        int[] vectorStart,
        int[] vectorTerm,
        double[] vectorValue)
    {
        _settings = settings;
        DocumentCount = documentCount;
        _terms = terms;
        _termIndex = termIndex;
        _refs = refs;
        _postStart = postStart;
        _postRef = postRef;
        _metaStart = metaStart;
        _metaTokens = metaTokens;
        _vectorStart = vectorStart;
        _vectorTerm = vectorTerm;
        _vectorValue = vectorValue;
        _refJson = Array.ConvertAll(refs, JsonText.Escape);
        _fieldJson = Array.ConvertAll(settings.Fields, JsonText.Escape);
        _leadingIndexFields = Array.FindAll(settings.Fields, f => JsKeys.IsArrayIndex(f, out _)).Length;
        Fields = Array.AsReadOnly(settings.Fields);
        Terms = Array.AsReadOnly(terms);
        Refs = Array.AsReadOnly(refs);
    }

    /// <summary>The number of <c>Add</c> calls, as lunr counts them (a repeated ref counts each time).</summary>
    public int DocumentCount { get; }

    /// <summary>The fields in lunr's order: canonical array-index names ascending, then declaration order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The number of distinct terms.</summary>
    public int TermCount => _terms.Length;

    /// <summary>The distinct terms, sorted by UTF-16 code units (the <c>invertedIndex</c> order).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The distinct document refs in first-add order.</summary>
    public IReadOnlyList<string> Refs { get; }

    /// <summary>Writes the index as UTF-8 JSON, byte-identical to lunr.js's <c>JSON.stringify(idx)</c>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new StreamBufferWriter(stream);
        Write(buffer, null);
        buffer.Flush();
    }

    /// <summary>Writes the index as UTF-8 JSON, byte-identical to lunr.js's <c>JSON.stringify(idx)</c>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, null);
    }

    /// <summary>
    /// Writes a shard: a valid lunr index with the same fields, version and pipeline whose inverted index holds
    /// only the terms <paramref name="includeTerm"/> accepts (with their original <c>_index</c>). With
    /// <see cref="ShardVectors.All"/> the field vectors are kept one per (doc, field) as before, each reduced to
    /// those terms' entries; with <see cref="ShardVectors.OnlyPosted"/> only the (doc, field) vectors that the kept
    /// postings name are written. Either way any query whose terms all lie in the shard scores exactly as on the
    /// whole index, since lunr scores a document by a dot product over the query's terms.
    /// </summary>
    public void WriteShardTo(Stream stream, Func<string, bool> includeTerm, ShardVectors vectors = ShardVectors.All)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(includeTerm);
        using var buffer = new StreamBufferWriter(stream);
        Write(buffer, Select(includeTerm), vectors);
        buffer.Flush();
    }

    /// <summary>Writes a shard (see <see cref="WriteShardTo(Stream, Func{string, bool}, ShardVectors)"/>).</summary>
    public void WriteShardTo(IBufferWriter<byte> writer, Func<string, bool> includeTerm, ShardVectors vectors = ShardVectors.All)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(includeTerm);
        Write(writer, Select(includeTerm), vectors);
    }

    /// <summary>
    /// Writes the shard of a range from <see cref="PartitionTerms"/>: its terms, and only the (doc, field) vectors
    /// their postings name (<see cref="ShardVectors.OnlyPosted"/>). Exactly <see cref="LunrTermRange.Length"/> bytes.
    /// </summary>
    public void WriteShardTo(Stream stream, LunrTermRange range)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new StreamBufferWriter(stream);
        WriteShardTo(buffer, range);
        buffer.Flush();
    }

    /// <summary>Writes the shard of a range (see <see cref="WriteShardTo(Stream, LunrTermRange)"/>).</summary>
    public void WriteShardTo(IBufferWriter<byte> writer, LunrTermRange range)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(range);
        if (range.Start < 0 || range.Count < 0 || range.Start > _terms.Length - range.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(range), "The range lies outside this index's terms.");
        }

        Write(writer, Enumerable.Range(range.Start, range.Count).ToArray(), ShardVectors.OnlyPosted);
    }

    /// <summary>The JSON as a string; convenient for tests and small indexes.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, null);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The sorted positions of the terms <paramref name="includeTerm"/> accepts, ascending.</summary>
    private int[] Select(Func<string, bool> includeTerm)
    {
        var kept = new List<int>();
        for (int i = 0; i < _terms.Length; i++)
        {
            if (includeTerm(_terms[i]))
            {
                kept.Add(i);
            }
        }

        return [.. kept];
    }

    /// <summary>Writes the whole index (<paramref name="terms"/> null) or the shard of some terms (sorted positions, ascending).</summary>
    private void Write(IBufferWriter<byte> output, int[]? terms, ShardVectors vectors = ShardVectors.All)
    {
        var w = new JsonUtf8Writer(output);
        w.WriteRaw("{\"version\":\"2.3.9\",\"fields\":["u8);
        for (int f = 0; f < _fieldJson.Length; f++)
        {
            if (f > 0)
            {
                w.WriteByte((byte)',');
            }

            WriteQuoted(ref w, _fieldJson[f]);
        }

        w.WriteRaw("],\"fieldVectors\":["u8);
        if (terms is null)
        {
            WriteFieldVectors(ref w, null);
        }
        else if (vectors == ShardVectors.OnlyPosted)
        {
            WritePostedVectors(ref w, terms);
        }
        else
        {
            var keepIndex = new bool[_terms.Length];
            foreach (int t in terms)
            {
                keepIndex[_termIndex[t]] = true;
            }

            WriteFieldVectors(ref w, keepIndex);
        }

        w.WriteRaw("],\"invertedIndex\":["u8);
        if (terms is null)
        {
            for (int t = 0; t < _terms.Length; t++)
            {
                if (t > 0)
                {
                    w.WriteByte((byte)',');
                }

                WriteTerm(ref w, t);
            }
        }
        else
        {
            for (int i = 0; i < terms.Length; i++)
            {
                if (i > 0)
                {
                    w.WriteByte((byte)',');
                }

                WriteTerm(ref w, terms[i]);
            }
        }

        w.WriteRaw("],\"pipeline\":[\"stemmer\"]}"u8);
        w.Flush();
    }

    private void WriteFieldVectors(ref JsonUtf8Writer w, bool[]? keepIndex)
    {
        int fieldCount = _fieldJson.Length;
        int fieldRefCount = _vectorStart.Length - 1;
        for (int fr = 0; fr < fieldRefCount; fr++)
        {
            if (fr > 0)
            {
                w.WriteByte((byte)',');
            }

            w.WriteRaw("[\""u8);
            w.WriteRaw(_fieldJson[fr % fieldCount]);
            w.WriteByte((byte)'/');
            w.WriteRaw(_refJson[fr / fieldCount]);
            w.WriteRaw("\",["u8);
            bool first = true;
            for (int i = _vectorStart[fr]; i < _vectorStart[fr + 1]; i++)
            {
                int term = _vectorTerm[i];
                if (keepIndex is not null && !keepIndex[term])
                {
                    continue;
                }

                if (!first)
                {
                    w.WriteByte((byte)',');
                }

                first = false;
                w.WriteInt(term);
                w.WriteByte((byte)',');
                w.WriteNumber(_vectorValue[i]);
            }

            w.WriteRaw("]]"u8);
        }
    }

    /// <summary>One <c>[term, posting]</c> entry of the inverted index, for the term at sorted position <paramref name="t"/>.</summary>
    private void WriteTerm(ref JsonUtf8Writer w, int t)
    {
        int fieldCount = _fieldJson.Length;
        w.WriteByte((byte)'[');
        w.WriteString(_terms[t]);
        w.WriteRaw(",{"u8);

        // Key order of a posting: array-index field names, then _index, then the other fields.
        for (int slot = 0; slot <= fieldCount; slot++)
        {
            if (slot > 0)
            {
                w.WriteByte((byte)',');
            }

            if (slot == _leadingIndexFields)
            {
                w.WriteRaw("\"_index\":"u8);
                w.WriteInt(_termIndex[t]);
                continue;
            }

            int f = slot < _leadingIndexFields ? slot : slot - 1;
            WriteQuoted(ref w, _fieldJson[f]);
            w.WriteRaw(":{"u8);
            int bucket = (t * fieldCount) + f;
            for (int p = _postStart[bucket]; p < _postStart[bucket + 1]; p++)
            {
                if (p > _postStart[bucket])
                {
                    w.WriteByte((byte)',');
                }

                WriteQuoted(ref w, _refJson[_postRef[p]]);
                w.WriteByte((byte)':');
                WriteMetadata(ref w, p, f);
            }

            w.WriteByte((byte)'}');
        }

        w.WriteRaw("}]"u8);
    }

    private void WriteMetadata(ref JsonUtf8Writer w, int posting, int field)
    {
        MetadataKey[] keys = _settings.MetadataKeys;
        if (keys.Length == 0)
        {
            w.WriteRaw("{}"u8);
            return;
        }

        int from = _metaStart![posting];
        int to = _metaStart[posting + 1];
        w.WriteByte((byte)'{');
        for (int k = 0; k < keys.Length; k++)
        {
            MetadataKey key = keys[k];
            if (k > 0)
            {
                w.WriteByte((byte)',');
            }

            WriteQuoted(ref w, key.NameJson);
            w.WriteRaw(":["u8);
            for (int token = from; token < to; token++)
            {
                for (int repeat = 0; repeat < key.Multiplicity; repeat++)
                {
                    if (token > from || repeat > 0)
                    {
                        w.WriteByte((byte)',');
                    }

                    WriteMetadataValue(ref w, key.Kind, token, field);
                }
            }

            w.WriteByte((byte)']');
        }

        w.WriteByte((byte)'}');
    }

    private void WriteMetadataValue(ref JsonUtf8Writer w, MetadataKind kind, int token, int field)
    {
        switch (kind)
        {
            case MetadataKind.Position when _metaTokens![token * 3] >= 0:
                w.WriteByte((byte)'[');
                w.WriteInt(_metaTokens[token * 3]);
                w.WriteByte((byte)',');
                w.WriteInt(_metaTokens[(token * 3) + 1]);
                w.WriteByte((byte)']');
                break;
            case MetadataKind.Index when _metaTokens![token * 3] >= 0:
                w.WriteInt(_metaTokens[(token * 3) + 2]);
                break;
            case MetadataKind.Fields:
                w.WriteRaw("[\""u8);
                w.WriteRaw(_fieldJson[field]);
                w.WriteRaw("\"]"u8);
                break;
            default:
                w.WriteRaw("null"u8);
                break;
        }
    }

    private static void WriteQuoted(ref JsonUtf8Writer w, byte[] escaped)
    {
        w.WriteByte((byte)'"');
        w.WriteRaw(escaped);
        w.WriteByte((byte)'"');
    }
}
