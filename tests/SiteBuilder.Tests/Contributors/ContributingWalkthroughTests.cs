using System.Text.RegularExpressions;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// CONTRIBUTING.md followed as a new contributor would, on a copy of input/: a sixth article from a text, the entity it is
/// missing, one deliberate mistake. What the tool prints is exactly what CONTRIBUTING.md shows, and the mistake is
/// reported with what, where and how to fix it.
/// </summary>
public sealed partial class ContributingWalkthroughTests : IDisposable
{
    private const string ArticleText = """
        Keir Starmer hosted Volodymyr Zelenskyy in London on Sunday, a day after the Oval Office meeting with Donald Trump.

        European leaders, among them Emmanuel Macron and Giorgia Meloni, joined the talks.
        """;

    private static readonly string Contributing = File.ReadAllText(Repo.PathOf("CONTRIBUTING.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-walkthrough-" + Guid.NewGuid().ToString("N"));

    private string Input => Path.Combine(_root, "input");

    [Fact]
    public async Task ASixthArticleWithOneMistakeGoesAsContributingSays()
    {
        Cli.CopyDirectory(Repo.Input, Input);
        var text = Path.Combine(_root, "article.txt");
        File.WriteAllText(text, ArticleText.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");

        // Step 2: the article file, and the entities it mentions.
        var created = await Cli.RunAsync("new", "article", "--title", "Starmer hosts Zelensky: Europe's leaders meet in London",
            "--source", "The Asia Live", "--date", "2025-03-02", "--url", "https://theasialive.com/example", "--from", text, "--input", Input);
        Assert.Equal(0, created.ExitCode);
        Assert.Equal(Block("Created input/articles/"), Normalize(created.Output));

        // Step 3: the entity the text names but the catalog lacks.
        var entity = await Cli.RunAsync("new", "entity", "--name", "London", "--kind", "place", "--description", "Capital of the United Kingdom.", "--input", Input);
        Assert.Equal(0, entity.ExitCode);
        var clean = await Cli.RunAsync("check", "--input", Input);
        Assert.Equal("Check passed. 0 error(s), 0 warning(s).\n", clean.Error);

        // The deliberate mistake: a misspelt entity id.
        var article = Path.Combine(Input, "articles", "2025", "starmer-hosts-zelensky-europes-leaders-meet-in-london.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("source_url: \"https://theasialive.com/example\"\n",
            "source_url: \"https://theasialive.com/example\"\nentities:\n  - unitd-kingdom\n", StringComparison.Ordinal));
        var check = await Cli.RunAsync("check", "--input", Input);

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(Block("$ sitebuilder check\n")["$ sitebuilder check\n".Length..], Normalize(check.Error));
    }

    /// <summary>The fenced block of CONTRIBUTING.md that starts with <paramref name="start"/>, with its final newline.</summary>
    private static string Block(string start)
    {
        var block = FencedBlocks().Matches(Contributing).Select(m => m.Groups[1].Value).Single(b => b.StartsWith(start, StringComparison.Ordinal));
        return block;
    }

    /// <summary>What the tool prints with its working directory elsewhere, as it prints it from the repository root.</summary>
    private string Normalize(string output) => output
        .Replace(" --input " + Input, "", StringComparison.Ordinal)
        .Replace(_root.Replace('\\', '/') + "/", "", StringComparison.Ordinal);

    [GeneratedRegex("^```text\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlocks();

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
