using Markdig;
using SiteBuilder.Stages;

namespace SiteBuilder.Tests;

/// <summary>
/// Bodies are parsed without bare-URL autolinks first, and again with them only when some literal text starts like one:
/// the HTML must be what the full pipeline gives in every case, and the second parse must be skipped for ordinary prose.
/// </summary>
public class AutoLinkParseTests
{
    public static TheoryData<string> Bodies { get; } = new()
    {
        "Plain prose with the letters h, f, m, t and w, and no link at all.",
        "See http://example.org and https://example.org/a?b=c for details.",
        "Files at ftp://files.example.org, mail mailto:desk@example.org, call tel:+15551234567.",
        "Go to www.example.org. Or to www. alone, or to www.x.",
        "Shouted: HTTP://EXAMPLE.ORG and Https://Example.org and WWW.EXAMPLE.ORG.",
        "Inside emphasis: *http://example.org* and __www.example.org__ and ~~https://example.org~~.",
        "In parentheses (https://example.org) and glued nhttp://example.org and 1https://example.org.",
        "[the report](https://example.org/report) and [www.example.org](https://example.org) as a label.",
        "Only in a destination: [the report](https://example.org/report \"http://title.example.org\").",
        "In code: `https://example.org` and an angle autolink <https://example.org> and <mailto:a@example.org>.",
        "```\nhttps://example.org in a fence\n```\n\nAfter the fence.",
        "## A heading with https://example.org\n\nText.",
        "| a | b |\n|---|---|\n| https://example.org | www.example.org |\n| plain | text |",
        "Escaped \\http://example.org and an entity ht&#116;p://example.org and &#104;ttp://example.org.",
        "Split over lines: http:\n//example.org and www\n.example.org.",
        "A reference [link][r] and an image ![alt](https://example.org/i.png).\n\n[r]: https://example.org/ref",
        "> A quote with https://example.org\n\n- a list item with www.example.org\n- and one without",
        "Trailing punctuation: https://example.org/path., (www.example.org), https://example.org/a_b_.",
        "Email-like mailto:nobody and tel: alone and ftp:/not.a.link and http:/not.a.link.",
        "A bare address desk@example.org, a javascript:void(0) and a file:///etc/passwd are not among its starts.",
        "Https://Example.org at the very start, and at the very end: www.example.org",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void TheHtmlIsWhatTheFullPipelineGives(string markdown)
    {
        var expected = Markdown.ToHtml(markdown, RenderBodies.Pipeline);

        Assert.Equal(expected, RenderBodies.Parse(markdown).ToHtml(RenderBodies.Pipeline));
    }

    [Fact]
    public void TheSeedArticlesRenderAsWithTheFullPipeline()
    {
        var bodies = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Input, "articles"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.Equal(Markdown.ToHtml(body, RenderBodies.Pipeline), RenderBodies.Parse(body).ToHtml(RenderBodies.Pipeline)));
    }

    [Theory]
    [InlineData("Plain prose: the white house, the foreign minister, the talks.", false)]
    [InlineData("[the report](https://example.org/report) and `http://example.org` in code.", false)]
    [InlineData("```\nhttps://example.org\n```", false)]
    [InlineData("A bare https://example.org in prose.", true)]
    [InlineData("A WWW.EXAMPLE.ORG in capitals.", true)]
    [InlineData("A label [www.example.org](https://example.org).", true)]
    public void OnlyLiteralTextThatStartsLikeAnAutolinkAsksForTheSecondParse(string markdown, bool expected)
    {
        Assert.Equal(expected, RenderBodies.MayHoldAutoLink(Markdown.Parse(markdown, RenderBodies.PipelineWithoutAutoLinks)));
    }
}
