using System.Globalization;
using System.Text;
using static SiteBuilder.CorpusGenerator.Vocabulary;

namespace SiteBuilder.CorpusGenerator;

/// <summary>
/// Writes articles: a lead paragraph, sections under <c>##</c> headings, one blockquote, one list, sometimes an external link
/// and sometimes a root-relative link to another generated article. Slugs, dates, titles and casts are planned for every article
/// first (<see cref="PlanAll"/>) so that internal links can point at any article.
/// </summary>
internal sealed class ArticleWriter(Random random, CorpusOptions options, List<GeneratedEntity> entities, ZipfSampler zipf)
{
    private const double EntitySentenceShare = 0.45;

    private readonly List<Plan> _plans = new(options.Articles);
    private string[] _sources = [];
    private double[] _sourceWeights = [];

    public int Mentions { get; private set; }

    public int InternalLinks { get; private set; }

    public int ExternalLinks { get; private set; }

    private sealed record Plan(string Slug, string Title, DateOnly Date, string Source, string? Author, Topic Topic, int[] Cast, string[] Tags, bool HasSummary);

    public void PlanAll()
    {
        _sources = [.. Enumerable.Range(0, options.Sources).Select(i => i < Vocabulary.Sources.Length ? Vocabulary.Sources[i] : $"{Places[i % Places.Length]} Daily {i / Places.Length + 1}")];
        var total = 0.0;
        _sourceWeights = [.. _sources.Select((_, i) => total += 1 / Math.Sqrt(i + 1))];
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var days = options.To.DayNumber - options.From.DayNumber + 1;
        for (var i = 0; i < options.Articles; i++)
        {
            var date = DateOnly.FromDayNumber(options.From.DayNumber + random.Next(days));
            var source = _sources[Weighted(_sourceWeights)];
            var topic = Pick(Topics);
            var lead = zipf.Next(random);
            var cast = new List<int> { lead };
            var wanted = 2 + random.Next(4);
            for (var attempt = 0; attempt < 20 && cast.Count < wanted + 1; attempt++)
            {
                var e = zipf.Next(random);
                if (!cast.Contains(e))
                {
                    cast.Add(e);
                }
            }

            var leadEntity = entities[lead];
            var title = Pick(Titles).Replace("{X}", leadEntity.Name, StringComparison.Ordinal).Replace("{tn}", Pick(topic.TitleNouns), StringComparison.Ordinal);
            if (leadEntity.Kind != GeneratedKind.Place && random.Next(2) == 0)
            {
                title += " in " + Pick(Places);
            }

            var baseSlug = CorpusGenerator.Slugify(title);
            var slug = baseSlug;
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            var author = random.Next(100) < 85 ? $"{Pick(JournalistFirst)} {Pick(JournalistLast)}" : null;
            var tags = topic.Tags.Take(1 + random.Next(topic.Tags.Length)).ToList();
            if (random.Next(10) < 3)
            {
                tags.Add(Pick(GeneralTags));
            }

            _plans.Add(new Plan(slug, title, date, source, author, topic, [.. cast], [.. tags], random.Next(10) < 4));
        }
    }

