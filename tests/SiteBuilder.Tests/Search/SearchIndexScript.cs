using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteBuilder.Tests.Contributors;

namespace SiteBuilder.Tests.Search;

/// <summary>One query's outcome from <c>tests/search-index-oracle.js</c>.</summary>
/// <param name="Whole">lunr's own results on the whole index (JSON: <c>[{"ref","score"},…]</c> or <c>{"error"}</c>), or null.</param>
/// <param name="Layout">The results through <c>search-index.js</c>, the same JSON.</param>
/// <param name="Files">The files the loader read, relative to the search folder, in order.</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="Gzip">Their total gzip size.</param>
/// <param name="FirstTitle">The title of the first result's display item, when display data was asked for.</param>
internal sealed record ScriptResult(string? Whole, string Layout, IReadOnlyList<string> Files, long Bytes, long Gzip, string? FirstTitle)
{
    public bool IsError => Layout.StartsWith('{');

    public int Count => IsError ? 0 : JsonNode.Parse(Layout)!.AsArray().Count;
}

/// <summary>A query run for <see cref="SearchIndexScript.Run"/>.</summary>
/// <param name="Site">A search folder (with manifest.json).</param>
/// <param name="Whole">A whole lunr index.json to run lunr on directly, or null.</param>
/// <param name="Mode">"search" (lunr syntax, exact) or "find" (the site's query: syntax, else words with a prefix).</param>
/// <param name="MaxShards">The loader's limit; null for none.</param>
/// <param name="Docs">When set, also load the display data of the top results and of every entity result.</param>
/// <param name="PrefixBytes">The loader's limit on the bytes a prefix may add when the words find something; null for its default (none when <paramref name="MaxShards"/> is null).</param>
internal sealed record ScriptJob(string Site, string? Whole, string Mode, int? MaxShards, int? Docs, IReadOnlyList<string> Queries, int? PrefixBytes = null);

/// <summary>
/// Runs <c>tests/search-index-oracle.js</c>: the browser's loader, <c>theme/wwwroot/js/search-index.js</c>, in node with
/// lunr from tests/node_modules, on search folders read from disk. One node process per call.
/// </summary>
internal static class SearchIndexScript
{
    public static IReadOnlyList<IReadOnlyList<ScriptResult>> Run(IReadOnlyList<ScriptJob> jobs)
    {
        var input = new JsonObject
        {
            ["jobs"] = new JsonArray([.. jobs.Select(job => (JsonNode)new JsonObject
            {
                ["site"] = job.Site,
                ["whole"] = job.Whole,
                ["mode"] = job.Mode,
                ["maxShards"] = job.MaxShards,
                ["docs"] = job.Docs,
                ["prefixBytes"] = job.PrefixBytes,
                ["queries"] = new JsonArray([.. job.Queries.Select(q => (JsonNode)JsonValue.Create(q))]),
            })]),
        };

        var output = RunNode(Repo.PathOf("tests/search-index-oracle.js"), input.ToJsonString());
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(job => (IReadOnlyList<ScriptResult>)[.. job.EnumerateArray().Select(Read)])];
    }

    private static ScriptResult Read(JsonElement r) => new(
        r.TryGetProperty("whole", out var whole) ? whole.GetRawText() : null,
        r.GetProperty("layout").GetRawText(),
        [.. r.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)],
        r.GetProperty("bytes").GetInt64(),
        r.GetProperty("gzip").GetInt64(),
        r.TryGetProperty("first", out var first) && first.ValueKind == JsonValueKind.Object ? first.GetProperty("t").GetString() : null);

    /// <summary>Runs a node script of tests/ with arguments, feeding <paramref name="input"/> on stdin; returns stdout.</summary>
    public static string RunNode(string script, string input, params string[] arguments)
    {
        if (!File.Exists(Repo.PathOf("tests/node_modules/lunr/lunr.js")))
        {
            throw new InvalidOperationException("tests/node_modules/lunr is missing. Run `npm ci` in tests/.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("`node` was not found on PATH; the search loader tests need Node.js.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {Path.GetFileName(script)} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result;
        }
    }
}
