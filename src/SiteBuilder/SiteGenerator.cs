using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using Page = SiteBuilder.Model.Page;
using SiteBuilder.Stages;
using SiteBuilder.Text;
using Diagnostic = SiteBuilder.Diagnostics.Diagnostic;

namespace SiteBuilder;

/// <summary>What to build. <see cref="DisplayRoot"/> is the folder diagnostics' paths are relative to; <see cref="Today"/> only decides the future-date warning.</summary>
public sealed record BuildOptions(string InputDirectory, string OutputDirectory, Uri? BaseUrl, string DisplayRoot, DateOnly Today, bool WarningsAsErrors = false)
{
    /// <summary>Told the name of each stage as it starts (the CLI shows it on an interactive terminal).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>
    /// In a build without a cache, told the total size in bytes of the article files once they are listed, before they are
    /// read (the CLI sizes the memory it faults in ahead of the build by it).
    /// </summary>
    public Action<long>? ArticlesListed { get; init; }
}

/// <summary>How long one stage took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>The outcome of analysing the input: the planned site when there were no errors, and every diagnostic (sorted).</summary>
public sealed record AnalysisResult(Corpus? Corpus, CorpusGraph? Graph, Site? Site, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StageTiming> Timings)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>The outcome of a build.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, int Articles, int Entities, int Pages, int Files, IReadOnlyList<StageTiming> Timings);

/// <summary>Runs the stages in order: read → parse → render bodies → link → plan → (render pages, feed and sitemap, search index, write).</summary>
public static class SiteGenerator
{
    /// <summary>Every check, nothing written: what <c>sitebuilder check</c> runs and the first half of a build.</summary>
    public static AnalysisResult Analyze(BuildOptions options) => Analyze(options, cache: null);

    /// <summary>Analyses the input, reusing bodies rendered by an earlier build when <paramref name="cache"/> is given.</summary>
    public static AnalysisResult Analyze(BuildOptions options, BuildCache? cache)
    {
        var timings = new List<StageTiming>();
        var diagnostics = new List<Diagnostic>();
        var clock = Stopwatch.StartNew();

        T Time<T>(string stage, Func<T> run)
        {
            var start = clock.Elapsed;
            options.Progress?.Report(stage);
            var result = run();
            timings.Add(new StageTiming(stage, clock.Elapsed - start));
            return result;
        }

        var (site, entities, articles) = ReadAndParse();
        if (site is not null && options.BaseUrl is not null)
        {
            site = site.WithBaseUrl(options.BaseUrl);
        }

        if (site is null)
        {
            return Finish(null, null, null);
        }

        var corpus = new Corpus(site, entities, articles);
        var urls = new SiteUrls(site.BaseUrl);
        var matcher = Time("build matcher", () => MentionMatcher.Create(entities));
        var (bodies, bodyDiagnostics) = Time("render bodies", () => RenderBodiesCached(articles, entities, matcher, urls, cache));
        diagnostics.AddRange(bodyDiagnostics);
        var (graph, linkDiagnostics) = Time("link", () => LinkCorpus.Run(corpus, bodies, cache?.Link));
        diagnostics.AddRange(linkDiagnostics);
        var plan = Time("plan", () => PlanSite.Run(graph, urls, cache?.Plan));
        diagnostics.AddRange(Time("check links", () => CheckPlan(plan, bodies, cache).ToList()));
        return Finish(corpus, graph, plan);

        // The file texts are garbage once parsed (the articles hold their bodies). Read and parsed in a method of their
        // own, they are: this method runs once, as tier-0 code, which keeps every local and temporary alive to its end.
        (SiteConfig? Site, EquatableArray<Entity> Entities, EquatableArray<Article> Articles) ReadAndParse()
        {
            var (files, readDiagnostics) = Time("read", () => ReadInputFiles.Run(options.InputDirectory, options.DisplayRoot, cache?.Files, options.ArticlesListed));
            diagnostics.AddRange(readDiagnostics);
            var (site, siteDiagnostics) = Time("parse site", () => ParseSiteConfig.Run(files.Site));
            diagnostics.AddRange(siteDiagnostics);
            var (entities, entityDiagnostics) = Time("parse entities", () => ParseEntities.Run(files.Entities, cache?.Entities));
            diagnostics.AddRange(entityDiagnostics);
            var ids = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var (articles, articleDiagnostics) = Time("parse articles", () => ParseArticles.Run(files.Articles, ids, options.Today, cache?.Articles));
            diagnostics.AddRange(articleDiagnostics);
            return (site, entities, articles);
        }

        AnalysisResult Finish(Corpus? corpus, CorpusGraph? graph, Site? plan)
        {
            var effective = Effective(diagnostics, site, options.WarningsAsErrors);
            var ok = !effective.Any(d => d.IsError);
            return new AnalysisResult(corpus, ok ? graph : null, ok ? plan : null, effective, timings);
        }
    }

