using System.Text.Json;
using System.Text.RegularExpressions;
using SiteBuilder.Yaml;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// One failed JSON Schema keyword: at the YAML node it concerns (the value; the key for <c>additionalProperties</c>;
/// the mapping for <c>required</c>), under which top-level property, and whether the value was null or blank.
/// </summary>
internal sealed record SchemaError(int Line, int Column, string Keyword, string Property, bool NullOrBlank, string Message);

/// <summary>
/// The subset of JSON Schema draft 7 our schemas use, applied to YAML as SiteBuilder reads it: every scalar is text
/// (a plain empty, <c>~</c> or <c>null</c> is null), mappings are objects (the first of two equal keys wins), sequences
/// are arrays. Any keyword outside the subset is refused, so a schema cannot quietly rely on one this validator ignores.
/// </summary>
internal static class Draft7Validator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "$comment", "title", "description", "examples", "default" };

    private static readonly HashSet<string> Assertions = new(StringComparer.Ordinal)
    {
        "type", "enum", "pattern", "minLength", "maxLength", "properties", "required", "additionalProperties", "items",
    };

    public static List<SchemaError> Validate(JsonElement schema, YamlNode root)
    {
        var unsupported = UnsupportedKeywords(schema).ToArray();
        if (unsupported.Length > 0)
        {
            throw new NotSupportedException("Draft7Validator does not implement " + string.Join(", ", unsupported));
        }

        var errors = new List<SchemaError>();
        Validate(schema, root, "", errors);
        return errors;
    }

    /// <summary>Every keyword anywhere in <paramref name="schema"/> that the validator does not know.</summary>
    public static IEnumerable<string> UnsupportedKeywords(JsonElement schema)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !Assertions.Contains(keyword.Name))
            {
                yield return keyword.Name;
            }
        }

        var children = new List<JsonElement>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            children.AddRange(properties.EnumerateObject().Select(p => p.Value));
        }

        if (schema.TryGetProperty("items", out var items))
        {
            children.Add(items);
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            children.Add(additional);
        }

        foreach (var keyword in children.SelectMany(UnsupportedKeywords))
        {
            yield return keyword;
        }
    }

    private static void Validate(JsonElement schema, YamlNode node, string property, List<SchemaError> errors)
    {
        var nullOrBlank = node is YamlScalar s && (s.IsNull || string.IsNullOrWhiteSpace(s.Value));
        void Fail(YamlNode at, string keyword, string message) => errors.Add(new SchemaError(at.Line, at.Column, keyword, property, nullOrBlank, message));

        var type = TypeOf(node);
        if (schema.TryGetProperty("type", out var allowed))
        {
            var types = allowed.ValueKind == JsonValueKind.Array ? allowed.EnumerateArray().Select(t => t.GetString()!).ToArray() : [allowed.GetString()!];
            if (!types.Contains(type, StringComparer.Ordinal))
            {
                Fail(node, "type", $"expected {string.Join(" or ", types)}, found {type}");
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var text = node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;
            if (!values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null ? type == "null" : v.ValueKind == JsonValueKind.String && v.GetString() == text && type == "string"))
            {
                Fail(node, "enum", $"'{text}' is not one of {values.GetRawText()}");
            }
        }

        if (type == "string")
        {
            var text = ((YamlScalar)node).Value;
            var length = text.EnumerateRunes().Count();
            if (schema.TryGetProperty("pattern", out var pattern) && !new Regex(pattern.GetString()!, RegexOptions.ECMAScript).IsMatch(text))
            {
                Fail(node, "pattern", $"'{text}' does not match {pattern.GetString()}");
            }

            if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
            {
                Fail(node, "minLength", $"shorter than {min.GetInt32()}");
            }

            if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
            {
                Fail(node, "maxLength", $"longer than {max.GetInt32()}");
            }
        }

        if (node is YamlMapping mapping)
        {
            var entries = new Dictionary<string, (YamlScalar Key, YamlNode Value)>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Entries)
            {
                entries.TryAdd(key.Value, (key, value));
            }

            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(r => !entries.ContainsKey(r)))
                {
                    errors.Add(new SchemaError(mapping.Line, mapping.Column, "required", name, false, $"'{name}' is required"));
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var (name, (key, value)) in entries)
            {
                var child = property.Length == 0 ? name : property;
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var propertySchema))
                {
                    Validate(propertySchema, value, child, errors);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add(new SchemaError(key.Line, key.Column, "additionalProperties", name, false, $"'{name}' is not allowed"));
                    }
                    else if (additional.ValueKind == JsonValueKind.Object)
                    {
                        Validate(additional, value, child, errors);
                    }
                }
            }
        }

        if (node is YamlSequence sequence && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in sequence.Items)
            {
                Validate(items, item, property, errors);
            }
        }
    }

    private static string TypeOf(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "null",
        YamlScalar => "string",
        YamlSequence => "array",
        _ => "object",
    };
}
