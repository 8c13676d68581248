using SiteBuilder.Model;
using SiteBuilder.Stages;

namespace SiteBuilder;

/// <summary>
/// What one build can hand to the next in the same process (the preview server): rendered bodies keyed by their article,
/// rendered pages keyed by their page model, and the files last written. Models have value equality, so an unchanged
/// article or page is found again and not re-rendered; only the files whose bytes changed are rewritten.
/// Not thread-safe: one build at a time.
/// </summary>
public sealed class BuildCache
{
    internal (EquatableArray<Entity> Entities, SiteUrls Urls)? BodyKey { get; set; }

    internal Dictionary<Article, RenderedBody> Bodies { get; set; } = [];

    internal Dictionary<Article, Diagnostics.Diagnostic[]> BodyDiagnostics { get; } = [];

    internal Dictionary<Page, byte[]> Pages { get; set; } = [];

    internal string? OutputDirectory { get; set; }

    internal Dictionary<string, byte[]> Written { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many pages the last build rendered (the rest came from the cache).</summary>
    public int PagesRendered { get; internal set; }

    /// <summary>How many article bodies the last build rendered.</summary>
    public int BodiesRendered { get; internal set; }

    /// <summary>How many files the last build wrote or deleted.</summary>
    public int FilesChanged { get; internal set; }
}
