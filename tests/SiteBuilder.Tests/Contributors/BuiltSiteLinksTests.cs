using SiteBuilder.Cli;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// <c>sitebuilder build --check-links</c>, the link check of the CI workflow: every link of the written site that stays
/// on it names a file of the output folder, under the base path; a broken one is reported at its page, line and column.
/// </summary>
public sealed class BuiltSiteLinksTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-links-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("https://example.org/sub/")]
    [InlineData("https://example.org/")]
    public async Task TheRealCorpusBuildsWithNoBrokenLinkUnderAnyBasePath(string baseUrl)
    {
        var output = Path.Combine(_root, "_site");

        var result = await Cli.RunAsync("build", "--input", Repo.Input, "--output", output, "--base-url", baseUrl, "--check-links", "--format", "msbuild");

        Assert.Equal("", result.Output[(result.Output.IndexOf('\n') + 1)..]);
        Assert.Equal("Links checked: none broken.\n", result.Error);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void ABrokenLinkIsReportedAtItsElementAndWorkingOnesAreNot()
    {
        var output = Path.Combine(_root, "_site");
        Write(output, "index.html", """
            <!DOCTYPE html>
            <html><head><link rel="canonical" href="https://example.org/sub/"><link rel="stylesheet" href="/sub/assets/site.css"></head>
            <body>
              <a href="/sub/articles/a/">ok</a> <a href="articles/a/#top">ok, relative</a> <a href="https://other.example/x">external</a>
              <a href="/sub/articles/missing/">broken</a>
              <img src="assets/missing.png"> <a href="/elsewhere/">outside the base path</a> <a href="#top">here</a> <a href="mailto:a@b.c">mail</a>
            </body></html>
            """);
        Write(output, "articles/a/index.html", "<!DOCTYPE html><p><a href=\"../../\">home</a> <a href=\"../b/\">broken</a></p>");
        Write(output, "assets/site.css", "body{}");
        Write(output, "sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>https://example.org/sub/articles/a/</loc></url>\n<url><loc>https://example.org/sub/gone/</loc></url>\n</urlset>\n");

        var broken = BuiltSiteLinks.Check(output, new Uri("https://example.org/sub/"), _root);

        Assert.Equal(
        [
            "_site/articles/a/index.html(1,45): error SB6004: Link '../b/' points to no file of the built site",
            "_site/index.html(5,3): error SB6004: Link '/sub/articles/missing/' points to no file of the built site",
            "_site/index.html(6,3): error SB6004: Link 'assets/missing.png' points to no file of the built site",
            "_site/index.html(6,34): error SB6004: Link '/elsewhere/' points to no file of the built site",
            "_site/sitemap.xml(4,7): error SB6004: Link 'https://example.org/sub/gone/' points to no file of the built site",
        ], broken.Select(d => d.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/sub/", "/index.html", true)]
    [InlineData("/sub/articles/a/", "/index.html", true)]
    [InlineData("/sub/articles/a", "/index.html", true)]
    [InlineData("/sub/articles/a/index.html?x=1#y", "/index.html", true)]
    [InlineData("https://EXAMPLE.org/sub/articles/a/", "/index.html", true)]
    [InlineData("./", "/articles/a/index.html", true)]
    [InlineData("../../", "/articles/a/index.html", true)]
    [InlineData("/articles/a/", "/index.html", false)]
    [InlineData("/sub/../sub/articles/a/", "/index.html", true)]
    [InlineData("/sub/%2E%2E/secret", "/index.html", false)]
    [InlineData("https://example.org/other/", "/index.html", false)]
    [InlineData("http://other.example/sub/", "/index.html", null)]
    [InlineData("//cdn.example/x.js", "/index.html", null)]
    [InlineData("#top", "/index.html", null)]
    [InlineData("mailto:a@example.org", "/index.html", null)]
    public void ResolvesLinksAsABrowserWouldUnderTheBasePath(string url, string page, bool? expected)
    {
        var output = Path.Combine(_root, "_site");
        Write(output, "index.html", "");
        Write(output, "articles/a/index.html", "");

        Assert.Equal(expected, BuiltSiteLinks.Resolves(output, url, page, "/sub/", "https://example.org"));
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
