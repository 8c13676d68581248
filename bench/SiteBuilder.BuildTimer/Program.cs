using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteBuilder.BuildTimer;

const string Usage = """
    Times a clean build of a corpus with the real engine and theme, from a cold process.

    Usage: SiteBuilder.BuildTimer --input DIR [--runs N] [--pause SECONDS] [--output DIR] [--keep-output]
           SiteBuilder.BuildTimer --input DIR --edits N
           SiteBuilder.BuildTimer --input DIR --export-search-docs FILE

      --input DIR                 the corpus (site.yml, entities/, articles/), e.g. made by SiteBuilder.CorpusGenerator
      --runs N                    N builds, each in a new process (this program re-executed); prints every run and the median (default 1: one build in this process)
      --pause SECONDS             wait this long before each run after the first (default 0), so the file system has
                                  finished with the last run's output (see bench/README.md)
      --output DIR                where to build (default: a new folder under the temp folder, deleted afterwards)
      --keep-output               keep the output folder
      --edits N                   incremental rebuilds as `sitebuilder serve` runs them: build a copy of the corpus once with a
                                  cache, then edit one article N times (title, body, title…), rebuild after each edit and
                                  print the per-stage times; checks the result is byte-identical to a clean build
      --export-search-docs FILE   write the search documents (ref, title, entities, aliases, summary, body) as a JSON array for bench/lunr-build.js, and exit
    """;

string? input = null, output = null, export = null;
var runs = 1;
var edits = 0;
bool child = false, keep = false;
var pause = 0;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--input" or "-i":
                input = Value();
                break;
            case "--output" or "-o":
                output = Value();
                break;
            case "--runs":
                runs = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                break;
            case "--edits":
                edits = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                break;
            case "--export-search-docs":
                export = Value();
                break;
            case "--keep-output":
                keep = true;
                break;
            case "--pause":
                pause = int.Parse(Value(), CultureInfo.InvariantCulture);
                break;
            case "--child":
                child = true;
                break;
            case "--help" or "-h":
                Console.Out.Write(Usage + "\n");
                return 0;
            default:
                throw new FormatException($"unknown argument '{args[i]}'");
        }
    }
}
catch (FormatException ex)
{
    Console.Error.Write($"error: {ex.Message}\n\n{Usage}\n");
    return 2;
}

if (input is null || !Directory.Exists(input) || runs < 1)
{
    Console.Error.Write($"error: --input must name an existing corpus folder and --runs be at least 1\n\n{Usage}\n");
    return 2;
}

input = Path.GetFullPath(input);
if (export is not null)
{
    return ColdBuild.ExportSearchDocuments(input, export, Console.Error);
}

if (edits > 0)
{
    return await IncrementalBuilds.RunAsync(input, edits, Console.Out, Console.Error);
}

if (child || runs == 1)
{
    var folder = output ?? NewOutputFolder();
    try
    {
        var measurement = await ColdBuild.RunAsync(input, folder, Console.Error);
        if (measurement is null)
        {
            return 1;
        }

        if (child)
        {
            Console.Out.Write("RESULT " + JsonSerializer.Serialize(measurement, BuildTimerJson.Default.Measurement) + "\n");
        }
        else
        {
            Report.Print(input, [measurement], Console.Out);
        }

        return 0;
    }
    finally
    {
        if (!keep && output is null)
        {
            DeleteQuietly(Path.GetDirectoryName(folder)!);
        }
    }
}

// Parent: one child process per run, so every build starts cold (runtime start-up, JIT, empty caches of the engine).
var measurements = new List<Measurement>();
var written = new List<string>();
SyncFileSystems();
for (var run = 1; run <= runs; run++)
{
    var folder = output is null ? NewOutputFolder() : Path.Combine(output, $"run{run}");
    var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    var self = Environment.ProcessPath!;
    start.FileName = self;
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
    }

    foreach (var argument in new[] { "--child", "--input", input, "--output", folder })
    {
        start.ArgumentList.Add(argument);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var wall = clock.Elapsed.TotalSeconds;
    var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
    // Outputs are deleted after the last run, not between runs: ext4 skips inodes freed in the last minutes when it
    // allocates new ones (find_inode_bit, recently_deleted), and 14,000 of them freed just before a run made its file
    // creation several seconds slower and the kernel time swing from 4 to 12 s (bench/RESULTS.md).
    written.Add(output is null ? Path.GetDirectoryName(folder)! : folder);

    // Every run starts with no dirty pages: otherwise the kernel's write-back of one run's output is charged to the next
    // run's writes.
    SyncFileSystems();
    if (run < runs && pause > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(pause));
    }

    if (process.ExitCode != 0 || line is null)
    {
        Console.Error.Write($"run {run} failed (exit code {process.ExitCode}):\n{await stderr}\n");
        if (!keep)
        {
            written.ForEach(DeleteQuietly);
        }

        return 1;
    }

    var measurement = JsonSerializer.Deserialize(line["RESULT ".Length..], BuildTimerJson.Default.Measurement)! with { ChildWallSeconds = wall };
    measurements.Add(measurement);
    Console.Out.Write(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: build {measurement.BuildSeconds:0.00} s, process start → build done {measurement.ProcessSeconds:0.00} s, CPU {measurement.CpuSeconds:0.00} s (system {measurement.SystemCpuSeconds:0.00} s), peak RSS {measurement.PeakRssBytes / 1048576.0:0} MiB, load {measurement.LoadAverage}\n"));
}

