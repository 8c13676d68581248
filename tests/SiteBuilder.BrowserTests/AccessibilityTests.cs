using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteBuilder.BrowserTests;

/// <summary>axe-core (tests/package.json) with the WCAG 2 A and AA rules on every page kind the acceptance names, in light and dark.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
          return JSON.stringify(results.violations.map(v => ({
            id: v.id,
            impact: v.impact || '',
            help: v.help,
            url: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' }))
          })));
        }
        """;

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPageKindHasNoWcagAOrAAViolations(string scheme)
    {
        // Given the real corpus, Chromium in the colour scheme, and axe-core (the pages' CSP allows no injected script, so it is bypassed here only)
        Assert.True(File.Exists(RepositoryPaths.AxeScript), $"axe-core is missing at {RepositoryPaths.AxeScript}: run `npm ci --prefix tests`.");
        var site = await browser.RealSiteAsync("/");
        await using var tab = await browser.OpenAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });

        // When axe audits each page
        var report = new StringBuilder();
        var total = 0;
        foreach (var kind in PageKinds.Audited)
        {
            await PageKinds.OpenAsync(tab, site, kind);
            await tab.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.AxeScript });
            var violations = JsonSerializer.Deserialize(await tab.Page.EvaluateAsync<string>(RunAxe), AxeJsonContext.Default.AxeViolationArray)!;
            total += violations.Length;
            output.WriteLine($"{scheme} {kind.Name} ({kind.Url}): {violations.Length} violation(s)");
            foreach (var v in violations)
            {
                report.Append(CultureInfoInvariant($"\n[{scheme}] {kind.Name} /{kind.Url}: {v.Id} ({v.Impact}) {v.Help}\n    {v.Url}\n"));
                foreach (var node in v.Nodes.Take(8))
                {
                    report.Append("    - ").Append(node.Target).Append("\n      ").Append(Shorten(node.Html)).Append("\n      ")
                        .Append(node.Summary.Replace("\n", "\n      ", StringComparison.Ordinal)).Append('\n');
                }

                if (v.Nodes.Length > 8)
                {
                    report.Append("    … and ").Append(v.Nodes.Length - 8).Append(" more element(s)\n");
                }
            }
        }

        // Then there are none
        Assert.True(total == 0, $"axe found {total} WCAG 2 A/AA violation(s) in the {scheme} scheme:{report}");
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Shorten(string html) => html.Length > 200 ? html[..200] + "…" : html;
}

/// <summary>What the audit script returns for one rule axe found broken.</summary>
internal sealed record AxeViolation(string Id, string Impact, string Help, string Url, AxeNode[] Nodes);

/// <summary>One element that breaks the rule.</summary>
internal sealed record AxeNode(string Target, string Html, string Summary);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AxeViolation[]))]
internal sealed partial class AxeJsonContext : JsonSerializerContext;
