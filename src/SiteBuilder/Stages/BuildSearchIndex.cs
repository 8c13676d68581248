using System.Buffers;
using System.Globalization;
using System.Text.Json;
using SiteBuilder.Lunr;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>One searchable page: an article or an entity. <see cref="Ref"/> is its URL relative to the site root.</summary>
public sealed record SearchDocument(string Ref, string Kind, string Title, string? Entities, string? Aliases, string Summary, string? Body, string? Date, string? Source)
{
    /// <summary>The entity's aliases one by one (the <see cref="Aliases"/> field joins them with spaces for the index).</summary>
    public IReadOnlyList<string> AliasList { get; init; } = [];
}

/// <summary>The search files: the lunr 2.3.9 index and the display data the results show, both UTF-8 JSON.</summary>
public sealed record SearchFiles(byte[] IndexJson, byte[] DocsJson, int DocumentCount);

/// <summary>
/// Stage 6: articles and entities → a lunr.js 2.3.9 index (fields: title^10, entities^5, aliases, summary, body) and
/// search/docs.json with what a result shows, kept out of the index so it is not duplicated.
/// </summary>
public static class BuildSearchIndex
{
    public const string IndexPath = "search/index.json";
    public const string DocsPath = "search/docs.json";

    public static IReadOnlyList<SearchDocument> Documents(CorpusGraph graph)
    {
        var names = graph.Entities.ToDictionary(e => e.Entity.Id, e => e.Entity.Name, StringComparer.Ordinal);
        var documents = new List<SearchDocument>(graph.Articles.Count + graph.Entities.Count);
        foreach (var linked in graph.Articles)
        {
            var article = linked.Article;
            documents.Add(new SearchDocument(SiteUrls.Article(article.Slug), "article", article.Title,
                string.Join(' ', linked.EntityIds.Select(id => names[id])), null, linked.Body.Summary, linked.Body.PlainText,
                article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Source));
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

    public static LunrIndex Index(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new LunrIndexBuilder<SearchDocument>(d => d.Ref)
            .Field("title", d => d.Title, boost: 10)
            .Field("entities", d => d.Entities, boost: 5)
            .Field("aliases", d => d.Aliases)
            .Field("summary", d => d.Summary)
            .Field("body", d => d.Body);
        foreach (var document in documents)
        {
            builder.Add(document);
        }

        return builder.Build();
    }

    public static SearchFiles Run(CorpusGraph graph)
    {
        var documents = Documents(graph);
        var index = Index(documents);
        using var indexStream = new MemoryStream();
        index.WriteTo(indexStream);
        return new SearchFiles(indexStream.ToArray(), DisplayData(documents), documents.Count);
    }

    /// <summary><c>{"ref": {"t": title, "u": url, "k": kind, "d": date, "s": source, "x": summary}}</c>, in index order.</summary>
    public static byte[] DisplayData(IReadOnlyList<SearchDocument> documents)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var document in documents)
            {
                writer.WriteStartObject(document.Ref);
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

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
