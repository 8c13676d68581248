using System.Globalization;
using System.Text;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Tests.Hostile;

/// <summary>One file per attack; each gives the expected diagnostic or builds into a site with nothing injected.</summary>
public class HostileInputTests
{
    private const string Evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    [Fact]
    public async Task ScriptInEveryFieldIsEscapedEverywhereItLands()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["site.yml"] = $"title: '{Evil.Replace("'", "''", StringComparison.Ordinal)}'\ndescription: \"</script><script>x()</script>\"\nbase_url: https://example.org/sub/\nlanguage: en\n",
            ["entities/evil.yml"] = $"name: '{Evil.Replace("'", "''", StringComparison.Ordinal)} Mallory'\nkind: person\naliases: [\"Mallory\", \"Eve</script>\"]\ndescription: \"</script><script>alert('d')</script>\"\nlinks:\n  \"label\\\" onclick=\\\"x\": \"https://example.org/\\\"onmouseover=\\\"alert(1)\"\n",
            ["articles/x.md"] = "---\n" +
                $"title: '{Evil.Replace("'", "''", StringComparison.Ordinal)}'\n" +
                "date: 2025-01-01\n" +
                "source: \"Src <b>bold</b> & \\\" '\"\n" +
                "source_url: \"https://example.org/?a=<script>&b=\\\"x\"\n" +
                "author: \"</title><script>alert(1)</script>\"\n" +
                "summary: \"Summary </script><script>alert(2)</script>\"\n" +
                "tags: [\"<svg onload=alert(1)>\", \"ok\"]\n" +
                "---\n" +
                "Mallory went. <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n" +
                "[a](javascript:alert(1)) [b](  JAVASCRIPT:alert(1)) [c](jav&#x09;ascript:alert(1)) [d](&#106;avascript:alert(1)) [e](vbscript:x) [f](data:text/html,x)\n\n" +
                "![i](javascript:alert(1)) ![j](data:image/svg+xml;base64,PHN2Zz4=)\n\n" +
                "[t](https://example.org \"title\\\" onmouseover=\\\"x\") {onclick=\"alert(1)\" style=\"color:red\"}\n\n" +
                "<https://ok.example/> <javascript:alert(1)>\n\n" +
                "<div onclick=\"x\">block html</div>\n",
        });

        var result = await SiteBuild.RunAsync(input.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(SiteSafety.Problems(input.OutputDirectory));
        var article = File.ReadAllText(Path.Combine(input.OutputDirectory, "articles/x/index.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB4001");
        Assert.Contains(result.Diagnostics, d => d.Id == "SB4004");
        var feed = File.ReadAllText(Path.Combine(input.OutputDirectory, "feed.xml"));
        Assert.Contains("&lt;script&gt;", feed);
    }

    [Theory]
    [InlineData("articles/a..b.md", "SB3006")]
    [InlineData("articles/%2e%2e.md", "SB3006")]
    [InlineData("articles/UPPER.md", "SB3006")]
    [InlineData("articles/has space.md", "SB3006")]
    [InlineData("articles/-lead.md", "SB3006")]
    [InlineData("entities/..evil.yml", "SB2003")]
    [InlineData("entities/a%2fb.yml", "SB2003")]
    public void TraversalAndInvalidNamesAreRejected(string path, string id)
    {
        using var input = new TestInput();
        input.Write(path, path.StartsWith("entities", StringComparison.Ordinal) ? TestInput.Entity("Name") : TestInput.Article("T", "Body."));

        var result = SiteGenerator.Analyze(input.Options());

        Assert.Contains(result.Diagnostics, d => d.Id == id && d.IsError);
    }

    [Fact]
    public void SymbolicLinksAreReportedAndNotFollowed()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["articles/a.md"] = TestInput.Article("A", "Body.") });
        var secret = Path.Combine(input.Root, "secret.md");
        File.WriteAllText(secret, TestInput.Article("Secret", "Secret body."));
        File.CreateSymbolicLink(Path.Combine(input.InputDirectory, "articles", "link.md"), secret);
        Directory.CreateSymbolicLink(Path.Combine(input.InputDirectory, "articles", "dir"), input.Root);

        var result = SiteGenerator.Analyze(input.Options());

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "SB1007"));
        Assert.DoesNotContain(result.Corpus!.Articles, a => a.Title == "Secret");
    }

    [Fact]
    public void HugeAndDeepInputsGetClearDiagnostics()
    {
        using var input = new TestInput();
        input.Write("articles/huge.md", TestInput.Article("Huge", new string('x', 10 * 1024 * 1024)));
        input.Write("entities/deep.yml", "name: " + new string('[', 5000) + new string(']', 5000) + "\nkind: person\n");
        input.Write("articles/long-title.md", TestInput.Article(new string('t', 5000), "Body."));

        var result = SiteGenerator.Analyze(input.Options());

        Assert.Contains(result.Diagnostics, d => d.Id == "SB4002" && d.Location.Path.EndsWith("huge.md", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB1012" && d.Location.Path.EndsWith("deep.yml", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "SB3014" && d.Location.Path.EndsWith("long-title.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyMentionsAndLongYamlStillBuild()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["entities/trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump") });
        input.Write("articles/many.md", TestInput.Article("Many", string.Concat(Enumerable.Repeat("Trump and Trump's aide. ", 5000))));
        var yaml = new StringBuilder("title: Long\ndate: 2025-01-01\nsource: Wire\ntags:\n");
        for (var i = 0; i < 100_000; i++)
        {
            yaml.Append("  - t\n");
        }

        input.Write("articles/long.txt", "Trump spoke.");
        input.Write("articles/long.yml", yaml.ToString());

        var result = await SiteBuild.RunAsync(input.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Contains("10,000 mentions", File.ReadAllText(Path.Combine(input.OutputDirectory, "entities/trump/index.html")).Replace("10000", "10,000", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void BadEncodingsAreReportedAtTheirLine()
    {
        using var input = new TestInput();
        input.WriteBytes("articles/latin1.md", [.. Encoding.UTF8.GetBytes(TestInput.Article("L", "ok\n")), 0x63, 0x61, 0x66, 0xE9, 0x0A]);
        input.WriteBytes("articles/nul.md", [.. Encoding.UTF8.GetBytes(TestInput.Article("N", "a\nb")), 0x00]);

        var result = SiteGenerator.Analyze(input.Options());

        var invalid = Assert.Single(result.Diagnostics, d => d.Id == "SB1002");
        Assert.Equal(7, invalid.Location.Line); // ---, title, date, source, ---, "ok", then "caf\xE9"
        var nul = Assert.Single(result.Diagnostics, d => d.Id == "SB1013");
        Assert.Equal(7, nul.Location.Line);
    }

    [Fact]
    public void BomCrlfAndCrOnlyFilesReadTheSameAsPlainUtf8()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["entities/zelenskyy.yml"] = TestInput.Entity("Volodymyr Zelenskyy", "person", "Zelenskyy") });
        var article = TestInput.Article("Title", "Zelenskyy spoke.\n\nSecond.");
        input.WriteBytes("articles/bom.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(article.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        input.Write("articles/cr.md", article.Replace('\n', '\r'));
        // The same name typed with a combining diaeresis (NFD) in the text and precomposed in the alias.
        input.Write("entities/noel.yml", TestInput.Entity("No\u00EBl Prime", "person"));
        input.Write("articles/nfd.md", TestInput.Article("NFD", "Noe\u0308l Prime spoke. \u05E9\u05DC\u05D5\u05DD right-to-left text."));

        var result = SiteGenerator.Analyze(input.Options());

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var articles = result.Corpus!.Articles.ToDictionary(a => a.Slug);
        Assert.Equal("Zelenskyy spoke.\n\nSecond.", articles["bom"].Body);
        Assert.Equal("Zelenskyy spoke.\n\nSecond.", articles["cr"].Body);
        Assert.Contains(result.Graph!.Entities.Single(e => e.Entity.Id == "noel").ArticleSlugs, s => s == "nfd");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public async Task BuildsUnderAnyCultureAreByteIdentical(string culture)
    {
        var reference = await SiteBuild.BuildRealCorpusAsync("https://example.org/sub/");
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        string other;
        try
        {
            var info = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = info;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = info;
            other = await SiteBuild.BuildRealCorpusAsync("https://example.org/sub/");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = saved;
        }

        foreach (var file in Directory.GetFiles(reference, "*", SearchOption.AllDirectories))
        {
            var twin = Path.Combine(other, Path.GetRelativePath(reference, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), Path.GetRelativePath(reference, file));
        }
    }

    [Fact]
    public async Task AFailureAtAnyFileWriteLeavesThePreviousSiteIntact()
    {
        var root = Path.Combine(Path.GetTempPath(), "sb-atomic-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "_site");
        var old = Enumerable.Range(0, 20).Select(i => new Stages.OutputFile($"d{i % 3}/old{i}.html", Encoding.UTF8.GetBytes($"old {i}"))).ToList();
        await Stages.WriteSite.RunAsync(output, old, CancellationToken.None);
        var fresh = Enumerable.Range(0, 20).Select(i => new Stages.OutputFile($"d{i % 4}/new{i}.html", Encoding.UTF8.GetBytes($"new {i}"))).ToList();

        foreach (var failAt in new[] { 0, 1, 7, 19 })
        {
            await Assert.ThrowsAsync<IOException>(() => Stages.WriteSite.RunAsync(output, fresh, CancellationToken.None, i =>
            {
                if (i == failAt)
                {
                    throw new IOException("injected failure");
                }
            }));

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
            Assert.Equal(old.Select(f => f.Path).Order(StringComparer.Ordinal), files);
            Assert.Equal(["_site"], Directory.GetDirectories(root).Select(Path.GetFileName));
        }

        await Stages.WriteSite.RunAsync(output, fresh, CancellationToken.None);
        Assert.Equal("new 3", File.ReadAllText(Path.Combine(output, "d3/new3.html")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void EveryPlannedOutputPathStaysInsideTheOutputFolder()
    {
        var random = new Random(1234);
        var alphabet = "ab./\\%2e:~\0-_ ";
        var root = Path.Combine(Path.GetTempPath(), "sb-paths");
        for (var i = 0; i < 20_000; i++)
        {
            var path = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                var target = Stages.WriteSite.Target(root, path);
                Assert.StartsWith(root + Path.DirectorySeparatorChar, target, StringComparison.Ordinal);
            }
            catch (InvalidOperationException)
            {
                // Refused: also fine.
            }
        }
    }
}
