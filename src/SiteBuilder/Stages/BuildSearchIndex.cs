using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteBuilder.Lunr;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>
/// One searchable page: an article or an entity. <see cref="Ref"/> is its URL relative to the site root; the index refers
/// to the page by its number, its position in <see cref="BuildSearchIndex.Documents"/> (articles first, then entities).
/// </summary>
public sealed record SearchDocument(string Ref, string Kind, string Title, string? Entities, string? Aliases, string Summary, string? Body, string? Date, string? Source)
{
    /// <summary>The body as the build holds it, when <see cref="Body"/> is null: decoded only while the index reads it.</summary>
    public Utf8Text? BodyText { get; init; }

    /// <summary>The body text, from <see cref="Body"/> or <see cref="BodyText"/>.</summary>
    public string? BodyString() => Body ?? BodyText?.ToString();

    /// <summary>The entity's aliases one by one (the <see cref="Aliases"/> field joins them with spaces for the index).</summary>
    public EquatableArray<string> AliasList { get; init; } = [];
}

/// <summary>How the search files are laid out: one lunr index, or shards of it by term prefix.</summary>
public enum SearchLayout
{
    /// <summary><c>search/index.json</c> (the whole lunr index) and <c>search/docs.json</c> (all display data).</summary>
    Monolithic,

    /// <summary>
    /// <c>search/shards/*.json</c> (lunr indexes of contiguous term ranges), <c>search/terms.json</c> (every term, for
    /// fuzzy and inner-wildcard queries) and <c>search/docs/*.json</c> (display data in chunks of <see cref="BuildSearchIndex.DocChunkSize"/>).
    /// </summary>
    Sharded,
}

/// <summary>Receives one search file: its path under the output folder and its bytes, valid during the call only.</summary>
public delegate void SearchFileSink(string path, ReadOnlySpan<byte> content);

/// <summary>The search files (UTF-8 JSON, under <c>search/</c>), always with <c>search/manifest.json</c>, which names the layout.</summary>
public sealed record SearchFiles(SearchLayout Layout, IReadOnlyList<OutputFile> Files, int DocumentCount)
{
    /// <summary>The bytes of <c>search/index.json</c>: the whole index in the monolithic layout, empty in the sharded one.</summary>
    public byte[] IndexJson => Files.FirstOrDefault(f => f.Path == BuildSearchIndex.IndexPath)?.Content ?? [];

    /// <summary>The bytes of <c>search/docs.json</c>: all display data in the monolithic layout, empty in the sharded one.</summary>
    public byte[] DocsJson => Files.FirstOrDefault(f => f.Path == BuildSearchIndex.DocsPath)?.Content ?? [];
}

/// <summary>
/// Stage 6: articles and entities → a lunr.js 2.3.9 index (fields: title^10, entities^5, aliases, summary, body) whose refs
/// are document numbers, and the display data a result shows, kept out of the index so it is not duplicated. A small index
/// is written whole; a large one as shards by term prefix, so that a reader downloads only the shards of a query's terms
/// (see <see cref="SearchLayout"/> and <c>theme/wwwroot/js/search-index.js</c>, which reads both).
/// </summary>
public static class BuildSearchIndex
{
    public const string ManifestPath = "search/manifest.json";
    public const string IndexPath = "search/index.json";
    public const string DocsPath = "search/docs.json";
    public const string TermsPath = "search/terms.json";

    /// <summary>An index up to this long (raw JSON) is written whole.</summary>
    public const int MonolithicMaxBytes = 256 * 1024;

    /// <summary>The most a shard may hold (raw JSON), unless it is a single term.</summary>
    public const int ShardMaxBytes = 100 * 1024;

    /// <summary>Documents per display-data chunk in the sharded layout: chunk n holds documents n·size … (n+1)·size − 1.</summary>
    public const int DocChunkSize = 20;

    public static IReadOnlyList<SearchDocument> Documents(CorpusGraph graph)
    {
        var names = graph.Entities.ToDictionary(e => e.Entity.Id, e => e.Entity.Name, StringComparer.Ordinal);
        var documents = new List<SearchDocument>(graph.Articles.Count + graph.Entities.Count);
        foreach (var linked in graph.Articles)
        {
            var article = linked.Article;
            documents.Add(new SearchDocument(SiteUrls.Article(article.Slug), "article", article.Title,
                string.Join(' ', linked.EntityIds.Select(id => names[id])), null, linked.Body.Summary, null,
                article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Source)
            {
                BodyText = linked.Body.PlainText,
            });
        }

        foreach (var node in graph.Entities)
        {
            var entity = node.Entity;
            documents.Add(new SearchDocument(SiteUrls.Entity(entity.Id), entity.Kind.ToString().ToLowerInvariant(), entity.Name, null,
                entity.Aliases.Count == 0 ? null : string.Join(' ', entity.Aliases), entity.Description ?? "", null, null, null)
            {
                AliasList = entity.Aliases,
            });
        }

        return documents;
    }

