using SiteBuilder.Stages;

namespace SiteBuilder.Tests;

public class OutputTests
{
    [Fact]
    public async Task ABrokenInputLeavesThePreviousOutputByteForByteIntact()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump"),
            ["articles/a.md"] = TestInput.Article("A", "Trump spoke."),
        });
        var first = await SiteBuild.RunAsync(input.Options());
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var before = TestInput.Snapshot(input.OutputDirectory);

        input.Write("articles/b.md", "---\ntitle: [broken\n---\nText");
        var second = await SiteBuild.RunAsync(input.Options());

        Assert.False(second.Succeeded);
        Assert.Contains(second.Diagnostics, d => d.Id == "SB1001");
        Assert.Equal(before, TestInput.Snapshot(input.OutputDirectory));
        Assert.Single(Directory.GetDirectories(input.Root), d => Path.GetFileName(d) == "_site");
    }

    [Fact]
    public async Task EveryFileIs0644AndEveryFolder0755()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump"),
            ["articles/a.md"] = TestInput.Article("A", "Trump spoke."),
        });

        Assert.True((await SiteBuild.RunAsync(input.Options())).Succeeded);

        var entries = new DirectoryInfo(input.OutputDirectory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(input.OutputDirectory)).ToList();
        Assert.Contains(entries, e => e is DirectoryInfo && e.Name == "articles");
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(entries.OfType<FileInfo>(), f => Assert.Equal(WriteSite.FileMode, f.UnixFileMode));
            Assert.All(entries.OfType<DirectoryInfo>(), d => Assert.Equal(WriteSite.DirectoryMode, d.UnixFileMode));
        }
    }

    [Fact]
    public async Task AnOutputFolderThatContainsTheInputIsRefused()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["articles/a.md"] = TestInput.Article("A", "Text.") });

        var result = await SiteBuild.RunAsync(input.Options() with { OutputDirectory = input.Root });

        Assert.False(result.Succeeded);
        Assert.Equal("SB6002", Assert.Single(result.Diagnostics).Id);
        Assert.True(File.Exists(Path.Combine(input.InputDirectory, "site.yml")));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.html")]
    [InlineData("")]
    public void OutputPathsOutsideTheOutputFolderAreRefused(string path)
    {
        Assert.Throws<InvalidOperationException>(() => Stages.WriteSite.Target(Path.GetTempPath(), path));
    }
}
