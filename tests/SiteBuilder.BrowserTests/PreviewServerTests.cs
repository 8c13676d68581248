using System.Diagnostics;
using Microsoft.Playwright;
using SiteBuilder.Cli.Serve;
using Xunit.Abstractions;

namespace SiteBuilder.BrowserTests;

/// <summary><c>sitebuilder serve</c> in-process over a copy of input/: edits reload the open page, a broken edit shows the overlay.</summary>
[Collection(SharedBrowser.Name)]
public sealed class PreviewServerTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string ArticleFile = "articles/2025/trump-halts-talks-to-call-putin.md";
    private const string ArticleUrl = "articles/trump-halts-talks-to-call-putin/";
    private const string TitleLine = "title: \"Trump halts talks to call Putin tests Western unity\"";

    [BrowserFact]
    public async Task EditingAnArticleReloadsTheOpenPageAndABrokenEditShowsTheOverlayUntilFixed()
    {
        // Given `serve` on a free port over a copy of input/, and the article open in the browser
        var root = Path.Combine(browser.WorkDirectory, "preview-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(root, "input");
        CopyDirectory(RepositoryPaths.Input, input);
        using var terminalOut = new StringWriter();
        using var terminalError = new StringWriter();
        var log = new TerminalPreviewLog(TextWriter.Synchronized(terminalOut), TextWriter.Synchronized(terminalError), root, color: false);
        await using var builder = new EnginePreviewBuilder(input, baseUrl: null, root);
        await using var session = await PreviewSession.StartAsync(new PreviewOptions(input, Port: 0), builder, log, CancellationToken.None);
        Assert.Equal("/archive/", session.SiteAddress.AbsolutePath); // site.yml's base_url path, as on GitHub Pages
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(new Uri(session.SiteAddress, ArticleUrl));
        Assert.Equal(1, await tab.Page.Locator("script[src^='/__sitebuilder/reload.js']").CountAsync());
        await WaitUntilAsync(() => session.Listeners > 0, "the page to open its event stream");
        var file = Path.Combine(input, ArticleFile);
        var original = await File.ReadAllTextAsync(file);
        Assert.Contains(TitleLine, original, StringComparison.Ordinal);

        // When the title is edited on disk
        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, original.Replace(TitleLine, "title: \"Edited while the preview runs\"", StringComparison.Ordinal));

        // Then the open page reloads with the new title
        await WaitForTitleAsync(tab, "Edited while the preview runs");
        output.WriteLine($"The page showed the new title {clock.ElapsedMilliseconds} ms after the save.");
        Console.WriteLine($"Preview: the page showed the new title {clock.ElapsedMilliseconds} ms after the save.");

        // When the front matter is broken
        await File.WriteAllTextAsync(file, original.Replace(TitleLine, "title: \"Broken [title", StringComparison.Ordinal));

        // Then an overlay lists the diagnostic, over the last good page, and the terminal printed it
        var overlay = tab.Page.Locator("#sitebuilder-overlay");
        await overlay.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        var text = await overlay.TextContentAsync() ?? "";
        Assert.Matches(@"error SB\d{4}", text);
        Assert.Contains("input/" + ArticleFile + "(2,", text, StringComparison.Ordinal);
        Assert.Equal("Edited while the preview runs", await tab.TextAsync("main h1"));
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "preview-overlay.png") });
        var terminal = terminalError.ToString();
        Assert.Matches(@"error SB\d{4}: ", terminal);
        Assert.Contains("--> input/" + ArticleFile + ":2:", terminal, StringComparison.Ordinal);
        Assert.Contains("Still serving the last good build.", terminal, StringComparison.Ordinal);

        // When it is fixed
        await File.WriteAllTextAsync(file, original.Replace(TitleLine, "title: \"Fixed while the preview runs\"", StringComparison.Ordinal));

        // Then the overlay goes and the page shows the fixed title
        await WaitForTitleAsync(tab, "Fixed while the preview runs");
        await tab.Page.WaitForFunctionAsync("() => !document.getElementById('sitebuilder-overlay')");

        // And the search, whose index the preview writes after the pages, finds the article by a word of the new title
        await tab.GotoAsync(new Uri(session.SiteAddress, "search/?q=fixed"));
        await tab.Page.WaitForFunctionAsync("() => document.getElementById('search-page').dataset.state === 'results'");
        Assert.Equal("Fixed while the preview runs", await tab.TextAsync("#search-results .search-result__title a"));
        output.WriteLine("The terminal said:\n" + terminalOut + terminalError);
        tab.AssertNoErrors("the preview");
    }

    [BrowserFact]
    public async Task AFailedFirstBuildServesAPageWithTheOverlayThatBecomesTheSiteOnceFixed()
    {
        // Given an input whose site.yml is broken from the start
        var root = Path.Combine(browser.WorkDirectory, "preview-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(root, "input");
        CopyDirectory(RepositoryPaths.Input, input);
        var siteYml = Path.Combine(input, "site.yml");
        var good = await File.ReadAllTextAsync(siteYml);
        await File.WriteAllTextAsync(siteYml, good.Replace("title:", "title: [", StringComparison.Ordinal));
        await using var builder = new EnginePreviewBuilder(input, baseUrl: null, root);
        using var terminalError = new StringWriter();
        var log = new TerminalPreviewLog(TextWriter.Null, TextWriter.Synchronized(terminalError), root, color: false);
        await using var session = await PreviewSession.StartAsync(new PreviewOptions(input, Port: 0), builder, log, CancellationToken.None);
        Assert.Contains("Nothing to serve until a build succeeds", terminalError.ToString(), StringComparison.Ordinal);

        // When the reader opens the preview
        await using var tab = await browser.OpenAsync();
        var response = await tab.Page.GotoAsync(session.Address.ToString());
        Assert.Equal(503, response!.Status);
        await tab.Page.Locator("#sitebuilder-overlay").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await WaitUntilAsync(() => session.Listeners > 0, "the page to open its event stream");

        // When site.yml is fixed
        await File.WriteAllTextAsync(siteYml, good);

        // Then the page becomes the site's home
        await tab.Page.WaitForFunctionAsync("() => document.body.classList.contains('page-home') && !document.getElementById('sitebuilder-overlay')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    private static Task WaitForTitleAsync(BrowserPage tab, string title) =>
        tab.Page.WaitForFunctionAsync(
            "t => { const h = document.querySelector('main h1'); return !!h && h.textContent.trim() === t; }",
            title, new PageWaitForFunctionOptions { Timeout = 10_000 });

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
