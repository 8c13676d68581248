using AngleSharp.Html.Parser;

namespace SiteBuilder.Tests;

/// <summary>Checks every href and src of every HTML file of a built site: root-relative ones must name a file of the site under the base path.</summary>
internal static class LinkChecker
{
    public static IReadOnlyList<string> BrokenLinks(string output, string basePath)
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        foreach (var file in Directory.GetFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith("http:", StringComparison.Ordinal) || url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#'))
                {
                    continue;
                }

                if (!Resolves(output, basePath, url))
                {
                    broken.Add($"{Path.GetRelativePath(output, file)}: {url}");
                }
            }
        }

        return broken;
    }

    public static int CountLinks(string output)
    {
        var parser = new HtmlParser();
        return Directory.GetFiles(output, "*.html", SearchOption.AllDirectories)
            .Sum(f => parser.ParseDocument(File.ReadAllText(f)).QuerySelectorAll("a[href^='/']").Length);
    }

    private static bool Resolves(string output, string basePath, string url)
    {
        var path = url.Split('#', '?')[0];
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var relative = Uri.UnescapeDataString(path[basePath.Length..]);
        var target = Path.Combine(output, relative);
        return relative.Length == 0 || relative.EndsWith('/') ? File.Exists(Path.Combine(target, "index.html")) : File.Exists(target);
    }
}
