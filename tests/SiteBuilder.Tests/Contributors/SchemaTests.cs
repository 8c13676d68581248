using System.Text.Json;
using System.Text.RegularExpressions;
using SiteBuilder.Stages;
using SiteBuilder.Yaml;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// schema/entity.schema.json and schema/article.schema.json (what editors check as you type) and SiteBuilder's own rules
/// (what <c>check</c> reports) say the same thing: every file of input/ passes both, and on the mistakes corpus every
/// schema error has a diagnostic at the same line and column and every diagnostic the schemas can express has a schema error.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonElement EntitySchema = Load("schema/entity.schema.json");
    private static readonly JsonElement ArticleSchema = Load("schema/article.schema.json");

    /// <summary>The diagnostics a JSON Schema can express; the others depend on other files, on file names or on bodies.</summary>
    private static readonly HashSet<string> Expressible = new(StringComparer.Ordinal)
    {
        "SB1011", "SB1020", "SB2001", "SB2002", "SB2008", "SB2009", "SB2010", "SB3001", "SB3002", "SB3004", "SB3005", "SB3009", "SB3014",
    };

    private enum DocumentKind
    {
        Entity,
        Article,
    }

    private sealed record Document(string Path, DocumentKind Kind, YamlNode Root);

    [Theory]
    [InlineData("schema/entity.schema.json")]
    [InlineData("schema/article.schema.json")]
    public void SchemaIsDraft7ClosedAndDocumentsEveryProperty(string path)
    {
        var schema = Load(path);

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.GetProperty("$schema").GetString());
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, schema.GetProperty("additionalProperties").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("description").GetString()));
        Assert.All(schema.GetProperty("properties").EnumerateObject(), p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("title").GetString()), p.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("description").GetString()), p.Name);
        });
        Assert.Empty(Draft7Validator.UnsupportedKeywords(schema));
    }

    [Fact]
    public void SchemasKnowExactlyTheFieldsTheRulesKnow()
    {
        Assert.Equal(ParseEntities.KnownFields.Order(StringComparer.Ordinal), EntitySchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ParseArticles.KnownFields.Order(StringComparer.Ordinal), ArticleSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["person", "organization", "organisation", "place", "event"], EntitySchema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void EveryFileOfTheRealInputPassesTheSchemasAndTheRules()
    {
        var documents = Documents(Repo.Input, Repo.Root);
        var analysis = SiteGenerator.Analyze(new BuildOptions(Repo.Input, Path.Combine(Path.GetTempPath(), "unused"), null, Repo.Root, DateOnly.FromDateTime(DateTime.UtcNow)));

        Assert.Equal(Directory.GetFiles(Path.Combine(Repo.Input, "entities")).Length, documents.Count(d => d.Kind == DocumentKind.Entity));
        Assert.Equal(Directory.GetFiles(Path.Combine(Repo.Input, "articles"), "*.md", SearchOption.AllDirectories).Length, documents.Count(d => d.Kind == DocumentKind.Article));
        Assert.All(documents, d => Assert.Empty(Draft7Validator.Validate(d.Kind == DocumentKind.Entity ? EntitySchema : ArticleSchema, d.Root)));
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Severity >= Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void EveryEntityFileNamesTheEntitySchemaForEditors()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Input, "entities")))
        {
            var first = File.ReadLines(file).First();
            Assert.Equal("# yaml-language-server: $schema=../../schema/entity.schema.json", first);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "../../schema/entity.schema.json"))));
        }
    }

    [Fact]
    public void OnTheMistakesCorpusSchemaErrorsAndRuleDiagnosticsAgreeLineForLine()
    {
        var displayRoot = Path.GetDirectoryName(MistakesCorpus.FixtureInput)!;
        var documents = Documents(MistakesCorpus.FixtureInput, displayRoot);
        var diagnostics = SiteGenerator.Analyze(new BuildOptions(MistakesCorpus.FixtureInput, Path.Combine(Path.GetTempPath(), "unused"), null, displayRoot, DateOnly.FromDateTime(DateTime.UtcNow))).Diagnostics;
        var fromSchemas = new SortedSet<string>(StringComparer.Ordinal);
        var fromRules = new SortedSet<string>(StringComparer.Ordinal);
        var gaps = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var document in documents)
        {
            var schema = document.Kind == DocumentKind.Entity ? EntitySchema : ArticleSchema;
            foreach (var error in Draft7Validator.Validate(schema, document.Root))
            {
                fromSchemas.Add($"{document.Path}({error.Line},{error.Column}) {RuleFor(error, document.Kind)}");
            }

            foreach (var diagnostic in diagnostics.Where(d => d.Location.Path == document.Path && Expressible.Contains(d.Id)))
            {
                var row = $"{document.Path}({diagnostic.Location.Line},{diagnostic.Location.Column}) {diagnostic.Id}";
                if (BeyondTheSchema(diagnostic.Id, ScalarAt(document.Root, diagnostic.Location.Line, diagnostic.Location.Column)))
                {
                    gaps.Add(row);
                }
                else
                {
                    fromRules.Add(row);
                }
            }
        }

        Assert.Equal(fromRules, fromSchemas);
        Assert.True(fromRules.Count >= 15, $"the corpus should exercise the schemas: {fromRules.Count} agreements");
        Assert.Equal(
        [
            "input/articles/2025/invalid-date.md(3,7) SB3002",      // 2025-02-30 has the shape of a date; only a calendar knows it is not one
            "input/articles/2025/unknown-entity.md(6,5) SB3004",    // a well-formed id; only the catalog knows no entity has it
        ], gaps);
    }

    /// <summary>Which diagnostic a failed schema keyword corresponds to.</summary>
    private static string RuleFor(SchemaError error, DocumentKind kind) => (error.Keyword, error.Property) switch
    {
        ("required", _) => kind == DocumentKind.Entity ? "SB2001" : "SB3001",
        ("additionalProperties", _) => kind == DocumentKind.Entity ? "SB2008" : "SB3005",
        (_, "name" or "kind" or "title" or "date" or "source") when error.NullOrBlank => "SB1020",
        ("enum", "kind") => "SB2002",
        ("maxLength", "title") => "SB3014",
        ("pattern", "date") => "SB3002",
        ("pattern", "source_url") => "SB3009",
        ("pattern", "links") => "SB2009",
        ("pattern", "entities") => "SB3004",
        ("pattern", "aliases") => "SB2010",
        ("type", _) => "SB1011",
        _ => $"unmapped {error.Keyword} on {error.Property}",
    };

    /// <summary>A diagnostic no schema could give: a real-looking date that is not a day, a well-formed id no entity has.</summary>
    private static bool BeyondTheSchema(string id, string? value) => id switch
    {
        "SB3002" => value is not null && Regex.IsMatch(value, ArticleSchema.GetProperty("properties").GetProperty("date").GetProperty("pattern").GetString()!, RegexOptions.ECMAScript),
        "SB3004" => value is not null && Identifiers.IsValid(value),
        _ => false,
    };

    private static string? ScalarAt(YamlNode node, int line, int column) => node switch
    {
        YamlScalar s when s.Line == line && s.Column == column => s.Value,
        YamlMapping m => m.Entries.Select(e => ScalarAt(e.Value, line, column)).FirstOrDefault(v => v is not null),
        YamlSequence q => q.Items.Select(i => ScalarAt(i, line, column)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    /// <summary>The YAML documents SiteBuilder reads as metadata, found as it finds them: entity files; an article's front matter, or its sidecar.</summary>
    private static List<Document> Documents(string input, string displayRoot)
    {
        var (files, _) = ReadInputFiles.Run(input, displayRoot);
        var documents = new List<Document>();
        foreach (var file in files.Entities)
        {
            Add(file.RelativePath, DocumentKind.Entity, file.Text, 0);
        }

        foreach (var group in files.Articles.GroupBy(f => f.RelativePath[..^Path.GetExtension(f.RelativePath).Length], StringComparer.Ordinal))
        {
            var bodies = group.Where(f => ReadInputFiles.IsBody(f.RelativePath)).ToArray();
            var sidecar = group.FirstOrDefault(f => ReadInputFiles.IsYaml(f.RelativePath));
            if (bodies.Length != 1)
            {
                continue;
            }

            if (bodies[0].RelativePath.EndsWith(".md", StringComparison.Ordinal) && FrontMatter.TrySplit(bodies[0].Text, out var yaml, out _, out _, out var closed))
            {
                if (closed)
                {
                    Add(bodies[0].RelativePath, DocumentKind.Article, yaml, 1);
                }
            }
            else if (sidecar is not null)
            {
                Add(sidecar.RelativePath, DocumentKind.Article, sidecar.Text, 0);
            }
        }

        return documents;

        void Add(string path, DocumentKind kind, string text, int lineOffset)
        {
            var read = YamlReader.Read(text, lineOffset);
            if (read.Error is null)
            {
                documents.Add(new Document(path, kind, read.Root ?? new YamlMapping([], lineOffset + 1, 1)));
            }
        }
    }

    private static JsonElement Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repo.PathOf(path)));
        return json.RootElement.Clone();
    }
}
