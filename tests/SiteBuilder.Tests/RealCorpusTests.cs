using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace SiteBuilder.Tests;

/// <summary>Facts about the repository's own input/ corpus, built with the real theme.</summary>
public class RealCorpusTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void TheRealCorpusChecksCleanWithoutWarnings()
    {
        var options = new BuildOptions(RepositoryPaths.Input, Path.Combine(Path.GetTempPath(), "unused"), null, RepositoryPaths.Root, new DateOnly(2026, 11, 22));

        var result = SiteGenerator.Analyze(options);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task TheTuskPageListsExactlyTheOneArticleThatMentionsHimAndItsFirstTuskLinksThere()
    {
        var output = await SiteBuild.BuildRealCorpusAsync("https://example.org/");

        var entity = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "entities/donald-tusk/index.html")));
        var timelineLinks = entity.QuerySelectorAll(".timeline a[href^='/articles/']").Select(a => a.GetAttribute("href") ?? "").Distinct().ToArray();
        Assert.Equal(["/articles/trump-asks-zelensky-to-leave-white-house/"], timelineLinks);

        var article = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "articles/trump-asks-zelensky-to-leave-white-house/index.html")));
        var firstTusk = article.QuerySelectorAll("article a.mention").First(a => a.TextContent.Contains("Tusk", StringComparison.Ordinal));
        Assert.Equal("/entities/donald-tusk/", firstTusk.GetAttribute("href"));
        Assert.Equal("Donald Tusk", firstTusk.TextContent);
    }

    [Theory]
    [InlineData("https://example.org/", "/")]
    [InlineData("https://example.org/sub/", "/sub/")]
    public async Task EveryInternalLinkResolvesUnderTheBasePath(string baseUrl, string basePath)
    {
        var output = await SiteBuild.BuildRealCorpusAsync(baseUrl);

        var broken = LinkChecker.BrokenLinks(output, basePath);

        Assert.Empty(broken);
        Assert.True(LinkChecker.CountLinks(output) > 500, "the site should have many internal links");
    }

    [Fact]
    public async Task TwoBuildsOfTheSameInputAreByteIdentical()
    {
        var first = await SiteBuild.BuildRealCorpusAsync("https://example.org/sub/");
        var second = await SiteBuild.BuildRealCorpusAsync("https://example.org/sub/");

        var firstFiles = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToArray();
        var secondFiles = Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(firstFiles, secondFiles);
        foreach (var file in firstFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file);
        }
    }

    [Fact]
    public async Task TheRealCorpusSearchIsOneIndexWhoseNumberedRefsNameItsPagesInTheDisplayData()
    {
        // Given the real corpus built
        var output = await SiteBuild.BuildRealCorpusAsync("https://example.org/");

        // When its search files are read
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "search/manifest.json")));
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "search/index.json")));
        using var docs = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "search/docs.json")));

        // Then the site is small enough for one index, whose refs are document numbers, and item n of docs.json is a page
        // of the site: articles first, then entities
        Assert.Equal("monolithic", manifest.RootElement.GetProperty("layout").GetString());
        Assert.False(Directory.Exists(Path.Combine(output, "search/shards")));
        var items = docs.RootElement.EnumerateArray().ToList();
        Assert.Equal(items.Count, manifest.RootElement.GetProperty("documents").GetInt32());
        var articles = manifest.RootElement.GetProperty("articles").GetInt32();
        Assert.All(items.Take(articles), d => Assert.Equal("article", d.GetProperty("k").GetString()));
        Assert.All(items.Skip(articles), d => Assert.NotEqual("article", d.GetProperty("k").GetString()));
        Assert.All(items, d => Assert.True(File.Exists(Path.Combine(output, d.GetProperty("u").GetString()!, "index.html")), d.GetProperty("u").GetString()));
        var refs = index.RootElement.GetProperty("fieldVectors").EnumerateArray().Select(v => v[0].GetString()!.Split('/')[1]).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, items.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), refs);

        // And "tusk" is in the title of the Donald Tusk entity, under its number
        var tusk = items.FindIndex(d => d.GetProperty("u").GetString() == "entities/donald-tusk/");
        Assert.True(tusk >= articles, "Donald Tusk should be an entity");
        var posting = index.RootElement.GetProperty("invertedIndex").EnumerateArray().Single(e => e[0].GetString() == "tusk")[1];
        Assert.True(posting.GetProperty("title").TryGetProperty(tusk.ToString(CultureInfo.InvariantCulture), out _));
    }
}