    /// <summary>The lunr index of the documents; each one's ref is its number ("0", "1", …).</summary>
    public static LunrIndex Index(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new LunrIndexBuilder<(SearchDocument Document, int Number)>(d => d.Number.ToString(CultureInfo.InvariantCulture))
            .Field("title", d => d.Document.Title, boost: 10)
            .Field("entities", d => d.Document.Entities, boost: 5)
            .Field("aliases", d => d.Document.Aliases)
            .Field("summary", d => d.Document.Summary)
            .Field("body", d => d.Document.Body is null && d.Document.BodyText is { } text ? LunrFieldValue.Utf8(text.Memory) : d.Document.Body);
        for (var i = 0; i < documents.Count; i++)
        {
            builder.Add((documents[i], i));
        }

        return builder.Build();
    }

    public static SearchFiles Run(CorpusGraph graph) => Write(Documents(graph));

    /// <summary>
    /// The search files of <paramref name="documents"/>, sorted by path: the monolithic layout when the whole index is at
    /// most <see cref="MonolithicMaxBytes"/>, otherwise the sharded one, unless <paramref name="layout"/> says which.
    /// </summary>
    public static SearchFiles Write(IReadOnlyList<SearchDocument> documents, SearchLayout? layout = null, CancellationToken cancellationToken = default)
    {
        var files = new List<OutputFile>();
        var chosen = Emit(documents, (path, content) =>
        {
            var file = new OutputFile(path, content.ToArray());
            lock (files)
            {
                files.Add(file);
            }
        }, layout, cancellationToken);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new SearchFiles(chosen, files, documents.Count);
    }

    /// <summary>
    /// Hands each search file to <paramref name="sink"/> as soon as it is written (shards concurrently, so the sink must
    /// be thread-safe), so that a build need not hold them all; returns the layout chosen as <see cref="Write"/> does.
    /// A file's bytes are valid during the call only: a shard is handed over from its worker's scratch buffer, not copied.
    /// </summary>
    public static SearchLayout Emit(IReadOnlyList<SearchDocument> documents, SearchFileSink sink, SearchLayout? layout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var index = Index(documents);
        cancellationToken.ThrowIfCancellationRequested();
        var articles = documents.TakeWhile(d => d.Kind == "article").Count();
        var ranges = layout == SearchLayout.Monolithic ? [] : index.PartitionTerms(ShardMaxBytes);
        if (layout != SearchLayout.Sharded && (layout == SearchLayout.Monolithic || ranges.Sum(r => r.Length) <= 2L * MonolithicMaxBytes))
        {
            var whole = new ArrayBufferWriter<byte>(64 * 1024);
            index.WriteTo(whole);
            if (layout == SearchLayout.Monolithic || whole.WrittenCount <= MonolithicMaxBytes)
            {
                sink(ManifestPath, Manifest(index, SearchLayout.Monolithic, documents.Count, articles, []));
                sink(IndexPath, whole.WrittenSpan);
                sink(DocsPath, DisplayData(documents, 0, documents.Count));
                return SearchLayout.Monolithic;
            }
        }

        sink(ManifestPath, Manifest(index, SearchLayout.Sharded, documents.Count, articles, ranges));
        sink(TermsPath, Terms(index));
        // Each worker writes its shards into one scratch buffer, from which the sink takes them (at 10,000 articles,
        // copying each out would allocate ~100 MB of large-object arrays, garbage as soon as they are written).
        Parallel.For(0, ranges.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new ArrayBufferWriter<byte>(ShardMaxBytes * 2),
            (i, _, scratch) =>
            {
                scratch.ResetWrittenCount();
                index.WriteShardTo(scratch, ranges[i]);
                sink(ShardPath(ranges[i].From), scratch.WrittenSpan);
                return scratch;
            },
            _ => { });

        Parallel.For(0, (documents.Count + DocChunkSize - 1) / DocChunkSize, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var start = chunk * DocChunkSize;
            var path = "search/docs/" + chunk.ToString(CultureInfo.InvariantCulture) + ".json";
            sink(path, DisplayData(documents, start, Math.Min(DocChunkSize, documents.Count - start)));
        });