Report.Print(input, measurements, Console.Out);
if (!keep)
{
    written.ForEach(DeleteQuietly);
}

return 0;

static void SyncFileSystems()
{
    if (OperatingSystem.IsLinux())
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }
}

static string NewOutputFolder() => Path.Combine(Path.GetTempPath(), $"sitebuilder-buildtimer-{Guid.NewGuid():N}", "_site");

static void DeleteQuietly(string folder)
{
    try
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    catch (IOException)
    {
    }
}

/// <summary>Prints the median of the runs: per-stage times, wall times, throughput, sizes and memory.</summary>
internal static class Report
{
    /// <summary>Whether the engine's assembly holds ReadyToRun code (a Release build, src/ReadyToRun.targets) or only IL for the JIT.</summary>
    private static string CodeKind()
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(typeof(SiteBuilder.SiteGenerator).Assembly.Location));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0 ? "ReadyToRun" : "JIT only";
    }

    public static void Print(string input, IReadOnlyList<Measurement> runs, TextWriter writer)
    {
        var first = runs[0];
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(CultureInfo.InvariantCulture, $"| {label,-38} | {value,14} |\n");
        string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture) + " s";
        string Mib(double bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

        text.Append(CultureInfo.InvariantCulture, $"\n{input}: {first.Articles} articles, {first.Entities} entities, {first.Pages} pages, {first.Files} files, {first.Warnings} warnings\n");
        text.Append(CultureInfo.InvariantCulture, $"{(runs.Count == 1 ? "One cold build in this process" : $"Median of {runs.Count} cold builds, each in a new process")}; .NET {Environment.Version}, {Environment.ProcessorCount} cores; engine {CodeKind()}; load average at start: {string.Join(" / ", runs.Select(r => r.LoadAverage))}\n\n");
        text.Append("| stage                                  |        ms (median) | CPU ms (median) |  MiB allocated | peak RSS MiB at end |\n|---|---:|---:|---:|---:|\n");
        foreach (var stage in first.Stages.Select(s => s.Stage))
        {
            double StageMedian(Func<StageTime, double> of) => Median(runs.Select(r => r.Stages.FirstOrDefault(s => s.Stage == stage) is { } s ? of(s) : 0));
            text.Append(CultureInfo.InvariantCulture,
                $"| {stage,-38} | {StageMedian(s => s.Milliseconds),18:0.0} | {StageMedian(s => s.CpuMilliseconds),15:0} | {StageMedian(s => s.AllocatedBytes) / 1048576.0,14:0.0} | {StageMedian(s => s.PeakRssBytes) / 1048576.0,19:0} |\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"| {"sum of stages",-38} | {Median(runs.Select(r => r.Stages.Sum(s => s.Milliseconds))),18:0.0} | {Median(runs.Select(r => r.Stages.Sum(s => s.CpuMilliseconds))),15:0} | {Median(runs.Select(r => (double)r.Stages.Sum(s => s.AllocatedBytes))) / 1048576.0,14:0.0} | {"",19} |\n\n");
        text.Append("| measure                                |          value |\n|---|---:|\n");
        Line("build wall (renderer + BuildAsync)", Seconds(Median(runs.Select(r => r.BuildSeconds))));
        Line("process start → build done", Seconds(Median(runs.Select(r => r.ProcessSeconds))));
        Line("CPU time, user + system (process)", Seconds(Median(runs.Select(r => r.CpuSeconds))));
        Line("of which system (kernel)", Seconds(Median(runs.Select(r => r.SystemCpuSeconds))));
        Line("pages/s (build wall)", Median(runs.Select(r => r.PagesPerSecond)).ToString("0", CultureInfo.InvariantCulture));
        Line("peak RSS (VmHWM)", Mib(Median(runs.Select(r => (double)r.PeakRssBytes))));
        Line("memory pretouched (in read)", $"{Mib(Median(runs.Select(r => (double)r.PretouchedBytes)))} in {Median(runs.Select(r => r.PretouchMilliseconds)):0} ms");
        Line("allocated (GC.GetTotalAllocatedBytes)", Mib(Median(runs.Select(r => (double)r.AllocatedBytes))));
        Line("GCs gen0 / gen1 / gen2", $"{first.Gen0Collections} / {first.Gen1Collections} / {first.Gen2Collections}");
        Line("GC pauses, total (all threads stopped)", Seconds(Median(runs.Select(r => r.GcPauseSeconds))));
        Line("output", $"{Mib(first.OutputBytes)}, {first.OutputFiles} files");
        Line($"search data, {first.SearchFiles} files, raw / gzip", $"{Mib(first.SearchBytes)} / {Mib(first.SearchGzipBytes)}");
        if (first.IndexBytes > 0)
        {
            Line("of which search/index.json", $"{Mib(first.IndexBytes)} / {Mib(first.IndexGzipBytes)}");
            Line("of which search/docs.json", $"{Mib(first.DocsBytes)} / {Mib(first.DocsGzipBytes)}");
        }
        writer.Write(text.ToString());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
