using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Text;

namespace SiteBuilder.Stages;

/// <summary>
/// Stage 3: each article body → HTML with the first mention of every entity linked, plus every mention (for statistics and
/// context), the plain text (for search) and the summary. Raw HTML is dropped with a warning; links other than http(s), mailto
/// and relative ones are made inert. Headings, links and code are never linked; code does not count as a mention.
/// Pure and parallel over articles; the Markdig pipeline and the matcher are built once.
/// </summary>
public static partial class RenderBodies
{
    public const int SummaryLength = 300;
    private const int ContextLength = 320;

    internal static readonly MarkdownPipeline Pipeline = Extensions().UseAutoLinks().Build();

    // The same without bare-URL autolinks, which cost a sixth of rendering a body (the autolink parser stops the literal
    // scanner at every h, f, m, t and w of the prose) and which few articles have. See Parse.
    internal static readonly MarkdownPipeline PipelineWithoutAutoLinks = Extensions().Build();

    private static MarkdownPipelineBuilder Extensions() => new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras();

    // What an autolink starts with (the parser takes "http://", "https://", "ftp://", "mailto:", "tel:" and "www."; any
    // case here, a superset is enough), each with the position of its first ':' or '.': those are searched for, as they
    // are rare in prose, and the start checked from there.
    private static readonly (string Start, int Mark)[] AutoLinkStarts =
        [("http://", 4), ("https://", 5), ("ftp://", 3), ("mailto:", 6), ("tel:", 3), ("www.", 3)];
    private static readonly SearchValues<char> AutoLinkMarks = SearchValues.Create(":.");

    public static (EquatableArray<RenderedBody> Bodies, IReadOnlyList<Diagnostic> Diagnostics) Run(
        EquatableArray<Article> articles, EquatableArray<Entity> entities, MentionMatcher matcher, SiteUrls urls)
    {
        var results = new (RenderedBody Body, List<Diagnostic> Diagnostics)[articles.Count];
        Parallel.For(0, articles.Count, i => results[i] = RenderOne(articles[i], entities, matcher, urls));
        return (results.Select(r => r.Body).ToEquatableArray(), results.SelectMany(r => r.Diagnostics).ToList());
    }

    [ThreadStatic]
    private static Utf8TextWriter? t_html;

    internal static (RenderedBody, List<Diagnostic>) RenderOne(Article article, EquatableArray<Entity> entities, MentionMatcher matcher, SiteUrls urls)
    {
        var diagnostics = new List<Diagnostic>();
        // Markdig takes a string: the body is copied off the file's text here, for as long as it is parsed.
        var markdown = article.Format == BodyFormat.PlainText ? PlainTextToMarkdown(article, diagnostics)
            : article.BodyStart == 0 ? article.Text : article.Body.ToString();
        var document = Parse(markdown);
        var walker = new BodyWalker(article, entities, matcher, urls, diagnostics);
        walker.Walk(document);
        // The walker removed raw HTML from the tree, so the pipeline's HTML renderer can write it, as UTF-8, into this
        // thread's reusable writer.
        var writer = t_html ??= new Utf8TextWriter();
        writer.Reset();
        document.ToHtml(writer, Pipeline);
        writer.Complete();
        var html = Utf8Text.FromUtf8(writer.Written.Span);

        var summary = article.Summary ?? Sentences.Truncate(walker.FirstParagraph ?? article.Title, SummaryLength);
        var body = new RenderedBody(article.Slug, html, walker.PlainText(), summary, walker.Mentions(), walker.Links.ToEquatableArray());
        return (body, diagnostics);
    }

