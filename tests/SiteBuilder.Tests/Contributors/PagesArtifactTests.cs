using AngleSharp.Html.Parser;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// What pages.yml uploads is what GitHub Pages can serve: a site built for a project address (https://owner.github.io/repo/)
/// whose files everyone can read, with no symbolic links, a 404.html at the root, and nothing that depends on a dotfile
/// (upload-pages-artifact and Jekyll treat those specially).
/// </summary>
public sealed class PagesArtifactTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-pages-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheSiteBuiltForAProjectPagesAddressIsServableAsAPagesArtifact()
    {
        var output = Path.Combine(_root, "_site");

        var result = await Cli.RunAsync("build", "--input", Repo.Input, "--output", output, "--base-url", "https://owner.github.io/repo/", "--check-links");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "404.html")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        var entries = new DirectoryInfo(output).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(output)).ToArray();
        Assert.All(entries, e => Assert.Null(e.LinkTarget));
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            const UnixFileMode traversable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            Assert.All(entries.OfType<FileInfo>(), f => Assert.True((f.UnixFileMode & readable) == readable, $"{f.FullName} is {f.UnixFileMode}"));
            Assert.All(entries.OfType<DirectoryInfo>(), d => Assert.True((d.UnixFileMode & traversable) == traversable, $"{d.FullName} is {d.UnixFileMode}"));
        }

        var dotfiles = entries.Where(e => e.Name.StartsWith('.')).Select(e => Path.GetRelativePath(output, e.FullName)).ToArray();
        Assert.All(dotfiles, d => Assert.Equal(".nojekyll", d));
        var parser = new HtmlParser();
        foreach (var page in Directory.GetFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            foreach (var url in document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                var path = url.Split('#', '?')[0];
                Assert.DoesNotContain(path.Split('/'), segment => segment.StartsWith('.') && segment is not "." and not "..");
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
