using System.Buffers;
using System.Globalization;
using System.Text.Json;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>
/// schema.org JSON-LD for &lt;script type="application/ld+json"&gt;, as UTF-8 (copied into the page as it is). Written with
/// Utf8JsonWriter's default encoder, which escapes &lt;, &gt; and &amp;, so no input string can close the script element.
/// </summary>
internal static class JsonLd
{
    public static Utf8Text WebSite(SiteConfig site, SiteUrls urls) => Write(w =>
    {
        Context(w, "WebSite");
        w.WriteString("name", site.Title);
        w.WriteString("description", site.Description);
        w.WriteString("url", urls.Absolute(""));
        w.WriteString("inLanguage", site.Language);
        w.WriteStartObject("potentialAction");
        w.WriteString("@type", "SearchAction");
        w.WriteString("target", urls.Absolute(SiteUrls.Search) + "?q={search_term_string}");
        w.WriteString("query-input", "required name=search_term_string");
        w.WriteEndObject();
    });

    public static Utf8Text NewsArticle(Article article, ArticleSummary summary, IReadOnlyList<Entity> about, SiteUrls urls) => Write(w =>
    {
        Context(w, "NewsArticle");
        w.WriteString("headline", article.Title);
        w.WriteString("description", summary.Summary);
        w.WriteString("datePublished", article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("url", urls.Absolute(summary.Url));
        w.WriteString("mainEntityOfPage", urls.Absolute(summary.Url));
        if (article.Author is not null)
        {
            w.WriteStartObject("author");
            w.WriteString("@type", "Person");
            w.WriteString("name", article.Author);
            w.WriteEndObject();
        }

        w.WriteStartObject("publisher");
        w.WriteString("@type", "Organization");
        w.WriteString("name", article.Source);
        w.WriteEndObject();
        if (article.SourceUrl is not null)
        {
            w.WriteString("isBasedOn", article.SourceUrl);
        }

        if (article.Tags.Count > 0)
        {
            w.WriteString("keywords", string.Join(", ", article.Tags));
        }

        w.WriteStartArray("about");
        foreach (var entity in about)
        {
            w.WriteStartObject();
            w.WriteString("@type", SchemaType(entity.Kind));
            w.WriteString("name", entity.Name);
            w.WriteString("url", urls.Absolute(SiteUrls.Entity(entity.Id)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static Utf8Text Profile(Entity entity, SiteUrls urls) => Write(w =>
    {
        Context(w, "ProfilePage");
        w.WriteString("url", urls.Absolute(SiteUrls.Entity(entity.Id)));
        w.WriteString("name", entity.Name);
        w.WriteStartObject("mainEntity");
        w.WriteString("@type", SchemaType(entity.Kind));
        w.WriteString("name", entity.Name);
        if (entity.Aliases.Count > 0)
        {
            w.WriteStartArray("alternateName");
            foreach (var alias in entity.Aliases)
            {
                w.WriteStringValue(alias);
            }

            w.WriteEndArray();
        }

        if (entity.Description is not null)
        {
            w.WriteString("description", entity.Description);
        }

        if (entity.Links.Count > 0)
        {
            w.WriteStartArray("sameAs");
            foreach (var link in entity.Links)
            {
                w.WriteStringValue(link.Url);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    public static string SchemaType(EntityKind kind) => kind switch
    {
        EntityKind.Person => "Person",
        EntityKind.Organization => "Organization",
        EntityKind.Place => "Place",
        _ => "Event",
    };

    private static void Context(Utf8JsonWriter writer, string type)
    {
        writer.WriteString("@context", "https://schema.org");
        writer.WriteString("@type", type);
    }

    // One buffer and writer per thread, reset for each document: an article's is ~2 KB, which a new buffer reached by
    // doubling from a small one, with a new writer, for each of 10,000 articles.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_scratch;

    private static Utf8Text Write(Action<Utf8JsonWriter> body)
    {
        var (buffer, writer) = t_scratch ??= NewScratch();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        writer.Flush();
        return Utf8Text.FromUtf8(buffer.WrittenSpan);

        static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewScratch()
        {
            var buffer = new ArrayBufferWriter<byte>(8 * 1024);
            return (buffer, new Utf8JsonWriter(buffer));
        }
    }
}
