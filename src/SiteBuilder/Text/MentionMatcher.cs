using System.Buffers;
using System.Globalization;
using System.Numerics;
using SiteBuilder.Model;

namespace SiteBuilder.Text;

/// <summary>One match of a name or alias in a text: <see cref="Entity"/> is an index into the catalog, or -1 for an ambiguous alias.</summary>
public readonly record struct MentionMatch(int Start, int Length, int Entity)
{
    public bool IsAmbiguous => Entity < 0;
}

/// <summary>
/// Finds entity names and aliases in text, built once for the whole catalog: a character trie walked from each word start,
/// so a text is scanned once whatever the number of aliases. Rules: case-sensitive; only at word boundaries (no letter,
/// digit or combining mark directly before or after); leftmost-longest wins; an alias claimed by two entities matches
/// (so it still hides shorter aliases inside it) but belongs to no entity. Immutable and thread-safe.
/// </summary>
public sealed class MentionMatcher
{
    private const int Ambiguous = -1;
    private const int NoValue = -2;

    private readonly EdgeTable _edges;
    private readonly int[] _values;

    // Every character that starts a name or alias: the scan skips to the next one with a vectorized search, since most
    // of a text is characters that start none.
    private readonly SearchValues<char> _starts;

    private MentionMatcher(Dictionary<long, int> edges, int[] values)
    {
        _edges = new EdgeTable(edges);
        _values = values;
        _starts = SearchValues.Create([.. edges.Keys.Where(k => k >> 16 == 0).Select(k => (char)k)]);
    }

    public static MentionMatcher Create(IReadOnlyList<Entity> entities)
    {
        var edges = new Dictionary<long, int>();
        var values = new List<int> { NoValue };
        for (var e = 0; e < entities.Count; e++)
        {
            foreach (var pattern in entities[e].Aliases.Prepend(entities[e].Name))
            {
                if (pattern.Length == 0)
                {
                    continue;
                }

                var node = 0;
                foreach (var c in pattern)
                {
                    var key = Key(node, c);
                    if (!edges.TryGetValue(key, out var next))
                    {
                        next = values.Count;
                        values.Add(NoValue);
                        edges.Add(key, next);
                    }

                    node = next;
                }

                values[node] = values[node] == NoValue || values[node] == e ? e : Ambiguous;
            }
        }

        return new MentionMatcher(edges, [.. values]);
    }

    /// <summary>All non-overlapping matches in <paramref name="text"/>, leftmost-longest, in order.</summary>
    public List<MentionMatch> Find(ReadOnlySpan<char> text)
    {
        var matches = new List<MentionMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(_starts);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (i > 0 && IsWordChar(text, i - 1))
            {
                i++;
                continue;
            }

            var node = 0;
            var bestLength = 0;
            var bestValue = NoValue;
            for (var j = i; j < text.Length && _edges.TryGetValue(Key(node, text[j]), out node); j++)
            {
                if (_values[node] != NoValue && (j + 1 == text.Length || !IsWordChar(text, j + 1)))
                {
                    bestLength = j + 1 - i;
                    bestValue = _values[node];
                }
            }

            if (bestLength > 0)
            {
                matches.Add(new MentionMatch(i, bestLength, bestValue));
                i += bestLength;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    /// <summary>
    /// The trie's edges, (node, character) → node, in one open-addressing table: the scan looks one up for every character
    /// it walks, and a <see cref="Dictionary{TKey, TValue}"/> lookup (comparer, buckets, entries) cost twice as much.
    /// </summary>
    private sealed class EdgeTable
    {
        private const long Empty = -1;

        private readonly long[] _keys;
        private readonly int[] _targets;
        private readonly int _shift;

        public EdgeTable(Dictionary<long, int> edges)
        {
            // At most half full: probes stay short.
            var bits = Math.Max(4, 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(1, edges.Count) * 2 - 1));
            _shift = 64 - bits;
            _keys = new long[1 << bits];
            _targets = new int[1 << bits];
            Array.Fill(_keys, Empty);
            foreach (var (key, target) in edges)
            {
                var slot = Slot(key);
                while (_keys[slot] != Empty)
                {
                    slot = (slot + 1) & (_keys.Length - 1);
                }

                (_keys[slot], _targets[slot]) = (key, target);
            }
        }

        public bool TryGetValue(long key, out int target)
        {
            for (var slot = Slot(key); ; slot = (slot + 1) & (_keys.Length - 1))
            {
                var found = _keys[slot];
                if (found == key)
                {
                    target = _targets[slot];
                    return true;
                }

                if (found == Empty)
                {
                    target = 0;
                    return false;
                }
            }
        }

        // Fibonacci hashing: the top bits of the key times 2^64/φ.
        private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        if (c < 128)
        {
            return false;
        }

        if (char.IsSurrogate(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