    /// <summary>Analyses, then renders and writes the site atomically. On any error nothing is written.</summary>
    public static Task<BuildResult> BuildAsync(BuildOptions options, IPageRenderer renderer, CancellationToken cancellationToken = default) =>
        BuildCleanAsync(options, renderer, cancellationToken);

    /// <summary>What every build starts with: the output folder checked, the input analysed; a failed result if either went wrong.</summary>
    private static (AnalysisResult Analysis, List<StageTiming> Timings, BuildResult? Failure) Begin(BuildOptions options, BuildCache? cache)
    {
        var guard = WriteSite.CheckOutputFolder(options.OutputDirectory, options.InputDirectory);
        if (guard is not null)
        {
            return (new AnalysisResult(null, null, null, [guard], []), [], new BuildResult(false, [guard], 0, 0, 0, 0, []));
        }

        // The build needs the graph and the plan, not the parsed corpus: dropped here, the articles' raw text can be collected.
        var analysis = Analyze(options, cache) with { Corpus = null };
        var timings = analysis.Timings.ToList();
        return analysis.HasErrors || analysis.Site is null || analysis.Graph is null
            ? (analysis, timings, new BuildResult(false, analysis.Diagnostics, 0, 0, 0, 0, timings))
            : (analysis, timings, null);
    }

    // Not async: an async method would keep the analysis (the graph and the plan) alive in its state machine for the
    // whole build, and the streaming write lets them go before the search index.
    private static Task<BuildResult> BuildCleanAsync(BuildOptions options, IPageRenderer renderer, CancellationToken cancellationToken)
    {
        var (analysis, timings, failure) = Begin(options, cache: null);
        if (failure is not null)
        {
            return Task.FromResult(failure);
        }

        // Analysis leaves the heap at its largest with much of it garbage (Markdig trees, the parsed corpus); collecting
        // it now lets the pages reuse that memory instead of growing the process. Not compacting: that costs as much,
        // and the pages and the index would fault the memory it gave back in again.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        return WriteStreamingAsync(options, renderer, analysis, timings, cancellationToken);
    }

    /// <summary>
    /// Builds, reusing what <paramref name="cache"/> holds from the previous build into the same output folder: unchanged
    /// pages are not rendered again and unchanged files not rewritten. With a cache, files are updated in place (the preview
    /// server's folder); without one, the output is swapped in atomically.
    /// </summary>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, IPageRenderer renderer, BuildCache? cache, CancellationToken cancellationToken = default)
    {
        if (cache is null)
        {
            return await BuildCleanAsync(options, renderer, cancellationToken).ConfigureAwait(false);
        }

        var result = await BuildPagesAsync(options, renderer, cache, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            var search = await WriteSearchIndexAsync(cache, cancellationToken).ConfigureAwait(false);
            return result with { Files = result.Files + search.Files, Timings = [.. result.Timings, search.Timing] };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var failure = DiagnosticDescriptors.WriteFailed.Create(SourceLocation.File(options.OutputDirectory), ex.Message);
            return result with { Succeeded = false, Diagnostics = [.. result.Diagnostics, failure] };
        }
    }

