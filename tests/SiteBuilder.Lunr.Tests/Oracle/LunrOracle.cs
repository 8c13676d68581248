using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SiteBuilder.Lunr.Tests.Oracle;

/// <summary>
/// Runs real lunr.js 2.3.9 through <c>tests/lunr-oracle.js</c> with <c>node</c> from PATH. One process per call,
/// each call carrying many inputs. Fails loudly (never skips) when node or tests/node_modules/lunr is missing.
/// </summary>
internal static class LunrOracle
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>lunr's <c>JSON.stringify(idx)</c> for each corpus.</summary>
    public static IReadOnlyList<string> Build(IReadOnlyList<TestCorpus> corpora)
    {
        var json = new StringBuilder();
        json.Append('[');
        for (int i = 0; i < corpora.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            corpora[i].WriteJson(json);
        }

        json.Append(']');
        return ReadStrings(Run("build", json.ToString()));
    }

    /// <summary><c>lunr.stemmer(new lunr.Token(w))</c> for each word.</summary>
    public static IReadOnlyList<string> Stem(IReadOnlyList<string> words) => ReadStrings(Run("stem", StringArray(words)));

    /// <summary>JS <c>s.toLowerCase()</c> for each string.</summary>
    public static IReadOnlyList<string> Lower(IReadOnlyList<string> texts) => ReadStrings(Run("lower", StringArray(texts)));

    /// <summary>JS <c>String(n)</c> for each number.</summary>
    public static IReadOnlyList<string> NumberToString(IReadOnlyList<double> numbers)
    {
        var json = new StringBuilder("[");
        for (int i = 0; i < numbers.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            TestJson.WriteNumber(json, numbers[i]);
        }

        return ReadStrings(Run("tostring", json.Append(']').ToString()));
    }

    /// <summary>JS <c>Math.log(n)</c> for each (positive, finite) number.</summary>
    public static IReadOnlyList<double> Log(IReadOnlyList<double> numbers)
    {
        var json = new StringBuilder("[");
        for (int i = 0; i < numbers.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            TestJson.WriteNumber(json, numbers[i]);
        }

        using var document = JsonDocument.Parse(Run("log", json.Append(']').ToString()));
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetDouble())];
    }

    /// <summary>
    /// Runs each job's queries with lunr, either on a serialized index loaded with <c>lunr.Index.load</c> or on
    /// an index lunr builds itself from a corpus. Returns per job, per query, the raw JSON result:
    /// <c>[{"ref":…,"score":…},…]</c> or <c>{"error":…}</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Query(IReadOnlyList<QueryJob> jobs)
    {
        var json = new StringBuilder("[");
        for (int i = 0; i < jobs.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            QueryJob job = jobs[i];
            json.Append('{');
            if (job.IndexJson is not null)
            {
                json.Append("\"index\":").Append(job.IndexJson);
            }
            else
            {
                json.Append("\"corpus\":");
                job.Corpus!.WriteJson(json);
            }

            json.Append(",\"queries\":").Append(StringArray(job.Queries)).Append('}');
        }

        string output = Run("query", json.Append(']').ToString());
        using var document = JsonDocument.Parse(output);
        var results = new List<IReadOnlyList<string>>();
        foreach (JsonElement job in document.RootElement.EnumerateArray())
        {
            results.Add([.. job.EnumerateArray().Select(r => r.GetRawText())]);
        }

        return results;
    }

    public static string Run(string mode, string input)
    {
        string root = RepositoryRoot;
        string script = Path.Combine(root, "tests", "lunr-oracle.js");
        string lunr = Path.Combine(root, "tests", "node_modules", "lunr", "lunr.js");
        if (!File.Exists(lunr))
        {
            throw new InvalidOperationException(
                $"{lunr} is missing. Run `npm ci` in {Path.Combine(root, "tests")} (building the test project does it).");
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
        start.ArgumentList.Add(mode);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "`node` was not found on PATH. The differential tests run lunr.js and need Node.js (v20).", e);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"node lunr-oracle.js {mode} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result;
        }
    }

    private static string StringArray(IReadOnlyList<string> values)
    {
        var json = new StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            TestJson.WriteString(json, values[i]);
        }

        return json.Append(']').ToString();
    }

    private static List<string> ReadStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>The folder holding SiteBuilder.sln above the test binaries or, when they were built elsewhere
    /// (<c>--artifacts-path /tmp/…</c>), above this source file.</summary>
    private static string FindRepositoryRoot() => FindRepositoryRoot(AppContext.BaseDirectory);

    private static string FindRepositoryRoot(string binaries, [CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { binaries, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SiteBuilder.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No SiteBuilder.sln above {binaries} or {sourceFile}.");
    }
}

/// <summary>A query run for <see cref="LunrOracle.Query"/>: on a serialized index, or on lunr's own build of a corpus.</summary>
internal sealed record QueryJob(string? IndexJson, TestCorpus? Corpus, IReadOnlyList<string> Queries)
{
    public static QueryJob OnIndex(string indexJson, IReadOnlyList<string> queries) => new(indexJson, null, queries);

    public static QueryJob OnCorpus(TestCorpus corpus, IReadOnlyList<string> queries) => new(null, corpus, queries);
}
