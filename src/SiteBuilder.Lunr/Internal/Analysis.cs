using System.Buffers;

namespace SiteBuilder.Lunr.Internal;

/// <summary>A document as <c>add</c> saw it: its ref, effective boost and field values in field order.</summary>
internal sealed class PendingDocument(string reference, double boost, LunrFieldValue[] values)
{
    public string Ref { get; } = reference;

    public double Boost { get; } = boost;

    public LunrFieldValue[] Values { get; } = values;
}

/// <summary>One distinct term of the index being built. Shared by every thread that meets it.</summary>
internal sealed class TermEntry(string term, int id)
{
    public string Term { get; } = term;

    /// <summary>Dense creation number, used only as a key into scratch arrays; not part of the output.</summary>
    public int Id { get; } = id;

    /// <summary>lunr's <c>_index</c>: first-occurrence order over docs, fields and tokens. -1 until assigned.</summary>
    public int Index { get; set; } = -1;
}

/// <summary>The set of distinct terms, shared by the analyzing threads (misses only; threads cache hits).</summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, TermEntry> _map = new(StringComparer.Ordinal);
    private readonly List<TermEntry> _entries = [];
    private readonly Lock _lock = new();

    public int Count => _entries.Count;

    public IReadOnlyList<TermEntry> Entries => _entries;

    public TermEntry GetOrAdd(string term)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(term, out TermEntry? entry))
            {
                entry = new TermEntry(term, _entries.Count);
                _map.Add(term, entry);
                _entries.Add(entry);
            }

            return entry;
        }
    }
}

/// <summary>
/// The result of running one document through tokenizer and pipeline: per field, its distinct terms in
/// first-occurrence order with their frequencies, its length, and optionally every token's position/index.
/// </summary>
internal sealed class DocumentAnalysis(
    TermEntry[] terms, int[] frequencies, int[] fieldStart, int[] fieldLength, int[]? tokenStart, int[]? tokens)
{
    /// <summary>Distinct terms of all fields, field after field.</summary>
    public TermEntry[] Terms { get; } = terms;

    /// <summary>Term frequency of <see cref="Terms"/>[k] within its field.</summary>
    public int[] Frequencies { get; } = frequencies;

    /// <summary>Field f's terms are <c>Terms[FieldStart[f]..FieldStart[f + 1]]</c>.</summary>
    public int[] FieldStart { get; } = fieldStart;

    /// <summary>The number of terms the pipeline emitted for each field (repeats included).</summary>
    public int[] FieldLength { get; } = fieldLength;

    /// <summary>Term k's tokens are <c>Tokens[3 * TokenStart[k] .. 3 * TokenStart[k + 1]]</c>, when recorded.</summary>
    public int[]? TokenStart { get; } = tokenStart;

    /// <summary>Triples (start, length, index) in token order per term; start -1 for array elements.</summary>
    public int[]? Tokens { get; } = tokens;
}

/// <summary>
/// Runs documents through lunr's tokenizer and build pipeline. One instance per thread: it owns a cache from
/// trimmed token to term (stop words map to null), the lowercasing buffers and the per-field scratch.
/// </summary>
internal sealed class Analyzer
{
    private readonly TermTable _table;
    private readonly bool _recordTokens;
    private readonly Dictionary<string, TermEntry?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private char[] _lower = new char[1024];
    private char[] _scratch = new char[512];

    // Scratch keyed by TermEntry.Id: the field stamp in which the term was last seen and its slot there.
    private int[] _stamp = new int[4096];
    private int[] _slot = new int[4096];
    private int _currentStamp;

    // Output of the current document.
    private TermEntry[] _terms = new TermEntry[1024];
    private int[] _frequencies = new int[1024];
    private int _termCount;

    // Tokens of the current field (slot, start, length, index) and of the document, grouped by term.
    private int[] _fieldTokens = new int[4096];
    private int _fieldTokenCount;
    private int[] _docTokens = new int[4096];
    private int _docTokenCount;
    private int[] _tokenStart = new int[1024];

