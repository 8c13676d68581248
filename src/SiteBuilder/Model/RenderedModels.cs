using SiteBuilder.Diagnostics;

namespace SiteBuilder.Model;

/// <summary>The sentence around a mention: <see cref="Before"/> + <see cref="Mention"/> + <see cref="After"/>, plain text.</summary>
public sealed record MentionContext(string Before, string Mention, string After);

/// <summary>An entity mentioned in one article: how often, where first, and the first mention's sentence.</summary>
public sealed record ArticleMention(string EntityId, int Count, int Line, MentionContext Context);

/// <summary>A root-relative link written in a body ("/articles/x/"), to check that it resolves.</summary>
public sealed record BodyLink(string Target, SourceLocation Location);

/// <summary>An article body after Markdown rendering and mention linking (HTML and plain text as UTF-8: held for every article).</summary>
public sealed record RenderedBody(
    string Slug,
    Utf8Text Html,
    Utf8Text PlainText,
    string Summary,
    EquatableArray<ArticleMention> Mentions,
    EquatableArray<BodyLink> Links);