        return SearchLayout.Sharded;
    }

    /// <summary>
    /// The path of the shard whose range starts at <paramref name="from"/>, relative to the output root: <c>search/shards/tr.json</c>.
    /// a–z and 0–9 stay, any other UTF-16 unit becomes <c>_</c> and four hex digits; <c>""</c> is <c>_</c>, and a name
    /// Windows reserves (<c>con</c>, <c>nul</c>, <c>com1</c>…) gets a trailing <c>_</c>. Distinct bounds give distinct names.
    /// </summary>
    public static string ShardPath(string from)
    {
        var name = new StringBuilder(from.Length + 8);
        foreach (var c in from)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        if (name.Length == 0 || IsWindowsDeviceName(name.ToString()))
        {
            name.Append('_');
        }

        return "search/shards/" + name + ".json";
    }

    private static bool IsWindowsDeviceName(string name) =>
        name is "con" or "prn" or "aux" or "nul"
        || (name.Length == 4 && (name.StartsWith("com", StringComparison.Ordinal) || name.StartsWith("lpt", StringComparison.Ordinal)) && name[3] is >= '0' and <= '9');

    /// <summary>
    /// <c>search/manifest.json</c>: <c>{"version":1,"layout":"monolithic"|"sharded","fields":[…],"documents":N,"articles":A,…}</c>;
    /// documents 0 … A − 1 are articles, the rest entities. The sharded layout adds <c>"docChunkSize"</c>, <c>"docChunks"</c>,
    /// <c>"terms"</c> (the number of terms) and <c>"shards":[{"from":"tr","file":"shards/tr.json","terms":N,"bytes":B},…]</c>
    /// in term order (B: the shard's size, raw): shard i holds the terms t with from(i) ≤ t &lt; from(i + 1) in UTF-16 code-unit order.
    /// </summary>
    private static byte[] Manifest(LunrIndex index, SearchLayout layout, int documents, int articles, IReadOnlyList<LunrTermRange> ranges)
    {
        var json = new StringBuilder(128 + (ranges.Count * 64));
        json.Append("{\"version\":1,\"layout\":").Append(layout == SearchLayout.Sharded ? "\"sharded\"" : "\"monolithic\"").Append(",\"fields\":[");
        for (var f = 0; f < index.Fields.Count; f++)
        {
            json.Append(f > 0 ? "," : "");
            AppendString(json, index.Fields[f]);
        }

        json.Append(CultureInfo.InvariantCulture, $"],\"documents\":{documents},\"articles\":{articles}");
        if (layout == SearchLayout.Sharded)
        {
            json.Append(CultureInfo.InvariantCulture, $",\"docChunkSize\":{DocChunkSize},\"docChunks\":{(documents + DocChunkSize - 1) / DocChunkSize},\"terms\":{index.TermCount},\"shards\":[");
            for (var i = 0; i < ranges.Count; i++)
            {
                json.Append(i > 0 ? ",{\"from\":" : "{\"from\":");
                AppendString(json, ranges[i].From);
                json.Append(",\"file\":\"").Append(ShardPath(ranges[i].From)["search/".Length..]).Append('"');
                json.Append(CultureInfo.InvariantCulture, $",\"terms\":{ranges[i].Count},\"bytes\":{ranges[i].Length}}}");
            }

            json.Append(']');
        }

        return Encoding.UTF8.GetBytes(json.Append("}\n").ToString());
    }

    /// <summary><c>search/terms.json</c>: every term of the index, sorted as in its inverted index.</summary>
    private static byte[] Terms(LunrIndex index)
    {
        var json = new StringBuilder(index.TermCount * 10);
        json.Append('[');
        for (var t = 0; t < index.Terms.Count; t++)
        {
            json.Append(t > 0 ? "," : "");
            AppendString(json, index.Terms[t]);
        }

        return Encoding.UTF8.GetBytes(json.Append("]\n").ToString());
    }

    /// <summary>
    /// A JSON string as JS reads it back: <c>"</c>, <c>\\</c>, control characters and lone surrogates escaped (terms can
    /// hold lone surrogates, which System.Text.Json refuses), everything else raw.
    /// </summary>
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                json.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        json.Append('"');
    }

    /// <summary>
    /// The display data of documents <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1:
    /// <c>[{"t": title, "u": url, "k": kind, "d": date, "s": source, "x": summary, "a": [aliases]}, …]</c>, item i being
    /// document start + i (d and s for articles only, a for entities with aliases).
    /// </summary>
    public static byte[] DisplayData(IReadOnlyList<SearchDocument> documents, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = start; i < start + count; i++)
            {
                var document = documents[i];
                writer.WriteStartObject();
                writer.WriteString("t", document.Title);
                writer.WriteString("u", document.Ref);
                writer.WriteString("k", document.Kind);
                if (document.Date is not null)
                {
                    writer.WriteString("d", document.Date);
                }

                if (document.Source is not null)
                {
                    writer.WriteString("s", document.Source);
                }

                writer.WriteString("x", document.Summary);
                if (document.Aliases is not null)
                {
                    writer.WriteStartArray("a");
                    foreach (var alias in document.AliasList)
                    {
                        writer.WriteStringValue(alias);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
