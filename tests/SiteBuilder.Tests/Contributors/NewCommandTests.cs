using System.Globalization;
using SiteBuilder.Cli;
using SiteBuilder.Yaml;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// <c>sitebuilder new article</c> and <c>new entity</c> write correctly named files whose YAML reads back as exactly the
/// values given, list the entities a text mentions, refuse to overwrite, refuse bad input, and what they write passes check.
/// </summary>
public class NewCommandTests
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task NewEntityWritesAFileWhoseValuesReadBackExactlyAndPassesCheck()
    {
        using var input = new TestInput();
        const string name = "Dana \"D\" O'Brien: Chair #1";

        var result = await Cli.RunAsync("new", "entity", "--name", name, "--kind", "person", "--alias", "O'Brien", "--alias", "Chair, \\the/ [one]",
            "--description", "Leads: the committee; 100% sure.", "--input", input.InputDirectory);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(input.InputDirectory, "entities", "dana-d-obrien-chair-1.yml");
        Assert.Contains("Created ", result.Output);
        var text = File.ReadAllText(path);
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/entity.schema.json\nname: ", text);
        var fields = Read(text);
        Assert.Equal(name, fields["name"]);
        Assert.Equal("person", fields["kind"]);
        Assert.Equal("Leads: the committee; 100% sure.", fields["description"]);
        Assert.Equal(["O'Brien", "Chair, \\the/ [one]"], Aliases(text));

        input.Write("articles/2025/meeting.md", TestInput.Article("Meeting", "O'Brien chaired the meeting."));
        await AssertChecksCleanAsync(input);
    }

    [Fact]
    public async Task NewArticleFromATextWritesItAsTheBodyListsTheEntitiesItMentionsAndPassesCheck()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump"),
            ["entities/white-house.yml"] = TestInput.Entity("White House", "place"),
            ["entities/kyiv.yml"] = TestInput.Entity("Kyiv", "place"),
        });
        var text = Path.Combine(input.Root, "article.txt");
        File.WriteAllText(text, "\n\nDonald Trump spoke at the White House.   \r\n\r\nTrump's aides left early.\n\n\n");
        const string title = "Trump: \"We'll see\" — #talks, 50% done";

        var result = await Cli.RunAsync("new", "article", "--title", title, "--source", "The Asia: Live", "--date", "2025-03-04",
            "--url", "https://example.org/a?b=1&c=2#x", "--author", "Ann O'Neil", "--from", text, "--input", input.InputDirectory);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(input.InputDirectory, "articles", "2025", "trump-well-see-talks-50-done.md");
        var written = File.ReadAllText(path);
        var fields = Read(written.Split("---\n")[1]);
        Assert.Equal(title, fields["title"]);
        Assert.Equal("2025-03-04", fields["date"]);
        Assert.Equal("The Asia: Live", fields["source"]);
        Assert.Equal("https://example.org/a?b=1&c=2#x", fields["source_url"]);
        Assert.Equal("Ann O'Neil", fields["author"]);
        Assert.DoesNotContain("entities:", written);
        Assert.EndsWith("---\nDonald Trump spoke at the White House.\n\nTrump's aides left early.\n", written);
        Assert.Contains("Detected 2 entities in the text", result.Output);
        Assert.Contains("  donald-trump  Donald Trump (person), 2 mentions\n", result.Output);
        Assert.Contains("  white-house   White House (place), 1 mention\n", result.Output);
        Assert.DoesNotContain("kyiv", result.Output);

        input.Write("articles/2025/kyiv.md", TestInput.Article("Kyiv", "Kyiv is quiet."));
        await AssertChecksCleanAsync(input);
    }

    [Fact]
    public async Task NewArticleWithoutATextWritesAPlaceholderThatCheckWarnsAbout()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["entities/kyiv.yml"] = TestInput.Entity("Kyiv", "place") });
        input.Write("articles/2024/kyiv.md", TestInput.Article("Kyiv", "Kyiv is quiet."));

        var result = await Cli.RunAsync("new", "article", "--title", "Placeholder", "--source", "Wire", "--input", input.InputDirectory);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(input.InputDirectory, "articles", Today[..4], "placeholder.md");
        Assert.Equal($"---\ntitle: \"Placeholder\"\ndate: {Today}\nsource: \"Wire\"\n---\n{NewCommand.PlaceholderBody}\n", File.ReadAllText(path));
        var check = await Cli.RunAsync("check", "--input", input.InputDirectory, "--format", "msbuild");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"placeholder.md(6,1): warning SB4010: ", check.Output);
    }

    [Fact]
    public async Task NewEntityRefusesToOverwriteAnExistingFile()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["entities/people/keir-starmer.yml"] = "name: Keir Starmer\nkind: person\n" });

        var result = await Cli.RunAsync("new", "entity", "--name", "Keir Starmer", "--kind", "person", "--input", input.InputDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("An entity with the id 'keir-starmer' already exists: ", result.Error);
        Assert.Contains("people/keir-starmer.yml; nothing was written.", result.Error);
        Assert.False(File.Exists(Path.Combine(input.InputDirectory, "entities", "keir-starmer.yml")));
    }

    [Fact]
    public async Task NewArticleRefusesToOverwriteOrToReuseASlug()
    {
        using var input = new TestInput();
        var first = await Cli.RunAsync("new", "article", "--title", "Same title", "--source", "Wire", "--date", "2025-01-01", "--input", input.InputDirectory);
        var path = Path.Combine(input.InputDirectory, "articles", "2025", "same-title.md");
        var before = File.ReadAllText(path);

        var again = await Cli.RunAsync("new", "article", "--title", "Same title", "--source", "Other", "--date", "2025-01-01", "--input", input.InputDirectory);
        var otherYear = await Cli.RunAsync("new", "article", "--title", "Same title", "--source", "Wire", "--date", "2024-01-01", "--input", input.InputDirectory);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("same-title.md already exists; nothing was written.", again.Error);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(1, otherYear.ExitCode);
        Assert.Contains("An article with the slug 'same-title' already exists: ", otherYear.Error);
        Assert.False(Directory.Exists(Path.Combine(input.InputDirectory, "articles", "2024")));
    }

    [Theory]
    [InlineData("--date", "2025-02-30", "--date '2025-02-30' is not a valid date; write it as YYYY-MM-DD")]
    [InlineData("--date", "18/03/2025", "--date '18/03/2025' is not a valid date")]
    [InlineData("--url", "ftp://example.org/x", "--url 'ftp://example.org/x' must be an absolute http(s) URL")]
    [InlineData("--slug", "Bad_Slug", "--slug 'Bad_Slug' must match [a-z0-9]+(-[a-z0-9]+)*")]
    [InlineData("--author", "two\nlines", "--author must be one line of text")]
    public async Task NewArticleRefusesInvalidValuesAndWritesNothing(string option, string value, string message)
    {
        using var input = new TestInput();

        var result = await Cli.RunAsync("new", "article", "--title", "A title", "--source", "Wire", option, value, "--input", input.InputDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: " + message, result.Error);
        Assert.False(Directory.Exists(Path.Combine(input.InputDirectory, "articles")));
    }

    [Fact]
    public async Task NewArticleAsksForASlugWhenTheTitleHasNoLettersToMakeOne()
    {
        using var input = new TestInput();

        var result = await Cli.RunAsync("new", "article", "--title", "Путин", "--source", "Wire", "--input", input.InputDirectory);
        var withSlug = await Cli.RunAsync("new", "article", "--title", "Путин", "--source", "Wire", "--slug", "putin", "--date", "2025-01-01", "--input", input.InputDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The title gives no usable file name (''); pass one with --slug", result.Error);
        Assert.Equal(0, withSlug.ExitCode);
        Assert.Contains("title: \"Путин\"\n", File.ReadAllText(Path.Combine(input.InputDirectory, "articles", "2025", "putin.md")));
    }

    [Fact]
    public async Task NewEntityRefusesAnUnknownKindAndAMissingName()
    {
        using var input = new TestInput();

        var kind = await Cli.RunAsync("new", "entity", "--name", "Mars", "--kind", "planet", "--input", input.InputDirectory);
        var name = await Cli.RunAsync("new", "entity", "--kind", "place", "--input", input.InputDirectory);
        var empty = await Cli.RunAsync("new", "entity", "--name", "  ", "--kind", "place", "--input", input.InputDirectory);

        Assert.Equal(1, kind.ExitCode);
        Assert.Contains("planet", kind.Error);
        Assert.Contains("person", kind.Error);
        Assert.Equal(1, name.ExitCode);
        Assert.Contains("--name", name.Error);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("error: --name must not be empty.", empty.Error);
        Assert.False(Directory.Exists(Path.Combine(input.InputDirectory, "entities")));
    }

    [Fact]
    public async Task NewEntityWarnsAboutAnAliasAnotherEntityClaimsOrACommonWord()
    {
        using var input = new TestInput(new Dictionary<string, string> { ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Donald") });

        var result = await Cli.RunAsync("new", "entity", "--name", "Donald Tusk", "--kind", "person", "--alias", "Donald", "--alias", "leader", "--input", input.InputDirectory);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning: 'Donald' is also a name of 'donald-trump'; it will be ambiguous and link to neither (SB2005).", result.Output);
        Assert.Contains("Warning: 'leader' is a common lowercase word and would match ordinary text (SB2006).", result.Output);
    }

    [Fact]
    public async Task NewRefusesAnInputFolderThatDoesNotExist()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sb-missing-" + Guid.NewGuid().ToString("N"));

        var result = await Cli.RunAsync("new", "entity", "--name", "Kyiv", "--kind", "place", "--input", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"The input folder '{missing}' does not exist", result.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("key: value, [list], {map}")]
    [InlineData("# not a comment")]
    [InlineData("- not a list")]
    [InlineData("*alias &anchor !tag %directive @at `tick` |pipe >fold ?q")]
    [InlineData("\"double\" and 'single'")]
    [InlineData("back\\slash \\n not a newline")]
    [InlineData("line\nbreak\r\nand\ttab")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("2025-01-01")]
    [InlineData("  leading and trailing  ")]
    [InlineData("bell\a esc\u001b del\u007f nel\u0085 ls\u2028 ps\u2029 bom\uFEFF nul\0")]
    [InlineData("é ü 中文 😀 Zelenskyy’s")]
    [InlineData("")]
    public void QuotedYamlReadsBackAsExactlyTheSameString(string value)
    {
        var yaml = "title: " + YamlText.Quote(value) + "\n";

        var root = Assert.IsType<YamlMapping>(YamlReader.Read(yaml).Root);

        var scalar = Assert.IsType<YamlScalar>(root.Entries.Single().Value);
        Assert.Equal(value, scalar.Value);
        Assert.False(scalar.IsNull);
        Assert.DoesNotContain('\n', yaml.TrimEnd('\n'));
    }

    private static async Task AssertChecksCleanAsync(TestInput input)
    {
        var check = await Cli.RunAsync("check", "--input", input.InputDirectory, "--format", "msbuild");
        Assert.Equal("", check.Output);
        Assert.Equal("Check passed. 0 error(s), 0 warning(s).\n", check.Error);
        Assert.Equal(0, check.ExitCode);
    }

    private static Dictionary<string, string> Read(string yaml)
    {
        var root = Assert.IsType<YamlMapping>(YamlReader.Read(yaml).Root);
        return root.Entries.Where(e => e.Value is YamlScalar).ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal);
    }

    private static string[] Aliases(string yaml)
    {
        var root = Assert.IsType<YamlMapping>(YamlReader.Read(yaml).Root);
        var aliases = Assert.IsType<YamlSequence>(root.Entries.Single(e => e.Key.Value == "aliases").Value);
        return aliases.Items.Cast<YamlScalar>().Select(s => s.Value).ToArray();
    }
}
