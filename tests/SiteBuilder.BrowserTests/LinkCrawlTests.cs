using Xunit.Abstractions;

namespace SiteBuilder.BrowserTests;

/// <summary>Every internal link of the built site resolves: a crawl from home in Chromium, at the root and under /sub/.</summary>
[Collection(SharedBrowser.Name)]
public sealed class LinkCrawlTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string CollectLinks = """
        () => Array.from(document.querySelectorAll('a[href], area[href], link[href], script[src], img[src], source[src], iframe[src], form[action]'))
          .map(e => e.tagName === 'FORM' ? e.action : (e.href || e.src))
          .filter(Boolean)
        """;

    private const string CollectIds = "() => Array.from(document.querySelectorAll('[id], a[name]')).map(e => e.id || e.getAttribute('name'))";

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/sub/")]
    public async Task EveryInternalLinkReachableFromHomeAnswers200(string basePath)
    {
        // Given the real corpus served under basePath
        var site = await browser.RealSiteAsync(basePath);
        await using var tab = await browser.OpenAsync();
        var origin = site.Home.GetLeftPart(UriPartial.Authority);
        var pages = new Queue<Uri>([site.Home]);
        var linkedFrom = new Dictionary<string, string>(StringComparer.Ordinal) { [site.Home.ToString()] = "(start)" };
        var resources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var fragments = new List<(string Page, string Id, string From)>();
        var broken = new List<string>();

        // When every page reachable from home is opened, and every file they link to fetched
        while (pages.TryDequeue(out var url))
        {
            var response = await tab.Page.GotoAsync(url.ToString());
            if (response is null || response.Status != 200 || response.Url != url.ToString())
            {
                broken.Add($"{response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"} {url} (landed on {response?.Url}), linked from {linkedFrom[url.ToString()]}");
                continue;
            }

            ids[url.ToString()] = [.. await tab.Page.EvaluateAsync<string[]>(CollectIds)];
            foreach (var link in await tab.Page.EvaluateAsync<string[]>(CollectLinks))
            {
                var target = new Uri(link);
                if (target.GetLeftPart(UriPartial.Authority) != origin)
                {
                    continue;
                }

                if (!target.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
                {
                    broken.Add($"{link} is outside the base path {basePath}, linked from {url}");
                    continue;
                }

                var withoutFragment = new UriBuilder(target) { Fragment = "" }.Uri;
                var key = withoutFragment.ToString();
                if (target.Fragment.Length > 1)
                {
                    fragments.Add((key, Uri.UnescapeDataString(target.Fragment[1..]), url.ToString()));
                }

                var isPage = withoutFragment.AbsolutePath.EndsWith('/') || withoutFragment.AbsolutePath.EndsWith(".html", StringComparison.Ordinal);
                if (isPage && withoutFragment.Query.Length == 0)
                {
                    if (linkedFrom.TryAdd(key, url.ToString()))
                    {
                        pages.Enqueue(withoutFragment);
                    }
                }
                else
                {
                    resources.TryAdd(key, url.ToString());
                }
            }
        }

        foreach (var (resource, from) in resources)
        {
            var response = await tab.Context.APIRequest.GetAsync(resource);
            if (response.Status != 200)
            {
                broken.Add($"{response.Status} {resource}, linked from {from}");
            }
        }

        foreach (var (page, id, from) in fragments)
        {
            if (ids.TryGetValue(page, out var known) && !known.Contains(id))
            {
                broken.Add($"{page}#{id}: no element with that id, linked from {from}");
            }
        }

        // Then nothing is broken, and no page logged an error
        output.WriteLine($"{basePath}: {linkedFrom.Count} pages, {resources.Count} other files, {fragments.Count} fragment links checked.");
        Assert.True(linkedFrom.Count >= 70, $"Only {linkedFrom.Count} pages were reachable from home.");
        Assert.True(broken.Count == 0, $"{broken.Count} broken internal link(s) under {basePath}:\n  " + string.Join("\n  ", broken));
        tab.AssertNoErrors("the crawl");
    }
}
