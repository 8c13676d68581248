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
    internal sealed record PostedPairs(int[] ValueIds, byte[] ValueJson, int[] ValueJsonStart, int[] Count, long[] ValueBytes)
    {
        public ReadOnlySpan<byte> Json(int id) => ValueJson.AsSpan(ValueJsonStart[id], ValueJsonStart[id + 1] - ValueJsonStart[id]);
    }

    /// <summary>The fewest refs a worker of <see cref="ComputePostedPairs"/> reads the vectors of.</summary>
    private const int MinRefsPerChunk = 64;

    private PostedPairs Posted() => LazyInitializer.EnsureInitialized(ref _posted,
        () => ComputePostedPairs(Math.Clamp(_refs.Length / MinRefsPerChunk, 1, Environment.ProcessorCount)));

    /// <summary>
    /// Computes <see cref="PostedPairs"/>, reading the vectors of <paramref name="chunks"/> ranges of refs in parallel.
    /// The result does not depend on <paramref name="chunks"/>.
    /// </summary>
    internal PostedPairs ComputePostedPairs(int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunks);
        int fieldCount = _fieldJson.Length;
        int bucketCount = _postStart.Length - 1;
        int refCount = _refs.Length;
        chunks = Math.Max(1, Math.Min(chunks, refCount));
        var ids = new int[_postRef.Length];

        // Distinct values (lunr rounds scores to thousandths: a few thousand of them), numbered in the order of their
        // bits, not in the order the workers meet them, and each written once. The map is only read after.
        long[] distinct = DistinctBits(_vectorValue, chunks);
        var idOfBits = new Dictionary<long, int>(distinct.Length);
        var json = new ArrayBufferWriter<byte>(16 * 1024);
        var jsonStart = new int[distinct.Length + 1];
        for (int id = 0; id < distinct.Length; id++)
        {
            idOfBits.Add(distinct[id], id);
            var w = new JsonUtf8Writer(json);
            w.WriteNumber(BitConverter.Int64BitsToDouble(distinct[id]));
            w.Flush();
            jsonStart[id + 1] = json.WrittenCount;
        }

        int IdOf(double value) => idOfBits[BitConverter.DoubleToInt64Bits(value)];

        // A bucket (term, field) whose refs ascend is filled in one pass over the vectors, ref by ref, with a cursor:
        // its next posting is the next vector that holds the term. (With numeric refs added in order, all of them do.)
        // Any other bucket is filled by a binary search per posting in its vector.
        var ascending = new bool[bucketCount];
        var unordered = new List<int>();
        for (int b = 0; b < bucketCount; b++)
        {
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

        // Each worker reads the vectors of a range of refs, with its own cursors: in an ascending bucket, the postings of
        // its refs start at the first posting whose ref is in the range. The pairs it finds are counted per worker.
        var firstRef = new int[chunks + 1];
        for (int j = 0; j <= chunks; j++)
        {
            firstRef[j] = (int)((long)refCount * j / chunks);
        }

        // Per range boundary, each ascending bucket's first posting at or after it; the last boundary is the buckets' ends.
        var bounds = new int[chunks + 1][];
        Parallel.For(0, chunks + 1, j => bounds[j] = j == chunks ? _postStart[1..] : PostingsFrom(firstRef[j], ascending));
        var pairCounts = new int[chunks][];
        var pairBytes = new long[chunks][];
        Parallel.For(0, chunks, j =>
        {
            int[] cursor = (int[])bounds[j].Clone();
            int[] end = bounds[j + 1];
            var count = pairCounts[j] = new int[_terms.Length];
            var bytes = pairBytes[j] = new long[_terms.Length];
            for (int fr = firstRef[j] * fieldCount; fr < firstRef[j + 1] * fieldCount; fr++)
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
                    while (c < end[b] && _postRef[c] < r)
                    {
                        ids[c++] = -1;
                    }

                    if (c < end[b] && _postRef[c] == r)
                    {
                        int id = IdOf(_vectorValue[i]);
                        ids[c++] = id;
                        count[t]++;
                        bytes[t] += jsonStart[id + 1] - jsonStart[id];
                    }

                    cursor[b] = c;
                }
            }

            for (int b = 0; b < bucketCount; b++)
            {
                if (ascending[b])
                {
                    ids.AsSpan(cursor[b], end[b] - cursor[b]).Fill(-1);
                }
            }
        });

        var pairCount = pairCounts[0];
        var valueBytes = pairBytes[0];
        for (int j = 1; j < chunks; j++)
        {
            for (int t = 0; t < _terms.Length; t++)
            {
                pairCount[t] += pairCounts[j][t];
                valueBytes[t] += pairBytes[j][t];
            }
        }

        // The searches run in parallel and leave value ids; their pairs are counted after.
        Parallel.ForEach(unordered, b =>
        {
            int termIndex = _termIndex[b / fieldCount];
            int f = b % fieldCount;
            for (int p = _postStart[b]; p < _postStart[b + 1]; p++)
            {
                int fieldRef = (_postRef[p] * fieldCount) + f;
                int start = _vectorStart[fieldRef];
                int found = Array.BinarySearch(_vectorTerm, start, _vectorStart[fieldRef + 1] - start, termIndex);
                ids[p] = found >= 0 ? IdOf(_vectorValue[found]) : -1;
            }
        });

        foreach (int b in unordered)
        {
            for (int p = _postStart[b]; p < _postStart[b + 1]; p++)
            {
                if (ids[p] >= 0)
                {
                    pairCount[b / fieldCount]++;
                    valueBytes[b / fieldCount] += jsonStart[ids[p] + 1] - jsonStart[ids[p]];
                }
            }
        }

        return new PostedPairs(ids, json.WrittenSpan.ToArray(), jsonStart, pairCount, valueBytes);
    }

    /// <summary>Per bucket, its first posting whose ref is at least <paramref name="firstRef"/> (ascending buckets only).</summary>
    private int[] PostingsFrom(int firstRef, bool[] ascending)
    {
        var from = new int[ascending.Length];
        for (int b = 0; b < from.Length; b++)
        {
            int low = _postStart[b];
            int high = _postStart[b + 1];
            if (ascending[b])
            {
                while (low < high)
                {
                    int middle = low + ((high - low) >> 1);
                    (low, high) = _postRef[middle] < firstRef ? (middle + 1, high) : (low, middle);
                }
            }

            from[b] = low;
        }

        return from;
    }

    /// <summary>The distinct bit patterns of <paramref name="values"/>, sorted; gathered by <paramref name="chunks"/> workers.</summary>
    private static long[] DistinctBits(double[] values, int chunks)
    {
        var sets = new HashSet<long>[chunks];
        Parallel.For(0, chunks, j =>
        {
            var set = sets[j] = [];
            int from = (int)((long)values.Length * j / chunks);
            int to = (int)((long)values.Length * (j + 1) / chunks);
            for (int i = from; i < to; i++)
            {
                set.Add(BitConverter.DoubleToInt64Bits(values[i]));
            }
        });

        for (int j = 1; j < chunks; j++)
        {
            sets[0].UnionWith(sets[j]);
        }

        long[] bits = [.. sets[0]];
        Array.Sort(bits);
        return bits;
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

            var empty = new ArrayBufferWriter<byte>(4096);
            index.Write(empty, [], ShardVectors.OnlyPosted);
            _empty = empty.WrittenCount;

            // Per term, what it adds whatever else the shard holds: its inverted-index entry, and a vector pair
            // "termIndex,value" for each posting with an entry. (The entries are measured by writing them, in parallel as
            // that is writing the whole inverted index, through a buffer that keeps nothing.)
            int fieldCount = index._fieldJson.Length;
            long[] termBytes = _termBytes = new long[index._terms.Length];
            int[] termPairs = _termPairs = posted.Count;
            Parallel.For(0, termBytes.Length, () => new CountingBufferWriter(), (t, _, counter) =>
            {
                counter.Reset();
                var w = new JsonUtf8Writer(counter);
                index.WriteTerm(ref w, t);
                w.Flush();
                termBytes[t] = counter.Count + ((long)termPairs[t] * (Digits(index._termIndex[t]) + 1)) + posted.ValueBytes[t];
                return counter;
            }, _ => { });

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
