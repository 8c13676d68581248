namespace SiteBuilder.CorpusGenerator;

/// <summary>What to generate. The same options give the same bytes.</summary>
public sealed record CorpusOptions
{
    /// <summary>Number of articles.</summary>
    public int Articles { get; init; } = 1000;

    /// <summary>Number of entities (people, organisations, places, events).</summary>
    public int Entities { get; init; } = 300;

    /// <summary>Seed of the one <see cref="Random"/> every choice is drawn from.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Approximate words per article body.</summary>
    public int WordsPerArticle { get; init; } = 700;

    /// <summary>Exponent of the Zipf distribution mentions are drawn from (entity of rank k has weight 1/k^s).</summary>
    public double ZipfExponent { get; init; } = 1.0;

    /// <summary>Number of publications the articles come from.</summary>
    public int Sources { get; init; } = 20;

    /// <summary>First article date (inclusive).</summary>
    public DateOnly From { get; init; } = new(2015, 1, 1);

    /// <summary>Last article date (inclusive). Fixed, not "today", so the output never depends on the clock.</summary>
    public DateOnly To { get; init; } = new(2025, 6, 30);

    /// <summary>base_url written to site.yml.</summary>
    public string BaseUrl { get; init; } = "https://example.org/archive/";
}

/// <summary>What <see cref="CorpusGenerator.Generate"/> wrote.</summary>
public sealed record CorpusSummary(int Articles, int Entities, int Files, long Bytes, int Mentions, int InternalLinks, int ExternalLinks);
