using System.Buffers;

namespace SiteBuilder.Lunr.Internal;

/// <summary>
/// Turns added documents into a frozen <see cref="LunrIndex"/>, reproducing <c>lunr.Builder#add</c> and
/// <c>#build</c>. Analysis (tokenize, trim, stop words, stem) and scoring run in parallel; everything that
/// depends on order (<c>_index</c> numbering, posting order) is decided in one sequential pass in add order.
/// </summary>
internal static class IndexCompiler
{
    private const int ParallelThreshold = 32;
    private const int Batch = 8;

    public static LunrIndex Compile(IndexSettings settings, IReadOnlyList<PendingDocument> documents)
    {
        int fieldCount = settings.Fields.Length;
        int documentCount = documents.Count;
        var table = new TermTable();
        DocumentAnalysis[] analyses = Analyze(settings, documents, table);

        // Refs in first-add order. The fieldRefs of a ref are created together on its first add, so fieldRef
        // number r * F + f is exactly lunr's first-insertion order. A repeated ref keeps that position, but
        // its length, frequencies and doc boost come from the last add.
        var refIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var refs = new List<string>();
        var latest = new List<int>();
        var refBoost = new List<double>();
        var occurrences = new List<int>();
        var documentRef = new int[documentCount];
        for (int d = 0; d < documentCount; d++)
        {
            PendingDocument document = documents[d];
            if (!refIds.TryGetValue(document.Ref, out int r))
            {
                r = refs.Count;
                refIds.Add(document.Ref, r);
                refs.Add(document.Ref);
                latest.Add(d);
                refBoost.Add(document.Boost);
                occurrences.Add(0);
            }

            documentRef[d] = r;
            latest[r] = d;
            refBoost[r] = document.Boost;
            occurrences[r]++;
        }

        // _index numbering in add order, and the number of postings per (term, field). A later add of a ref
        // that already has a posting for (term, field) extends that posting instead of creating one.
        int termCount = table.Count;
        var counts = new int[checked(termCount * fieldCount)];
        var indexOf = new int[termCount];
        Array.Fill(indexOf, -1);
        var seenByRef = new Dictionary<int, HashSet<long>>();
        var merged = new bool[]?[documentCount];
        int nextIndex = 0;
        for (int d = 0; d < documentCount; d++)
        {
            DocumentAnalysis a = analyses[d];
            int r = documentRef[d];
            HashSet<long>? seen = null;
            if (occurrences[r] > 1 && !seenByRef.TryGetValue(r, out seen))
            {
                seen = [];
                seenByRef.Add(r, seen);
            }

            for (int f = 0; f < fieldCount; f++)
            {
                for (int k = a.FieldStart[f]; k < a.FieldStart[f + 1]; k++)
                {
                    int id = a.Terms[k];
                    if (indexOf[id] < 0)
                    {
                        indexOf[id] = nextIndex++;
                    }

                    if (seen is not null && !seen.Add(((long)id * fieldCount) + f))
                    {
                        (merged[d] ??= new bool[a.Terms.Length])[k] = true;
                        continue;
                    }

                    counts[(id * fieldCount) + f]++;
                }
            }
        }

        // Terms sorted by UTF-16 code units, and the posting layout in that order.
        var sorted = new TermEntry[termCount];
        var sortedKeys = new string[termCount];
        for (int i = 0; i < termCount; i++)
        {
            sorted[i] = table.Entries[i];
            sortedKeys[i] = sorted[i].Term;
        }

        Array.Sort(sortedKeys, sorted, StringComparer.Ordinal);
        var sortedPosition = new int[termCount];
        var termIndex = new int[termCount];
        var postStart = new int[(termCount * fieldCount) + 1];
        var df = new int[termCount];
        int total = 0;
        for (int i = 0; i < termCount; i++)
        {
            int id = sorted[i].Id;
            sortedPosition[id] = i;
            termIndex[i] = indexOf[id];
            for (int f = 0; f < fieldCount; f++)
            {
                postStart[(i * fieldCount) + f] = total;
                int c = counts[(id * fieldCount) + f];
                total = checked(total + c);
                df[id] += c;
            }
        }

        postStart[termCount * fieldCount] = total;

        var postings = Postings.Build(
            settings, analyses, documentRef, refs, merged, sortedPosition, postStart, total);

        double[] idf = new double[termCount];
        for (int id = 0; id < termCount; id++)
        {
            // lunr.idf: documentsWithTerm counts (field, ref) pairs, so it can exceed N.
            idf[id] = JsMath.Log(1 + Math.Abs((documentCount - df[id] + 0.5) / (df[id] + 0.5)));
        }

        Vectors vectors = Vectors.Build(settings, analyses, latest, refBoost, idf, indexOf);

        return new LunrIndex(
            settings,
            documentCount,
            sortedKeys,
            termIndex,
            [.. refs],
            postStart,
            postings.Refs,
            postings.MetadataStart,
            postings.MetadataTokens,
            vectors.Start,
            vectors.Terms,
            vectors.Values);
    }

