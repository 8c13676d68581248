using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteBuilder.Yaml;

/// <summary>The outcome of reading one YAML document: its root, or an error with a 1-based position.</summary>
internal readonly record struct YamlReadResult(YamlNode? Root, string? Error, int ErrorLine, int ErrorColumn, bool TooComplex);

/// <summary>
/// Reads a single YAML document into <see cref="YamlNode"/>s. Bounded: nesting deeper than <see cref="MaxDepth"/>
/// or more than <see cref="MaxNodes"/> nodes (aliases count as the nodes they expand to) is refused, so
/// "billion laughs" documents cost nothing.
/// </summary>
internal static class YamlReader
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 1_000_000;

    public static YamlReadResult Read(string text, int lineOffset = 0) =>
        SimpleYaml.TryRead(text, lineOffset, out var root) ? new(root, null, 0, 0, false) : ReadWithYamlDotNet(text, lineOffset);

    /// <summary>The full YAML reader, for what <see cref="SimpleYaml"/> does not take.</summary>
    internal static YamlReadResult ReadWithYamlDotNet(string text, int lineOffset = 0)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, (YamlNode Node, int Size)>(StringComparer.Ordinal);
        var budget = MaxNodes;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new(null, null, 0, 0, false);
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, lineOffset, depth: 0, ref budget, out _);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var current = parser.Current!;
                return new(null, "only one YAML document is allowed", (int)current.Start.Line + lineOffset, (int)current.Start.Column, false);
            }

            return new(root, null, 0, 0, false);
        }
        catch (TooComplexException ex)
        {
            return new(null, ex.Message, ex.Line + lineOffset, ex.Column, true);
        }
        catch (YamlException ex)
        {
            return new(null, Describe(ex), (int)ex.Start.Line + lineOffset, (int)ex.Start.Column, false);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 throws this, not a YamlException, for a flow collection left open ("title: {draft").
            // Reported at the last event it read, which is that collection's start or just after it.
            var (line, column) = parser.Current?.Start is { } at ? ((int)at.Line + lineOffset, (int)at.Column) : (lineOffset + 1, 1);
            return new(null, "a '{' or '[' is not closed; a value that starts with one must be written in double quotes", line, column, false);
        }
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && paren > 0)
        {
            message = message[(paren + 3)..];
        }

        return message.TrimEnd('.');
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, (YamlNode Node, int Size)> anchors, int lineOffset, int depth, ref int budget, out int size)
    {
        var evt = parser.Current ?? throw new YamlException("unexpected end of document");
        var line = (int)evt.Start.Line + lineOffset;
        var column = (int)evt.Start.Column;
        if (depth > MaxDepth)
        {
            throw new TooComplexException($"nesting deeper than {MaxDepth} levels", line, column);
        }

        switch (evt)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
                }

                Charge(ref budget, target.Size, line, column);
                size = target.Size;
                return target.Node;

            case Scalar scalar:
                parser.MoveNext();
                Charge(ref budget, 1, line, column);
                size = 1;
                var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);
                Remember(anchors, scalar.Anchor, node, size);
                return node;

            case SequenceStart start:
            {
                parser.MoveNext();
                Charge(ref budget, 1, line, column);
                size = 1;
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors, lineOffset, depth + 1, ref budget, out var itemSize));
                    size += itemSize;
                }

                var sequence = new YamlSequence(items, line, column);
                Remember(anchors, start.Anchor, sequence, size);
                return sequence;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                Charge(ref budget, 1, line, column);
                size = 1;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, lineOffset, depth + 1, ref budget, out var keySize);
                    if (keyNode is not YamlScalar key)
                    {
                        throw new YamlException(evt.Start, evt.End, "mapping keys must be plain strings");
                    }

                    var value = ReadNode(parser, anchors, lineOffset, depth + 1, ref budget, out var valueSize);
                    size += keySize + valueSize;
                    entries.Add(new(key, value));
                }

                var mapping = new YamlMapping(entries, line, column);
                Remember(anchors, start.Anchor, mapping, size);
                return mapping;
            }

            default:
                throw new YamlException(evt.Start, evt.End, $"unexpected {evt.GetType().Name}");
        }
    }

    private static void Remember(Dictionary<string, (YamlNode Node, int Size)> anchors, AnchorName anchor, YamlNode node, int size)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (node, size);
        }
    }

    private static void Charge(ref int budget, int cost, int line, int column)
    {
        budget -= cost;
        if (budget < 0)
        {
            throw new TooComplexException($"more than {MaxNodes:N0} values (aliases count as what they expand to)", line, column);
        }
    }

    private sealed class TooComplexException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
