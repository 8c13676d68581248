using SiteBuilder.Theme;

namespace SiteBuilder.Tests;

/// <summary>Given a build cache from a previous build, when one article changes, then only what it affects is rendered and the output equals a clean build.</summary>
public class IncrementalBuildTests
{
    [Fact]
    public async Task EditingOneArticleRendersOnlyTheAffectedPagesAndMatchesACleanBuild()
    {
        var files = new Dictionary<string, string>
        {
            ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump"),
            ["entities/nato.yml"] = TestInput.Entity("NATO", "organization"),
        };
        for (var i = 0; i < 30; i++)
        {
            var who = i % 2 == 0 ? "Trump" : "NATO";
            files[$"articles/a{i:D2}.md"] = TestInput.Article($"Article {i}", $"{who} did thing {i}.", date: $"2024-{1 + (i % 12):D2}-{1 + i:D2}", source: $"Wire {i % 3}");
        }

        using var input = new TestInput(files);
        await using var renderer = ThemeRenderer.Create();
        var cache = new BuildCache();
        var first = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(first.Pages, cache.PagesRendered);

        input.Write("articles/a03.md", TestInput.Article("Article three, retitled", "NATO did thing 3.", date: "2024-04-04", source: "Wire 0"));
        var second = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);

        Assert.True(second.Succeeded);
        Assert.Equal(1, cache.BodiesRendered);
        Assert.InRange(cache.PagesRendered, 2, second.Pages / 2);
        Assert.Contains("Article three, retitled", File.ReadAllText(Path.Combine(input.OutputDirectory, "articles/a03/index.html")));

        await AssertSameAsCleanBuildAsync(input, renderer);

