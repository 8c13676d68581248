using SiteBuilder.Cli;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// The <c>github</c> format speaks the runner's workflow-command language: data (the message) escapes %, CR and LF;
/// properties (file, title) also escape ':' and ','. Anything else would cut a message short or split a property.
/// </summary>
public class GithubFormatTests
{
    private static readonly DiagnosticDescriptor Descriptor = DiagnosticDescriptors.YamlSyntax;

    [Fact]
    public void MessageEscapesPercentCarriageReturnAndLineFeedButKeepsColonsAndCommas()
    {
        Assert.Equal("100%25 sure%0D%0Anext line: a, b", GithubFormat.EscapeData("100% sure\r\nnext line: a, b"));
    }

    [Fact]
    public void PropertyAlsoEscapesColonAndComma()
    {
        Assert.Equal("C%3A/in put/a%2Cb%25.md%0A", GithubFormat.EscapeProperty("C:/in put/a,b%.md\n"));
    }

    [Fact]
    public void PercentIsEscapedFirstSoEscapesAreNotEscapedTwice()
    {
        Assert.Equal("%250A", GithubFormat.EscapeData("%0A"));
        Assert.Equal("%253A", GithubFormat.EscapeProperty("%3A"));
    }

    [Fact]
    public void AnnotationCarriesFileLineColumnAndTitleAndAnEscapedMessage()
    {
        var diagnostic = Descriptor.Create(new SourceLocation("input/articles/a,b:c.md", 3, 7), "50% of\nit: broken, really");

        Assert.Equal(
            "::error file=input/articles/a%2Cb%3Ac.md,line=3,col=7,title=SB1001%3A YAML syntax error::YAML syntax error: 50%25 of%0Ait: broken, really",
            GithubFormat.Command(diagnostic));
    }

    [Fact]
    public void WarningsAndInfosBecomeWarningAndNoticeAnnotations()
    {
        var warning = DiagnosticDescriptors.FutureDate.Create(new SourceLocation("a.md", 1, 1), "2999-01-01");
        var info = DiagnosticDescriptors.EntityNeverMentioned.Create(new SourceLocation("e.yml", 1, 1), "e");

        Assert.StartsWith("::warning file=a.md,", GithubFormat.Command(warning));
        Assert.StartsWith("::notice file=e.yml,", GithubFormat.Command(info));
    }

    [Fact]
    public void StepSummaryIsAMarkdownTableOfEveryDiagnosticWithCellsEscaped()
    {
        var diagnostics = new[]
        {
            DiagnosticDescriptors.UnknownArticleField.Create(new SourceLocation("input/articles/a.md", 2, 1), "tit|tle", "; did you mean 'title'?"),
            Descriptor.Create(new SourceLocation("input/entities/`x`.yml", 4, 9), "line one\nline <two>"),
        };

        var table = GithubFormat.SummaryTable(diagnostics);

        Assert.Equal(
            "### SiteBuilder: 2 diagnostic(s)\n\n"
            + "| Severity | ID | Location | Message |\n"
            + "|---|---|---|---|\n"
            + "| warning | SB3005 | `input/articles/a.md(2,1)` | Unknown field 'tit\\|tle'; did you mean 'title'? |\n"
            + "| error | SB1001 | `input/entities/'x'.yml(4,9)` | YAML syntax error: line one line &lt;two> |\n\n",
            table);
    }

    [Fact]
    public void StepSummaryHasEveryDiagnosticEvenBeyondTheTenAnnotationsGithubShows()
    {
        var diagnostics = Enumerable.Range(1, 25).Select(i => Descriptor.Create(new SourceLocation("input/site.yml", i, 1), "x")).ToArray();

        var rows = GithubFormat.SummaryTable(diagnostics).Split('\n').Count(l => l.StartsWith("| error | SB1001 |", StringComparison.Ordinal));

        Assert.Equal(25, rows);
    }

    [Fact]
    public void StepSummaryIsAppendedToTheFileGithubStepSummaryNames()
    {
        var path = Path.Combine(Path.GetTempPath(), "sb-summary-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            File.WriteAllText(path, "earlier step\n");
            var diagnostic = Descriptor.Create(new SourceLocation("input/site.yml", 1, 1), "x");
            using var output = new StringWriter();

            DiagnosticFormatter.Write(output, [diagnostic], DiagnosticFormat.Github, ".", color: false, githubSummaryPath: path);
            DiagnosticFormatter.Write(output, [], DiagnosticFormat.Github, ".", color: false, githubSummaryPath: path);

            var summary = File.ReadAllText(path);
            Assert.StartsWith("earlier step\n### SiteBuilder: 1 diagnostic(s)\n", summary);
            Assert.Contains("| error | SB1001 | `input/site.yml(1,1)` | YAML syntax error: x |\n", summary);
            Assert.EndsWith("### SiteBuilder: no problems found\n\n", summary);
            Assert.Equal("::error file=input/site.yml,line=1,col=1,title=SB1001%3A YAML syntax error::YAML syntax error: x\n", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
