using System.Text;
using BenchmarkDotNet.Attributes;
using SiteBuilder.Model;
using SiteBuilder.Stages;
using SiteBuilder.Text;
using SiteBuilder.Theme;

namespace SiteBuilder.Benchmarks;

/// <summary>Mention matching: <see cref="MentionMatcher.Find"/> over every article body (raw Markdown), one matcher for the catalog.</summary>
[MemoryDiagnoser]
public class MentionMatchingBenchmarks
{
    private MentionMatcher _matcher = null!;
    private string[] _bodies = [];
    private EquatableArray<Entity> _entities;

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpora.Analysis(Articles).Corpus!;
        _entities = corpus.Entities;
        _matcher = MentionMatcher.Create(_entities);
        _bodies = [.. corpus.Articles.Select(a => a.Body.ToString())];
    }

    [Benchmark]
    public MentionMatcher BuildMatcher() => MentionMatcher.Create(_entities);

    [Benchmark]
    public int Find()
    {
        var matches = 0;
        foreach (var body in _bodies)
        {
            matches += _matcher.Find(body).Count;
        }

        return matches;
    }
}

/// <summary>Linking (<see cref="LinkCorpus.Run"/>: postings, co-mentions, related articles) and planning (<see cref="PlanSite.Run"/>).</summary>
[MemoryDiagnoser]
public class LinkingBenchmarks
{
    private Corpus _corpus = null!;
    private EquatableArray<RenderedBody> _bodies;
    private CorpusGraph _graph = null!;
    private SiteUrls _urls = null!;

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup()
    {
        var analysis = Corpora.Analysis(Articles);
        _corpus = analysis.Corpus!;
        _graph = analysis.Graph!;
        _bodies = _graph.Articles.Select(a => a.Body).ToEquatableArray();
        _urls = new SiteUrls(_corpus.Site.BaseUrl);
    }

    [Benchmark]
    public CorpusGraph Link() => LinkCorpus.Run(_corpus, _bodies).Graph;

    [Benchmark]
    public Site Plan() => PlanSite.Run(_graph, _urls);
}

/// <summary>Search index: <see cref="BuildSearchIndex.Index"/> (lunr 2.3.9 builder) and the whole stage with its JSON.</summary>
[MemoryDiagnoser]
public class SearchIndexBenchmarks
{
    private IReadOnlyList<SearchDocument> _documents = [];
    private CorpusGraph _graph = null!;

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup()
    {
        _graph = Corpora.Analysis(Articles).Graph!;
        _documents = BuildSearchIndex.Documents(_graph);
    }

    [Benchmark]
    public object Index() => BuildSearchIndex.Index(_documents);

    [Benchmark]
    public int Stage() => BuildSearchIndex.Run(_graph).IndexJson.Length;
}

/// <summary>Markdown rendering with mention linking: <see cref="RenderBodies.Run"/> over every article.</summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private Corpus _corpus = null!;
    private MentionMatcher _matcher = null!;
    private SiteUrls _urls = null!;

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000);

    [GlobalSetup]
    public void Setup()
    {
        _corpus = Corpora.Analysis(Articles).Corpus!;
        _matcher = MentionMatcher.Create(_corpus.Entities);
        _urls = new SiteUrls(_corpus.Site.BaseUrl);
    }

    [Benchmark]
    public int RenderBodies() => Stages.RenderBodies.Run(_corpus.Articles, _corpus.Entities, _matcher, _urls).Bodies.Count;
}

/// <summary>Page rendering: the theme's Razor components over every planned page, one renderer per core (as the build does).</summary>
[MemoryDiagnoser]
public class PageRenderingBenchmarks
{
    private ThemeRenderer _renderer = null!;
    private Site _site = null!;

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000);

    [GlobalSetup]
    public void Setup()
    {
        _site = Corpora.Analysis(Articles).Site!;
        _renderer = ThemeRenderer.Create();
    }

    [GlobalCleanup]
    public void Cleanup() => _renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<long> RenderPages()
    {
        long bytes = 0;
        await _renderer.RenderAsync(_site, (_, html) =>
        {
            Interlocked.Add(ref bytes, html.Length);
            return ValueTask.CompletedTask;
        }, CancellationToken.None).ConfigureAwait(false);
        return bytes;
    }
}

/// <summary>Writing: <see cref="WriteSite.RunAsync"/> of the whole site (pages, feeds, search, assets) into a temp folder, swapped in atomically.</summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private List<OutputFile> _files = [];
    private string _root = "";

    [ParamsSource(nameof(Sizes))]
    public int Articles { get; set; }

    public static IEnumerable<int> Sizes => Corpora.Sizes(100, 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var analysis = Corpora.Analysis(Articles);
        var site = analysis.Site!;
        var renderer = ThemeRenderer.Create();
        try
        {
            var pages = new OutputFile[site.Pages.Count];
            for (var i = 0; i < site.Pages.Count; i++)
            {
                var html = renderer.RenderPageAsync(site.Layout, site.Pages[i]).GetAwaiter().GetResult();
                pages[i] = new OutputFile(site.Pages[i].OutputPath, Encoding.UTF8.GetBytes(html));
            }

            var search = BuildSearchIndex.Run(analysis.Graph!);
            _files = [.. pages, .. EmitSiteFiles.Run(analysis.Graph!, site), new OutputFile(BuildSearchIndex.IndexPath, search.IndexJson),
                new OutputFile(BuildSearchIndex.DocsPath, search.DocsJson), .. renderer.Assets.Select(a => new OutputFile(a.Path, a.Content))];
        }
        finally
        {
            renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _root = Path.Combine(Path.GetTempPath(), "sitebuilder-bench", $"write-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public Task Write() => WriteSite.RunAsync(Path.Combine(_root, "_site"), _files, CancellationToken.None);
}
