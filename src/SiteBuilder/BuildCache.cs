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
    internal ReadInputFiles.Cache Files { get; } = new();

    internal ParseEntities.Cache Entities { get; } = new();

    internal ParseArticles.Cache Articles { get; } = new();

    internal (EquatableArray<Entity> Entities, SiteUrls Urls)? BodyKey { get; set; }

    internal LinkCorpus.Cache Link { get; } = new();

    internal PlanSite.Cache Plan { get; } = new();

    internal EmitSiteFiles.Cache SiteFiles { get; } = new();

    /// <summary>
    /// Rendered bodies by the article's body file. Keyed by path, not by the article itself: a lookup then costs one
    /// comparison of the two articles (which stops at the first difference), not a hash of every article's whole text.
    /// </summary>
    internal Dictionary<string, (Article Article, RenderedBody Body, Diagnostics.Diagnostic[] Diagnostics)> Bodies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rendered pages by output path, with the page model they were rendered from (compared, not hashed, as above).</summary>
    internal Dictionary<string, (Page Page, byte[] Html)> Pages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pages' output paths in plan order, and as a set (for the link check), when no two were the same.</summary>
    internal (string[] Files, HashSet<string> Set)? OutputPaths { get; set; }

    /// <summary>The layout <see cref="Pages"/> were rendered with.</summary>
    internal SiteLayout? PagesLayout { get; set; }

    /// <summary>The search documents the last build indexed, and the files it wrote for them.</summary>
    internal (IReadOnlyList<SearchDocument> Documents, SearchFiles Files)? Search { get; set; }

    /// <summary>The graph <see cref="SiteGenerator.BuildPagesAsync"/> built, left for <see cref="SiteGenerator.WriteSearchIndexAsync"/> to index.</summary>
    internal CorpusGraph? PendingSearch { get; set; }

    internal string? OutputDirectory { get; set; }

    /// <summary>The pages and other files last written (by path), so that only changed ones are written again.</summary>
    internal Dictionary<string, byte[]> Written { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The search files last written, apart from <see cref="Written"/>: they are written in a second step.</summary>
    internal Dictionary<string, byte[]> WrittenSearch { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Tells the next build which input files changed since the last one (full paths, as a file watcher reports them;
    /// others are ignored), so that it looks at those only instead of listing the input folder and checking every file.
    /// Null: anything may have changed (the watcher lost events). Without a call the next build checks everything.
    /// </summary>
    public void InputsChanged(IEnumerable<string>? paths) => Files.Changed(paths);

    /// <summary>Whether the last build listed the input folder (false: it looked only at the files <see cref="InputsChanged"/> named).</summary>
    public bool InputListed => Files.Listed;

    /// <summary>How many input files the last build read from disk (the rest were unchanged since they were read).</summary>
    public int FilesRead => Files.FilesRead;

    /// <summary>Whether the last build indexed its search documents again (false when they had not changed).</summary>
    public bool SearchIndexRebuilt { get; internal set; }

    /// <summary>How many pages the last build rendered (the rest came from the cache).</summary>
    public int PagesRendered { get; internal set; }

    /// <summary>How many article bodies the last build rendered.</summary>
    public int BodiesRendered { get; internal set; }

    /// <summary>How many files the last build wrote or deleted.</summary>
    public int FilesChanged { get; internal set; }
}