    public GeneratedFile Write(int index)
    {
        var plan = _plans[index];
        var article = new ArticleState(plan);
        var text = new StringBuilder(8 * 1024);
        text.Append("---\n");
        text.Append("title: ").Append(CorpusGenerator.Quote(plan.Title)).Append('\n');
        text.Append("date: ").Append(plan.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("source: ").Append(CorpusGenerator.Quote(plan.Source)).Append('\n');
        text.Append("source_url: ").Append(CorpusGenerator.Quote(string.Create(CultureInfo.InvariantCulture,
            $"https://www.{Domain(plan.Source)}/{plan.Date.Year:D4}/{plan.Date.Month:D2}/{plan.Slug}"))).Append('\n');
        if (plan.Author is not null)
        {
            text.Append("author: ").Append(CorpusGenerator.Quote(plan.Author)).Append('\n');
        }

        if (plan.HasSummary)
        {
            var summary = $"{entities[plan.Cast[0]].Name} {Pick(["faces new questions over", "defends the approach to", "pushes for changes to", "is criticised over"])} {Fill(Pick(["{t}", "{t} and {t2}"]), plan)}.";
            text.Append("summary: ").Append(CorpusGenerator.Quote(summary)).Append('\n');
        }

        text.Append("tags:\n");
        foreach (var tag in plan.Tags)
        {
            text.Append("  - ").Append(tag).Append('\n');
        }

        text.Append("---\n\n");
        WriteBody(text, index, article);
        return new GeneratedFile($"articles/{plan.Date.Year.ToString("D4", CultureInfo.InvariantCulture)}/{plan.Slug}.md", text.ToString());
    }

    private sealed class ArticleState(Plan plan)
    {
        public Plan Plan { get; } = plan;

        public HashSet<int> Mentioned { get; } = [];

        public List<int> Cast { get; } = [.. plan.Cast];

        public int Words { get; set; }
    }

    private void WriteBody(StringBuilder text, int index, ArticleState article)
    {
        var target = (int)(options.WordsPerArticle * (0.85 + 0.3 * random.NextDouble()));
        var quoteAt = random.Next(3);
        var listAt = random.Next(3);
        var externalAt = random.Next(100) < 35 ? random.Next(4) : -1;
        var internalAt = options.Articles > 1 && random.Next(100) < 25 ? random.Next(4) : -1;

        // The lead always names the lead entity, so every article mentions at least one entity.
        var lead = new List<string> { EntitySentence(article, article.Plan.Cast[0]) };
        lead.AddRange(Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Sentence(article)));
        Paragraph(text, article, lead);

        bool quoted = false, listed = false;
        for (var section = 0; article.Words < target || !quoted || !listed; section++)
        {
            var heading = random.Next(100) < 12 ? $"How {Surface(article, PickFromCast(article))} responded" : Pick(Headings);
            text.Append("## ").Append(heading).Append("\n\n");
            article.Words += Count(heading);
            var paragraphs = 2 + random.Next(2);
            for (var p = 0; p < paragraphs; p++)
            {
                var sentences = Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Sentence(article)).ToList();
                if (p == 0 && section == externalAt)
                {
                    sentences.Insert(random.Next(sentences.Count + 1), ExternalLink(article));
                }

                if (p == paragraphs - 1 && section == internalAt)
                {
                    sentences.Insert(random.Next(sentences.Count + 1), InternalLink(article, index));
                }

                Paragraph(text, article, sentences);
                if (p == 0 && !quoted && (section >= quoteAt || article.Words >= target))
                {
                    Quote(text, article);
                    quoted = true;
                }

                if (p == 1 && !listed && (section >= listAt || article.Words >= target))
                {
                    List(text, article);
                    listed = true;
                }
            }
        }

