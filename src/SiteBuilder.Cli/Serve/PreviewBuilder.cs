using System.Diagnostics;
using System.Globalization;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Stages;
using SiteBuilder.Theme;

namespace SiteBuilder.Cli.Serve;

/// <summary>
/// The outcome of one preview build. <see cref="BasePath"/> is the path the site expects to be served under ("/archive/"),
/// or null when it could not be read (a broken site.yml); <see cref="Summary"/> is one line for the terminal and the browser.
/// </summary>
internal sealed record PreviewBuildResult(bool Succeeded, string? BasePath, IReadOnlyList<Diagnostic> Diagnostics, string Summary);

/// <summary>
/// All the preview server needs from the engine: build the site into a folder and say how it went. On failure the folder
/// must be left as it was, so the last good site keeps being served. Calls never overlap.
/// </summary>
internal interface IPreviewBuilder
{
    /// <summary>Which files (full paths) changed since the last build, as the watcher saw them; null when it lost events.</summary>
    void InputsChanged(IReadOnlyList<string>? paths)
    {
    }

    /// <summary>Builds the pages; work that can wait (the search index) may be left for <see cref="FinishAsync"/>.</summary>
    Task<PreviewBuildResult> BuildAsync(string outputDirectory, CancellationToken cancellationToken);

    /// <summary>
    /// Does what a successful <see cref="BuildAsync"/> left: afterwards the folder is what a clean build writes. Returns a
    /// line for the terminal, or null when there was nothing left to do. Meanwhile the pages are served already.
    /// </summary>
    Task<string?> FinishAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>Builds with <see cref="SiteGenerator.BuildAsync"/> and the theme; one renderer for the whole session.</summary>
internal sealed class EnginePreviewBuilder : IPreviewBuilder, IAsyncDisposable
{
    private readonly string _inputDirectory;
    private readonly Uri? _baseUrl;
    private readonly string _displayRoot;
    private readonly ThemeRenderer _renderer;

    // Kept for the whole session: an edit re-renders only the bodies and pages whose models changed, and rewrites only changed files.
    private readonly BuildCache _cache = new();

    /// <param name="themeAssets">The theme's wwwroot to read CSS and scripts from on every build (a clone of the repository), or null for the built-in assets.</param>
    public EnginePreviewBuilder(string inputDirectory, Uri? baseUrl, string displayRoot, string? themeAssets = null)
    {
        _renderer = themeAssets is null ? ThemeRenderer.Create() : ThemeRenderer.Create(Environment.ProcessorCount, themeAssets);
        _inputDirectory = inputDirectory;
        _baseUrl = baseUrl;
        _displayRoot = displayRoot;
    }

    public void InputsChanged(IReadOnlyList<string>? paths) => _cache.InputsChanged(paths);

    public async Task<PreviewBuildResult> BuildAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var options = new BuildOptions(_inputDirectory, outputDirectory, _baseUrl, _displayRoot, DateOnly.FromDateTime(DateTime.UtcNow));
        // The pages first: the edited page is shown while the search index, the slow part of a big site, is rebuilt.
        var build = await SiteGenerator.BuildPagesAsync(options, _renderer, _cache, cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var errors = build.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = build.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var summary = build.Succeeded
            ? $"Built {build.Articles} articles, {build.Entities} entities, {build.Pages} pages ({_cache.FilesRead} input files read, {_cache.PagesRendered} pages rendered, {_cache.FilesChanged} files changed) in {seconds} s"
                + (warnings > 0 ? $" ({warnings} warning(s))." : ".")
            : $"Build failed: {errors} error(s), {warnings} warning(s).";
        return new PreviewBuildResult(build.Succeeded, BasePath(), build.Diagnostics, summary);
    }

    public async Task<string?> FinishAsync(CancellationToken cancellationToken)
    {
        var (timing, files) = await SiteGenerator.WriteSearchIndexAsync(_cache, cancellationToken).ConfigureAwait(false);
        if (!_cache.SearchIndexRebuilt)
        {
            return null;
        }

        // The preview is idle until the next save: the index's garbage (hundreds of megabytes on a large site) is collected
        // now rather than by a collection in the middle of the next edit's build. An index reused as it was left none.
        GC.Collect();
        return string.Create(CultureInfo.InvariantCulture, $"Search index updated ({files} files) in {timing.Elapsed.TotalSeconds:0.00} s.");
    }

    /// <summary>The base path of --base-url, or of site.yml's base_url (read on every build: it may have been edited).</summary>
    private string? BasePath()
    {
        if (_baseUrl is not null)
        {
            return new SiteUrls(_baseUrl).BasePath;
        }

        try
        {
            var path = Path.Combine(_inputDirectory, "site.yml");
            var (site, _) = ParseSiteConfig.Run(new SourceFile("site.yml", File.ReadAllText(path)));
            return site?.BasePath;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
