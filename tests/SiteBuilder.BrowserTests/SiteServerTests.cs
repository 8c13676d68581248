using System.Net;
using SiteBuilder.Cli.Serve;

namespace SiteBuilder.BrowserTests;

/// <summary>The static handler the preview and these tests serve with: base path, statuses, content types, no caching, and a clean build output.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SiteServerTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("articles/trump-halts-talks-to-call-putin/", "text/html; charset=utf-8")]
    [InlineData("assets/css/site.css", "text/css; charset=utf-8")]
    [InlineData("assets/js/search.js", "text/javascript; charset=utf-8")]
    [InlineData("search/index.json", "application/json; charset=utf-8")]
    [InlineData("feed.xml", "application/xml; charset=utf-8")]
    [InlineData("sitemap.xml", "application/xml; charset=utf-8")]
    [InlineData("assets/favicon.svg", "image/svg+xml")]
    public async Task FilesAnswer200WithTheirContentTypeAndNoCaching(string url, string contentType)
    {
        // Given the site under /sub/
        var site = await browser.RealSiteAsync("/sub/");
        using var http = Client();

        // When a file is requested
        using var response = await http.GetAsync(site.Url(url));

        // Then it is there, typed, and never cached
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task AMissAnswers404WithTheSites404Page()
    {
        var site = await browser.RealSiteAsync("/sub/");
        using var http = Client();

        using var response = await http.GetAsync(site.Url("no/such/page/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.Folder, "404.html")), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/", "/sub/")]
    [InlineData("/sub", "/sub/")]
    [InlineData("/sub/entities", "/sub/entities/")]
    [InlineData("/?q=x", "/sub/?q=x")]
    public async Task TheRootAndFoldersWithoutASlashRedirect(string path, string location)
    {
        var site = await browser.RealSiteAsync("/sub/");
        using var http = Client();

        using var response = await http.GetAsync(new Uri(site.ServerRoot, path));

        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently, $"{path} answered {response.StatusCode}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/sub/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/sub/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/sub/.nojekyll")]
    [InlineData("/articles/trump-halts-talks-to-call-putin/")]
    public async Task NothingOutsideTheSiteOrItsBasePathIsServed(string path)
    {
        var site = await browser.RealSiteAsync("/sub/");
        using var http = Client();

        using var response = await http.GetAsync(new Uri(site.ServerRoot + path.TrimStart('/')));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheBuildOutputNeverContainsThePreviewsReloadScript()
    {
        // Given a site built as `sitebuilder build` builds it
        var site = await browser.RealSiteAsync("/");

        // Then no file mentions the preview's endpoints, and the static server adds nothing either
        var files = Directory.EnumerateFiles(site.Folder, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("__sitebuilder", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(files);
        using var http = Client();
        Assert.DoesNotContain("__sitebuilder", await http.GetStringAsync(site.Home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileAPreviewWritesItsSearchIndexSearchDataWaitsAndPagesDoNot()
    {
        // Given a site served while its search index is still being written (the preview writes pages first)
        var site = await browser.RealSiteAsync("/");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SiteServer.StartAsync(new ServedSite(site.Folder, "/", "v1") { SearchReady = ready.Task }, 0, reload: null, CancellationToken.None);
        using var http = Client();

        // When the search data and a page are requested
        var search = http.GetAsync(new Uri(server.Address, "search/manifest.json"));
        using var page = await http.GetAsync(new Uri(server.Address, "search/"));

        // Then the page (here the search page itself) is served, the data only once the index is written
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(search.IsCompleted);
        ready.SetResult();
        using var data = await search;
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.Folder, "search/manifest.json")), await data.Content.ReadAsStringAsync());
    }

    private static HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
}