        // One trailing newline, no blank line at the end.
        while (text[^1] == '\n' && text[^2] == '\n')
        {
            text.Length--;
        }
    }

    private void Paragraph(StringBuilder text, ArticleState article, List<string> sentences)
    {
        var paragraph = string.Join(' ', sentences);
        article.Words += Count(paragraph);
        text.Append(paragraph).Append("\n\n");
    }

    private void Quote(StringBuilder text, ArticleState article)
    {
        var speaker = article.Cast.FirstOrDefault(e => entities[e].Kind == GeneratedKind.Person, -1);
        for (var attempt = 0; speaker < 0 && attempt < 20; attempt++)
        {
            var e = zipf.Next(random);
            speaker = entities[e].Kind == GeneratedKind.Person ? e : -1;
        }

        var quote = Fill(Pick(Quotes), article.Plan);
        var who = speaker < 0 ? "a senior official" : $"{Surface(article, speaker)}, {entities[speaker].Role}";
        text.Append("> \"").Append(quote).Append("\"\n>\n> — ").Append(who).Append("\n\n");
        article.Words += Count(quote) + Count(who);
    }

    private void List(StringBuilder text, ArticleState article)
    {
        var intro = Pick(ListIntros);
        text.Append(intro).Append("\n\n");
        var numbered = random.Next(3) == 0;
        var count = 3 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var item = random.Next(5) == 0
                ? $"Talks with {Surface(article, PickFromCast(article))} before {Pick(Months)}"
                : Fill(Pick(ListItems), article.Plan);
            text.Append(numbered ? $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. " : "- ").Append(item).Append('\n');
            article.Words += Count(item);
        }

        text.Append('\n');
        article.Words += Count(intro);
    }

    private string ExternalLink(ArticleState article)
    {
        ExternalLinks++;
        var url = string.Create(CultureInfo.InvariantCulture,
            $"https://www.{CorpusGenerator.Slugify(Pick(OrgSectors) + " " + Pick(OrgTypes))}.org/reports/{article.Plan.Date.Year}/{random.Next(1, 400)}");
        return Fill(Pick(LinkSentences), article.Plan).Replace("{url}", url, StringComparison.Ordinal);
    }

    private string InternalLink(ArticleState article, int index)
    {
        InternalLinks++;
        var other = random.Next(_plans.Count - 1);
        if (other >= index)
        {
            other++;
        }

        return Fill(Pick(InternalLinkSentences), article.Plan).Replace("{url}", $"/articles/{_plans[other].Slug}/", StringComparison.Ordinal);
    }

    private string Sentence(ArticleState article) =>
        random.NextDouble() < EntitySentenceShare ? EntitySentence(article, PickEntity(article)) : Fill(Pick(Filler), article.Plan);

    private int PickEntity(ArticleState article)
    {
        if (random.Next(10) < 7)
        {
            return PickFromCast(article);
        }

        var e = zipf.Next(random);
        if (!article.Cast.Contains(e))
        {
            article.Cast.Add(e);
        }

        return e;
    }

    private int PickFromCast(ArticleState article) => random.Next(10) < 4 ? article.Cast[0] : article.Cast[random.Next(article.Cast.Count)];

    private string EntitySentence(ArticleState article, int e)
    {
        var entity = entities[e];
        var template = Pick(entity.Kind switch
        {
            GeneratedKind.Person => PersonSentences,
            GeneratedKind.Organization => OrganizationSentences,
            GeneratedKind.Place => PlaceSentences,
            _ => EventSentences,
        });
        var surface = Surface(article, e);
        var sentence = template
            .Replace("{X's}", surface + (random.Next(5) == 0 ? "’s" : "'s"), StringComparison.Ordinal)
            .Replace("{X}", surface, StringComparison.Ordinal)
            .Replace("{role}", entity.Role, StringComparison.Ordinal);
        return Capitalise(Fill(sentence, article.Plan));
    }

    /// <summary>The name at the first mention in an article; later, usually an alias when the entity has one.</summary>
    private string Surface(ArticleState article, int e)
    {
        Mentions++;
        var entity = entities[e];
        if (article.Mentioned.Add(e) || entity.Aliases.Count == 0 || random.Next(10) < 3)
        {
            return entity.Name;
        }

        return Pick(entity.Aliases);
    }

    private string Fill(string template, Plan plan)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var key = template[(open + 1)..close];
            builder.Append(key switch
            {
                "t" or "t2" => Pick(plan.Topic.Nouns),
                "n" => (2 + random.Next(38)).ToString(CultureInfo.InvariantCulture),
                "pct" => (2 + random.Next(33)).ToString(CultureInfo.InvariantCulture),
                "m" => Pick(Months),
                "y" => (options.From.Year + random.Next(Math.Max(1, plan.Date.Year - options.From.Year + 1))).ToString(CultureInfo.InvariantCulture),
                "d" => Pick(Weekdays),
                _ => template[open..(close + 1)],
            });
            i = close + 1;
        }

        return builder.ToString();
    }

    private static string Capitalise(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string Domain(string source) => CorpusGenerator.Slugify(source).Replace("-", "", StringComparison.Ordinal) + ".com";

    private static int Count(string text) => text.Count(c => c == ' ') + 1;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private int Weighted(double[] cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
    }
}
