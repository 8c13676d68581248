namespace SiteBuilder.BrowserTests;

/// <summary>A reader's path through the cross-links, on the real corpus, at the root and under a base path.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NavigationTests(BrowserFixture browser)
{
    private const string FirstArticle = "articles/oval-office-clash-alarms-nato-allies/";
    private const string Entity = "entities/volodymyr-zelenskyy/";

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/sub/")]
    public async Task HomeLeadsToAnArticleThenAnEntityThroughAMentionThenAnotherArticleThroughTheTimeline(string basePath)
    {
        // Given the real corpus served under basePath
        var site = await browser.RealSiteAsync(basePath);
        await using var tab = await browser.OpenAsync();
        await tab.GotoAsync(site.Home);

        // When the reader opens an article from the home page
        var article = site.Url(FirstArticle);
        await tab.NavigateByAsync(() => tab.Page.Locator($"main a[href='{article.AbsolutePath}']").First.ClickAsync(), article);

        // Then it is the article
        Assert.Contains("Oval Office", await tab.TextAsync("main h1"), StringComparison.Ordinal);

        // When they follow an inline cross-link to an entity
        var entity = site.Url(Entity);
        var mention = tab.Page.Locator($"main a.mention[href='{entity.AbsolutePath}']").First;
        Assert.True(await mention.CountAsync() > 0, "The article has no inline cross-link (a.mention) to " + entity.AbsolutePath);
        await tab.NavigateByAsync(() => mention.ClickAsync(), entity);

        // Then it is the entity page, with a timeline of the articles that mention it
        Assert.Equal("Volodymyr Zelenskyy", await tab.TextAsync("main h1"));
        var timeline = tab.Page.Locator(".timeline a[href*='/articles/']");
        var hrefs = await timeline.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var other = hrefs.FirstOrDefault(h => h != article.AbsolutePath);
        Assert.True(other is not null, "The timeline links to no other article: " + string.Join(", ", hrefs));

        // When they go on to another article from the timeline
        var next = new Uri(site.Home, other);
        await tab.NavigateByAsync(() => tab.Page.Locator($".timeline a[href='{other}']").First.ClickAsync(), next);

        // Then that article opens, every page answered 200, and nothing went wrong in the console
        Assert.NotEmpty(await tab.TextAsync("main h1"));
        Assert.Contains(next.ToString(), tab.Navigations.Select(n => n.Url));
        Assert.Equal(4, tab.Navigations.Count);
        tab.AssertEveryPageAnswered200();
        tab.AssertNoErrors("home → article → entity → article");
    }
}
