using System.Buffers;

namespace SiteBuilder.Lunr.Internal;

/// <summary>What a whitelisted metadata key records per token.</summary>
internal enum MetadataKind
{
    /// <summary><c>[start, length]</c>, or null for array elements.</summary>
    Position,

    /// <summary>The token's ordinal, or null for array elements.</summary>
    Index,

    /// <summary><c>[fieldName]</c>.</summary>
    Fields,

    /// <summary>Any other key: lunr pushes <c>undefined</c>, which serializes as null.</summary>
    Other,
}

/// <summary>A distinct whitelisted key in JS key order; a key listed n times pushes each value n times.</summary>
internal sealed record MetadataKey(string Name, byte[] NameJson, MetadataKind Kind, int Multiplicity);

/// <summary>The frozen configuration of a build, with fields already in JS <c>Object.keys</c> order.</summary>
internal sealed class IndexSettings
{
    public IndexSettings(string[] fields, double[] fieldBoosts, IReadOnlyList<string> whitelist, double k1, double b)
    {
        Fields = fields;
        FieldBoosts = fieldBoosts;
        K1 = k1;
        B = b;

        var distinct = new List<string>();
        var multiplicity = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string key in whitelist)
        {
            if (multiplicity.TryGetValue(key, out int count))
            {
                multiplicity[key] = count + 1;
            }
            else
            {
                multiplicity[key] = 1;
                distinct.Add(key);
            }
        }

        var keys = new List<MetadataKey>();
        foreach (int i in JsKeys.Order(distinct))
        {
            string name = distinct[i];
            MetadataKind kind = name switch
            {
                "position" => MetadataKind.Position,
                "index" => MetadataKind.Index,
                "fields" => MetadataKind.Fields,
                _ => MetadataKind.Other,
            };
            keys.Add(new MetadataKey(name, JsonText.Escape(name), kind, multiplicity[name]));
        }

        MetadataKeys = [.. keys];
        RecordTokens = keys.Exists(k => k.Kind is MetadataKind.Position or MetadataKind.Index);
    }

    public string[] Fields { get; }

    /// <summary>Effective field boosts (<c>boost || 1</c>).</summary>
    public double[] FieldBoosts { get; }

    public MetadataKey[] MetadataKeys { get; }

    /// <summary>True when positions or indices must be kept per token.</summary>
    public bool RecordTokens { get; }

    public double K1 { get; }

    public double B { get; }
}

/// <summary>JSON string escaping into standalone byte arrays, for texts written many times (refs, fields).</summary>
internal static class JsonText
{
    // The writer asks its output for 64 KiB at a time: one scratch buffer per thread, not one per string (a ref each).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    /// <summary>The escaped UTF-8 content of a JSON string, without the quotes.</summary>
    public static byte[] Escape(string value)
    {
        var buffer = t_scratch ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        var writer = new JsonUtf8Writer(buffer);
        writer.WriteStringContent(value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