    private static DocumentAnalysis[] Analyze(
        IndexSettings settings, IReadOnlyList<PendingDocument> documents, TermTable table)
    {
        var analyses = new DocumentAnalysis[documents.Count];
        int workers = documents.Count < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, 16);
        if (workers == 1)
        {
            var analyzer = new Analyzer(table, settings.RecordTokens);
            for (int d = 0; d < documents.Count; d++)
            {
                analyses[d] = analyzer.Analyze(documents[d]);
            }

            return analyses;
        }

        int next = 0;
        Parallel.For(0, workers, _ =>
        {
            var analyzer = new Analyzer(table, settings.RecordTokens);
            int start;
            while ((start = Interlocked.Add(ref next, Batch) - Batch) < documents.Count)
            {
                int end = Math.Min(start + Batch, documents.Count);
                for (int d = start; d < end; d++)
                {
                    analyses[d] = analyzer.Analyze(documents[d]);
                }
            }
        });
        return analyses;
    }

    /// <summary>The inverted index in sorted-term order: per (term, field) the refs, and their metadata.</summary>
    private sealed class Postings
    {
        public required int[] Refs { get; init; }

        public int[]? MetadataStart { get; init; }

        public int[]? MetadataTokens { get; init; }

        public static Postings Build(
            IndexSettings settings,
            DocumentAnalysis[] analyses,
            int[] documentRef,
            List<string> refs,
            bool[]?[] merged,
            int[] sortedPosition,
            int[] postStart,
            int total)
        {
            int fieldCount = settings.Fields.Length;
            bool metadata = settings.MetadataKeys.Length > 0;
            var cursor = postStart[..^1];
            var postRef = new int[total];
            int[]? postDoc = metadata ? new int[total] : null;
            int[]? postLocal = metadata ? new int[total] : null;
            var extra = new List<(int Posting, int Document, int Local)>();

            for (int d = 0; d < analyses.Length; d++)
            {
                DocumentAnalysis a = analyses[d];
                int r = documentRef[d];
                bool[]? mergedHere = merged[d];
                for (int f = 0; f < fieldCount; f++)
                {
                    for (int k = a.FieldStart[f]; k < a.FieldStart[f + 1]; k++)
                    {
                        int bucket = (sortedPosition[a.Terms[k]] * fieldCount) + f;
                        if (mergedHere is not null && mergedHere[k])
                        {
                            if (metadata)
                            {
                                int p = Array.IndexOf(postRef, r, postStart[bucket], cursor[bucket] - postStart[bucket]);
                                extra.Add((p, d, k));
                            }

                            continue;
                        }

                        int q = cursor[bucket]++;
                        postRef[q] = r;
                        if (metadata)
                        {
                            postDoc![q] = d;
                            postLocal![q] = k;
                        }
                    }
                }
            }

            HoistArrayIndexRefs(refs, postStart, postRef, postDoc, postLocal, extra);

            if (!metadata)
            {
                return new Postings { Refs = postRef };
            }

            // Per posting: the tokens of its first add, then those of later adds of the same ref.
            var metaStart = new int[total + 1];
            var tokenCount = new int[total];
            for (int p = 0; p < total; p++)
            {
                tokenCount[p] = analyses[postDoc![p]].Frequencies[postLocal![p]];
            }

            foreach (var (p, d, k) in extra)
            {
                tokenCount[p] += analyses[d].Frequencies[k];
            }

            int running = 0;
            for (int p = 0; p < total; p++)
            {
                metaStart[p] = running;
                running = checked(running + tokenCount[p]);
            }

            metaStart[total] = running;
            if (!settings.RecordTokens)
            {
                return new Postings { Refs = postRef, MetadataStart = metaStart };
            }

            var tokens = new int[checked(running * 3)];
            var fill = new int[total];
            for (int p = 0; p < total; p++)
            {
                fill[p] = metaStart[p] * 3;
                fill[p] = CopyTokens(analyses[postDoc![p]], postLocal![p], tokens, fill[p]);
            }

            foreach (var (p, d, k) in extra)
            {
                fill[p] = CopyTokens(analyses[d], k, tokens, fill[p]);
            }

            return new Postings { Refs = postRef, MetadataStart = metaStart, MetadataTokens = tokens };
        }

        private static int CopyTokens(DocumentAnalysis a, int k, int[] destination, int at)
        {
            int from = a.TokenStart![k] * 3;
            int to = a.TokenStart[k + 1] * 3;
            a.Tokens.AsSpan(from, to - from).CopyTo(destination.AsSpan(at));
            return at + (to - from);
        }

        /// <summary>
        /// JS lists canonical array-index keys first, ascending; so does JSON.stringify of a posting's refs.
        /// Reorders each (term, field) bucket accordingly, carrying the metadata pointers along.
        /// </summary>
        private static void HoistArrayIndexRefs(
            List<string> refs,
            int[] postStart,
            int[] postRef,
            int[]? postDoc,
            int[]? postLocal,
            List<(int Posting, int Document, int Local)> extra)
        {
            var indexValue = new long[refs.Count];
            bool any = false;
            for (int r = 0; r < refs.Count; r++)
            {
                indexValue[r] = JsKeys.IsArrayIndex(refs[r], out uint v) ? v : -1;
                any |= indexValue[r] >= 0;
            }

            if (!any)
            {
                return;
            }

            int[]? newPosition = null;
            if (extra.Count > 0)
            {
                newPosition = new int[postRef.Length];
                for (int p = 0; p < newPosition.Length; p++)
                {
                    newPosition[p] = p;
                }
            }

            var order = new List<int>();
            for (int bucket = 0; bucket + 1 < postStart.Length; bucket++)
            {
                int start = postStart[bucket];
                int end = postStart[bucket + 1];
                if (InJsOrder(indexValue, postRef, start, end))
                {
                    continue;
                }

                order.Clear();
                for (int p = start; p < end; p++)
                {
                    if (indexValue[postRef[p]] >= 0)
                    {
                        order.Add(p);
                    }
                }

                if (order.Count == 0)
                {
                    continue;
                }

                order.Sort((x, y) => indexValue[postRef[x]].CompareTo(indexValue[postRef[y]]));
                for (int p = start; p < end; p++)
                {
                    if (indexValue[postRef[p]] < 0)
                    {
                        order.Add(p);
                    }
                }

                int[] oldRef = postRef[start..end];
                int[]? oldDoc = postDoc?[start..end];
                int[]? oldLocal = postLocal?[start..end];
                for (int i = 0; i < order.Count; i++)
                {
                    int from = order[i] - start;
                    postRef[start + i] = oldRef[from];
                    if (postDoc is not null)
                    {
                        postDoc[start + i] = oldDoc![from];
                        postLocal![start + i] = oldLocal![from];
                    }

                    if (newPosition is not null)
                    {
                        newPosition[order[i]] = start + i;
                    }
                }
            }

            if (newPosition is not null)
            {
                for (int i = 0; i < extra.Count; i++)
                {
                    var (p, d, k) = extra[i];
                    extra[i] = (newPosition[p], d, k);
                }
            }
        }
    }

    /// <summary>
    /// Whether a bucket already lists its array-index refs first, ascending, then the others: refs added in order as
    /// "0", "1", "2"… (every bucket of an index of numbered documents), which then need no sort. A bucket holds a ref
    /// once, and distinct refs have distinct index values, so an ascending run is the order the sort would give.
    /// </summary>
    private static bool InJsOrder(long[] indexValue, int[] postRef, int start, int end)
    {
        long last = -1;
        bool others = false;
        for (int p = start; p < end; p++)
        {
            long value = indexValue[postRef[p]];
            if (value < 0)
            {
                others = true;
            }
            else if (others || value <= last)
            {
                return false;
            }
            else
            {
                last = value;
            }
        }

        return true;
    }

    /// <summary>The field vectors in fieldRef order, each sorted by term index.</summary>
    private sealed class Vectors
    {
        public required int[] Start { get; init; }

        public required int[] Terms { get; init; }

        public required double[] Values { get; init; }

        public static Vectors Build(
            IndexSettings settings,
            DocumentAnalysis[] analyses,
            List<int> latest,
            List<double> refBoost,
            double[] idf,
            int[] indexOf)
        {
            int fieldCount = settings.Fields.Length;
            int refCount = latest.Count;
            int fieldRefCount = checked(refCount * fieldCount);

            // Average field length over unique fieldRefs, each counted with the length of its last add.
            var average = new double[fieldCount];
            for (int f = 0; f < fieldCount; f++)
            {
                double sum = 0;
                for (int r = 0; r < refCount; r++)
                {
                    sum += analyses[latest[r]].FieldLength[f];
                }

                average[f] = sum / refCount;
            }

            var start = new int[fieldRefCount + 1];
            int total = 0;
            for (int r = 0; r < refCount; r++)
            {
                DocumentAnalysis a = analyses[latest[r]];
                for (int f = 0; f < fieldCount; f++)
                {
                    start[(r * fieldCount) + f] = total;
                    total = checked(total + a.FieldStart[f + 1] - a.FieldStart[f]);
                }
            }

            start[fieldRefCount] = total;
            var terms = new int[total];
            var values = new double[total];
            double k1 = settings.K1;
            double b = settings.B;

            void Score(int r)
            {
                DocumentAnalysis a = analyses[latest[r]];
                double docBoost = refBoost[r];
                for (int f = 0; f < fieldCount; f++)
                {
                    int at = start[(r * fieldCount) + f];
                    int first = a.FieldStart[f];
                    int count = a.FieldStart[f + 1] - first;
                    if (count == 0)
                    {
                        continue;
                    }

                    // Entries must ascend by term index: sort (index, slot) pairs packed into longs.
                    long[] order = ArrayPool<long>.Shared.Rent(count);
                    for (int i = 0; i < count; i++)
                    {
                        order[i] = ((long)indexOf[a.Terms[first + i]] << 32) | (uint)i;
                    }

                    order.AsSpan(0, count).Sort();
                    double fieldLength = a.FieldLength[f];
                    double fieldBoost = settings.FieldBoosts[f];
                    for (int j = 0; j < count; j++)
                    {
                        int i = (int)(order[j] & 0xFFFFFFFF);
                        int id = a.Terms[first + i];
                        double tf = a.Frequencies[first + i];

                        // idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (len / avg)) + tf), in JS evaluation order.
                        double numerator = idf[id] * ((k1 + 1) * tf);
                        double denominator = (k1 * (1 - b + (b * (fieldLength / average[f])))) + tf;
                        double score = numerator / denominator;
                        score *= fieldBoost;
                        score *= docBoost;
                        double rounded = JsNumber.Round(score * 1000) / 1000;
                        terms[at + j] = (int)(order[j] >> 32);
                        values[at + j] = rounded == 0 ? 0 : rounded;
                    }

                    ArrayPool<long>.Shared.Return(order);
                }
            }

            if (refCount < ParallelThreshold)
            {
                for (int r = 0; r < refCount; r++)
                {
                    Score(r);
                }
            }
            else
            {
                Parallel.For(0, refCount, Score);
            }

            return new Vectors { Start = start, Terms = terms, Values = values };
        }
    }
}
