using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteBuilder.BrowserTests;

/// <summary>Every page kind on a phone and on a laptop: no horizontal scrolling; full-page screenshots kept as artefacts.</summary>
[Collection(SharedBrowser.Name)]
public sealed class LayoutTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Set to 1 to refresh the README's screenshot (docs/screenshots/entity-page.png) from this run.</summary>
    private const string UpdateScreenshots = "SITEBUILDER_UPDATE_SCREENSHOTS";

    private const string Overflow = """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return '';
          const culprits = Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ')');
          return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width + ': ' + culprits.join(', ');
        }
        """;

    [BrowserTheory]
    [InlineData(375, 812)]
    [InlineData(1280, 800)]
    public async Task NoPageKindScrollsSidewaysAndEachIsScreenshotted(int width, int height)
    {
        // Given the real corpus in a viewport of this width
        var site = await browser.RealSiteAsync("/");
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var folder = Path.Combine(BrowserFixture.ScreenshotDirectory, width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var problems = new List<string>();

        // When each page kind is opened
        foreach (var kind in PageKinds.All)
        {
            await PageKinds.OpenAsync(tab, site, kind);
            var overflow = await tab.Page.EvaluateAsync<string>(Overflow);
            if (overflow.Length > 0)
            {
                problems.Add($"{kind.Name} /{kind.Url}: {overflow}");
            }

            var file = Path.Combine(folder, kind.Name + ".png");
            await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            if (kind == PageKinds.Entity && width == 1280 && Environment.GetEnvironmentVariable(UpdateScreenshots) == "1")
            {
                var readme = Path.Combine(RepositoryPaths.Root, "docs", "screenshots", "entity-page.png");
                Directory.CreateDirectory(Path.GetDirectoryName(readme)!);
                File.Copy(file, readme, overwrite: true);
                output.WriteLine("Updated " + readme);
            }
        }

        // And the header search shows its suggestions
        await tab.GotoAsync(site.Home);
        await tab.Page.Keyboard.PressAsync("/");
        await tab.Page.Keyboard.TypeAsync("zelen");
        await tab.Page.WaitForSelectorAsync("#site-search-listbox [role=option]");
        var popupOverflow = await tab.Page.EvaluateAsync<string>(Overflow);
        if (popupOverflow.Length > 0)
        {
            problems.Add("home with the search suggestions open: " + popupOverflow);
        }

        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "search-popup.png") });
        output.WriteLine($"Screenshots at {width} px: {folder}");
        Console.WriteLine($"Screenshots at {width} px: {folder}");

        // Then nothing is wider than the viewport
        Assert.True(problems.Count == 0, $"Horizontal scrolling at {width} px:\n  " + string.Join("\n  ", problems));
        tab.AssertNoErrors($"page kinds at {width} px");
    }
}
