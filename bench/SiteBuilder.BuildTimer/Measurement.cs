using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteBuilder.BuildTimer;

/// <summary>
/// How long one stage took, in milliseconds (from <c>BuildResult.Timings</c>), what it allocated on the managed heap, and
/// the CPU time (user + system, all threads) the process spent meanwhile, and the process's peak RSS at the stage's end.
/// </summary>
public sealed record StageTime(string Stage, double Milliseconds, long AllocatedBytes = 0, double CpuMilliseconds = 0, long PeakRssBytes = 0);

/// <summary>
/// Everything one cold build measured. Sizes in bytes, times in seconds unless named otherwise. <see cref="ChildWallSeconds"/> is
/// spawn → exit as the parent saw it, which includes the timer's own size and gzip measurements after the build.
/// </summary>
public sealed record Measurement(
    int Articles,
    int Entities,
    int Pages,
    int Files,
    int Warnings,
    IReadOnlyList<StageTime> Stages,
    double BuildSeconds,
    double ProcessSeconds,
    double? ChildWallSeconds,
    double CpuSeconds,
    double SystemCpuSeconds,
    long PeakRssBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long OutputBytes,
    int OutputFiles,
    long IndexBytes,
    long IndexGzipBytes,
    long DocsBytes,
    long DocsGzipBytes,
    string LoadAverage,
    int SearchFiles = 0,
    long SearchBytes = 0,
    long SearchGzipBytes = 0,
    double GcPauseSeconds = 0,
    long PretouchedBytes = 0,
    double PretouchMilliseconds = 0)
{
    public double PagesPerSecond => BuildSeconds > 0 ? Pages / BuildSeconds : 0;
}

/// <summary>One searchable document as lunr-build.js reads it: the fields the C# index is built from.</summary>
public sealed record ExportedDocument(string Ref, string Title, string? Entities, string? Aliases, string Summary, string? Body);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(List<ExportedDocument>))]
internal sealed partial class BuildTimerJson : JsonSerializerContext
{
    /// <summary>Non-ASCII as is (the documents are English with a few accented names), so the exported file stays readable.</summary>
    public static BuildTimerJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });
}
