using System.Globalization;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Text;
using SiteBuilder.Yaml;

namespace SiteBuilder.Stages;

/// <summary>
/// Stage 2c: input/articles/** → <see cref="Article"/> records. An article is a Markdown file with front matter,
/// or a body (.md or .txt) with a sidecar .yml of the same name. Entity ids are checked against the catalog (second pass).
/// </summary>
public static class ParseArticles
{
    public const int MaxTitleLength = 500;

    /// <summary>The body <c>sitebuilder new article</c> writes when it is given no text; reported (SB4010) until it is replaced.</summary>
    public const string PlaceholderBody = "Replace this paragraph with the article text: Markdown, paragraphs separated by blank lines.";

    internal static readonly string[] KnownFields = ["title", "date", "source", "source_url", "author", "summary", "entities", "tags"];

    /// <summary>
    /// Articles parsed by the last run, by the files they came from (the preview server: an article whose files are the
    /// same <see cref="SourceFile"/> instances, as <see cref="ReadInputFiles.Cache"/> returns them, is not parsed again).
    /// When the files have the same paths as last run, their grouping is last run's; when the articles then have the
    /// same slugs, so are their order and the duplicate-slug diagnostics.
    /// </summary>
    public sealed class Cache
    {
        internal (HashSet<string> EntityIds, DateOnly Today)? Key { get; set; }

        internal SourceFile[] Files { get; set; } = [];

        internal Group[] Groups { get; set; } = [];

        internal (Article? Article, List<Diagnostic> Diagnostics)[] Parsed { get; set; } = [];

        /// <summary>The groups whose articles are the result, in slug order, and the diagnostics for duplicate slugs.</summary>
        internal (int[] Order, List<Diagnostic> Duplicates) Result { get; set; } = ([], []);
    }

    /// <summary>The files of one article (a body, a sidecar, or both), as indexes into the input files: same name, any extension.</summary>
    internal sealed record Group(string Name, int[] Files);

    public static (EquatableArray<Article> Articles, IReadOnlyList<Diagnostic> Diagnostics) Run(
        EquatableArray<SourceFile> files, IReadOnlySet<string> entityIds, DateOnly today) => Run(files, entityIds, today, cache: null);

    public static (EquatableArray<Article> Articles, IReadOnlyList<Diagnostic> Diagnostics) Run(
        EquatableArray<SourceFile> files, IReadOnlySet<string> entityIds, DateOnly today, Cache? cache)
    {
        var samePaths = cache is not null && cache.Files.Length == files.Count;
        for (var i = 0; samePaths && i < files.Count; i++)
        {
            samePaths = ReferenceEquals(cache!.Files[i], files[i]) || cache.Files[i].RelativePath == files[i].RelativePath;
        }

        var groups = samePaths ? cache!.Groups : Enumerable.Range(0, files.Count)
            .GroupBy(i => StripExtension(files[i].RelativePath), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, [.. g]))
            .ToArray();
        var sameKey = cache?.Key is { } key && key.Today == today && key.EntityIds.SetEquals(entityIds);
        // Last run's group of the same name, when its articles can be reused at all.
        var previous = !sameKey ? null : samePaths ? null : cache!.Groups.Select((g, i) => (g.Name, i)).ToDictionary(g => g.Name, g => g.i, StringComparer.Ordinal);
        var parsed = new (Article? Article, List<Diagnostic> Diagnostics)[groups.Length];
        var reparsed = new bool[groups.Length];
        Parallel.For(0, groups.Length, g =>
        {
            var group = groups[g];
            var last = !sameKey ? -1 : samePaths ? g : previous!.GetValueOrDefault(group.Name, -1);
            if (last >= 0 && cache!.Groups[last].Files.Length == group.Files.Length
                && group.Files.Select((f, i) => ReferenceEquals(files[f], cache.Files[cache.Groups[last].Files[i]])).All(same => same))
            {
                parsed[g] = cache.Parsed[last];
                return;
            }

            parsed[g] = ParseGroup([.. group.Files.Select(f => files[f])], entityIds, today);
            reparsed[g] = true;
        });

