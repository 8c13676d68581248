using System.Buffers;
using SiteBuilder.Lunr.Internal;

namespace SiteBuilder.Lunr;

/// <summary>Sharding: cutting the sorted terms into ranges by prefix, and writing a range with only its posted vectors.</summary>
public sealed partial class LunrIndex
{
    private PostedPairs? _posted;

    /// <summary>
    /// Cuts the sorted terms into contiguous ranges whose shards (<see cref="WriteShardTo(Stream, LunrTermRange)"/>)
    /// are at most <paramref name="maxShardBytes"/> long, cutting at prefix boundaries: the terms are grouped by
    /// their first code unit; adjacent groups are packed together while they fit, and a group that does not fit
    /// alone is grouped again by its next code unit, recursively. A term that equals a group's prefix ("tusk" in
    /// the group of "tusk", "tusks", "tuskegee") is a group of its own, first in that group. A single term whose
    /// shard is longer than the limit is a range of its own.
    /// </summary>
    /// <returns>The ranges in term order: they partition the terms, and concatenating their shards' inverted
    /// indexes gives the whole index's, sorted. Empty when the index has no terms.</returns>
    public IReadOnlyList<LunrTermRange> PartitionTerms(int maxShardBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxShardBytes);
        if (_terms.Length == 0)
        {
            return [];
        }

        var planner = new ShardPlanner(this, maxShardBytes);
        planner.Pack(0, 0, _terms.Length);
        planner.Flush();
        List<(int Start, int Count, long Length)> cuts = planner.Ranges;
        var ranges = new LunrTermRange[cuts.Count];
        for (int i = 0; i < cuts.Count; i++)
        {
            (int start, int count, long length) = cuts[i];
            ranges[i] = new LunrTermRange(i == 0 ? "" : Separator(_terms[start - 1], _terms[start]), start, count, length);
        }

