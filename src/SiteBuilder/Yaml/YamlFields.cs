using SiteBuilder.Diagnostics;

namespace SiteBuilder.Yaml;

/// <summary>Typed access to the fields of a YAML mapping, reporting wrong types and unknown fields at their nodes.</summary>
internal sealed class YamlFields
{
    private readonly YamlMapping _mapping;
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;

    public YamlFields(YamlMapping mapping, string path, List<Diagnostic> diagnostics)
    {
        _mapping = mapping;
        _path = path;
        _diagnostics = diagnostics;
    }

    public SourceLocation Location => new(_path, _mapping.Line, _mapping.Column);

    public SourceLocation At(YamlNode node) => new(_path, node.Line, node.Column);

    public YamlNode? Find(string key)
    {
        foreach (var (k, v) in _mapping.Entries)
        {
            if (string.Equals(k.Value, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    public YamlScalar? KeyNode(string key) => _mapping.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal)).Key;

    /// <summary>A string field; null when absent or null. Reports a wrong type.</summary>
    public string? String(string key, out YamlNode? node)
    {
        node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar when scalar.IsNull:
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            default:
                Report(DiagnosticDescriptors.WrongFieldType, node, key, "a string");
                return null;
        }
    }

    /// <summary>A required, non-empty string field: <paramref name="missing"/> at the mapping when absent, SB1020 at the value when empty.</summary>
    public string? RequiredString(string key, DiagnosticDescriptor missing, params object?[] missingArgs)
    {
        var value = String(key, out var node);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (node is null)
            {
                _diagnostics.Add(missing.Create(Location, missingArgs));
            }
            else if (node is YamlScalar)
            {
                _diagnostics.Add(DiagnosticDescriptors.EmptyRequiredField.Create(At(node), key));
            }

            return null;
        }

        return value.Trim();
    }

    /// <summary>A list of strings (a single string is accepted as a one-item list).</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> StringList(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return [];
            case YamlScalar scalar:
                return [(scalar.Value, scalar)];
            case YamlSequence sequence:
                var items = new List<(string, YamlNode)>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } s)
                    {
                        items.Add((s.Value, s));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongFieldType, item, key, "a list of strings");
                    }
                }

                return items;
            default:
                Report(DiagnosticDescriptors.WrongFieldType, node, key, "a list of strings");
                return [];
        }
    }

    /// <summary>A map of string to string, in document order.</summary>
    public IReadOnlyList<(string Key, string Value, YamlNode Node)> StringMap(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return [];
            case YamlMapping mapping:
                var entries = new List<(string, string, YamlNode)>(mapping.Entries.Count);
                foreach (var (k, v) in mapping.Entries)
                {
                    if (v is YamlScalar { IsNull: false } s)
                    {
                        entries.Add((k.Value, s.Value, s));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongFieldType, v, $"{key}.{k.Value}", "a string");
                    }
                }

                return entries;
            default:
                Report(DiagnosticDescriptors.WrongFieldType, node, key, "a map of names to values");
                return [];
        }
    }

    /// <summary>Reports every key not in <paramref name="known"/>, suggesting the nearest known one.</summary>
    public void ReportUnknown(IReadOnlyList<string> known, DiagnosticDescriptor descriptor)
    {
        foreach (var (key, _) in _mapping.Entries)
        {
            if (!known.Contains(key.Value, StringComparer.Ordinal))
            {
                var suggestion = Suggest.Nearest(key.Value, known);
                _diagnostics.Add(descriptor.Create(At(key), key.Value, suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            }
        }
    }

    private void Report(DiagnosticDescriptor descriptor, YamlNode node, params object?[] args) => _diagnostics.Add(descriptor.Create(At(node), args));
}