    /// <summary>
    /// The first half of an incremental build, for the preview server: analyses, renders the pages that changed and writes
    /// every changed file except the search index, whose graph is kept in <paramref name="cache"/> for
    /// <see cref="WriteSearchIndexAsync"/>. Until that has run, the folder's search files are the previous build's (a
    /// complete index of the previous input), so the edited page can be shown before the index, the slow part, is rebuilt.
    /// </summary>
    public static async Task<BuildResult> BuildPagesAsync(BuildOptions options, IPageRenderer renderer, BuildCache cache, CancellationToken cancellationToken = default)
    {
        var (analysis, timings, failure) = Begin(options, cache);
        if (failure is not null)
        {
            return failure;
        }

        var site = analysis.Site!;
        var graph = analysis.Graph!;
        var clock = Stopwatch.StartNew();
        // Every page is rendered with the layout (site title, description, language, navigation), so a page is only
        // reused if that is unchanged too.
        if (cache.PagesLayout != site.Layout)
        {
            cache.Pages = new(StringComparer.Ordinal);
            cache.PagesLayout = site.Layout;
        }

        var pages = new OutputFile[site.Pages.Count];
        var slots = new Dictionary<Page, int>(ReferenceEqualityComparer.Instance);
        var toRender = new List<Page>();
        var found = 0;
        for (var i = 0; i < site.Pages.Count; i++)
        {
            var page = site.Pages[i];
            if (cache.Pages.TryGetValue(page.OutputPath, out var cached))
            {
                found++;
                if (cached.Page.Equals(page))
                {
                    pages[i] = new OutputFile(page.OutputPath, cached.Html);
                    continue;
                }
            }

            slots[page] = i;
            toRender.Add(page);
        }

        options.Progress?.Report($"render {toRender.Count} pages");
        await renderer.RenderAsync(site with { Pages = toRender.ToEquatableArray() }, (page, html) =>
        {
            pages[slots[page]] = new OutputFile(page.OutputPath, html.ToArray());
            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);

        // Every page of the last build found again: the cache is updated in place; otherwise some are gone and it is made anew.
        if (found != cache.Pages.Count)
        {
            cache.Pages = new(site.Pages.Count, StringComparer.Ordinal);
        }

        for (var i = 0; i < site.Pages.Count; i++)
        {
            // Pages equal to the cached ones but new objects are stored too, so that next time they are found by reference.
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(cache.Pages, site.Pages[i].OutputPath, out _);
            if (!ReferenceEquals(entry.Page, site.Pages[i]) || !ReferenceEquals(entry.Html, pages[i].Content))
            {
                entry = (site.Pages[i], pages[i].Content);
            }
        }

        cache.PagesRendered = toRender.Count;
        timings.Add(new StageTiming("render pages", clock.Elapsed));

        clock.Restart();
        var files = new List<OutputFile>(pages.Length + 16);
        files.AddRange(pages);
        files.AddRange(SiteFiles(graph, site, renderer, cache.SiteFiles));
        timings.Add(new StageTiming("feed and sitemap", clock.Elapsed));

        clock.Restart();
        options.Progress?.Report("write");
        try
        {
            var output = Path.GetFullPath(options.OutputDirectory);
            if (cache.OutputDirectory != output || !Directory.Exists(output))
            {
                // A new folder: written whole and swapped in; the search files go into it next.
                await WriteSite.RunAsync(output, files, cancellationToken).ConfigureAwait(false);
                cache.OutputDirectory = output;
                cache.Written = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
                cache.WrittenSearch = new(StringComparer.Ordinal);
                cache.FilesChanged = files.Count;
            }
            else
            {
                (cache.Written, cache.FilesChanged) = await WriteChangedAsync(output, files, cache.Written, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return WriteFailed(options, analysis.Diagnostics, timings, ex);
        }

        timings.Add(new StageTiming("write", clock.Elapsed));

        cache.PendingSearch = graph;
        return new BuildResult(true, analysis.Diagnostics, graph.Articles.Count, graph.Entities.Count, site.Pages.Count, files.Count, timings);
    }

    /// <summary>
    /// The second half of an incremental build: indexes the articles and entities <see cref="BuildPagesAsync"/> left in
    /// <paramref name="cache"/> and writes the search files that differ. After it the folder is byte for byte what a clean
    /// build writes. Returns how long it took and how many search files the site has.
    /// </summary>
    public static async Task<(StageTiming Timing, int Files)> WriteSearchIndexAsync(BuildCache cache, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        cache.SearchIndexRebuilt = false;
        if (cache.PendingSearch is not { } graph || cache.OutputDirectory is not { } output)
        {
            return (new StageTiming("search index", clock.Elapsed), cache.Search?.Files.Files.Count ?? 0);
        }

        // The index depends on the search documents only: when they are what the last build indexed (a theme or layout
        // edit, a change to related articles), its files are reused.
        var documents = BuildSearchIndex.Documents(graph);
        if (cache.Search is { } last && last.Documents.SequenceEqual(documents) && cache.WrittenSearch.Count > 0)
        {
            cache.PendingSearch = null;
            return (new StageTiming("search index", clock.Elapsed), last.Files.Files.Count);
        }

        cache.SearchIndexRebuilt = true;
        var search = BuildSearchIndex.Write(documents, cancellationToken: cancellationToken);
        (cache.WrittenSearch, var changed) = await WriteChangedAsync(output, search.Files, cache.WrittenSearch, cancellationToken).ConfigureAwait(false);
        cache.Search = (documents, search);
        cache.PendingSearch = null;
        cache.FilesChanged += changed;
        return (new StageTiming("search index", clock.Elapsed), search.Files.Count);
    }

    /// <summary>Every file of the site that is neither a page nor a search file: feed, sitemap, robots.txt, the theme's assets.</summary>
    private static IEnumerable<OutputFile> SiteFiles(CorpusGraph graph, Site site, IPageRenderer renderer, EmitSiteFiles.Cache? cache = null) =>
        EmitSiteFiles.Run(graph, site, cache)
            .Concat(renderer.Assets.Select(a => new OutputFile(a.Path, a.Content)))
            .Append(new OutputFile(".nojekyll", []));

    private static BuildResult WriteFailed(BuildOptions options, IReadOnlyList<Diagnostic> diagnostics, List<StageTiming> timings, Exception ex)
    {
        var failure = DiagnosticDescriptors.WriteFailed.Create(SourceLocation.File(options.OutputDirectory), ex.Message);
        return new BuildResult(false, [.. diagnostics, failure], 0, 0, 0, 0, timings);
    }

    /// <summary>
    /// A clean build: the pages, the site files and then the search files go to disk as they are written, into a staging
    /// folder swapped in at the end, so none is held in memory and a failure anywhere leaves the previous output untouched.
    /// The search index comes last: by then the plan and the graph (the bodies' HTML, the timelines) are no longer needed
    /// and have been collected, so the index's working set takes their place instead of coming on top of them.
    /// </summary>
    private static async Task<BuildResult> WriteStreamingAsync(BuildOptions options, IPageRenderer renderer, AnalysisResult analysis,
        List<StageTiming> timings, CancellationToken cancellationToken)
    {
        var diagnostics = analysis.Diagnostics;
        var (articles, entities, pages) = (analysis.Graph!.Articles.Count, analysis.Graph.Entities.Count, analysis.Site!.Pages.Count);
        try
        {
            using var staged = StagedOutput.Begin(options.OutputDirectory);
            var documents = await WritePagesAsync(options, renderer, analysis, staged, timings, cancellationToken).ConfigureAwait(false);

            // The search documents are all the rest needs. Collected now, compacting, the plan and the graph leave their
            // space to the index as whole free regions; left as free lists among what survives, it would take promotions
            // only, and the index would grow the process instead. Not aggressive: that gave the freed regions back to the
            // system, and the index faulted them in again, page by page (10,000 articles, 5 pairs: the index 0.25 s
            // faster without it, 0.4 s less CPU, the same peak). The yield first: this continuation runs inside the
            // renderer's completion, whose frames on the stack still hold the plan.
            analysis = null!;
            await Task.Yield();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            var clock = Stopwatch.StartNew();
            options.Progress?.Report("search index");
            BuildSearchIndex.Emit(documents, staged.Write, cancellationToken: cancellationToken);
            timings.Add(new StageTiming("search index", clock.Elapsed));

            clock.Restart();
            options.Progress?.Report("write");
            cancellationToken.ThrowIfCancellationRequested();
            var files = staged.Files;
            staged.Commit();
            timings.Add(new StageTiming("write", clock.Elapsed));
            return new BuildResult(true, diagnostics, articles, entities, pages, files, timings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return WriteFailed(options, diagnostics, timings, ex);
        }
    }

    /// <summary>
    /// Renders and writes the pages, then the feed, sitemap and assets; returns the search documents. A method of its own
    /// so that nothing of the plan or the graph outlives it (its state, temporaries included, goes when it completes).
    /// </summary>
    private static async Task<IReadOnlyList<SearchDocument>> WritePagesAsync(BuildOptions options, IPageRenderer renderer, AnalysisResult analysis,
        StagedOutput staged, List<StageTiming> timings, CancellationToken cancellationToken)
    {
        var (site, graph) = (analysis.Site!, analysis.Graph!);
        var clock = Stopwatch.StartNew();
        options.Progress?.Report($"render {site.Pages.Count} pages");
        await renderer.RenderAsync(site, (page, html) =>
        {
            staged.Write(page.OutputPath, html.Span);
            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        timings.Add(new StageTiming("render and write pages", clock.Elapsed));

        clock.Restart();
        options.Progress?.Report("feed and sitemap");
        foreach (var file in SiteFiles(graph, site, renderer))
        {
            staged.Write(file.Path, file.Content);
        }

        timings.Add(new StageTiming("feed and sitemap", clock.Elapsed));
        return BuildSearchIndex.Documents(graph);
    }

    /// <summary>
    /// Writes the files whose bytes differ from <paramref name="previous"/> (what the last build wrote of the same kind) and
    /// deletes the ones that are gone, updating <paramref name="previous"/> as it goes, so that it stays what is on disk
    /// even when a write fails or is cancelled. Returns it and how many files were written or deleted.
    /// </summary>
    private static async Task<(Dictionary<string, byte[]> Written, int Changed)> WriteChangedAsync(string output, IReadOnlyList<OutputFile> files,
        Dictionary<string, byte[]> previous, CancellationToken cancellationToken)
    {
        var changed = new List<OutputFile>();
        var found = 0;
        foreach (var file in files)
        {
            if (previous.TryGetValue(file.Path, out var old))
            {
                found++;
                if (ReferenceEquals(old, file.Content))
                {
                    continue;
                }

                if (old.AsSpan().SequenceEqual(file.Content))
                {
                    previous[file.Path] = file.Content; // the same bytes: next time a reference check
                    continue;
                }
            }

            changed.Add(file);
        }

        // Every file of the last build found again: none to delete, and no set of the current paths to make.
        var removed = found == previous.Count ? [] : previous.Keys.Except(files.Select(f => f.Path), StringComparer.Ordinal).ToList();
        // In parallel (a title edit changes some 35 pages, an index some 300 shards); a file is recorded as written only
        // once it is, so a cancelled or failed write leaves the rest to be compared, and written, next time.
        var written = new bool[changed.Count];
        try
        {
            await Parallel.ForAsync(0, changed.Count, cancellationToken, (i, token) =>
            {
                var file = changed[i];
                var target = WriteSite.Target(output, file.Path);
                try
                {
                    File.WriteAllBytes(target, file.Content);
                }
                catch (DirectoryNotFoundException)
                {
                    // A new page's folder: made only then, which saves a look at the folder of every page rewritten.
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllBytes(target, file.Content);
                }

                WriteSite.SetMode(target, WriteSite.FileMode);
                written[i] = true;
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        finally
        {
            for (var i = 0; i < changed.Count; i++)
            {
                if (written[i])
                {
                    previous[changed[i].Path] = changed[i].Content;
                }
            }
        }

        foreach (var path in removed)
        {
            // A write cancelled half-way (the preview's search index, when the next edit arrives) may have deleted it already.
            var target = WriteSite.Target(output, path);
            File.Delete(target);
            for (var directory = Path.GetDirectoryName(target); directory is not null && directory.Length > output.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any(); directory = Path.GetDirectoryName(directory))
            {
                Directory.Delete(directory);
            }

            previous.Remove(path);
        }

        return (previous, changed.Count + removed.Count);
    }

    /// <summary>Renders only the articles the cache has not seen with the same entities and URLs; every body's diagnostics are kept with it.</summary>
    private static (EquatableArray<RenderedBody>, IReadOnlyList<Diagnostic>) RenderBodiesCached(
        EquatableArray<Article> articles, EquatableArray<Entity> entities, MentionMatcher matcher, SiteUrls urls, BuildCache? cache)
    {
        if (cache is null)
        {
            return RenderBodies.Run(articles, entities, matcher, urls);
        }

        if (cache.BodyKey is not { } key || key.Entities != entities || key.Urls != urls)
        {
            cache.Bodies = new(StringComparer.Ordinal);
            cache.BodyKey = (entities, urls);
        }

        var bodies = new RenderedBody[articles.Count];
        var diagnostics = new Diagnostic[articles.Count][];
        var missing = new List<int>();
        var found = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            if (cache.Bodies.TryGetValue(articles[i].BodyPath, out var cached))
            {
                found++;
                if (cached.Article.Equals(articles[i]))
                {
                    (bodies[i], diagnostics[i]) = (cached.Body, cached.Diagnostics);
                    continue;
                }
            }

            missing.Add(i);
        }

        var (rendered, renderDiagnostics) = RenderBodies.Run(missing.Select(i => articles[i]).ToEquatableArray(), entities, matcher, urls);
        var byPath = renderDiagnostics.ToLookup(d => d.Location.Path, StringComparer.Ordinal);
        // Every body of the last build found again: none to forget.
        if (found != cache.Bodies.Count)
        {
            var live = articles.Select(a => a.BodyPath).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in cache.Bodies.Keys.Where(path => !live.Contains(path)).ToList())
            {
                cache.Bodies.Remove(stale);
            }
        }

        for (var m = 0; m < missing.Count; m++)
        {
            var article = articles[missing[m]];
            (bodies[missing[m]], diagnostics[missing[m]]) = (rendered[m], [.. byPath[article.BodyPath]]);
            cache.Bodies[article.BodyPath] = (article, rendered[m], diagnostics[missing[m]]);
        }

        cache.BodiesRendered = missing.Count;
        return (bodies, diagnostics.SelectMany(d => d).ToList());
    }

    /// <summary>Links in bodies that point to no page, and two pages that would be written to one file.</summary>
    private static IEnumerable<Diagnostic> CheckPlan(Site site, EquatableArray<RenderedBody> bodies, BuildCache? cache)
    {
        // The set of files is last build's when the pages are (most edits): comparing the paths costs less than hashing them.
        var files = site.Pages.Select(p => p.OutputPath).ToArray();
        List<string>? collisions = null;
        if (cache?.OutputPaths is not { } last || !last.Files.AsSpan().SequenceEqual(files))
        {
            last = (files, new HashSet<string>(files.Length, StringComparer.Ordinal));
            foreach (var file in files)
            {
                if (!last.Set.Add(file))
                {
                    (collisions ??= []).Add(file);
                }
            }
        }

        var paths = last.Set;
        if (cache is not null)
        {
            cache.OutputPaths = collisions is null ? last : null;
        }

        string[] siteFiles = ["feed.xml", "sitemap.xml", "robots.txt", BuildSearchIndex.ManifestPath, BuildSearchIndex.IndexPath, BuildSearchIndex.DocsPath];
        foreach (var body in bodies)
        {
            foreach (var link in body.Links)
            {
                var target = link.Target;
                var cut = target.IndexOfAny(['#', '?']);
                var path = cut >= 0 ? target[..cut] : target;
                if (path.Length > 0 && !path.EndsWith('/') && !path.Contains('.'))
                {
                    path += "/";
                }

                // As a file: a folder's index.html ("articles/x/" and "articles/x/index.html" are one page).
                var file = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
                if (!paths.Contains(file) && !siteFiles.Contains(path) && !path.StartsWith("assets/", StringComparison.Ordinal))
                {
                    yield return DiagnosticDescriptors.BrokenInternalLink.Create(link.Location, "/" + target);
                }
            }
        }

        foreach (var path in collisions?.Distinct(StringComparer.Ordinal) ?? [])
        {
            var pages = site.Pages.Where(p => p.OutputPath == path).ToArray();
            yield return DiagnosticDescriptors.UrlCollision.Create(SourceLocation.File(path), path, pages[0].Title, pages[1].Title);
        }
    }

    /// <summary>Applies site.yml's overrides and --warnaserror, drops hidden ones, and sorts by path, line, column, id.</summary>
    public static IReadOnlyList<Diagnostic> Effective(IEnumerable<Diagnostic> diagnostics, SiteConfig? site, bool warningsAsErrors)
    {
        var overrides = site?.DiagnosticOverrides.ToDictionary(o => o.Id, o => o.Severity, StringComparer.Ordinal) ?? [];
        return diagnostics
            .Select(d => overrides.TryGetValue(d.Id, out var severity) ? d with { Severity = severity } : d)
            .Select(d => warningsAsErrors && d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}