        return ranges;
    }

    /// <summary>The shortest prefix of <paramref name="next"/> that sorts after <paramref name="previous"/> (which sorts before it).</summary>
    private static string Separator(string previous, string next)
    {
        int common = 0;
        while (common < previous.Length && common < next.Length && previous[common] == next[common])
        {
            common++;
        }

        return next[..(common + 1)];
    }

    /// <summary>
    /// What the shards need of the field vectors, gathered in one pass over them in order (reading them posting by posting
    /// instead would read every entry at a random position, twice: once to size the shards, once to write them).
    /// <see cref="ValueIds"/>: for each posting (in <c>_postRef</c> order), its (doc, field) vector's value for the
    /// posting's term, as the number of a distinct value (whose JSON is <see cref="Json"/>), or −1 when the vector has
    /// no entry for the term (a repeated ref whose last add lacks it). <see cref="Count"/> and <see cref="ValueBytes"/>: per term (sorted
    /// position), how many of its postings have an entry, and the JSON length of those entries' values.
    /// </summary>
    private sealed record PostedPairs(int[] ValueIds, byte[] ValueJson, int[] ValueJsonStart, int[] Count, long[] ValueBytes)
    {
        public ReadOnlySpan<byte> Json(int id) => ValueJson.AsSpan(ValueJsonStart[id], ValueJsonStart[id + 1] - ValueJsonStart[id]);
    }

    private PostedPairs Posted() => LazyInitializer.EnsureInitialized(ref _posted, ComputePostedPairs);

    private PostedPairs ComputePostedPairs()
    {
        int fieldCount = _fieldJson.Length;
        int bucketCount = _postStart.Length - 1;
        var ids = new int[_postRef.Length];
        var pairCount = new int[_terms.Length];
        var valueBytes = new long[_terms.Length];

        // Distinct values by their bits (lunr rounds scores to thousandths: a few thousand of them), each written once.
        var idOfBits = new Dictionary<long, int>();
        var json = new ArrayBufferWriter<byte>(16 * 1024);
        var jsonStart = new List<int> { 0 };
        int IdOf(double value)
        {
            ref int id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(idOfBits, BitConverter.DoubleToInt64Bits(value), out bool exists);
            if (!exists)
            {
                id = idOfBits.Count - 1;
                var w = new JsonUtf8Writer(json);
                w.WriteNumber(value);
                w.Flush();
                jsonStart.Add(json.WrittenCount);
            }

            return id;
        }

        void Pair(int t, int id)
        {
            pairCount[t]++;
            valueBytes[t] += jsonStart[id + 1] - jsonStart[id];
        }

        // A bucket (term, field) whose refs ascend is filled in one pass over the vectors, ref by ref, with a cursor:
        // its next posting is the next vector that holds the term. (With numeric refs added in order, all of them do.)
        // Any other bucket is filled by a binary search per posting in its vector.
        var cursor = new int[bucketCount];
        var ascending = new bool[bucketCount];
        var unordered = new List<int>();
        for (int b = 0; b < bucketCount; b++)
        {
            cursor[b] = _postStart[b];
            ascending[b] = true;
            for (int p = _postStart[b] + 1; p < _postStart[b + 1]; p++)
            {
                if (_postRef[p] <= _postRef[p - 1])
                {
                    ascending[b] = false;
                    unordered.Add(b);
                    break;
                }
            }
        }

        var termOfIndex = new int[_terms.Length];
        for (int t = 0; t < _terms.Length; t++)
        {
            termOfIndex[_termIndex[t]] = t;
        }

        int fieldRefCount = _vectorStart.Length - 1;
        for (int fr = 0; fr < fieldRefCount; fr++)
        {
            int r = fr / fieldCount;
            int f = fr % fieldCount;
            for (int i = _vectorStart[fr]; i < _vectorStart[fr + 1]; i++)
            {
                int t = termOfIndex[_vectorTerm[i]];
                int b = (t * fieldCount) + f;
                if (!ascending[b])
                {
                    continue;
                }

                int c = cursor[b];
                int end = _postStart[b + 1];
                while (c < end && _postRef[c] < r)
                {
                    ids[c++] = -1;
                }

                if (c < end && _postRef[c] == r)
                {
                    int id = IdOf(_vectorValue[i]);
                    ids[c++] = id;
                    Pair(t, id);
                }

                cursor[b] = c;
            }
        }

        for (int b = 0; b < bucketCount; b++)
        {
            if (ascending[b])
            {
                ids.AsSpan(cursor[b], _postStart[b + 1] - cursor[b]).Fill(-1);
            }
        }

        // The searches run in parallel and leave positions; the values are looked up after, in order (IdOf is not thread-safe).
        Parallel.ForEach(unordered, b =>
        {
            int termIndex = _termIndex[b / fieldCount];
            int f = b % fieldCount;
            for (int p = _postStart[b]; p < _postStart[b + 1]; p++)
            {
                int fieldRef = (_postRef[p] * fieldCount) + f;
                int start = _vectorStart[fieldRef];
                int found = Array.BinarySearch(_vectorTerm, start, _vectorStart[fieldRef + 1] - start, termIndex);
                ids[p] = found >= 0 ? found : -1;
            }
        });

        foreach (int b in unordered)
        {
            for (int p = _postStart[b]; p < _postStart[b + 1]; p++)
            {
                if (ids[p] >= 0)
                {
                    ids[p] = IdOf(_vectorValue[ids[p]]);
                    Pair(b / fieldCount, ids[p]);
                }
            }
        }

        return new PostedPairs(ids, json.WrittenSpan.ToArray(), [.. jsonStart], pairCount, valueBytes);
    }

    /// <summary>
    /// The field vectors of a shard of <paramref name="terms"/> (sorted positions): one per (doc, field) named by
    /// their postings, with those terms' entries in <c>_index</c> order. They are written field by field, then in ref
    /// order (the whole index goes ref by ref): the order of vectors matters to no query but an all-prohibited one,
    /// which a shard cannot answer anyway, and like entries side by side compress about 5% better.
    /// </summary>
    private void WritePostedVectors(ref JsonUtf8Writer w, int[] terms)
    {
        int fieldCount = _fieldJson.Length;
        PostedPairs posted = Posted();
        int[] ids = posted.ValueIds;
        int count = 0;
        foreach (int t in terms)
        {
            count += _postStart[(t + 1) * fieldCount] - _postStart[t * fieldCount];
        }

        // One sortable long per posting, (vector, term index), vector = field × refs + ref, so that sorting orders by field,
        // ref, then _index (a vector's entries are in _index order); its value id is sorted along with it. Value id −1
        // marks a posting without an entry, whose vector is written all the same.
        long refCount = _refs.Length;
        long[] keys = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        int[] values = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int n = 0;
            foreach (int t in terms)
            {
                long termIndex = (uint)_termIndex[t];
                for (int f = 0; f < fieldCount; f++)
                {
                    int bucket = (t * fieldCount) + f;
                    long fieldKey = f * refCount;
                    for (int p = _postStart[bucket]; p < _postStart[bucket + 1]; p++)
                    {
                        values[n] = ids[p];
                        keys[n++] = ((fieldKey + _postRef[p]) << 32) | termIndex;
                    }
                }
            }

            Array.Sort(keys, values, 0, n);
            bool firstVector = true;
            for (int i = 0; i < n;)
            {
                long vector = keys[i] >> 32;
                if (!firstVector)
                {
                    w.WriteByte((byte)',');
                }

                firstVector = false;
                w.WriteRaw("[\""u8);
                w.WriteRaw(_fieldJson[(int)(vector / refCount)]);
                w.WriteByte((byte)'/');
                w.WriteRaw(_refJson[(int)(vector % refCount)]);
                w.WriteRaw("\",["u8);
                bool firstPair = true;
                long previous = -1;
                for (; i < n && keys[i] >> 32 == vector; i++)
                {
                    long key = keys[i];
                    int id = values[i];
                    if (key == previous || id < 0)
                    {
                        previous = key;
                        continue;
                    }

                    previous = key;
                    if (!firstPair)
                    {
                        w.WriteByte((byte)',');
                    }

                    firstPair = false;
                    w.WriteInt((int)(key & 0xFFFFFFFF));
                    w.WriteByte((byte)',');
                    w.WriteRaw(posted.Json(id));
                }

                w.WriteRaw("]]"u8);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(values);
        }
    }

    /// <summary>
    /// The packing of <see cref="PartitionTerms"/>. Shard lengths are computed exactly and incrementally: the
    /// inverted-index entry of each term, plus for each posted (doc, field) its vector's frame once per shard, plus
    /// one pair per posting that has a vector entry.
    /// </summary>
    private sealed class ShardPlanner
    {
        private readonly LunrIndex _index;
        private readonly long _max;
        private readonly long _empty;
        private readonly long[] _termBytes;
        private readonly int[] _termPairs;
        private readonly int[] _valueIds;
        private readonly int[] _frameBytes;
        private readonly Sizer _current;
        private readonly Sizer _probe;
        private int _currentStart;
        private int _currentEnd;

        public ShardPlanner(LunrIndex index, long max)
        {
            _index = index;
            _max = max;
            PostedPairs posted = index.Posted();
            _valueIds = posted.ValueIds;

            var scratch = new ArrayBufferWriter<byte>(4096);
            index.Write(scratch, [], ShardVectors.OnlyPosted);
            _empty = scratch.WrittenCount;

            // Per term, what it adds whatever else the shard holds: its inverted-index entry, and a vector pair
            // "termIndex,value" for each posting with an entry.
            int fieldCount = index._fieldJson.Length;
            _termBytes = new long[index._terms.Length];
            _termPairs = posted.Count;
            for (int t = 0; t < _termBytes.Length; t++)
            {
                scratch.ResetWrittenCount();
                var w = new JsonUtf8Writer(scratch);
                index.WriteTerm(ref w, t);
                w.Flush();
                _termBytes[t] = scratch.WrittenCount + ((long)_termPairs[t] * (Digits(index._termIndex[t]) + 1)) + posted.ValueBytes[t];
            }

            // The frame of a (doc, field) vector, ["field/ref",[…]], written once per shard that names it.
            int fieldRefs = index._vectorStart.Length - 1;
            _frameBytes = new int[fieldRefs];
            for (int fr = 0; fr < fieldRefs; fr++)
            {
                _frameBytes[fr] = index._fieldJson[fr % fieldCount].Length + index._refJson[fr / fieldCount].Length + 8;
            }

            _current = new Sizer(this, fieldRefs);
            _probe = new Sizer(this, fieldRefs);
        }

        public List<(int Start, int Count, long Length)> Ranges { get; } = [];

        /// <summary>Appends the terms [a, b), which share their first <paramref name="prefix"/> code units, in order.</summary>
        public void Pack(int prefix, int a, int b)
        {
            string[] terms = _index._terms;
            for (int c = a; c < b;)
            {
                // The next group: a term equal to the prefix alone, or the terms sharing the next code unit.
                int d = c + 1;
                if (terms[c].Length > prefix)
                {
                    char unit = terms[c][prefix];
                    while (d < b && terms[d][prefix] == unit)
                    {
                        d++;
                    }
                }

                _probe.Reset();
                for (int t = c; t < d; t++)
                {
                    _probe.Add(t);
                }

                // Joining the current range costs at most the group's own length less one header, plus two commas.
                long alone = _probe.Length;
                if (_currentEnd > _currentStart && _current.Length + alone - _empty + 2 <= _max)
                {
                    Append(c, d);
                }
                else
                {
                    Flush();
                    if (alone <= _max || d - c == 1)
                    {
                        Append(c, d);
                    }
                    else
                    {
                        Pack(prefix + 1, c, d);
                    }
                }

                c = d;
            }
        }

        /// <summary>Ends the current range, if it has terms.</summary>
        public void Flush()
        {
            if (_currentEnd > _currentStart)
            {
                Ranges.Add((_currentStart, _currentEnd - _currentStart, _current.Length));
            }

            _current.Reset();
            _currentStart = _currentEnd;
        }

        private void Append(int c, int d)
        {
            if (_currentEnd == _currentStart)
            {
                _currentStart = c;
            }

            for (int t = c; t < d; t++)
            {
                _current.Add(t);
            }

            _currentEnd = d;
        }

        private static int Digits(int value)
        {
            int digits = 1;
            for (int v = value; v >= 10; v /= 10)
            {
                digits++;
            }

            return digits;
        }

        /// <summary>The exact length of a shard as terms are added to it.</summary>
        private sealed class Sizer(ShardPlanner planner, int fieldRefs)
        {
            private readonly int[] _seen = new int[fieldRefs];
            private readonly int[] _paired = new int[fieldRefs];
            private int _stamp = 1;
            private long _bytes;
            private int _terms;
            private int _vectors;
            private int _pairedVectors;
            private long _pairs;

            /// <summary>The shard so far: commas between terms, between vectors and between the pairs of each vector.</summary>
            public long Length =>
                planner._empty + _bytes + Math.Max(_terms - 1, 0) + Math.Max(_vectors - 1, 0) + (_pairs - _pairedVectors);

            public void Reset()
            {
                _stamp++;
                _bytes = 0;
                _terms = 0;
                _vectors = 0;
                _pairedVectors = 0;
                _pairs = 0;
            }

            public void Add(int t)
            {
                LunrIndex index = planner._index;
                int fieldCount = index._fieldJson.Length;
                int[] postStart = index._postStart;
                int[] postRef = index._postRef;
                int[] valueIds = planner._valueIds;
                int stamp = _stamp;
                _terms++;
                _bytes += planner._termBytes[t];
                _pairs += planner._termPairs[t];
                for (int f = 0; f < fieldCount; f++)
                {
                    int bucket = (t * fieldCount) + f;
                    for (int p = postStart[bucket]; p < postStart[bucket + 1]; p++)
                    {
                        int fieldRef = (postRef[p] * fieldCount) + f;
                        if (_seen[fieldRef] != stamp)
                        {
                            _seen[fieldRef] = stamp;
                            _vectors++;
                            _bytes += planner._frameBytes[fieldRef];
                        }

                        if (valueIds[p] >= 0 && _paired[fieldRef] != stamp)
                        {
                            _paired[fieldRef] = stamp;
                            _pairedVectors++;
                        }
                    }
                }
            }
        }
    }
}
