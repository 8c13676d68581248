using System.Diagnostics;
using System.Globalization;
using System.Text;
using SiteBuilder.Theme;

namespace SiteBuilder.BuildTimer;

/// <summary>
/// What the preview server does after a save: one build with a <see cref="BuildCache"/>, then one edited article at a
/// time, each rebuilt with the same cache into the same folder, pages first and then the search index, timed apart. Works on a copy of the corpus (modification times kept,
/// so the cache trusts the unchanged files as it would in a long session) and checks at the end that the folder is byte
/// for byte what a clean build of the edited corpus writes.
/// </summary>
internal static class IncrementalBuilds
{
    public static async Task<int> RunAsync(string input, int edits, TextWriter output, TextWriter errors)
    {
        var work = Path.Combine(Path.GetTempPath(), $"sitebuilder-incremental-{Guid.NewGuid():N}");
        try
        {
            var corpus = Path.Combine(work, "input");
            CopyKeepingTimes(input, corpus);
            var articles = Directory.GetFiles(Path.Combine(corpus, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var edited = articles[articles.Length / 2];
            var site = Path.Combine(work, "_site");
            var options = new BuildOptions(corpus, site, BaseUrl: null, DisplayRoot: corpus, DateOnly.FromDateTime(DateTime.UtcNow));
            var cache = new BuildCache();
            await using var renderer = ThemeRenderer.Create();

            var clock = Stopwatch.StartNew();
            var first = await SiteGenerator.BuildAsync(options, renderer, cache).ConfigureAwait(false);
            if (!first.Succeeded)
            {
                await errors.WriteLineAsync("The first build failed; check the corpus with `sitebuilder check`.").ConfigureAwait(false);
                return 1;
            }

            output.Write(string.Create(CultureInfo.InvariantCulture, $"first build (with cache): {clock.Elapsed.TotalSeconds:0.00} s, {first.Pages} pages; editing {Path.GetRelativePath(corpus, edited)}\n\n"));
            var stages = first.Timings.Select(t => t.Stage).ToList();
            stages.Remove("search index");
            var table = new StringBuilder("| edit | pages ms | + search ms | " + string.Join(" | ", stages) + " | read | bodies | pages | files | index |\n");
            table.Append("|---|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", stages.Count + 5)) + "\n");
            for (var edit = 1; edit <= edits; edit++)
            {
                var kind = Edit(edited, edit);
                cache.InputsChanged([edited]); // what the preview's file watcher reports
                // As the preview server runs it: the pages (then the browser reloads), then the search index.
                clock.Restart();
                var result = await SiteGenerator.BuildPagesAsync(options, renderer, cache).ConfigureAwait(false);
                var pages = clock.Elapsed.TotalMilliseconds;
                if (result.Succeeded)
                {
                    clock.Restart();
                    await SiteGenerator.WriteSearchIndexAsync(cache).ConfigureAwait(false);
                    GC.Collect(); // as the preview does once the index is written (EnginePreviewBuilder.FinishAsync)
                }

                var search = clock.Elapsed.TotalMilliseconds;
                if (!result.Succeeded)
                {
                    await errors.WriteLineAsync($"Rebuild {edit} failed.").ConfigureAwait(false);
                    return 1;
                }

                var times = stages.Select(s => result.Timings.FirstOrDefault(t => t.Stage == s)?.Elapsed.TotalMilliseconds ?? 0);
                table.Append(CultureInfo.InvariantCulture, $"| {edit} {kind} | {pages:0} | {search:0} | {string.Join(" | ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} | ");
                table.Append(CultureInfo.InvariantCulture, $"{cache.FilesRead} | {cache.BodiesRendered} | {cache.PagesRendered} | {cache.FilesChanged} | {(cache.SearchIndexRebuilt ? "rebuilt" : "reused")} |\n");
            }

            output.Write(table.ToString());
            var clean = Path.Combine(work, "clean");
            var reference = await SiteGenerator.BuildAsync(options with { OutputDirectory = clean }, renderer).ConfigureAwait(false);
            var differences = reference.Succeeded ? Differences(site, clean) : ["the clean build failed"];
            output.Write(differences.Count == 0
                ? "\nThe incremental output is byte-identical to a clean build of the edited corpus.\n"
                : $"\nThe incremental output DIFFERS from a clean build: {string.Join(", ", differences.Take(10))}\n");
            return differences.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Odd edits change the title (the article's page, its neighbours, lists, feeds), even ones a word of the body.</summary>
    private static string Edit(string file, int edit)
    {
        var text = File.ReadAllText(file);
        // After `title: "` (the generator quotes every title).
        var title = text.IndexOf("\ntitle: \"", StringComparison.Ordinal) + "\ntitle: \"".Length;
        if (edit % 2 == 1)
        {
            File.WriteAllText(file, text.Insert(title, $"Edit {edit.ToString(CultureInfo.InvariantCulture)}: "));
            return "title";
        }

        var body = text.IndexOf("\n---\n", title, StringComparison.Ordinal) + "\n---\n".Length;
        var paragraph = text.IndexOf("\n\n", body, StringComparison.Ordinal) + 2;
        File.WriteAllText(file, text.Insert(paragraph, $"Edited {edit.ToString(CultureInfo.InvariantCulture)} times. "));
        return "body";
    }

    private static void CopyKeepingTimes(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    private static List<string> Differences(string left, string right)
    {
        static Dictionary<string, string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => f, StringComparer.Ordinal);
        var a = Files(left);
        var b = Files(right);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(path => !a.TryGetValue(path, out var x) || !b.TryGetValue(path, out var y) || !File.ReadAllBytes(x).AsSpan().SequenceEqual(File.ReadAllBytes(y)))
            .ToList();
    }
}
