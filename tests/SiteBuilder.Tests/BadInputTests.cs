namespace SiteBuilder.Tests;

/// <summary>Given a corpus with one mistake per file, when it is checked, then every mistake is reported at its file, line and column, in one run.</summary>
public class BadInputTests
{
    [Fact]
    public void EveryProblemInTheCorpusIsReportedAtItsLocationInOneRun()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["entities/donald-trump.yml"] = TestInput.Entity("Donald Trump", "person", "Trump"),
            ["entities/bad-kind.yml"] = "name: Bad Kind\nkind: planet\n",
            ["entities/no-name.yml"] = "kind: person\n",
            ["entities/Bad_Id.yml"] = "name: Bad Id\nkind: person\n",
            ["articles/yaml-error.md"] = "---\ntitle: \"unterminated\ndate: 2025-01-01\n---\nTrump.",
            ["articles/no-title.md"] = "---\ndate: 2025-01-01\nsource: Wire\n---\nTrump.",
            ["articles/bad-date.md"] = "---\ntitle: Bad date\ndate: 2025-02-30\nsource: Wire\n---\nTrump.",
            ["articles/unknown-entity.md"] = "---\ntitle: Unknown\ndate: 2025-01-01\nsource: Wire\nentities:\n  - donald-trumb\n---\nTrump.",
            ["articles/typo.md"] = "---\ntitle: Typo\ntittle: x\ndate: 2025-01-01\nsource: Wire\n---\nTrump.",
            ["articles/2024/dup.md"] = TestInput.Article("One", "Trump."),
            ["articles/2025/dup.md"] = TestInput.Article("Two", "Trump."),
        });

        var result = SiteGenerator.Analyze(input.Options());

        var found = result.Diagnostics.Select(d => $"{d.Location.Path}({d.Location.Line},{d.Location.Column}): {d.Id}").ToArray();
        Assert.Equal(
        [
            "input/articles/2025/dup.md(1,1): SB3007",
            "input/articles/bad-date.md(3,7): SB3002",
            "input/articles/no-title.md(2,1): SB3001",
            "input/articles/typo.md(3,1): SB3005",
            "input/articles/unknown-entity.md(6,5): SB3004",
            "input/articles/yaml-error.md(2,8): SB1001", // the opening quote of the unterminated string
            "input/entities/Bad_Id.yml(1,1): SB2003",
            "input/entities/bad-kind.yml(2,7): SB2002",
            "input/entities/no-name.yml(1,1): SB2001",
        ], found);
        Assert.True(result.HasErrors);
        Assert.Contains("did you mean 'donald-trump'?", result.Diagnostics.Single(d => d.Id == "SB3004").Message);
        Assert.Contains("did you mean 'title'?", result.Diagnostics.Single(d => d.Id == "SB3005").Message);
    }

    [Theory]
    [InlineData("title: {draft\n", 2, 8)]
    [InlineData("title: Open\nsource: [Wire\n", 3, 9)]
    public void AFlowCollectionLeftOpenIsASyntaxErrorNotACrash(string frontMatter, int line, int column)
    {
        // YamlDotNet 16.3 throws an InvalidOperationException for these, which once reached the user as an internal error.
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["articles/open.md"] = "---\n" + frontMatter + "date: 2025-01-01\n---\nText.",
        });

        var diagnostic = SiteGenerator.Analyze(input.Options()).Diagnostics.Single(d => d.IsError);

        Assert.Equal("SB1001", diagnostic.Id);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("is not closed", diagnostic.Message);
    }

    [Fact]
    public void DiagnosticsPrintLikeACompiler()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["articles/bad-date.md"] = "---\ntitle: Bad date\ndate: yesterday\nsource: Wire\n---\nText.",
        });

        var diagnostic = SiteGenerator.Analyze(input.Options()).Diagnostics.Single(d => d.Id == "SB3002");

        Assert.Equal("input/articles/bad-date.md(3,7): error SB3002: 'yesterday' is not a valid date; write it as YYYY-MM-DD", diagnostic.ToString());
    }

    [Fact]
    public void SidecarMetadataIsReportedInTheSidecar()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["articles/plain.txt"] = "Some text.",
            ["articles/plain.yml"] = "title: Plain\ndate: 2025-13-01\nsource: Wire\n",
        });

        var diagnostic = SiteGenerator.Analyze(input.Options()).Diagnostics.Single(d => d.IsError);

        Assert.Equal("input/articles/plain.yml(2,7): error SB3002: '2025-13-01' is not a valid date; write it as YYYY-MM-DD", diagnostic.ToString());
    }

    [Fact]
    public void WarningsBecomeErrorsWithWarnAsErrorAndOverridesApply()
    {
        using var input = new TestInput(new Dictionary<string, string>
        {
            ["articles/a.md"] = TestInput.Article("A", "No entities here."),
        });

        Assert.False(SiteGenerator.Analyze(input.Options()).HasErrors);
        Assert.True(SiteGenerator.Analyze(input.Options(warningsAsErrors: true)).HasErrors);

        input.Write("site.yml", TestInput.SiteYml + "diagnostics:\n  SB4003: none\n");
        Assert.DoesNotContain(SiteGenerator.Analyze(input.Options(warningsAsErrors: true)).Diagnostics, d => d.Id == "SB4003");
    }

    [Fact]
    public void BillionLaughsIsRefusedQuickly()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 9; i++)
        {
            var name = (char)('b' + i);
            var prev = (char)('a' + i);
            yaml += $"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n";
        }

        using var input = new TestInput(new Dictionary<string, string> { ["entities/laughs.yml"] = yaml });

        var diagnostic = SiteGenerator.Analyze(input.Options()).Diagnostics.Single(d => d.Path() == "input/entities/laughs.yml");
        Assert.Equal("SB1012", diagnostic.Id);
    }
}

internal static class DiagnosticExtensions
{
    public static string Path(this Diagnostics.Diagnostic diagnostic) => diagnostic.Location.Path;
}
