namespace SiteBuilder.Yaml;

/// <summary>
/// Reads the plain shape nearly every front matter and entity file has, without YamlDotNet: <c>key: value</c> lines, a
/// key whose value is a block of <c>- item</c> lines or of indented <c>key: value</c> lines, comment and blank lines.
/// Values are plain scalars of ordinary characters or double-quoted strings without escapes. Anything else (other
/// quoting, flow collections, anchors, tags, multi-line scalars, tabs, a <c>: </c> or <c> #</c> inside a value, deeper
/// nesting) makes <see cref="TryRead"/> return false and the caller falls back to YamlDotNet. Where it answers, the nodes
/// and their positions are those <see cref="YamlReader"/> reads from YamlDotNet's events (a differential test checks it).
/// </summary>
internal static class SimpleYaml
{
    private const int MaxKeyLength = 128;

    public static bool TryRead(string text, int lineOffset, out YamlNode? root)
    {
        root = null;
        var lines = new List<Line>();
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            number++;
            var line = text.AsSpan(start, end - start);
            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            if (!content.IsEmpty && content[0] != '#')
            {
                if (content.Contains('\t') || content[^1] == ' ')
                {
                    return false;
                }

                lines.Add(new Line(number, indent, start + indent, end - start - indent));
            }
            else if (content.Contains('\t'))
            {
                return false;
            }

            start = end + 1;
        }

        if (lines.Count == 0 || lines[0].Indent != 0)
        {
            return false;
        }

        var index = 0;
        var mapping = ReadMapping(text, lines, ref index, indent: 0, lineOffset, nested: false);
        if (mapping is null || index != lines.Count)
        {
            return false;
        }

        root = mapping;
        return true;
    }

    /// <summary>Consecutive <c>key: …</c> lines at <paramref name="indent"/>; a nested block only when not <paramref name="nested"/> already.</summary>
    private static YamlMapping? ReadMapping(string text, List<Line> lines, ref int index, int indent, int lineOffset, bool nested)
    {
        var first = lines[index];
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        while (index < lines.Count && lines[index].Indent == indent && !IsItem(text, lines[index]))
        {
            var line = lines[index];
            var content = text.AsSpan(line.Start, line.Length);
            var colon = content.IndexOf(':');
            if (colon <= 0 || colon > MaxKeyLength || !IsKey(content[..colon]))
            {
                return null;
            }

            var key = new YamlScalar(content[..colon].ToString(), IsPlain: true, line.Number + lineOffset, indent + 1);
            index++;
            if (colon == content.Length - 1)
            {
                // "key:" alone: a block of items or, at the top level, of indented keys must follow.
                if (index >= lines.Count)
                {
                    return null;
                }

                var next = lines[index];
                YamlNode? value;
                if (IsItem(text, next) && next.Indent >= indent)
                {
                    value = ReadSequence(text, lines, ref index, next.Indent, lineOffset);
                }
                else if (!nested && next.Indent > indent)
                {
                    value = ReadMapping(text, lines, ref index, next.Indent, lineOffset, nested: true);
                }
                else
                {
                    return null;
                }

                if (value is null)
                {
                    return null;
                }

                entries.Add(new(key, value));
                continue;
            }

            if (content[colon + 1] != ' ')
            {
                return null;
            }

            var valueColumn = indent + colon + 3;
            var scalar = ReadScalar(content[(colon + 2)..], line.Number + lineOffset, valueColumn);
            if (scalar is null)
            {
                return null;
            }

            entries.Add(new(key, scalar));
        }

        return new YamlMapping(entries, first.Number + lineOffset, indent + 1);
    }

    /// <summary>Consecutive <c>- value</c> lines at <paramref name="indent"/>.</summary>
    private static YamlSequence? ReadSequence(string text, List<Line> lines, ref int index, int indent, int lineOffset)
    {
        var first = lines[index];
        var items = new List<YamlNode>();
        while (index < lines.Count && lines[index].Indent == indent && IsItem(text, lines[index]))
        {
            var line = lines[index];
            var item = ReadScalar(text.AsSpan(line.Start + 2, line.Length - 2), line.Number + lineOffset, indent + 3);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            index++;
        }

        return new YamlSequence(items, first.Number + lineOffset, indent + 1);
    }

    /// <summary>A plain scalar of ordinary characters, or a double-quoted one without escapes; null for anything else.</summary>
    private static YamlScalar? ReadScalar(ReadOnlySpan<char> value, int line, int column)
    {
        if (value.IsEmpty || value[0] == ' ')
        {
            return null;
        }

        if (value[0] == '"')
        {
            var inner = value[1..];
            var close = inner.IndexOfAny('"', '\\');
            return close >= 0 && close == inner.Length - 1 && inner[close] == '"' && AllOrdinary(inner[..close])
                ? new YamlScalar(inner[..close].ToString(), IsPlain: false, line, column)
                : null;
        }

        // Indicators that start something else than a plain scalar, or may (a '-', '?' or ':' before a space).
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) || !AllOrdinary(value) || value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal) || value[^1] == ':')
        {
            return null;
        }

        return new YamlScalar(value.ToString(), IsPlain: true, line, column);
    }

    private static bool IsItem(string text, Line line) =>
        line.Length >= 2 && text[line.Start] == '-' && text[line.Start + 1] == ' ';

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Printable ASCII, and anything from U+00A0 on but the characters YAML reads as line breaks or a byte order mark.</summary>
    private static bool AllOrdinary(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A line that is neither blank nor a comment: its number, indentation, and content after the indentation.</summary>
    private readonly record struct Line(int Number, int Indent, int Start, int Length);
}