        File.Delete(Path.Combine(input.InputDirectory, "articles/a05.md"));
        var third = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);
        Assert.True(third.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(input.OutputDirectory, "articles/a05")));
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    [Fact]
    public async Task FilesUnchangedSinceTheLastBuildAreNotReadAgain()
    {
        // Given a corpus last written an hour ago, built once with a cache
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildAgedAsync(input, renderer);
        Assert.Equal(4, cache.FilesRead);

        // When nothing changes, and then one article does
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);
        var unchanged = cache.FilesRead;
        input.Write("articles/b.md", TestInput.Article("Article B, edited", "NATO met again.", date: "2024-01-02"));
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

        // Then the second build read nothing and the third only the edited file
        Assert.Equal(0, unchanged);
        Assert.Equal(1, cache.FilesRead);
        Assert.Contains("Article B, edited", File.ReadAllText(Path.Combine(input.OutputDirectory, "articles/b/index.html")));
    }

    [Fact]
    public async Task ToldWhichFilesChangedABuildReadsOnlyThoseAndListsTheFolderAgainWhenOneIsNewOrGone()
    {
        // Given a corpus last written an hour ago, built once with a cache
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildAgedAsync(input, renderer);
        string Full(string path) => Path.Combine(input.InputDirectory, path);

        // When an edit is reported (with a path outside the input, as the theme's watcher adds), then a new file, then a deleted one
        input.Write("articles/b.md", TestInput.Article("Article B, edited", "NATO met again.", date: "2024-01-02"));
        cache.InputsChanged([Full("articles/b.md"), Path.Combine(input.Root, "theme.css")]);
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);
        var (readForEdit, listedForEdit) = (cache.FilesRead, cache.InputListed);
        await AssertSameAsCleanBuildAsync(input, renderer);

        input.Write("articles/c.md", TestInput.Article("Article C", "NATO met a third time.", date: "2024-01-03"));
        cache.InputsChanged([Full("articles/c.md")]);
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);
        Assert.True(cache.InputListed);
        Assert.True(File.Exists(Path.Combine(input.OutputDirectory, "articles/c/index.html")));
        await AssertSameAsCleanBuildAsync(input, renderer);

        File.Delete(Full("articles/a.md"));
        cache.InputsChanged([Full("articles/a.md")]);
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

        // Then the edit read one file without listing the folder, the others listed it, and each build wrote what a clean build does
        Assert.Equal(1, readForEdit);
        Assert.False(listedForEdit);
        Assert.True(cache.InputListed);
        Assert.False(Directory.Exists(Path.Combine(input.OutputDirectory, "articles/a")));
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    [Fact]
    public async Task ToldOfAFileThatCanNoLongerBeReadABuildReportsItAndOnceFixedBuildsIt()
    {
        // Given a corpus last written an hour ago, built once with a cache
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildAgedAsync(input, renderer);
        var article = Path.Combine(input.InputDirectory, "articles/b.md");

        // When an article is saved as Latin-1 and reported, then saved as UTF-8 again and reported
        input.WriteBytes("articles/b.md", [.. System.Text.Encoding.Latin1.GetBytes(TestInput.Article("Article B", "NATO met in Malmö.", date: "2024-01-02"))]);
        cache.InputsChanged([article]);
        var broken = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);
        input.Write("articles/b.md", TestInput.Article("Article B", "NATO met in Malmö.", date: "2024-01-02"));
        cache.InputsChanged([article]);
        var fixedAgain = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);

        // Then the first build reported the file, without listing the folder, and the second wrote what a clean build does
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Id == "SB1002" && d.Location.Path.EndsWith("articles/b.md", StringComparison.Ordinal));
        Assert.True(fixedAgain.Succeeded);
        Assert.False(cache.InputListed);
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    [Fact]
    public async Task AnArticleThatBreaksIsReportedAndOnceFixedIsBuiltAgain()
    {
        // Given a site built with a cache
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);

        // When an article loses its date (it no longer parses), and then gets it back
        input.Write("articles/b.md", "---\ntitle: \"Article B\"\nsource: Test Wire\n---\nNATO met again.");
        var broken = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);
        input.Write("articles/b.md", TestInput.Article("Article B", "NATO met again, later.", date: "2024-01-02"));
        var fixedAgain = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);

        // Then the first build failed on that file, and the second wrote what a clean build does
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.IsError && d.Location.Path.EndsWith("articles/b.md", StringComparison.Ordinal));
        Assert.True(fixedAgain.Succeeded);
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    [Fact]
    public async Task ALinkToAnArticleThatIsDeletedIsReportedByTheNextBuild()
    {
        // Given a site built with a cache, one of whose articles links to another
        using var input = TwoArticlesAboutNato();
        input.Write("articles/a.md", TestInput.Article("Article A", "NATO met, as [reported before](/articles/b/).", date: "2024-01-01"));
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);

        // When the linked article is deleted
        File.Delete(Path.Combine(input.InputDirectory, "articles/b.md"));
        var result = await SiteGenerator.BuildAsync(input.Options(), renderer, cache);

        // Then the link is reported as broken
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Id == "SB5001" && d.Location.Path.EndsWith("articles/a.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditThatKeepsTheLengthAndTheTimestampOfARecentFileIsStillSeen()
    {
        // Given an article written just now and built with a cache
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["entities/nato.yml"] = TestInput.Entity("NATO", "organization"),
            ["articles/a.md"] = TestInput.Article("Article A", "NATO met on Monday.", date: "2024-01-01"),
        });
        var path = Path.Combine(input.InputDirectory, "articles/a.md");
        var written = File.GetLastWriteTimeUtc(path);
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);

        // When it is rewritten with text of the same length within the same timestamp tick (forced here)
        input.Write("articles/a.md", TestInput.Article("Article A", "NATO met on Friday.", date: "2024-01-01"));
        File.SetLastWriteTimeUtc(path, written);
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

        // Then the rebuild read it again (a file that recent is never trusted by its length and time alone)
        Assert.Contains("NATO</a> met on Friday.", File.ReadAllText(Path.Combine(input.OutputDirectory, "articles/a/index.html")));
    }

    [Fact]
    public async Task TheSearchIndexIsWrittenAgainOnlyWhenWhatItIndexesChanged()
    {
        // Given a site built with a cache
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["site.yml"] = TestInput.SiteYml.Replace("Test Archive", "Before", StringComparison.Ordinal),
            ["entities/nato.yml"] = TestInput.Entity("NATO", "organization"),
            ["articles/a.md"] = TestInput.Article("Article A", "NATO met.", date: "2024-01-01"),
            ["articles/b.md"] = TestInput.Article("Article B", "NATO met again.", date: "2024-01-02"),
        });
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);
        Assert.True(cache.SearchIndexRebuilt);

        // When the site's title changes (every page, but no search document), and then an article's text
        input.Write("site.yml", TestInput.SiteYml.Replace("Test Archive", "After", StringComparison.Ordinal));
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);
        var afterTitle = cache.SearchIndexRebuilt;
        input.Write("articles/b.md", TestInput.Article("Article B", "NATO met once more.", date: "2024-01-02"));
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

        // Then only the second change wrote the index again, and the output is a clean build's
        Assert.False(afterTitle);
        Assert.True(cache.SearchIndexRebuilt);
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // files older than the read cache's racy window, as in a long session: unchanged ones are the same objects
    public async Task EditsThatMoveMentionsDatesAndContextsMatchACleanBuildAfterEachOne(bool aged)
    {
        // Given a site built with a cache, whose articles share entities (so they have related articles and timelines)
        var files = new Dictionary<string, string>
        {
            ["entities/nato.yml"] = TestInput.Entity("NATO", "organization"),
            ["entities/un.yml"] = TestInput.Entity("United Nations", "organization", "UN"),
            ["entities/eu.yml"] = TestInput.Entity("European Union", "organization", "EU"),
        };
        string[] bodies = ["NATO met.", "The UN met.", "The EU met.", "NATO and the UN met.", "NATO and the EU met.", "The UN and the EU met."];
        for (var i = 0; i < 12; i++)
        {
            files[$"articles/a{i:D2}.md"] = TestInput.Article($"Article {i}", bodies[i % bodies.Length], date: $"2024-03-{1 + i:D2}");
        }

        using var input = new TestInput(files);
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in aged ? Directory.GetFiles(input.InputDirectory, "*", SearchOption.AllDirectories) : [])
        {
            File.SetLastWriteTimeUtc(file, hourAgo);
        }

        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);
        (string File, string Text)[] edits =
        [
            // an article about other entities now (its related articles, two entities' timelines and co-mentions move)
            ("articles/a00.md", TestInput.Article("Article 0", "The UN met.", date: "2024-03-01")),
            // the oldest article becomes the newest (previous/next links, the home page, every list)
            ("articles/a01.md", TestInput.Article("Article 1", "The UN met.", date: "2024-04-30")),
            // the same entities, another sentence around the mention (the timelines show it in context)
            ("articles/a03.md", TestInput.Article("Article 3", "Late on Friday NATO and the UN met again.", date: "2024-03-04")),
            // a title only, in place (the article's neighbours and the articles it is related to list it by title)
            ("articles/a04.md", TestInput.Article("Article 4, retitled", "NATO and the EU met.", date: "2024-03-05")),
            // the same entities, mentioned more often (the entity's mention count and its months change, nothing else)
            ("articles/a05.md", TestInput.Article("Article 5", "The UN and the EU met, and the UN spoke.", date: "2024-03-06")),
            // a date in another month that keeps the order (the entities' mentions per month move, nothing else of theirs)
            ("articles/a11.md", TestInput.Article("Article 11", "The UN and the EU met.", date: "2024-04-15")),
            // a title only, of an article that shares no entity with its older neighbour (which lists it as "next")
            ("articles/a02.md", TestInput.Article("Article 2, retitled", "The EU met.", date: "2024-03-03")),
            // an entity's description (its page, and the pages that describe it in their metadata)
            ("entities/un.yml", TestInput.Entity("United Nations", "organization", "UN") + "description: The world body.\n"),
        ];

        foreach (var (file, text) in edits)
        {
            // When one file changes and the site is rebuilt with the cache
            input.Write(file, text);
            if (aged)
            {
                hourAgo = hourAgo.AddMinutes(1);
                File.SetLastWriteTimeUtc(Path.Combine(input.InputDirectory, file), hourAgo);
            }

            Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

            // Then the output is what a clean build of the same input writes
            await AssertSameAsCleanBuildAsync(input, renderer);
        }
    }

    [Fact]
    public async Task APreviewBuildWritesThePagesFirstAndTheSearchIndexAfter()
    {
        // Given a site built with a cache
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);
        var searchBefore = SearchFiles(input.OutputDirectory);

        // When an article's text changes and only the pages are built
        input.Write("articles/b.md", TestInput.Article("Article B", "NATO met in Brussels.", date: "2024-01-02"));
        Assert.True((await SiteGenerator.BuildPagesAsync(input.Options(), renderer, cache)).Succeeded);

        // Then its page is new while the search files are still the last build's
        Assert.Contains("met in Brussels.", File.ReadAllText(Path.Combine(input.OutputDirectory, "articles/b/index.html")));
        Assert.Equal(searchBefore, SearchFiles(input.OutputDirectory));

        // And once the search index is written, the folder is a clean build's
        await SiteGenerator.WriteSearchIndexAsync(cache);
        Assert.True(cache.SearchIndexRebuilt);
        Assert.NotEqual(searchBefore, SearchFiles(input.OutputDirectory));
        await AssertSameAsCleanBuildAsync(input, renderer);

        static Dictionary<string, string> SearchFiles(string site) => TestInput.Snapshot(site)
            .Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary();
    }

    [Fact]
    public async Task AnEditToOneArticleOfAFrequentEntityChangesOnlyTheTimelinePageThatListsIt()
    {
        // Given an entity in 120 articles (three timeline pages of 50), built with a cache
        var files = new Dictionary<string, string> { ["entities/nato.yml"] = TestInput.Entity("NATO", "organization") };
        for (var i = 0; i < 120; i++)
        {
            files[$"articles/a{i:D3}.md"] = TestInput.Article($"Article {i}", $"NATO met for the {i}th time.", date: $"2024-{1 + (i / 28):D2}-{1 + (i % 28):D2}");
        }

        using var input = new TestInput(files);
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);
        var before = TestInput.Snapshot(input.OutputDirectory);

        // When the title of an article on the second page (the 60th newest) changes
        input.Write("articles/a059.md", TestInput.Article("Article 59, retitled", "NATO met for the 59th time.", date: "2024-03-04"));
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);

        // Then of the entity's pages only the second changed, and the site is a clean build's
        var after = TestInput.Snapshot(input.OutputDirectory);
        Assert.Equal(before["entities/nato/index.html"], after["entities/nato/index.html"]);
        Assert.NotEqual(before["entities/nato/page/2/index.html"], after["entities/nato/page/2/index.html"]);
        Assert.Equal(before["entities/nato/page/3/index.html"], after["entities/nato/page/3/index.html"]);
        Assert.Equal(await CleanBuildSnapshotAsync(input, renderer), after);
    }

    [Fact]
    public async Task ASearchIndexWriteCancelledByANewerEditIsDoneByTheNextBuild()
    {
        // Given a site built with a cache, then an edit whose pages are built and whose search index is cancelled
        using var input = TwoArticlesAboutNato();
        await using var renderer = ThemeRenderer.Create();
        var cache = await BuildOnceAsync(input, renderer);
        input.Write("articles/b.md", TestInput.Article("Article B", "NATO met in Riga.", date: "2024-01-02"));
        Assert.True((await SiteGenerator.BuildPagesAsync(input.Options(), renderer, cache)).Succeeded);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiteGenerator.WriteSearchIndexAsync(cache, cancelled.Token));

        // When the next edit is built, pages and then search index
        input.Write("articles/a.md", TestInput.Article("Article A", "NATO met in Oslo.", date: "2024-01-01"));
        Assert.True((await SiteGenerator.BuildPagesAsync(input.Options(), renderer, cache)).Succeeded);
        await SiteGenerator.WriteSearchIndexAsync(cache);

        // Then the folder is a clean build's
        await AssertSameAsCleanBuildAsync(input, renderer);
    }

    /// <summary>Every file of a clean build of the same input into a folder beside the output, relative path → SHA-256.</summary>
    private static async Task<Dictionary<string, string>> CleanBuildSnapshotAsync(TestInput input, ThemeRenderer renderer)
    {
        var clean = Path.Combine(input.Root, "clean");
        Assert.True((await SiteGenerator.BuildAsync(input.Options() with { OutputDirectory = clean }, renderer)).Succeeded);
        return TestInput.Snapshot(clean);
    }

    private static async Task AssertSameAsCleanBuildAsync(TestInput input, ThemeRenderer renderer) =>
        Assert.Equal(await CleanBuildSnapshotAsync(input, renderer), TestInput.Snapshot(input.OutputDirectory));

    /// <summary>Dates every input file an hour back (past the read cache's racy window, as in a long session) and builds once with a new cache.</summary>
    private static async Task<BuildCache> BuildAgedAsync(TestInput input, ThemeRenderer renderer)
    {
        foreach (var file in Directory.GetFiles(input.InputDirectory, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        }

        return await BuildOnceAsync(input, renderer);
    }

    /// <summary>Builds the input once with a new cache, which the test then hands to the builds it looks at.</summary>
    private static async Task<BuildCache> BuildOnceAsync(TestInput input, ThemeRenderer renderer)
    {
        var cache = new BuildCache();
        Assert.True((await SiteGenerator.BuildAsync(input.Options(), renderer, cache)).Succeeded);
        return cache;
    }

    private static TestInput TwoArticlesAboutNato() => new(new Dictionary<string, string>
    {
        ["entities/nato.yml"] = TestInput.Entity("NATO", "organization"),
        ["articles/a.md"] = TestInput.Article("Article A", "NATO met.", date: "2024-01-01"),
        ["articles/b.md"] = TestInput.Article("Article B", "NATO met again.", date: "2024-01-02"),
    });
}
