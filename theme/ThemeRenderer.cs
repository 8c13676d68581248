using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SiteBuilder.Model;
using SiteBuilder.Theme.Components;

namespace SiteBuilder.Theme;

/// <summary>
/// Renders every page with the Razor component for its kind. One <see cref="HtmlRenderer"/> per worker, created once and
/// reused for every page; workers pull pages from the list and hand each to the sink as soon as it is rendered.
/// </summary>
public sealed class ThemeRenderer : IPageRenderer, IAsyncDisposable
{
    private const string AssetPrefix = "assets/";

    private readonly ServiceProvider _services;
    private readonly Worker[] _workers;
    private readonly ThemeAsset[] _embeddedAssets;
    private string? _assetsDirectory;
    private bool _disposed;

    private ThemeRenderer(int workers)
    {
        // Razor's default encoder escapes everything outside ASCII ("’" → "&#x2019;"); pages are UTF-8, so only what HTML needs is escaped.
        _services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .AddSingleton(JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddSingleton<IComponentActivator>(new ComponentActivator())
            .BuildServiceProvider();
        _workers = new Worker[Math.Max(1, workers)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Worker(new HtmlRenderer(_services, NullLoggerFactory.Instance));
        }

        _embeddedAssets = ReadAssets(typeof(ThemeRenderer).Assembly);
    }

    /// <summary>A renderer with one worker per processor.</summary>
    public static ThemeRenderer Create() => new(Environment.ProcessorCount);

    /// <summary>
    /// A renderer whose static assets are read from <paramref name="assetsDirectory"/> (the theme's wwwroot) on every
    /// build instead of from the assembly, so the preview server picks up CSS and script edits. Files the folder lacks
    /// (lunr.min.js, which comes from npm) are still taken from the assembly.
    /// </summary>
    public static ThemeRenderer Create(int workers, string assetsDirectory) =>
        new(workers) { _assetsDirectory = Path.GetFullPath(assetsDirectory) };

    /// <summary>A renderer with <paramref name="workers"/> workers (at least one).</summary>
    public static ThemeRenderer Create(int workers) => new(workers);

    /// <inheritdoc />
    public IReadOnlyList<ThemeAsset> Assets => _assetsDirectory is null ? _embeddedAssets : ReadAssets(_assetsDirectory, _embeddedAssets);

    /// <inheritdoc />
    public async Task RenderAsync(Site site, Func<Page, ReadOnlyMemory<byte>, ValueTask> sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var pages = site.Pages;
        var charts = new ChartCache();
        var next = -1;
        var tasks = new Task[Math.Min(_workers.Length, Math.Max(1, pages.Count))];
        for (var w = 0; w < tasks.Length; w++)
        {
            var worker = _workers[w];
            tasks[w] = Task.Run(async () =>
            {
                await worker.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    while (true)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var i = Interlocked.Increment(ref next);
                        if (i >= pages.Count)
                        {
                            return;
                        }

                        var page = pages[i];
                        var html = await worker.RenderAsync(site.Layout, page, charts).ConfigureAwait(false);
                        await sink(page, html).ConfigureAwait(false);
                    }
                }
                finally
                {
                    await worker.ClearAsync().ConfigureAwait(false);
                    worker.Gate.Release();
                }
            }, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Renders one page to a complete HTML document.</summary>
    public async Task<string> RenderPageAsync(SiteLayout layout, Page page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(page);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = _workers[0];
        await worker.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var html = await worker.RenderAsync(layout, page, charts: null).ConfigureAwait(false);
            return System.Text.Encoding.UTF8.GetString(html.Span);
        }
        finally
        {
            await worker.ClearAsync().ConfigureAwait(false);
            worker.Gate.Release();
        }
    }

    /// <summary>The component that renders a page of this kind.</summary>
    internal static Type ComponentFor(Page page) => page switch
    {
        ArticlePage => typeof(ArticleView),
        EntityPage => typeof(EntityView),
        HomePage => typeof(HomeView),
        EntityIndexPage => typeof(EntityIndexView),
        ArchivePage => typeof(ArchiveView),
        ArchiveMonthPage => typeof(ArchiveMonthView),
        SourceIndexPage => typeof(SourceIndexView),
        SourcePage => typeof(SourceView),
        SearchPage => typeof(SearchView),
        NotFoundPage => typeof(NotFoundView),
        _ => throw new NotSupportedException($"The theme has no component for {page.GetType().Name}."),
    };

    private static ThemeAsset[] ReadAssets(string directory, ThemeAsset[] embedded)
    {
        var fromDisk = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => new ThemeAsset(AssetPrefix + Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList()
            : [];
        var paths = fromDisk.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        return [.. fromDisk.Concat(embedded.Where(a => !paths.Contains(a.Path))).OrderBy(a => a.Path, StringComparer.Ordinal)];
    }

    private static ThemeAsset[] ReadAssets(Assembly assembly)
    {
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(AssetPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var assets = new ThemeAsset[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            using var stream = assembly.GetManifestResourceStream(names[i])
                ?? throw new InvalidOperationException($"Theme resource {names[i]} could not be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            assets[i] = new ThemeAsset(names[i], buffer.ToArray());
        }

        return assets;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The mention charts of one build, by entity name and months: the pages of a long timeline (168 for the most
    /// mentioned entity of 10,000 articles) share one chart, the largest part of each page, which is drawn once and then
    /// copied in. Per build, so that a preview server holds none of a previous build's.
    /// </summary>
    private sealed class ChartCache : System.Collections.Concurrent.ConcurrentDictionary<(string Name, EquatableArray<MonthCount> Months), string>;

    /// <summary>
    /// A renderer with its root components, the <see cref="PageHost"/>s of pages and of charts (created on first use), and
    /// a gate so that one caller uses it at a time. Each page replaces the last under its host, so the renderer holds one
    /// page, not all of them.
    /// </summary>
    private sealed class Worker(HtmlRenderer renderer) : IAsyncDisposable
    {
        private static readonly byte[] Doctype = "<!DOCTYPE html>"u8.ToArray();

        private readonly Utf8PageWriter _writer = new();
        private PageHost? _host;
        private HtmlRootComponent _root;
        private PageHost? _chartHost;
        private HtmlRootComponent _chartRoot;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Renders one page into the worker's buffer: valid until this worker renders the next.</summary>
        public Task<ReadOnlyMemory<byte>> RenderAsync(SiteLayout layout, Page page, ChartCache? charts)
        {
            var component = ComponentFor(page);
            return renderer.Dispatcher.InvokeAsync(async () =>
            {
                // No ConfigureAwait(false) here: what follows must stay on the renderer's dispatcher.
                _host ??= await CreateHostAsync(root => _root = root);
                string? chart = null;
                if (charts is not null && page is EntityPage entity)
                {
                    var key = (entity.Entity.Name, entity.MentionsPerMonth);
                    if (!charts.TryGetValue(key, out chart))
                    {
                        _chartHost ??= await CreateHostAsync(root => _chartRoot = root);
                        _chartHost.ShowChart(entity.Entity.Name, entity.MentionsPerMonth);
                        using var text = new StringWriter();
                        _chartRoot.WriteHtmlTo(text);
                        chart = charts.GetOrAdd(key, text.ToString());
                    }
                }

                _host.Show(component, layout, page, chart);
                _writer.Reset();
                _writer.Body = (page as ArticlePage)?.BodyHtml;
                _writer.JsonLd = page.Meta.JsonLd;
                _root.WriteHtmlTo(_writer);
                _writer.Complete();
                var html = _writer.Written;
                return html.Span.StartsWith(Doctype) ? html : WithDoctype(html.Span);
            });
        }

        private async Task<PageHost> CreateHostAsync(Action<HtmlRootComponent> root)
        {
            PageHost? created = null;
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(PageHost.Register)] = (Action<PageHost>)(h => created = h),
            });
            root(await renderer.RenderComponentAsync<PageHost>(parameters));
            return created ?? throw new InvalidOperationException("The page host did not register.");
        }

        /// <summary>The doctype first, even for a component that does not render <see cref="Components.SiteShell"/>.</summary>
        private static ReadOnlyMemory<byte> WithDoctype(ReadOnlySpan<byte> html)
        {
            byte[] document = [.. Doctype, (byte)'\n', .. html];
            return document;
        }

        public Task ClearAsync() => _host is null && _chartHost is null
            ? Task.CompletedTask
            : renderer.Dispatcher.InvokeAsync(() =>
            {
                _host?.Clear();
                _chartHost?.Clear();
            });

        public async ValueTask DisposeAsync()
        {
            await renderer.DisposeAsync().ConfigureAwait(false);
            await _writer.DisposeAsync().ConfigureAwait(false);
            Gate.Dispose();
        }
    }
}
