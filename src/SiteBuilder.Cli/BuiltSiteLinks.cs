using System.Xml.Linq;
using AngleSharp.Html.Parser;
using SiteBuilder.Diagnostics;
using SiteBuilder.Stages;

namespace SiteBuilder.Cli;

/// <summary>
/// <c>sitebuilder build --check-links</c>: after a build, every link of the written site that stays on the site (a path
/// from the root, a relative path, or an absolute URL under the base URL) must name a file of the output folder.
/// <c>href</c> and <c>src</c> of every HTML page and every <c>&lt;loc&gt;</c> of sitemap.xml are checked; external links are not
/// (the build already refuses unsafe schemes). Body links are checked before the build (SB5001); this catches what the
/// theme, the feeds and the planner produce.
/// </summary>
internal static class BuiltSiteLinks
{
    public static IReadOnlyList<Diagnostic> Check(string outputDirectory, Uri baseUrl, string displayRoot)
    {
        var output = Path.GetFullPath(outputDirectory);
        var display = new DisplayPaths(displayRoot);
        var basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
        var origin = baseUrl.GetLeftPart(UriPartial.Authority);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var diagnostics = new List<Diagnostic>();

        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = "/" + Path.GetRelativePath(output, file).Replace('\\', '/');
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    var url = element.GetAttribute(attribute);
                    if (url is not null && Resolves(output, url, page, basePath, origin) == false)
                    {
                        var position = element.SourceReference?.Position;
                        var location = new SourceLocation(display.Of(file), position?.Line ?? 1, position?.Column ?? 1);
                        diagnostics.Add(DiagnosticDescriptors.BrokenSiteLink.Create(location, url));
                    }
                }
            }
        }

        var sitemap = Path.Combine(output, "sitemap.xml");
        if (File.Exists(sitemap))
        {
            var xml = XDocument.Load(sitemap, LoadOptions.SetLineInfo);
            foreach (var loc in xml.Descendants().Where(e => e.Name.LocalName == "loc"))
            {
                if (Resolves(output, loc.Value, "/", basePath, origin) == false)
                {
                    var info = (System.Xml.IXmlLineInfo)loc;
                    diagnostics.Add(DiagnosticDescriptors.BrokenSiteLink.Create(new SourceLocation(display.Of(sitemap), Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition)), loc.Value.Trim()));
                }
            }
        }

        return diagnostics;
    }

    /// <summary>
    /// Whether a link found on <paramref name="page"/> (a path from the output root) names a file of the output folder;
    /// null when the link leaves the site (another origin, a protocol-relative or non-http URL) or stays on the page (#…).
    /// </summary>
    internal static bool? Resolves(string output, string url, string page, string basePath, string origin)
    {
        url = url.Trim();
        if (url.Length == 0 || url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        string path;
        if (!url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            if (absolute.Scheme is not ("http" or "https") || !string.Equals(absolute.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            path = absolute.AbsolutePath;
        }
        else
        {
            // A path from the root or relative to the page's own URL, dot segments resolved as a browser does.
            path = new Uri(new Uri("http://site" + basePath + page.TrimStart('/')), url).AbsolutePath;
        }

        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var target = Uri.UnescapeDataString(path[basePath.Length..]);
        if (target.Split('/').Any(segment => segment is ".." or "."))
        {
            return false;
        }

        var full = Path.Combine(output, target);
        return target.Length == 0 || target.EndsWith('/') ? File.Exists(Path.Combine(full, "index.html")) : File.Exists(full) || File.Exists(Path.Combine(full, "index.html"));
    }
}
