using SiteBuilder.Diagnostics;

namespace SiteBuilder.Yaml;

internal static class YamlDocuments
{
    /// <summary>Reads a YAML document that must be a mapping; reports syntax errors and a wrong root type.</summary>
    public static YamlFields? ReadMapping(string text, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        var result = YamlReader.Read(text, lineOffset);
        if (result.Error is not null)
        {
            var descriptor = result.TooComplex ? DiagnosticDescriptors.YamlTooComplex : DiagnosticDescriptors.YamlSyntax;
            diagnostics.Add(descriptor.Create(new SourceLocation(path, Math.Max(1, result.ErrorLine), Math.Max(1, result.ErrorColumn)), result.Error));
            return null;
        }

        switch (result.Root)
        {
            case YamlMapping mapping:
                return new YamlFields(mapping, path, diagnostics);
            case null:
            case YamlScalar { IsNull: true }:
                return new YamlFields(new YamlMapping([], lineOffset + 1, 1), path, diagnostics);
            default:
                diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(path, result.Root.Line, result.Root.Column), "the document must be a map of field: value lines"));
                return null;
        }
    }
}
