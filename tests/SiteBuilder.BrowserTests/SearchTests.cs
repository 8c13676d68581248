using Microsoft.Playwright;

namespace SiteBuilder.BrowserTests;

/// <summary>The search of the search issue, end to end in Chromium with the keyboard only: the header box, the search page, lunr.js on the built index.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    private const string TuskArticle = "articles/trump-asks-zelensky-to-leave-white-house/";

    /// <summary>Inputs that are lunr query syntax, or half of it: each must show results or the empty state, never an error.</summary>
    public static readonly TheoryData<string> SyntaxInputs = new()
    {
        "title:", "\"", "~", "^", ":", "-", "+", "*", "title:tusk", "\"tusk", "tusk~1", "tusk^10", "-putin", "+zelensky -putin", "zel*", "foo:bar", "tusk:", "^~:-\"",
    };

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/sub/")]
    public async Task TuskPutsTheEntityFirstThenTheArticleThatMentionsHimAndArrowsAndEnterOpenIt(string basePath)
    {
        // Given the home page, and the reader at the keyboard
        var site = await browser.RealSiteAsync(basePath);
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Home);

        // When they press "/" and type "Tusk"
        var results = await TypeInHeaderAsync(tab, "Tusk", slash: true);

        // Then Donald Tusk comes first, then the article that mentions him
        Assert.True(results.Count >= 2, "Too few results for Tusk: " + string.Join(" | ", results));
        Assert.Equal((site.Url("entities/donald-tusk/").AbsolutePath, "Donald Tusk", "Person"), results[0]);
        Assert.Equal(site.Url(TuskArticle).AbsolutePath, results[1].Href);
        Assert.Equal("Article", results[1].Kind);

        // When they press ↓ ↓ and Enter
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("site-search-listbox-1", await tab.Page.GetAttributeAsync("#site-search", "aria-activedescendant"));
        Assert.Equal("true", await tab.Page.GetAttributeAsync("#site-search-listbox-1", "aria-selected"));
        await tab.NavigateByAsync(() => tab.Page.Keyboard.PressAsync("Enter"), site.Url(TuskArticle));

        // Then the article opens
        Assert.Equal("What Transpired Moments Before Trump Asked Zelensky To Leave White House", await tab.TextAsync("main h1"));
        tab.AssertEveryPageAnswered200();
        tab.AssertNoErrors("Tusk in the header box");
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/sub/")]
    public async Task APrefixFindsTheWordZelenFindsZelenskyFirst(string basePath)
    {
        // Given an article page
        var site = await browser.RealSiteAsync(basePath);
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Url(TuskArticle));

        // When the reader types the start of a name
        var results = await TypeInHeaderAsync(tab, "zelen", slash: true);

        // Then the entity is the first result, and Enter on it opens its page
        var entity = site.Url("entities/volodymyr-zelenskyy/");
        Assert.True(results.Count > 0, "No results for zelen");
        Assert.Equal(entity.AbsolutePath, results[0].Href);
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        await tab.NavigateByAsync(() => tab.Page.Keyboard.PressAsync("Enter"), entity);
        Assert.Equal("Volodymyr Zelenskyy", await tab.TextAsync("main h1"));
        tab.AssertNoErrors("zelen in the header box");
    }

    [BrowserFact]
    public async Task QuerySyntaxTypedInTheHeaderBoxShowsResultsOrTheEmptyStateNeverAnError()
    {
        // Given the home page with the box focused by "/"
        var site = await browser.RealSiteAsync("/");
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Home);
        var first = true;
        foreach (var input in SyntaxInputs)
        {
            // When the reader types lunr syntax, or half of it
            await TypeInHeaderAsync(tab, input, slash: first);
            first = false;

            // Then the popup shows results or "No results", and no script failed
            var popup = await tab.TextAsync(".search-popup");
            Assert.DoesNotContain("unavailable", popup, StringComparison.OrdinalIgnoreCase);
            tab.AssertNoErrors($"typing '{input}'");
        }
    }

    [BrowserTheory]
    [MemberData(nameof(SyntaxInputs))]
    public async Task QuerySyntaxOnTheSearchPageShowsResultsOrTheEmptyStateNeverAnError(string input)
    {
        // Given the search page with the query in its URL (root site; /sub/ is covered by the page tests below)
        var site = await browser.RealSiteAsync("/");
        await using var tab = await browser.OpenAsync();

        // When it loads
        await tab.GotoAsync(site.Url("search/?q=" + Uri.EscapeDataString(input)));
        var state = await SettledStateAsync(tab);

        // Then it shows results or the helpful empty state, and the input holds the query
        Assert.True(state is "results" or "empty", $"'{input}' left the search page in state '{state}': {await tab.TextAsync("#search-status")}");
        if (state == "empty")
        {
            Assert.True(await tab.Page.Locator(".search-empty").CountAsync() == 1, "No empty state for " + input);
        }

        Assert.Equal(input, await tab.Page.InputValueAsync("#search-page-input"));
        tab.AssertNoErrors($"search/?q={input}");
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/sub/")]
    public async Task TheSearchPageKeepsTheQueryInTheUrlAndBackAndForwardWork(string basePath)
    {
        // Given the reader typed "tusk" in the header box and pressed Enter without choosing a suggestion
        var site = await browser.RealSiteAsync(basePath);
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Home);
        await TypeInHeaderAsync(tab, "tusk", slash: true);
        var tusk = site.Url("search/?q=tusk");
        await tab.NavigateByAsync(() => tab.Page.Keyboard.PressAsync("Enter"), tusk);

        // Then the search page lists Donald Tusk first
        Assert.Equal("results", await SettledStateAsync(tab));
        Assert.Equal("Donald Tusk", await tab.TextAsync("#search-results .search-result__title a"));
        Assert.Contains("result", await tab.TextAsync("#search-status"), StringComparison.Ordinal);

        // When they search again from the page's own box
        await tab.Page.FocusAsync("#search-page-input");
        await tab.Page.Keyboard.PressAsync("Control+a");
        await tab.Page.Keyboard.TypeAsync("zelen");
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.Page.WaitForURLAsync(site.Url("search/?q=zelen").ToString());
        await WaitForFirstResultAsync(tab, "Volodymyr Zelenskyy");

        // Then Back shows the Tusk results again, and Forward the Zelensky ones
        await tab.Page.GoBackAsync();
        await tab.Page.WaitForURLAsync(tusk.ToString());
        await WaitForFirstResultAsync(tab, "Donald Tusk");
        Assert.Equal("tusk", await tab.Page.InputValueAsync("#search-page-input"));
        await tab.Page.GoForwardAsync();
        await WaitForFirstResultAsync(tab, "Volodymyr Zelenskyy");

        // When they move to the first result with Tab and press Enter, the page opens; Back returns to the results
        await tab.Page.FocusAsync("#search-page-input");
        var entity = site.Url("entities/volodymyr-zelenskyy/");
        for (var i = 0; i < 10 && await tab.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') || ''") != entity.AbsolutePath; i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
        }

        await tab.NavigateByAsync(() => tab.Page.Keyboard.PressAsync("Enter"), entity);
        Assert.Equal("Volodymyr Zelenskyy", await tab.TextAsync("main h1"));
        await tab.Page.GoBackAsync();
        await WaitForFirstResultAsync(tab, "Volodymyr Zelenskyy");
        tab.AssertEveryPageAnswered200();
        tab.AssertNoErrors("search page history");
    }

    [BrowserFact]
    public async Task AHostileTitleShowsAsTextInResultsAndOnItsPage()
    {
        // Given a site whose article title is "<img src=x onerror=alert(1)>" and whose summary holds a <script>
        var site = await browser.HostileSiteAsync();
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Home);

        // When the reader searches for it in the header box
        var results = await TypeInHeaderAsync(tab, "hostile", slash: true);

        // Then the title is text: no img element, no alert
        Assert.Contains(results, r => r.Title == HostileCorpus.Title);
        Assert.Equal(0, await tab.Page.Locator(".search-popup img, .search-popup script, .search-popup b").CountAsync());

        // And on the search page, title and snippet are text too
        await tab.GotoAsync(site.Url("search/?q=hostile"));
        Assert.Equal("results", await SettledStateAsync(tab));
        Assert.Equal(HostileCorpus.Title, await tab.TextAsync("#search-results .search-result__title a"));
        Assert.Contains("<script>alert(2)</script>", await tab.TextAsync("#search-results .search-result__snippet"), StringComparison.Ordinal);
        Assert.Equal(0, await tab.Page.Locator("#search-results img, #search-results script, #search-results b").CountAsync());

        // And on the article page
        var link = await tab.Page.GetAttributeAsync("#search-results .search-result__title a", "href");
        await tab.NavigateByAsync(() => tab.Page.Locator("#search-results .search-result__title a").First.PressAsync("Enter"), new Uri(site.Home, link));
        Assert.Equal(HostileCorpus.Title, await tab.TextAsync("main h1"));
        Assert.Equal(0, await tab.Page.Locator("main img").CountAsync());
        tab.AssertNoErrors("hostile title");
    }

    /// <summary>
    /// Types <paramref name="query"/> into the header box (focused with "/" or, when it already has focus, replacing its text)
    /// and waits until the popup shows the results or the empty state for it. Returns the suggestions in order.
    /// </summary>
    private static async Task<IReadOnlyList<(string Href, string Title, string Kind)>> TypeInHeaderAsync(BrowserPage tab, string query, bool slash)
    {
        var page = tab.Page;
        if (slash)
        {
            await page.Keyboard.PressAsync("/");
            Assert.Equal("site-search", await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''"));
        }
        else
        {
            await page.Keyboard.PressAsync("Control+a");
        }

        await page.Keyboard.TypeAsync(query);
        await page.WaitForFunctionAsync(
            """
            q => {
              const popup = document.querySelector('.search-popup');
              if (!popup || popup.hidden || document.getElementById('site-search').value !== q) return false;
              const text = popup.textContent;
              return text.includes('\u201C' + q.trim() + '\u201D') || /unavailable/i.test(text);
            }
            """, query, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var rows = await page.EvaluateAsync<string[]>(
            """
            () => Array.from(document.querySelectorAll('#site-search-listbox .search-popup__result a')).map(a =>
              [a.getAttribute('href'), a.querySelector('.search-popup__title').textContent, (a.querySelector('.badge') || {}).textContent || ''].join('\u0001'))
            """);
        return rows.Select(r => r.Split('\u0001')).Select(p => (p[0], p[1], p[2])).ToList();
    }

    /// <summary>Waits until the search page has finished (results, empty or error) and returns that state.</summary>
    private static async Task<string> SettledStateAsync(BrowserPage tab)
    {
        await tab.Page.WaitForFunctionAsync("() => ['results', 'empty', 'error'].includes(document.getElementById('search-page').dataset.state)");
        return await tab.Page.GetAttributeAsync("#search-page", "data-state") ?? "";
    }

    private static Task WaitForFirstResultAsync(BrowserPage tab, string title) =>
        tab.Page.WaitForFunctionAsync(
            "t => { const a = document.querySelector('#search-results .search-result__title a'); return a && a.textContent.trim() === t; }", title);
}
