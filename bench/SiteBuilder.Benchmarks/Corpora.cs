using System.Collections.Concurrent;
using SiteBuilder.CorpusGenerator;

namespace SiteBuilder.Benchmarks;

/// <summary>
/// Generated corpora of 100 / 1,000 / 10,000 articles (300 entities, seed 1), analysed once per process. The corpus folder is
/// kept under the temp folder between runs (generation is deterministic); the analysis is what every stage benchmark starts from.
/// </summary>
internal static class Corpora
{
    public const int Entities = 300;
    public const int Seed = 1;

    private static readonly ConcurrentDictionary<int, Lazy<AnalysisResult>> Analyses = new();

    /// <summary>The sizes a benchmark runs at: <paramref name="defaults"/>, or those of them listed in SITEBUILDER_BENCH_SIZES (e.g. "100,1000").</summary>
    public static IEnumerable<int> Sizes(params int[] defaults)
    {
        var only = Environment.GetEnvironmentVariable("SITEBUILDER_BENCH_SIZES");
        if (string.IsNullOrWhiteSpace(only))
        {
            return defaults;
        }

        var wanted = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        return defaults.Intersect(wanted);
    }

    public static string Folder(int articles)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitebuilder-bench", $"corpus-{articles}-e{Entities}-s{Seed}");
        var done = Path.Combine(folder, ".complete");
        if (!File.Exists(done))
        {
            CorpusGenerator.CorpusGenerator.Generate(folder, new CorpusOptions { Articles = articles, Entities = Entities, Seed = Seed });
            File.WriteAllText(done, "");
        }

        return folder;
    }

    /// <summary>The analysed corpus (read, parsed, bodies rendered, linked, planned), shared by every benchmark of this size.</summary>
    public static AnalysisResult Analysis(int articles) => Analyses.GetOrAdd(articles, n => new Lazy<AnalysisResult>(() =>
    {
        var folder = Folder(n);
        var options = new BuildOptions(folder, Path.Combine(Path.GetTempPath(), "sitebuilder-bench", "unused"), null, folder, DateOnly.FromDateTime(DateTime.UtcNow));
        var analysis = SiteGenerator.Analyze(options);
        if (analysis.Corpus is null || analysis.Graph is null || analysis.Site is null)
        {
            throw new InvalidOperationException($"The generated corpus of {n} articles does not analyse: {string.Join("\n", analysis.Diagnostics.Where(d => d.IsError).Take(5))}");
        }

        return analysis;
    })).Value;
}
