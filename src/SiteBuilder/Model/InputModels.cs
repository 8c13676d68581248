using SiteBuilder.Diagnostics;

namespace SiteBuilder.Model;

/// <summary>An input file as read from disk: text normalised to NFC with '\n' line endings, or null when it could not be decoded.</summary>
public sealed record SourceFile(string RelativePath, string Text);

/// <summary>site.yml.</summary>
public sealed record SiteConfig(
    string Title,
    string Description,
    Uri BaseUrl,
    string Language,
    EquatableArray<SeverityOverride> DiagnosticOverrides)
{
    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    public SiteConfig WithBaseUrl(Uri baseUrl) => this with { BaseUrl = baseUrl };
}

/// <summary>A per-ID severity override from site.yml's <c>diagnostics:</c> map.</summary>
public sealed record SeverityOverride(string Id, DiagnosticSeverity Severity);

public enum EntityKind
{
    Person,
    Organization,
    Place,
    Event,
}

public sealed record EntityLink(string Label, string Url);

/// <summary>A person, organisation, place or event from input/entities/&lt;id&gt;.yml.</summary>
public sealed record Entity(
    string Id,
    string Name,
    EntityKind Kind,
    EquatableArray<string> Aliases,
    EquatableArray<SourceLocation> AliasLocations,
    string? Description,
    EquatableArray<EntityLink> Links,
    SourceLocation Location);

public enum BodyFormat
{
    Markdown,
    PlainText,
}

/// <summary>An entity id listed under an article's <c>entities:</c>, with where it was written.</summary>
public sealed record EntityReference(string Id, SourceLocation Location);

/// <summary>
/// An article: its metadata and its raw body. <see cref="Text"/> is the body file as read, front matter included: the body
/// is the part from <see cref="BodyStart"/>, a view, so that 10,000 bodies are not copied off their files.
/// <see cref="BodyLine"/> is the 1-based line of the body's first line in that file.
/// </summary>
public sealed record Article(
    string Slug,
    string Title,
    DateOnly Date,
    string Source,
    string? SourceUrl,
    string? Author,
    string? Summary,
    EquatableArray<EntityReference> Entities,
    EquatableArray<string> Tags,
    string Text,
    int BodyStart,
    BodyFormat Format,
    string BodyPath,
    int BodyLine,
    SourceLocation Location)
{
    /// <summary>The raw body: <see cref="Text"/> after the front matter.</summary>
    public ReadOnlySpan<char> Body => Text.AsSpan(BodyStart);
}

/// <summary>Everything read from the input folder.</summary>
public sealed record Corpus(SiteConfig Site, EquatableArray<Entity> Entities, EquatableArray<Article> Articles);