    /// <summary>
    /// The document as the full pipeline parses it. It is parsed without autolinks first: the autolink parser is tried only
    /// where literal text is (not in code, link destinations or HTML), and only succeeds where that text starts one of
    /// <see cref="AutoLinkStarts"/>. If no literal has one, it would have failed everywhere and the two parses are the same
    /// tree (its literals merely cut at fewer places, which neither the HTML nor the walker sees); otherwise the text is
    /// parsed again with it.
    /// </summary>
    internal static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, PipelineWithoutAutoLinks);
        return MayHoldAutoLink(document) ? Markdown.Parse(markdown, Pipeline) : document;
    }

    internal static bool MayHoldAutoLink(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            var (text, start, end) = (literal.Content.Text, literal.Content.Start, literal.Content.End);
            if (text is null || start > end)
            {
                continue;
            }

            // An autolink start at any position of the literal, read on past the literal's end as the parser reads its
            // text: found by its ':' or '.', which is at most 6 characters after the start.
            var limit = Math.Min(text.Length, end + 1 + 6);
            var at = start;
            while (at < limit && text.AsSpan(at, limit - at).IndexOfAny(AutoLinkMarks) is var found && found >= 0)
            {
                at += found;
                foreach (var (prefix, mark) in AutoLinkStarts)
                {
                    var from = at - mark;
                    if (from >= start && from <= end && text.AsSpan(from).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                at++;
            }
        }

        return false;
    }

    /// <summary>Plain text: paragraphs separated by blank lines, every character literal. Escaping keeps line numbers.</summary>
    private static string PlainTextToMarkdown(Article article, List<Diagnostic> diagnostics)
    {
        var body = article.Body;
        var builder = new StringBuilder(body.Length + body.Length / 8);
        var lineNumber = article.BodyLine;
        foreach (var range in body.Split('\n'))
        {
            var rawLine = body[range];
            var line = rawLine.TrimStart();
            if (HtmlTag().EnumerateMatches(line) is var tags && tags.MoveNext())
            {
                var (index, length) = (tags.Current.Index, tags.Current.Length);
                var at = new SourceLocation(article.BodyPath, lineNumber, rawLine.Length - line.Length + index + 1);
                diagnostics.Add(DiagnosticDescriptors.RawHtml.Create(at, Clip(line.Slice(index, length).ToString())));
            }

            foreach (var c in line)
            {
                if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127)
                {
                    builder.Append(c);
                }
                else if (char.IsPunctuation(c) || char.IsSymbol(c))
                {
                    builder.Append('\\').Append(c);
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append('\n');
            lineNumber++;
        }

        return builder.ToString();
    }

    internal static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")]
    private static partial Regex HtmlTag();

    /// <summary>Walks one document once: sanitises links, reports and removes raw HTML, finds and links mentions, collects plain text.</summary>
    private sealed class BodyWalker(Article article, EquatableArray<Entity> entities, MentionMatcher matcher, SiteUrls urls, List<Diagnostic> diagnostics)
    {
        // One pair of builders per thread, reused from article to article with their capacity: bodies are rendered in
        // parallel but each one on a single thread, start to finish.
        [ThreadStatic]
        private static StringBuilder? t_plain;
        [ThreadStatic]
        private static StringBuilder? t_paragraph;

        private readonly StringBuilder _plain = (t_plain ??= new StringBuilder(16 * 1024)).Clear();
        private readonly StringBuilder _paragraph = (t_paragraph ??= new StringBuilder(4 * 1024)).Clear();
        private readonly HashSet<int> _linked = [];
        private readonly Dictionary<int, (int Count, int Line, MentionContext Context)> _mentions = [];
        private readonly List<(int Entity, int Offset, int Length, int Line)> _pending = [];

        public List<BodyLink> Links { get; } = [];

        public string? FirstParagraph { get; private set; }

        /// <summary>The plain text without trailing whitespace, encoded from the builder (no string in between).</summary>
        public Utf8Text PlainText()
        {
            var end = _plain.Length;
            while (end > 0 && char.IsWhiteSpace(_plain[end - 1]))
            {
                end--;
            }

            return Utf8Text.From(_plain, end);
        }

        public EquatableArray<ArticleMention> Mentions() => _mentions
            .Select(m => new ArticleMention(entities[m.Key].Id, m.Value.Count, m.Value.Line, m.Value.Context))
            .OrderBy(m => m.Line).ThenBy(m => m.EntityId, StringComparer.Ordinal)
            .ToEquatableArray();

        public void Walk(MarkdownDocument document)
        {
            foreach (var block in document.Descendants<Block>().ToList())
            {
                switch (block)
                {
                    case HtmlBlock html:
                        Report(DiagnosticDescriptors.RawHtml, html.Line, html.Column, Clip(html.Lines.ToString().Split('\n')[0].Trim()));
                        html.Parent?.Remove(html);
                        break;
                    case HeadingBlock heading:
                        heading.Level = Math.Min(6, heading.Level + 1);
                        WalkLeaf(heading, linkable: false);
                        break;
                    case LeafBlock { Inline: not null } leaf:
                        WalkLeaf(leaf, linkable: true);
                        if (FirstParagraph is null && leaf is ParagraphBlock && leaf.Parent is MarkdownDocument)
                        {
                            FirstParagraph = _paragraph.ToString().Trim();
                        }

                        break;
                    case CodeBlock code:
                        _plain.Append(code.Lines.ToString()).Append('\n');
                        break;
                }
            }
        }

        private void WalkLeaf(LeafBlock leaf, bool linkable)
        {
            _paragraph.Clear();
            _pending.Clear();
            WalkContainer(leaf.Inline!, linkable);
            var paragraph = _pending.Count > 0 ? Paragraph() : [];
            foreach (var (entity, offset, length, line) in _pending)
            {
                var count = _mentions.TryGetValue(entity, out var existing) ? existing.Count : 0;
                var context = count == 0 ? ContextOf(paragraph, offset, length) : existing.Context;
                _mentions[entity] = (count + 1, count == 0 ? line : existing.Line, context);
            }

            _plain.Append(_paragraph).Append('\n');
        }

        /// <summary>The sentence around a mention, cut to about <see cref="ContextLength"/> characters at spaces, on one line.</summary>
        private static MentionContext ContextOf(ReadOnlySpan<char> text, int offset, int length)
        {
            var (start, end) = Sentences.Around(text, offset, offset + length);
            var before = text[start..offset];
            var after = text[(offset + length)..end];
            var room = Math.Max(40, (ContextLength - length) / 2);
            var (cutBefore, cutAfter) = (before.Length > room, after.Length > room);
            if (cutBefore)
            {
                var cut = before[^room..].IndexOf(' ');
                before = cut >= 0 ? before[(before.Length - room + cut + 1)..] : before[^room..];
            }

            if (cutAfter)
            {
                var cut = after[..(room + 1)].LastIndexOf(' ');
                after = cut > 0 ? after[..cut] : after[..room];
            }

            return new MentionContext(
                string.Concat(cutBefore ? "…" : "", Collapse(before)), text.Slice(offset, length).ToString(), string.Concat(Collapse(after), cutAfter ? "…" : ""));
        }

        private static string Collapse(ReadOnlySpan<char> text) => text.Contains('\n') ? text.ToString().Replace('\n', ' ') : text.ToString();

        /// <summary>The paragraph collected so far: the builder's one chunk (it is reused with its capacity), or a copy.</summary>
        private ReadOnlySpan<char> Paragraph()
        {
            var chunks = _paragraph.GetChunks();
            return chunks.MoveNext() && chunks.Current.Length == _paragraph.Length ? chunks.Current.Span : _paragraph.ToString();
        }

        private void WalkContainer(ContainerInline container, bool linkable)
        {
            var child = container.FirstChild;
            while (child is not null)
            {
                var next = child.NextSibling;
                switch (child)
                {
                    case LiteralInline literal:
                        next = WalkLiterals(literal, linkable);
                        break;
                    case LinkInline link:
                        SanitizeLink(link);
                        WalkContainer(link, linkable: false);
                        break;
                    case AutolinkInline autolink:
                        if (!SafeUrls.IsSafeLink(autolink.Url))
                        {
                            Report(DiagnosticDescriptors.UnsafeLink, autolink.Line, autolink.Column, Clip(autolink.Url));
                            autolink.ReplaceBy(new LiteralInline(autolink.Url));
                        }

                        _paragraph.Append(autolink.Url);
                        break;
                    case CodeInline code:
                        _paragraph.Append(code.Content);
                        break;
                    case HtmlInline html:
                        Report(DiagnosticDescriptors.RawHtml, html.Line, html.Column, Clip(html.Tag));
                        html.Remove();
                        break;
                    case LineBreakInline:
                        _paragraph.Append(' ');
                        break;
                    case ContainerInline inner:
                        WalkContainer(inner, linkable);
                        break;
                }

                child = next;
            }
        }

        /// <summary>Matches a run of adjacent literals as one text; returns the inline after the run.</summary>
        private Inline? WalkLiterals(LiteralInline first, bool linkable)
        {
            var run = new List<LiteralInline> { first };
            var next = first.NextSibling;
            while (next is LiteralInline more)
            {
                run.Add(more);
                next = more.NextSibling;
            }

            var offset = _paragraph.Length;
            foreach (var literal in run)
            {
                _paragraph.Append(literal.Content.AsSpan());
            }

            var matches = Find(offset);
            if (matches.Count == 0)
            {
                return next;
            }

            // The new literals are slices of one text: of the Markdown source when the run is one literal (nearly always),
            // otherwise of the run's text, copied out once.
            var (source, start) = run.Count == 1
                ? (first.Content.Text, first.Content.Start)
                : (_paragraph.ToString(offset, _paragraph.Length - offset), 0);
            var length = _paragraph.Length - offset;
            StringSlice Slice(int from, int to) => new(source, start + from, start + to - 1);

            var toLink = new List<MentionMatch>();
            foreach (var match in matches)
            {
                if (match.IsAmbiguous)
                {
                    continue;
                }

                _pending.Add((match.Entity, offset + match.Start, match.Length, article.BodyLine + first.Line));
                if (linkable && _linked.Add(match.Entity))
                {
                    toLink.Add(match);
                }
            }

            if (toLink.Count > 0)
            {
                var position = 0;
                foreach (var match in toLink)
                {
                    if (match.Start > position)
                    {
                        first.InsertBefore(new LiteralInline(Slice(position, match.Start)));
                    }

                    var entity = entities[match.Entity];
                    var link = new LinkInline(urls.Href(SiteUrls.Entity(entity.Id)), "") { IsClosed = true };
                    link.AppendChild(new LiteralInline(Slice(match.Start, match.Start + match.Length)));
                    link.GetAttributes().AddClass("mention");
                    first.InsertBefore(link);
                    position = match.Start + match.Length;
                }

                if (position < length)
                {
                    first.InsertBefore(new LiteralInline(Slice(position, length)));
                }

                foreach (var literal in run)
                {
                    literal.Remove();
                }
            }

            return next;
        }

        /// <summary>The mentions in the paragraph text from <paramref name="offset"/> on (the literal run just appended).</summary>
        private IReadOnlyList<MentionMatch> Find(int offset) => matcher.Find(Paragraph()[offset..]);

        private void SanitizeLink(LinkInline link)
        {
            var url = link.Url ?? "";
            if (!SafeUrls.IsSafeLink(url))
            {
                Report(DiagnosticDescriptors.UnsafeLink, link.Line, link.Column, Clip(url));
                link.Url = link.IsImage ? "" : "#";
                if (link.IsImage)
                {
                    link.IsImage = false;
                }

                return;
            }

            if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                var target = url[1..];
                Links.Add(new BodyLink(target, new SourceLocation(article.BodyPath, article.BodyLine + link.Line, link.Column + 1)));
                link.Url = urls.Href(target);
            }
        }

        private void Report(DiagnosticDescriptor descriptor, int line, int column, string argument) =>
            diagnostics.Add(descriptor.Create(new SourceLocation(article.BodyPath, article.BodyLine + line, column + 1), argument));
    }
}
