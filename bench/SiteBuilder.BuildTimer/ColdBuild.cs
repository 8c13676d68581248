using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using SiteBuilder.Cli;
using SiteBuilder.Diagnostics;
using SiteBuilder.Stages;
using SiteBuilder.Theme;

namespace SiteBuilder.BuildTimer;

/// <summary>One clean build of a corpus in this process, as the <c>sitebuilder build</c> command runs it, and what it cost.</summary>
internal static class ColdBuild
{
    public static async Task<Measurement?> RunAsync(string input, string output, TextWriter errors)
    {
        var load = ReadLoadAverage();
        // The engine reports each stage as it starts, in the order of its timings: the allocation counter, the CPU time and
        // the peak RSS read there split the build by stage (stages run one after another; each may use several threads).
        // The last mark is the one read for the totals below.
        var allocatedAtStart = new List<long>();
        var cpuAtStart = new List<TimeSpan>();
        var peakAtStart = new List<long>();
        // As `sitebuilder build` does (the CLI's HeapPretouch, compiled into this program too), timed on its own.
        var (pretouched, pretouchTime) = (0L, TimeSpan.Zero);
        var options = new BuildOptions(input, output, BaseUrl: null, DisplayRoot: input, DateOnly.FromDateTime(DateTime.UtcNow))
        {
            Progress = new StageMarks(allocatedAtStart, cpuAtStart, peakAtStart),
            ArticlesListed = bytes =>
            {
                var start = Stopwatch.GetTimestamp();
                pretouched = HeapPretouch.ForArticles(bytes);
                pretouchTime = Stopwatch.GetElapsedTime(start);
            },
        };
        var clock = Stopwatch.StartNew();
        BuildResult result;
        await using (var renderer = ThemeRenderer.Create())
        {
            result = await SiteGenerator.BuildAsync(options, renderer).ConfigureAwait(false);
        }

        var buildSeconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var processSeconds = (DateTime.Now - self.StartTime).TotalSeconds;
        // CPU time (user + system, all threads) is far less sensitive than wall time to other work on the machine.
        var cpuSeconds = self.TotalProcessorTime.TotalSeconds;
        var systemSeconds = self.PrivilegedProcessorTime.TotalSeconds;
        // Read before anything else touches memory: the peak of the build, not of the measuring.
        var peak = ReadStatusKilobytes("VmHWM") * 1024;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        allocatedAtStart.Add(allocated);
        cpuAtStart.Add(self.TotalProcessorTime);
        peakAtStart.Add(peak);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        // Workstation GC stops every thread and collects on one: time in which one of the two cores works.
        var gcPause = GC.GetTotalPauseDuration().TotalSeconds;

        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError).Take(20))
            {
                await errors.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            await errors.WriteLineAsync($"Build failed with {result.Diagnostics.Count(d => d.IsError)} error(s).").ConfigureAwait(false);
            return null;
        }

        var (outputBytes, outputFiles) = FolderSize(output);
        var index = Path.Combine(output, BuildSearchIndex.IndexPath);
        var docs = Path.Combine(output, BuildSearchIndex.DocsPath);
        // Every search data file (either layout; not the search page), each gzipped as a server would send it.
        var searchData = Directory.EnumerateFiles(Path.Combine(output, "search"), "*.json", SearchOption.AllDirectories).ToList();
        return new Measurement(
            result.Articles, result.Entities, result.Pages, result.Files,
            result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            [.. result.Timings.Select((t, i) => allocatedAtStart.Count == result.Timings.Count + 1
                ? new StageTime(t.Stage, t.Elapsed.TotalMilliseconds, allocatedAtStart[i + 1] - allocatedAtStart[i],
                    (cpuAtStart[i + 1] - cpuAtStart[i]).TotalMilliseconds, peakAtStart[i + 1])
                : new StageTime(t.Stage, t.Elapsed.TotalMilliseconds))],
            buildSeconds, processSeconds, null, cpuSeconds, systemSeconds, peak, allocated, gen0, gen1, gen2, outputBytes, outputFiles,
            SizeOf(index), File.Exists(index) ? GzipLength(index) : 0, SizeOf(docs), File.Exists(docs) ? GzipLength(docs) : 0, load,
            searchData.Count, searchData.Sum(SizeOf), searchData.Sum(GzipLength), gcPause, pretouched, pretouchTime.TotalMilliseconds);
    }

    /// <summary>The size of a file, or 0 when there is none (a monolithic search file in the sharded layout).</summary>
    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Analyses the corpus and writes <see cref="BuildSearchIndex.Documents"/> as JSON for lunr-build.js.</summary>
    public static int ExportSearchDocuments(string input, string file, TextWriter errors)
    {
        var options = new BuildOptions(input, Path.Combine(Path.GetTempPath(), "unused"), null, input, DateOnly.FromDateTime(DateTime.UtcNow));
        var analysis = SiteGenerator.Analyze(options);
        if (analysis.Graph is null)
        {
            errors.WriteLine($"The corpus has {analysis.Diagnostics.Count(d => d.IsError)} error(s); nothing exported.");
            return 1;
        }

        var documents = BuildSearchIndex.Documents(analysis.Graph)
            .Select(d => new ExportedDocument(d.Ref, d.Title, d.Entities, d.Aliases, d.Summary, d.BodyString()))
            .ToList();
        using (var stream = File.Create(file))
        {
            JsonSerializer.Serialize(stream, documents, BuildTimerJson.Relaxed.ListExportedDocument);
        }

        Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"Exported {documents.Count} search documents ({new FileInfo(file).Length / 1048576.0:0.0} MiB) → {file}\n"));
        return 0;
    }

    /// <summary>The gzipped size with <see cref="CompressionLevel.Optimal"/>, what a web server would send.</summary>
    private static long GzipLength(string path)
    {
        var counter = new CountingStream();
        using (var source = File.OpenRead(path))
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            source.CopyTo(gzip);
        }

        return counter.Length;
    }

    private static (long Bytes, int Files) FolderSize(string folder)
    {
        long bytes = 0;
        var files = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            bytes += file.Length;
            files++;
        }

        return (bytes, files);
    }

    /// <summary>A field of /proc/self/status in kB (VmHWM: peak resident set size), or 0 where there is no /proc.</summary>
    private static long ReadStatusKilobytes(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// Reads the allocation counter, the process's CPU time and its peak RSS so far as each stage starts; synchronous,
    /// unlike <see cref="Progress{T}"/>.
    /// </summary>
    private sealed class StageMarks(List<long> allocated, List<TimeSpan> cpu, List<long> peak) : IProgress<string>
    {
        public void Report(string value)
        {
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true));
            using var self = Process.GetCurrentProcess();
            cpu.Add(self.TotalProcessorTime);
            peak.Add(ReadStatusKilobytes("VmHWM") * 1024);
        }
    }

    /// <summary>A write-only stream that only counts bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
