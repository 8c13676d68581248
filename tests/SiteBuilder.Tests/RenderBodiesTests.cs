using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Stages;
using SiteBuilder.Text;

namespace SiteBuilder.Tests;

public class RenderBodiesTests
{
    private static readonly Entity Trump = new("donald-trump", "Donald Trump", EntityKind.Person, ["Trump"], [SourceLocation.File("e"), SourceLocation.File("e")], null, [], SourceLocation.File("e"));
    private static readonly Entity Nato = new("nato", "NATO", EntityKind.Organization, [], [SourceLocation.File("e")], null, [], SourceLocation.File("e"));
    private static readonly EquatableArray<Entity> Entities = [Trump, Nato];

    private static (RenderedBody Body, List<Diagnostic> Diagnostics) Render(string body, BodyFormat format = BodyFormat.Markdown, string baseUrl = "https://example.org/") =>
        Render(body, bodyStart: 0, format, baseUrl);

    /// <summary>Renders the body that starts at <paramref name="bodyStart"/> in <paramref name="text"/>, on line 5 of its file.</summary>
    private static (RenderedBody Body, List<Diagnostic> Diagnostics) Render(string text, int bodyStart, BodyFormat format = BodyFormat.Markdown, string baseUrl = "https://example.org/")
    {
        var article = new Article("a", "Title", new DateOnly(2025, 1, 1), "Wire", null, null, null, [], [], text, bodyStart, format, "input/articles/a.md", 5, SourceLocation.File("input/articles/a.md"));
        return RenderBodies.RenderOne(article, Entities, MentionMatcher.Create(Entities), new SiteUrls(new Uri(baseUrl)));
    }

    [Fact]
    public void ABodyAfterFrontMatterRendersAsItWouldAlone()
    {
        const string body = "Trump met NATO.\n\nHello <b>bold</b>\n";
        const string text = "---\ntitle: \"Trump <b>\"\n---\n" + body;

        var (alone, aloneDiagnostics) = Render(body);
        var (viewed, viewedDiagnostics) = Render(text, bodyStart: text.Length - body.Length);

        Assert.Equal(alone, viewed);
        Assert.Equal(("SB4001", 7), Assert.Single(viewedDiagnostics.Select(d => (d.Id, d.Location.Line)).Distinct()));
        Assert.Equal(aloneDiagnostics, viewedDiagnostics);
    }

    [Fact]
    public void PlainTextWarnsOfRawHtmlAtItsLineAndColumn()
    {
        var (body, diagnostics) = Render("First line.\n  Then <b>bold</b> text.", BodyFormat.PlainText);

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SB4001", 6, 8), (warning.Id, warning.Location.Line, warning.Location.Column));
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", body.Html);
    }

    [Fact]
    public void OnlyTheFirstMentionIsLinkedButEveryMentionCounts()
    {
        var (body, _) = Render("Trump spoke. Then Trump left. Donald Trump returned.");

        Assert.Equal(1, CountOf(body.Html, "class=\"mention\""));
        Assert.Contains("<a href=\"/entities/donald-trump/\" class=\"mention\">Trump</a> spoke.", body.Html);
        Assert.Equal(3, Assert.Single(body.Mentions).Count);
    }

    [Fact]
    public void HeadingsLinksAndCodeAreNotLinked()
    {
        var (body, _) = Render("## Trump at NATO\n\nSee [Trump's page](https://example.com) and `Trump` code.\n\n    Trump in a code block\n\nTrump finally.");

        Assert.Contains("<h3 id=\"trump-at-nato\">Trump at NATO</h3>", body.Html);
        Assert.Contains("<a href=\"https://example.com\">Trump's page</a>", body.Html);
        Assert.Contains("<code>Trump</code>", body.Html);
        Assert.Contains("<a href=\"/entities/donald-trump/\" class=\"mention\">Trump</a> finally.", body.Html);
        // Heading and link text count as mentions; code does not.
        Assert.Equal(3, body.Mentions.Single(m => m.EntityId == "donald-trump").Count);
        Assert.Equal(1, body.Mentions.Single(m => m.EntityId == "nato").Count);
    }

    [Fact]
    public void MentionLinksUseTheBasePath()
    {
        var (body, _) = Render("Trump spoke. [Other](/articles/b/)", baseUrl: "https://example.org/sub/");

        Assert.Contains("href=\"/sub/entities/donald-trump/\"", body.Html);
        Assert.Contains("href=\"/sub/articles/b/\"", body.Html);
        Assert.Equal("articles/b/", Assert.Single(body.Links).Target);
    }

    [Fact]
    public void ALongSentenceIsCutAtSpacesOnBothSidesOfTheMentionAndKeptOnOneLine()
    {
        // 200 characters on each side, one sentence, a line break in it; 157 characters of room on each side of "Trump".
        var before = string.Concat(Enumerable.Range(0, 40).Select(i => $"w{i:D3}" + (i == 20 ? "\n" : " ")));
        var after = string.Concat(Enumerable.Range(0, 40).Select(i => $" x{i:D3}"));
        var (body, _) = Render(before + "Trump" + after);

        var context = Assert.Single(body.Mentions).Context;
        var expectedBefore = "…" + string.Concat(Enumerable.Range(9, 31).Select(i => $"w{i:D3} "));
        var expectedAfter = string.Concat(Enumerable.Range(0, 31).Select(i => $" x{i:D3}")) + "…";
        Assert.Equal(new MentionContext(expectedBefore, "Trump", expectedAfter), context);
    }

    [Fact]
    public void ContextIsTheSentenceAroundTheFirstMention()
    {
        var (body, _) = Render("The meeting began. U.S. officials said Trump was angry. Nobody else spoke.");

        var context = Assert.Single(body.Mentions).Context;
        Assert.Equal(new MentionContext("U.S. officials said ", "Trump", " was angry."), context);
    }

    [Fact]
    public void RawHtmlIsDroppedWithAWarningAtItsLine()
    {
        var (body, diagnostics) = Render("Hello <b onclick=\"x()\">bold</b>\n\n<div>\nblock\n</div>\n");

        Assert.DoesNotContain("<b", body.Html);
        Assert.DoesNotContain("<div", body.Html);
        Assert.DoesNotContain("onclick", body.Html);
        Assert.Equal([("SB4001", 5), ("SB4001", 5), ("SB4001", 7)], diagnostics.Select(d => (d.Id, d.Location.Line)).ToArray());
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#115;cript:alert(1))")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void UnsafeLinkSchemesBecomeInert(string markdown)
    {
        var (body, diagnostics) = Render(markdown);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body.Html);
        var urls = document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").ToArray();
        Assert.All(urls, url => Assert.True(SafeUrls.IsSafeLink(url) && !url.Contains("script", StringComparison.OrdinalIgnoreCase), url));
        Assert.Contains(diagnostics, d => d.Id == "SB4004");
    }

    [Fact]
    public void PlainTextIsLiteralParagraphs()
    {
        var (body, _) = Render("# not a heading\n1. not a list\n\n<b>not html</b> *not emphasis*", BodyFormat.PlainText);

        Assert.Equal("<p># not a heading\n1. not a list</p>\n<p>&lt;b&gt;not html&lt;/b&gt; *not emphasis*</p>\n", body.Html);
    }

    [Fact]
    public void SummaryDefaultsToTheFirstParagraphCutAtASentence()
    {
        var first = string.Join(' ', Enumerable.Repeat("This is a sentence of some length.", 12));
        var (body, _) = Render(first + "\n\nSecond paragraph.");

        Assert.True(body.Summary.Length <= RenderBodies.SummaryLength);
        Assert.EndsWith("length.", body.Summary);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
