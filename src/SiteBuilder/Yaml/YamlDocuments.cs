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
            var message = result.TooComplex ? result.Error : result.Error + Hint(result.Error);
            diagnostics.Add(descriptor.Create(new SourceLocation(path, Math.Max(1, result.ErrorLine), Math.Max(1, result.ErrorColumn)), message));
            return null;
        }

        switch (result.Root)
        {
            case YamlMapping mapping:
                ReportDuplicateKeys(mapping, path, diagnostics);
                return new YamlFields(mapping, path, diagnostics);
            case null:
            case YamlScalar { IsNull: true }:
                return new YamlFields(new YamlMapping([], lineOffset + 1, 1), path, diagnostics);
            default:
                diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(path, result.Root.Line, result.Root.Column), "the document must be a map of field: value lines"));
                return null;
        }
    }

    /// <summary>How to fix the YAML mistakes contributors make most: an unquoted ': ', an unclosed quote, a tab.</summary>
    private static string Hint(string error)
    {
        if (error.Contains("mapping", StringComparison.OrdinalIgnoreCase))
        {
            return "; a value that contains ': ' or starts with a quote must be written in double quotes, e.g. title: \"Trump: the talks\"";
        }

        if (error.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            return "; a quoted value needs its closing quote on the same line, and a '\"' inside it is written \\\"";
        }

        if (error.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return "; indent with spaces, not tabs";
        }

        return "";
    }

    /// <summary>A key written twice in one mapping (at any depth): YAML forbids it, and only the first value would be read.</summary>
    private static void ReportDuplicateKeys(YamlNode root, string path, List<Diagnostic> diagnostics)
    {
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case YamlMapping mapping:
                    var first = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                    foreach (var (key, value) in mapping.Entries)
                    {
                        if (!first.TryAdd(key.Value, key))
                        {
                            diagnostics.Add(DiagnosticDescriptors.DuplicateField.Create(new SourceLocation(path, key.Line, key.Column), key.Value, first[key.Value].Line));
                        }

                        pending.Push(value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }
}
