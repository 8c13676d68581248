using System.Globalization;
using System.Text;

namespace SiteBuilder.CorpusGenerator;

/// <summary>One generated input file: its path relative to the input folder ('/' separators) and its text.</summary>
public sealed record GeneratedFile(string RelativePath, string Text);

/// <summary>
/// Generates a news-archive corpus in SiteBuilder's input format: <c>site.yml</c>, <c>entities/&lt;id&gt;.yml</c> and
/// <c>articles/&lt;year&gt;/&lt;slug&gt;.md</c> with YAML front matter. Every choice comes from one <see cref="Random"/> seeded with
/// <see cref="CorpusOptions.Seed"/>, drawn in a fixed order, so the same options give the same bytes on every machine.
/// Mentions follow a Zipf distribution over the entities (rank k has weight 1/k^s); names and aliases are never claimed
/// twice; every article mentions at least one entity; internal links point at generated articles.
/// </summary>
public static class CorpusGenerator
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the corpus into <paramref name="inputDirectory"/>, replacing any site.yml, entities/ and articles/ there.</summary>
    public static CorpusSummary Generate(string inputDirectory, CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(inputDirectory);
        Directory.CreateDirectory(root);
        foreach (var folder in new[] { "articles", "entities" })
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        var files = 0;
        var summary = Run(options, file =>
        {
            var target = Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            var directory = Path.GetDirectoryName(target)!;
            if (created.Add(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var content = Utf8NoBom.GetBytes(file.Text);
            File.WriteAllBytes(target, content);
            bytes += content.Length;
            files++;
        });
        return summary with { Files = files, Bytes = bytes };
    }

    /// <summary>The corpus in memory, in the order <see cref="Generate"/> writes it (for tests of small corpora).</summary>
    public static IReadOnlyList<GeneratedFile> Create(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<GeneratedFile>();
        Run(options, files.Add);
        return files;
    }

    private static CorpusSummary Run(CorpusOptions options, Action<GeneratedFile> sink)
    {
        if (options.Articles < 0 || options.Entities < 1 || options.Sources < 1 || options.To < options.From)
        {
            throw new ArgumentException("Need at least one entity and one source, a non-negative article count, and From <= To.", nameof(options));
        }

        var random = new Random(options.Seed);
        var entities = new EntityFactory(random).Create(options.Entities);
        var zipf = new ZipfSampler(options.Entities, options.ZipfExponent);
        var articles = new ArticleWriter(random, options, entities, zipf);

        sink(new GeneratedFile("site.yml", SiteYaml(options)));
        foreach (var entity in entities)
        {
            sink(new GeneratedFile($"entities/{entity.Id}.yml", entity.ToYaml()));
        }

        articles.PlanAll();
        for (var i = 0; i < options.Articles; i++)
        {
            sink(articles.Write(i));
        }

        return new CorpusSummary(options.Articles, entities.Count, 0, 0, articles.Mentions, articles.InternalLinks, articles.ExternalLinks);
    }

    private static string SiteYaml(CorpusOptions options) => string.Create(CultureInfo.InvariantCulture, $"""
        title: "Generated News Archive"
        description: "A generated archive of {options.Articles} news articles about {options.Entities} people, organisations, places and events (seed {options.Seed}), for benchmarks."
        base_url: {options.BaseUrl}
        language: en

        """);

    /// <summary>YAML double-quoted scalar.</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>[a-z0-9]+(-[a-z0-9]+)*, diacritics dropped, at most <paramref name="maxLength"/> characters cut at a hyphen.</summary>
    internal static string Slugify(string text, int maxLength = 80)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
            {
                continue;
            }
            else if (c is 'ø' or 'Ø')
            {
                builder.Append('o');
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = cut > 0 ? slug[..cut] : slug[..maxLength];
        }

        return slug;
    }
}

/// <summary>Draws entity ranks 0..n-1 with probability proportional to 1/(rank+1)^s.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = total;
        }
    }

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
