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

    /// <summary>Dense creation number (0, 1, 2, …); a key into arrays, not part of the output.</summary>
    public int Id { get; } = id;
}

/// <summary>
/// The distinct terms and the trimmed tokens resolved so far, shared by the analyzing threads. Threads consult
/// it only on a miss in their own cache, so each distinct token is stop-word-checked and stemmed once overall.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly List<TermEntry> _entries = [];
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly Lock _lock = new();

    public TermTable() => _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _entries.Count;

    public IReadOnlyList<TermEntry> Entries => _entries;

    /// <summary>The term id of a trimmed token (-1 for a stop word) and the token as a string.</summary>
    public (string Token, int Id) Resolve(ReadOnlySpan<char> token)
    {
        lock (_lock)
        {
            if (_tokenLookup.TryGetValue(token, out string? known, out int knownId))
            {
                return (known, knownId);
            }
        }

        // Stem outside the lock; another thread may race us to the same token, so check again when adding.
        string text = token.ToString();
        string? stem = LunrTokenizer.StopWords.Contains(text) ? null : LunrStemmer.Stem(text);
        lock (_lock)
        {
            if (_tokenLookup.TryGetValue(token, out string? known, out int knownId))
            {
                return (known, knownId);
            }

            int id = -1;
            if (stem is not null)
            {
                if (!_terms.TryGetValue(stem, out TermEntry? entry))
                {
                    entry = new TermEntry(stem, _entries.Count);
                    _terms.Add(stem, entry);
                    _entries.Add(entry);
                }

                id = entry.Id;
            }

            _tokens.Add(text, id);
            return (text, id);
        }
    }
}

/// <summary>
/// The result of running one document through tokenizer and pipeline: per field, its distinct terms in
/// first-occurrence order with their frequencies, its length, and optionally every token's position/index.
/// </summary>
internal sealed class DocumentAnalysis(
    int[] terms, int[] frequencies, int[] fieldStart, int[] fieldLength, int[]? tokenStart, int[]? tokens)
{
    /// <summary>Distinct terms (<see cref="TermEntry.Id"/>) of all fields, field after field.</summary>
    public int[] Terms { get; } = terms;

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
/// trimmed token to term id (stop words map to -1), the lowercasing buffers and the per-field scratch.
/// </summary>
/// <remarks>
/// Text is lowercased once per field, then scanned once: each character is classified (separator, ASCII word
/// character, other) while the scanner tracks the trimmed range and hashes it, so a token already seen costs a
/// hash probe and no allocation. Only a cache miss trims, checks stop words and stems.
/// </remarks>
internal sealed class Analyzer
{
    private const byte Other = 0;
    private const byte Separator = 1;
    private const byte Word = 2;

    private static readonly byte[] AsciiKind = CreateAsciiKinds();

    private readonly TermTable _table;
    private readonly bool _recordTokens;
    private readonly TokenCache _cache = new();

    private char[] _lower = new char[1024];
    private char[] _scratch = new char[512];
    private char[] _decoded = [];

    // Scratch keyed by term id: the field stamp in which the term was last seen and its slot there.
    private int[] _stamp = new int[4096];
    private int[] _slot = new int[4096];
    private int _currentStamp;

    // Output of the current document.
    private int[] _terms = new int[1024];
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
                ReadOnlySpan<char> trimmed = item is null ? default : LunrTokenizer.Trim(Lower(item));
                length += AddTerm(Lookup(trimmed, TokenCache.Hash(trimmed)), -1, 0, 0, firstTerm);
            }
        }
        else if (value.Utf8Value is { } utf8)
        {
            length = ScanText(Lower(Decode(utf8.Span)), firstTerm);
        }
        else if (value.TextValue is { } text)
        {
            length = ScanText(Lower(text), firstTerm);
        }

        if (_recordTokens)
        {
            GroupFieldTokens(firstTerm);
        }

        return length;
    }

    /// <summary>
    /// Splits lowercased text into tokens (maximal runs of non-separators) and runs each through the pipeline.
    /// The trimmed range runs from the first to the last ASCII word character; its hash is the running hash
    /// as it stood after that last word character.
    /// </summary>
    private int ScanText(ReadOnlySpan<char> s, int firstTerm)
    {
        byte[] kinds = AsciiKind;
        int length = 0;
        int index = 0;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 128 ? kinds[c] == Separator : IsNonAsciiSeparator(c))
            {
                i++;
                continue;
            }

            int start = i;
            int first = -1;
            int last = -1;
            uint hash = TokenCache.Start;
            uint hashAtLast = TokenCache.Start;
            for (; i < s.Length; i++)
            {
                c = s[i];
                bool word;
                if (c < 128)
                {
                    byte kind = kinds[c];
                    if (kind == Separator)
                    {
                        break;
                    }

                    word = kind == Word;
                }
                else if (IsNonAsciiSeparator(c))
                {
                    break;
                }
                else
                {
                    word = false;
                }

                if (first < 0)
                {
                    if (!word)
                    {
                        continue;
                    }

                    first = i;
                }

                hash = TokenCache.Step(hash, c);
                if (word)
                {
                    last = i;
                    hashAtLast = hash;
                }
            }

            ReadOnlySpan<char> trimmed = first < 0 ? default : s[first..(last + 1)];
            length += AddTerm(Lookup(trimmed, hashAtLast), start, i - start, index++, firstTerm);
        }

        return length;
    }

    private static bool IsNonAsciiSeparator(char c) => c >= '\u00A0' && LunrTokenizer.IsSeparator(c);

    /// <summary>UTF-8 decoded into a scratch buffer of this analyzer (valid until the next call).</summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        int needed = System.Text.Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_decoded.Length < needed)
        {
            _decoded = new char[Math.Max(needed, _decoded.Length * 2)];
        }

        return _decoded.AsSpan(0, System.Text.Encoding.UTF8.GetChars(utf8, _decoded));
    }

    private ReadOnlySpan<char> Lower(ReadOnlySpan<char> text)
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

    /// <summary>The term id of a trimmed token, or -1 for a stop word; stems and caches it on a miss.</summary>
    private int Lookup(ReadOnlySpan<char> trimmed, uint hash)
    {
        if (_cache.TryGet(trimmed, hash, out int id))
        {
            return id;
        }

        (string token, id) = _table.Resolve(trimmed);
        _cache.Add(token, hash, id);
        return id;
    }

    /// <summary>Counts a term of the current field; returns 1, or 0 for a stop word.</summary>
    private int AddTerm(int id, int start, int length, int index, int firstTerm)
    {
        if (id < 0)
        {
            return 0;
        }

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

            _terms[_termCount] = id;
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

    private static byte[] CreateAsciiKinds()
    {
        var kinds = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            kinds[c] = LunrTokenizer.IsSeparator((char)c) ? Separator
                : char.IsAsciiLetterOrDigit((char)c) || c == '_' ? Word
                : Other;
        }

        return kinds;
    }
}