    public Analyzer(TermTable table, bool recordTokens)
    {
        _table = table;
        _recordTokens = recordTokens;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public DocumentAnalysis Analyze(PendingDocument document)
    {
        LunrFieldValue[] values = document.Values;
        var fieldStart = new int[values.Length + 1];
        var fieldLength = new int[values.Length];
        _termCount = 0;
        _docTokenCount = 0;
        for (int f = 0; f < values.Length; f++)
        {
            fieldStart[f] = _termCount;
            fieldLength[f] = AnalyzeField(values[f]);
        }

        fieldStart[values.Length] = _termCount;

        int[]? tokenStart = null;
        int[]? tokens = null;
        if (_recordTokens)
        {
            tokenStart = _tokenStart.AsSpan(0, _termCount + 1).ToArray();
            tokens = _docTokens.AsSpan(0, _docTokenCount * 3).ToArray();
        }

        return new DocumentAnalysis(
            _terms.AsSpan(0, _termCount).ToArray(),
            _frequencies.AsSpan(0, _termCount).ToArray(),
            fieldStart,
            fieldLength,
            tokenStart,
            tokens);
    }

    /// <summary>Adds one field's distinct terms to the output and returns its length.</summary>
    private int AnalyzeField(LunrFieldValue value)
    {
        _currentStamp++;
        _fieldTokenCount = 0;
        int firstTerm = _termCount;
        int length = 0;

        if (value.Items is { } items)
        {
            foreach (string? item in items)
            {
                ReadOnlySpan<char> lower = item is null ? default : Lower(item);
                length += AddToken(lower, -1, 0, 0, firstTerm);
            }
        }
        else if (value.TextValue is { } text)
        {
            ReadOnlySpan<char> s = Lower(text);
            int i = 0;
            int index = 0;
            while (i < s.Length)
            {
                if (LunrTokenizer.IsSeparator(s[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (++i < s.Length && !LunrTokenizer.IsSeparator(s[i]))
                {
                }

                length += AddToken(s[start..i], start, i - start, index++, firstTerm);
            }
        }

        if (_recordTokens)
        {
            GroupFieldTokens(firstTerm);
        }

        return length;
    }

    private ReadOnlySpan<char> Lower(string text)
    {
        int needed = JsLowerCase.MaxOutputLength(text.Length);
        if (_lower.Length < needed)
        {
            _lower = new char[Math.Max(needed, _lower.Length * 2)];
        }

        if (_scratch.Length < text.Length)
        {
            _scratch = new char[Math.Max(text.Length, _scratch.Length * 2)];
        }

        int n = JsLowerCase.ToLower(text, _lower, _scratch);
        return _lower.AsSpan(0, n);
    }

    /// <summary>Runs one token through trimmer, stop-word filter and stemmer; returns 1 if a term came out.</summary>
    private int AddToken(ReadOnlySpan<char> token, int start, int length, int index, int firstTerm)
    {
        ReadOnlySpan<char> trimmed = LunrTokenizer.Trim(token);
        if (!_lookup.TryGetValue(trimmed, out TermEntry? entry))
        {
            entry = Resolve(trimmed);
        }

        if (entry is null)
        {
            return 0;
        }

        int id = entry.Id;
        if (id >= _stamp.Length)
        {
            int size = Math.Max(id + 1, _stamp.Length * 2);
            Array.Resize(ref _stamp, size);
            Array.Resize(ref _slot, size);
        }

        int slot;
        if (_stamp[id] == _currentStamp)
        {
            slot = _slot[id];
        }
        else
        {
            _stamp[id] = _currentStamp;
            slot = _termCount - firstTerm;
            _slot[id] = slot;
            if (_termCount == _terms.Length)
            {
                Array.Resize(ref _terms, _terms.Length * 2);
                Array.Resize(ref _frequencies, _frequencies.Length * 2);
            }

            _terms[_termCount] = entry;
            _frequencies[_termCount] = 0;
            _termCount++;
        }

        _frequencies[firstTerm + slot]++;

        if (_recordTokens)
        {
            if ((_fieldTokenCount + 1) * 4 > _fieldTokens.Length)
            {
                Array.Resize(ref _fieldTokens, _fieldTokens.Length * 2);
            }

            int t = _fieldTokenCount++ * 4;
            _fieldTokens[t] = slot;
            _fieldTokens[t + 1] = start;
            _fieldTokens[t + 2] = length;
            _fieldTokens[t + 3] = index;
        }

        return 1;
    }

    private TermEntry? Resolve(ReadOnlySpan<char> trimmed)
    {
        string token = trimmed.ToString();
        TermEntry? entry = LunrTokenizer.StopWords.Contains(token) ? null : _table.GetOrAdd(LunrStemmer.Stem(token));
        _cache[token] = entry;
        return entry;
    }

    /// <summary>Appends the field's tokens to the document's, grouped by term (a counting sort by slot).</summary>
    private void GroupFieldTokens(int firstTerm)
    {
        int distinct = _termCount - firstTerm;
        if (_tokenStart.Length < _termCount + 1)
        {
            Array.Resize(ref _tokenStart, Math.Max(_termCount + 1, _tokenStart.Length * 2));
        }

        int offset = _docTokenCount;
        for (int k = 0; k < distinct; k++)
        {
            _tokenStart[firstTerm + k] = offset;
            offset += _frequencies[firstTerm + k];
        }

        _tokenStart[_termCount] = offset;
        if (offset * 3 > _docTokens.Length)
        {
            Array.Resize(ref _docTokens, Math.Max(offset * 3, _docTokens.Length * 2));
        }

        Span<int> cursor = distinct <= 256 ? stackalloc int[distinct] : new int[distinct];
        for (int k = 0; k < distinct; k++)
        {
            cursor[k] = _tokenStart[firstTerm + k];
        }

        for (int t = 0; t < _fieldTokenCount; t++)
        {
            int slot = _fieldTokens[t * 4];
            int target = cursor[slot]++ * 3;
            _docTokens[target] = _fieldTokens[(t * 4) + 1];
            _docTokens[target + 1] = _fieldTokens[(t * 4) + 2];
            _docTokens[target + 2] = _fieldTokens[(t * 4) + 3];
        }

        _docTokenCount = offset;
    }
}
