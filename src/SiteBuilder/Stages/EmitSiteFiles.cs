using System.Globalization;
using System.Text;
using System.Xml;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>A file of the built site: a path relative to the output root ('/' separators) and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content);

/// <summary>Stage 7: the files that are not pages: the Atom feed (newest 50), sitemap.xml and robots.txt. Dates come from content, never the clock.</summary>
public static class EmitSiteFiles
{
    public const int FeedSize = 50;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>
    /// What one run can hand to the next (the preview server): the sitemap, which only changes when a page is added or
    /// removed, an article's date changes or the base URL does. Kept with what it was made from: the site's URLs, the
    /// pages' URLs in plan order and each article's slug and date.
    /// </summary>
    public sealed class Cache
    {
        internal (SiteUrls Urls, string[] Pages, (string Slug, DateOnly Date)[] Articles, byte[] Bytes)? Sitemap { get; set; }
    }

    public static IReadOnlyList<OutputFile> Run(CorpusGraph graph, Site site) => Run(graph, site, cache: null);

    public static IReadOnlyList<OutputFile> Run(CorpusGraph graph, Site site, Cache? cache)
    {
        var urls = site.Layout.Urls;
        return
        [
            new OutputFile("feed.xml", Feed(graph, urls)),
            new OutputFile("sitemap.xml", Sitemap(graph, site, cache)),
            new OutputFile("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: {urls.BasePath}\n\nSitemap: {urls.Absolute("sitemap.xml")}\n")),
        ];
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static byte[] Feed(CorpusGraph graph, SiteUrls urls)
    {
        const string Atom = "http://www.w3.org/2005/Atom";
        return WriteXml(w =>
        {
            w.WriteStartElement("feed", Atom);
            w.WriteAttributeString("xml", "lang", null, graph.Site.Language);
            w.WriteElementString("title", Atom, graph.Site.Title);
            if (graph.Site.Description.Length > 0)
            {
                w.WriteElementString("subtitle", Atom, graph.Site.Description);
            }

            w.WriteElementString("id", Atom, urls.Absolute(""));
            Link(w, urls.Absolute("feed.xml"), "self");
            Link(w, urls.Absolute(""), "alternate");
            var newest = graph.Articles.Count > 0 ? graph.Articles[0].Article.Date : new DateOnly(1970, 1, 1);
            w.WriteElementString("updated", Atom, Timestamp(newest));
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, graph.Site.Title);
            w.WriteEndElement();
            w.WriteElementString("generator", Atom, "SiteBuilder");
            foreach (var linked in graph.Articles.Take(FeedSize))
            {
                var article = linked.Article;
                var url = urls.Absolute(SiteUrls.Article(article.Slug));
                w.WriteStartElement("entry", Atom);
                w.WriteElementString("title", Atom, article.Title);
                Link(w, url, "alternate");
                w.WriteElementString("id", Atom, url);
                w.WriteElementString("published", Atom, Timestamp(article.Date));
                w.WriteElementString("updated", Atom, Timestamp(article.Date));
                w.WriteStartElement("author", Atom);
                w.WriteElementString("name", Atom, article.Author ?? article.Source);
                w.WriteEndElement();
                w.WriteElementString("summary", Atom, linked.Body.Summary);
                foreach (var tag in article.Tags)
                {
                    w.WriteStartElement("category", Atom);
                    w.WriteAttributeString("term", tag);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

        static void Link(XmlWriter w, string href, string rel)
        {
            w.WriteStartElement("link", Atom);
            w.WriteAttributeString("rel", rel);
            w.WriteAttributeString("href", href);
            w.WriteEndElement();
        }
    }

    private static byte[] Sitemap(CorpusGraph graph, Site site, Cache? cache)
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pageUrls = site.Pages.Select(p => p.Url).ToArray();
        var dated = graph.Articles.Select(a => (a.Article.Slug, a.Article.Date)).ToArray();
        if (cache?.Sitemap is { } last && last.Urls == site.Layout.Urls && last.Pages.AsSpan().SequenceEqual(pageUrls) && last.Articles.AsSpan().SequenceEqual(dated))
        {
            return last.Bytes;
        }

        var dates = graph.Articles.ToDictionary(a => SiteUrls.Article(a.Article.Slug), a => a.Article.Date, StringComparer.Ordinal);
        var pages = site.Pages.Where(p => p is not NotFoundPage).OrderBy(p => p.Url, StringComparer.Ordinal).ToArray();
        var locations = pages.Select(p => site.Layout.Urls.Absolute(p.Url)).ToArray();
        var modified = pages.Select(p => dates.TryGetValue(p.Url, out var date) ? date : (DateOnly?)null).ToArray();

        var bytes = WriteXml(w =>
        {
            w.WriteStartElement("urlset", Ns);
            for (var i = 0; i < locations.Length; i++)
            {
                w.WriteStartElement("url", Ns);
                w.WriteElementString("loc", Ns, locations[i]);
                if (modified[i] is { } date)
                {
                    w.WriteElementString("lastmod", Ns, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        if (cache is not null)
        {
            cache.Sitemap = (site.Layout.Urls, pageUrls, dated, bytes);
        }

        return bytes;
    }

    private static byte[] WriteXml(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
