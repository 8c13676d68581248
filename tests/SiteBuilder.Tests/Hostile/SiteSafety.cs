using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;

namespace SiteBuilder.Tests.Hostile;

/// <summary>Checks a built site for anything input could have injected: scripts, event handlers, dangerous URLs, broken JSON or XML.</summary>
internal static class SiteSafety
{
    public static IReadOnlyList<string> Problems(string output)
    {
        var problems = new List<string>();
        var parser = new HtmlParser();
        foreach (var file in Directory.GetFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(output, file);
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var script in document.QuerySelectorAll("script"))
            {
                var src = script.GetAttribute("src");
                var type = script.GetAttribute("type");
                if (type == "application/ld+json")
                {
                    try
                    {
                        using var _ = JsonDocument.Parse(script.TextContent);
                    }
                    catch (JsonException ex)
                    {
                        problems.Add($"{name}: JSON-LD does not parse: {ex.Message}");
                    }
                }
                else if (src is null || !src.Contains("/assets/js/", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: script element the theme did not put there: {script.OuterHtml}");
                }
            }

            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{name}: event handler attribute {attribute.Name} on <{element.LocalName}>");
                    }

                    if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" && !Text.SafeUrls.IsSafeLink(attribute.Value))
                    {
                        problems.Add($"{name}: unsafe URL {attribute.Name}=\"{attribute.Value}\"");
                    }

                    if (attribute.Name == "style")
                    {
                        problems.Add($"{name}: style attribute on <{element.LocalName}>");
                    }
                }
            }

            foreach (var tag in new[] { "iframe", "object", "embed", "form[action^='javascript']", "base", "meta[http-equiv='refresh']" })
            {
                if (document.QuerySelector(tag) is { } found)
                {
                    problems.Add($"{name}: unexpected <{found.LocalName}>");
                }
            }

            if (document.QuerySelector("meta[http-equiv='Content-Security-Policy']") is null)
            {
                problems.Add($"{name}: no Content-Security-Policy");
            }
        }

        foreach (var file in Directory.GetFiles(output, "*.json", SearchOption.AllDirectories))
        {
            try
            {
                using var _ = JsonDocument.Parse(File.ReadAllBytes(file));
            }
            catch (JsonException ex)
            {
                problems.Add($"{Path.GetRelativePath(output, file)}: {ex.Message}");
            }
        }

        foreach (var file in Directory.GetFiles(output, "*.xml", SearchOption.AllDirectories))
        {
            try
            {
                new XmlDocument { XmlResolver = null }.Load(file);
            }
            catch (XmlException ex)
            {
                problems.Add($"{Path.GetRelativePath(output, file)}: {ex.Message}");
            }
        }

        return problems;
    }
}
