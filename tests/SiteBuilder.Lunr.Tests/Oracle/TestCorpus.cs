using System.Globalization;
using System.Text;
using SiteBuilder.Lunr.Internal;

namespace SiteBuilder.Lunr.Tests.Oracle;

/// <summary>A field declaration: name and boost (null = no boost given).</summary>
internal sealed record TestField(string Name, double? Boost = null);

/// <summary>
/// A document as a JS object. Values are JS values: <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>,
/// <c>null</c>, or <c>object?[]</c> (an array). A key that is absent is <c>undefined</c>.
/// </summary>
internal sealed record TestDocument(IReadOnlyList<KeyValuePair<string, object?>> Values, double? Boost = null)
{
    public bool TryGet(string key, out object? value)
    {
        foreach (var pair in Values)
        {
            if (pair.Key == key)
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>
/// A corpus both sides build: lunr.js from its JSON, the C# builder through <see cref="BuildWithCSharp"/>,
/// converting the JS values the way JS <c>String()</c>/<c>toString</c> would.
/// </summary>
internal sealed record TestCorpus(
    string Name,
    string Ref,
    IReadOnlyList<TestField> Fields,
    IReadOnlyList<string> MetadataWhitelist,
    IReadOnlyList<TestDocument> Documents,
    double? K1 = null,
    double? B = null)
{
    public LunrIndex BuildWithCSharp()
    {
        var builder = new LunrIndexBuilder<TestDocument>(d => d.TryGet(Ref, out object? v) ? JsString(v) : "undefined");
        foreach (TestField field in Fields)
        {
            string name = field.Name;
            builder.Field(name, d => d.TryGet(name, out object? v) ? ToFieldValue(v) : LunrFieldValue.Null, field.Boost ?? 1);
        }

        builder.MetadataWhitelist([.. MetadataWhitelist]);
        if (K1 is { } k1)
        {
            builder.K1(k1);
        }

        if (B is { } b)
        {
            builder.B(b);
        }

        foreach (TestDocument document in Documents)
        {
            builder.Add(document, document.Boost ?? 1);
        }

        return builder.Build();
    }

    /// <summary>JS <c>String(value)</c>.</summary>
    public static string JsString(object? value) => value switch
    {
        null => "null",
        string s => s,
        double d => JsNumber.ToJsString(d),
        bool b => b ? "true" : "false",
        object?[] array => string.Join(",", array.Select(e => e is null ? "" : JsString(e))),
        _ => throw new ArgumentException($"Not a JS value: {value.GetType()}", nameof(value)),
    };

    /// <summary>What lunr's tokenizer does with a field value, as a <see cref="LunrFieldValue"/>.</summary>
    public static LunrFieldValue ToFieldValue(object? value) => value switch
    {
        null => LunrFieldValue.Null,
        object?[] array => LunrFieldValue.List([.. array.Select(e => e is null ? null : JsString(e))]),
        _ => LunrFieldValue.Text(JsString(value)),
    };

    public void WriteJson(StringBuilder json)
    {
        json.Append("{\"ref\":");
        TestJson.WriteString(json, Ref);
        json.Append(",\"fields\":[");
        for (int i = 0; i < Fields.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("{\"name\":");
            TestJson.WriteString(json, Fields[i].Name);
            json.Append(",\"boost\":");
            TestJson.WriteValue(json, Fields[i].Boost);
            json.Append('}');
        }

        json.Append("],\"metadataWhitelist\":");
        TestJson.WriteValue(json, MetadataWhitelist.Cast<object?>().ToArray());
        json.Append(",\"k1\":");
        TestJson.WriteValue(json, K1);
        json.Append(",\"b\":");
        TestJson.WriteValue(json, B);
        json.Append(",\"docs\":[");
        for (int i = 0; i < Documents.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("{\"doc\":{");
            var values = Documents[i].Values;
            for (int j = 0; j < values.Count; j++)
            {
                if (j > 0)
                {
                    json.Append(',');
                }

                TestJson.WriteString(json, values[j].Key);
                json.Append(':');
                TestJson.WriteValue(json, values[j].Value);
            }

            json.Append("},\"boost\":");
            TestJson.WriteValue(json, Documents[i].Boost);
            json.Append('}');
        }

        json.Append("]}");
    }
}

/// <summary>
/// JSON for the oracle's input, written independently of the library's writer: every non-ASCII or control code
/// unit is a <c>\uXXXX</c> escape, so lone surrogates and line separators reach node intact.
/// </summary>
internal static class TestJson
{
    public static void WriteValue(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case string s:
                WriteString(json, s);
                break;
            case double d:
                WriteNumber(json, d);
                break;
            case bool b:
                json.Append(b ? "true" : "false");
                break;
            case object?[] array:
                json.Append('[');
                for (int i = 0; i < array.Length; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    WriteValue(json, array[i]);
                }

                json.Append(']');
                break;
            default:
                throw new ArgumentException($"Not a JS value: {value.GetType()}", nameof(value));
        }
    }

    public static void WriteNumber(StringBuilder json, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("JSON has no NaN or Infinity.", nameof(value));
        }

        json.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            if (c is >= ' ' and < (char)0x7F && c != '"' && c != '\\')
            {
                json.Append(c);
            }
            else
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        json.Append('"');
    }
}
