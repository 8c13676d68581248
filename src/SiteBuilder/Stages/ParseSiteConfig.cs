using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Yaml;

namespace SiteBuilder.Stages;

/// <summary>Stage 2a: site.yml → <see cref="SiteConfig"/>.</summary>
public static class ParseSiteConfig
{
    private static readonly string[] KnownFields = ["title", "description", "base_url", "language", "diagnostics"];

    public static (SiteConfig? Site, IReadOnlyList<Diagnostic> Diagnostics) Run(SourceFile? file)
    {
        var diagnostics = new List<Diagnostic>();
        if (file is null)
        {
            return (null, diagnostics);
        }

        var fields = YamlDocuments.ReadMapping(file.Text, file.RelativePath, 0, diagnostics);
        if (fields is null)
        {
            return (null, diagnostics);
        }

        fields.ReportUnknown(KnownFields, DiagnosticDescriptors.UnknownSiteField);
        var title = fields.RequiredString("title", DiagnosticDescriptors.SiteFieldMissing, "title");
        var description = fields.String("description", out _)?.Trim() ?? "";
        var language = fields.String("language", out var languageNode)?.Trim() is { Length: > 0 } lang ? lang : "en";
        if (!IsLanguageTag(language))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidLanguage.Create(fields.At(languageNode!), language));
            language = "en";
        }
        var baseUrlText = fields.RequiredString("base_url", DiagnosticDescriptors.SiteFieldMissing, "base_url");
        Uri? baseUrl = null;
        if (baseUrlText is not null)
        {
            baseUrl = ParseBaseUrl(baseUrlText);
            if (baseUrl is null)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidBaseUrl.Create(fields.At(fields.Find("base_url")!), baseUrlText));
            }
        }

        var overrides = new List<SeverityOverride>();
        foreach (var (id, value, node) in fields.StringMap("diagnostics"))
        {
            DiagnosticSeverity? severity = value.Trim().ToLowerInvariant() switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                "none" or "hidden" => DiagnosticSeverity.Hidden,
                _ => null,
            };
            if (severity is null || !DiagnosticDescriptors.All.Any(d => d.Id == id))
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidDiagnosticOverride.Create(fields.At(node), id, value));
                continue;
            }

            overrides.Add(new SeverityOverride(id, severity.Value));
        }

        if (title is null || baseUrl is null)
        {
            return (null, diagnostics);
        }

        return (new SiteConfig(title, description, baseUrl, language, overrides.ToEquatableArray()), diagnostics);
    }

    /// <summary>A BCP 47-shaped tag: letters, then letter/digit subtags joined by '-'.</summary>
    public static bool IsLanguageTag(string value)
    {
        var parts = value.Split('-');
        return parts[0].Length is >= 2 and <= 8 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>An absolute http(s) URL without query or fragment, its path ending in '/'.</summary>
    public static Uri? ParseBaseUrl(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + path);
    }
}
