namespace SiteBuilder.Yaml;

/// <summary>
/// A YAML value copied out of YamlDotNet's event stream, with its 1-based start position.
/// Parser objects never leave this folder.
/// </summary>
internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>A plain (unquoted) <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column) : YamlNode(Line, Column);
