using System.Collections.Concurrent;
using Microsoft.Playwright;
using SiteBuilder.Cli.Serve;
using SiteBuilder.Theme;

namespace SiteBuilder.BrowserTests;

/// <summary>Every browser test shares one Chromium and one build of each site: the collection runs its tests one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One Chromium for the whole collection, and the sites the tests read, each built once (lazily: skipped tests build nothing)
/// and served on 127.0.0.1 by the preview's static handler, without the reload script.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly Lazy<Task<IBrowser>> _launch;
    private readonly ConcurrentDictionary<string, Lazy<Task<TestSite>>> _sites = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture() => _launch = new Lazy<Task<IBrowser>>(LaunchAsync);

    /// <summary>A folder for this run's builds and corpora, deleted at the end.</summary>
    internal string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "sb-browser-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Screenshots, kept after the run (CI keeps them as artefacts): under the test output folder.</summary>
    internal static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The repository's input/ built with its base path at <paramref name="basePath"/> ("/" or "/sub/").</summary>
    internal Task<TestSite> RealSiteAsync(string basePath) =>
        SiteAsync("real" + basePath, () => TestSite.BuildAsync(RepositoryPaths.Input, Path.Combine(WorkDirectory, "real" + basePath.Replace('/', '-'), "_site"), basePath, RepositoryPaths.Root));

    /// <summary>A small corpus whose article title and summary are HTML, served at the root.</summary>
    internal Task<TestSite> HostileSiteAsync() => SiteAsync("hostile", async () =>
    {
        var input = HostileCorpus.Write(Path.Combine(WorkDirectory, "hostile", "input"));
        return await TestSite.BuildAsync(input, Path.Combine(WorkDirectory, "hostile", "_site"), "/", Path.Combine(WorkDirectory, "hostile")).ConfigureAwait(false);
    });

    private Task<TestSite> SiteAsync(string key, Func<Task<TestSite>> build) =>
        _sites.GetOrAdd(key, _ => new Lazy<Task<TestSite>>(build)).Value;

    /// <summary>A new tab in a fresh context (own cookies, storage, viewport and colour scheme).</summary>
    internal async Task<BrowserPage> OpenAsync(BrowserNewContextOptions? options = null)
    {
        var browser = await BrowserAsync().ConfigureAwait(false);
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions()).ConfigureAwait(false);
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        return new BrowserPage(context, page);
    }

    private Task<IBrowser> BrowserAsync() => _launch.Value;

    private async Task<IBrowser> LaunchAsync()
    {
        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException(Chromium.MissingInCi);
        }

        // Debian's Chromium only: never let Playwright fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
        }).ConfigureAwait(false);
        return _browser;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        foreach (var site in _sites.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                await (await site.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The build failed; its test already said why.
            }
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A built site and the server that serves it.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly SiteServer _server;

    private TestSite(string folder, SiteServer server)
    {
        Folder = folder;
        _server = server;
    }

    public string Folder { get; }

    /// <summary>The home page, e.g. http://127.0.0.1:41234/sub/.</summary>
    public Uri Home => _server.SiteAddress;

    /// <summary>The server's root, outside the base path.</summary>
    public Uri ServerRoot => _server.Address;

    /// <summary>A page or file by its site-relative URL ("articles/x/").</summary>
    public Uri Url(string relative) => new(Home, relative);

    public static async Task<TestSite> BuildAsync(string input, string output, string basePath, string displayRoot)
    {
        var options = new BuildOptions(input, output, new Uri("https://example.org" + basePath), displayRoot, new DateOnly(2026, 1, 1));
        await using var renderer = ThemeRenderer.Create();
        var result = await SiteGenerator.BuildAsync(options, renderer).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The site at {input} did not build:\n" + string.Join("\n", result.Diagnostics));
        }

        var server = await SiteServer.StartAsync(new ServedSite(output, basePath, ""), 0, reload: null, CancellationToken.None).ConfigureAwait(false);
        return new TestSite(output, server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>The input of a site whose article title and summary are markup: the site and its search must show them as text.</summary>
internal static class HostileCorpus
{
    public const string Title = "<img src=x onerror=alert(1)>";
    public const string Summary = "A hostile summary <script>alert(2)</script> about Poland and <b>bold</b> claims.";

    public static string Write(string input)
    {
        Directory.CreateDirectory(Path.Combine(input, "entities"));
        Directory.CreateDirectory(Path.Combine(input, "articles", "2025"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Hostile Archive\ndescription: Markup in titles.\nbase_url: https://example.org/\nlanguage: en\n");
        File.WriteAllText(Path.Combine(input, "entities", "poland.yml"), "name: Poland\nkind: place\ndescription: A country in central Europe.\n");
        File.WriteAllText(Path.Combine(input, "articles", "2025", "hostile-title.md"),
            "---\ntitle: \"" + Title + "\"\ndate: 2025-03-01\nsource: Test Wire\nsummary: \"" + Summary + "\"\nentities:\n  - poland\n---\n"
            + "Poland answered the hostile headline. Nothing here should run as script in Poland or anywhere else.\n");
        return input;
    }
}
