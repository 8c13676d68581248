using System.Text;
using SiteBuilder.Model;
using SiteBuilder.Theme;

namespace SiteBuilder.Tests;

/// <summary>How <see cref="ThemeRenderer"/> renders a build's pages, compared with rendering each page alone.</summary>
public class ThemeRendererTests
{
    [Fact]
    public async Task EntityPagesRenderedAsABuildMatchEachPageRenderedAloneThoughTheirChartsAreDrawnOnce()
    {
        // Given the real corpus's entity pages that have a chart, each twice (as the pages of a long timeline share one
        // chart), and a copy of one under another name with the same months
        var options = new BuildOptions(RepositoryPaths.Input, Path.Combine(Path.GetTempPath(), "unused"), null, RepositoryPaths.Root, new DateOnly(2026, 11, 22));
        var site = SiteGenerator.Analyze(options).Site!;
        var entities = site.Pages.OfType<EntityPage>().Where(p => p.MentionsPerMonth.Count > 0).Take(6).ToList();
        Assert.Equal(6, entities.Count);
        var renamed = entities[0] with { Entity = entities[0].Entity with { Name = "Someone Else" } };
        Page[] pages = [.. entities, .. entities, renamed];

        // When they are rendered as a build renders them (two workers, the charts cached for the build) and one by one
        await using var renderer = ThemeRenderer.Create(workers: 2);
        var rendered = new List<(Page Page, string Html)>();
        await renderer.RenderAsync(site with { Pages = pages.ToEquatableArray() }, (page, html) =>
        {
            lock (rendered)
            {
                rendered.Add((page, Encoding.UTF8.GetString(html.Span)));
            }

            return ValueTask.CompletedTask;
        }, CancellationToken.None);

        // Then every page is byte for byte the page rendered alone (where the chart component draws it in place), and
        // the renamed copy's chart names its own entity
        Assert.Equal(pages.Length, rendered.Count);
        foreach (var (page, html) in rendered)
        {
            Assert.Equal(await renderer.RenderPageAsync(site.Layout, page), html);
            Assert.Contains("<svg class=\"chart__svg\"", html, StringComparison.Ordinal);
        }

        var renamedHtml = rendered.Single(r => ReferenceEquals(r.Page, renamed)).Html;
        Assert.Contains("Mentions of Someone Else per month", renamedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"Mentions of {entities[0].Entity.Name} per month", renamedHtml, StringComparison.Ordinal);
    }
}