        // The same groups, and every article parsed again has the slug it had (or is missing as it was): the same result order.
        var sameSlugs = samePaths && sameKey;
        for (var g = 0; sameSlugs && g < groups.Length; g++)
        {
            sameSlugs = !reparsed[g] || parsed[g].Article?.Slug == cache!.Parsed[g].Article?.Slug;
        }

        var (order, duplicates) = sameSlugs ? cache!.Result : Order(parsed);
        if (cache is not null)
        {
            cache.Key = (entityIds.ToHashSet(StringComparer.Ordinal), today);
            (cache.Files, cache.Groups, cache.Parsed, cache.Result) = ([.. files], groups, parsed, (order, duplicates));
        }

        var diagnostics = parsed.SelectMany(p => p.Diagnostics).Concat(duplicates).ToList();
        return (order.Select(g => parsed[g].Article!).ToEquatableArray(), diagnostics);
    }

    /// <summary>The groups with an article, in slug order; a slug seen twice is reported and the later group left out.</summary>
    private static (int[] Order, List<Diagnostic> Duplicates) Order((Article? Article, List<Diagnostic> Diagnostics)[] parsed)
    {
        var duplicates = new List<Diagnostic>();
        var bySlug = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < parsed.Length; g++)
        {
            if (parsed[g].Article is not { } article)
            {
                continue;
            }

            if (bySlug.TryGetValue(article.Slug, out var first))
            {
                duplicates.Add(DiagnosticDescriptors.DuplicateSlug.Create(SourceLocation.File(article.BodyPath), article.Slug, parsed[first].Article!.BodyPath));
            }
            else
            {
                bySlug.Add(article.Slug, g);
            }
        }

        return ([.. bySlug.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value)], duplicates);
    }

    private static string StripExtension(string path) => path[..^Path.GetExtension(path).Length];

    private static (Article?, List<Diagnostic>) ParseGroup(SourceFile[] group, IReadOnlySet<string> entityIds, DateOnly today)
    {
        var diagnostics = new List<Diagnostic>();
        var bodies = group.Where(f => ReadInputFiles.IsBody(f.RelativePath)).ToArray();
        var sidecar = group.FirstOrDefault(f => ReadInputFiles.IsYaml(f.RelativePath));
        if (bodies.Length == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.OrphanSidecar.Create(SourceLocation.File(sidecar!.RelativePath), sidecar.RelativePath));
            return (null, diagnostics);
        }

        if (bodies.Length > 1)
        {
            diagnostics.Add(DiagnosticDescriptors.TwoBodies.Create(SourceLocation.File(bodies[1].RelativePath), bodies[0].RelativePath, bodies[1].RelativePath));
            return (null, diagnostics);
        }

        var body = bodies[0];
        var slug = Path.GetFileNameWithoutExtension(body.RelativePath);
        var slugValid = Identifiers.IsValid(slug);
        if (!slugValid)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSlug.Create(SourceLocation.File(body.RelativePath), slug));
        }

        var format = body.RelativePath.EndsWith(".txt", StringComparison.Ordinal) ? BodyFormat.PlainText : BodyFormat.Markdown;
        YamlFields? fields;
        int bodyStart;
        int bodyLine;
        if (format == BodyFormat.Markdown && FrontMatter.TrySplit(body.Text, out var yaml, out bodyStart, out bodyLine, out var closed))
        {
            if (!closed)
            {
                diagnostics.Add(DiagnosticDescriptors.UnterminatedFrontMatter.Create(SourceLocation.File(body.RelativePath)));
                return (null, diagnostics);
            }

            if (sidecar is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.MetadataTwice.Create(SourceLocation.File(sidecar.RelativePath), body.RelativePath, sidecar.RelativePath));
            }

            fields = YamlDocuments.ReadMapping(yaml, body.RelativePath, lineOffset: 1, diagnostics);
        }
        else if (sidecar is not null)
        {
            bodyStart = 0;
            bodyLine = 1;
            fields = YamlDocuments.ReadMapping(sidecar.Text, sidecar.RelativePath, 0, diagnostics);
        }
        else
        {
            diagnostics.Add(DiagnosticDescriptors.MissingMetadata.Create(SourceLocation.File(body.RelativePath), body.RelativePath));
            return (null, diagnostics);
        }

        if (fields is null)
        {
            return (null, diagnostics);
        }

        fields.ReportUnknown(KnownFields, DiagnosticDescriptors.UnknownArticleField);
        var title = fields.RequiredString("title", DiagnosticDescriptors.ArticleFieldMissing, "title");
        if (title is not null && title.Length > MaxTitleLength)
        {
            diagnostics.Add(DiagnosticDescriptors.TitleTooLong.Create(fields.At(fields.Find("title")!), title.Length, MaxTitleLength));
            title = null;
        }

        var source = fields.RequiredString("source", DiagnosticDescriptors.ArticleFieldMissing, "source");
        var date = ReadDate(fields, today, diagnostics);
        var sourceUrl = fields.String("source_url", out var sourceUrlNode)?.Trim();
        if (!string.IsNullOrEmpty(sourceUrl) && !SafeUrls.IsAbsoluteHttp(sourceUrl))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSourceUrl.Create(fields.At(sourceUrlNode!), sourceUrl));
            sourceUrl = null;
        }

        var author = fields.String("author", out _)?.Trim();
        var summary = fields.String("summary", out _)?.Trim();
        var references = new List<EntityReference>();
        foreach (var (id, node) in fields.StringList("entities"))
        {
            var location = fields.At(node);
            if (!entityIds.Contains(id))
            {
                var suggestion = Suggest.Nearest(id, entityIds);
                diagnostics.Add(DiagnosticDescriptors.UnknownEntityId.Create(location, id, suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                continue;
            }

            if (!references.Any(r => r.Id == id))
            {
                references.Add(new EntityReference(id, location));
            }
        }

        var tags = fields.StringList("tags").Select(t => t.Value.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToEquatableArray();
        var bodyText = body.Text.AsSpan(bodyStart);
        if (bodyText.IsWhiteSpace())
        {
            diagnostics.Add(DiagnosticDescriptors.EmptyBody.Create(new SourceLocation(body.RelativePath, bodyLine, 1)));
        }
        else if (bodyText.Trim().SequenceEqual(PlaceholderBody))
        {
            diagnostics.Add(DiagnosticDescriptors.PlaceholderBody.Create(new SourceLocation(body.RelativePath, bodyLine, 1)));
        }

        if (title is null || source is null || date is null || !slugValid || bodyText.IsWhiteSpace())
        {
            return (null, diagnostics);
        }

        var article = new Article(slug, title, date.Value, source, NullIfEmpty(sourceUrl), NullIfEmpty(author), NullIfEmpty(summary),
            references.ToEquatableArray(), tags, body.Text, bodyStart, format, body.RelativePath, bodyLine, fields.Location);
        return (article, diagnostics);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateOnly? ReadDate(YamlFields fields, DateOnly today, List<Diagnostic> diagnostics)
    {
        var text = fields.RequiredString("date", DiagnosticDescriptors.ArticleFieldMissing, "date");
        if (text is null)
        {
            return null;
        }

        var location = fields.At(fields.Find("date")!);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidDate.Create(location, text));
            return null;
        }

        if (date > today)
        {
            diagnostics.Add(DiagnosticDescriptors.FutureDate.Create(location, text));
        }

        return date;
    }
}

/// <summary>Splits "---\nyaml\n---\nbody" front matter.</summary>
internal static class FrontMatter
{
    /// <summary>
    /// True when <paramref name="text"/> starts with a '---' line. <paramref name="closed"/> tells whether a closing '---' (or
    /// '...') line was found; if so, the body starts at <paramref name="bodyStart"/>, on line <paramref name="bodyLine"/>.
    /// </summary>
    public static bool TrySplit(string text, out string yaml, out int bodyStart, out int bodyLine, out bool closed)
    {
        yaml = "";
        bodyStart = 0;
        bodyLine = 1;
        closed = false;
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text == "---"))
        {
            return false;
        }

        var position = 4;
        var line = 2;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineText = (end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position)).TrimEnd();
            if (lineText is "---" or "...")
            {
                yaml = text[4..position];
                bodyStart = end < 0 ? text.Length : end + 1;
                bodyLine = line + 1;
                closed = true;
                return true;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        return true;
    }
}
