using System.Globalization;
using System.Runtime.InteropServices;
using SiteBuilder.Cli;

namespace SiteBuilder.Tests;

[CollectionDefinition(nameof(HeapPretouchTests), DisableParallelization = true)]
public sealed class HeapPretouchTestsRunAlone;

/// <summary>
/// The pretouch reads and changes this process's memory map, so these tests run alone: no other test allocates meanwhile
/// and moves the GC into the range they look at.
/// </summary>
[Collection(nameof(HeapPretouchTests))]
public class HeapPretouchTests
{
    [Fact]
    public void TheNeverUsedEndIsAnInaccessibleReservationAfterTheMappingHoldingANewObject()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(0, HeapPretouch.Run(1 << 20));
            return;
        }

        var (start, length) = HeapPretouch.NeverUsedEnd();

        var maps = Mappings();
        var tail = maps.FindIndex(m => m.Start == start);
        Assert.True(tail >= 0, $"no mapping starts at {start:x}");
        Assert.Equal("---p", maps[tail].Permissions);
        Assert.Equal(maps[tail].End - maps[tail].Start, length);
        Assert.True(length >= 1L << 30, $"{length} bytes");
        var holder = maps.FindIndex(m => m.Start <= ObjectAddress() && ObjectAddress() < m.End);
        Assert.InRange(holder, 0, tail - 1);
        for (var i = holder; i <= tail; i++)
        {
            Assert.True(maps[i].Anonymous, maps[i].Line);
            Assert.True(i == holder || maps[i].Start == maps[i - 1].End, $"a gap before {maps[i].Line}");
        }
    }

    [Fact]
    public void RunMakesTheStartOfTheNeverUsedEndReadWriteAndResident()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (start, _) = HeapPretouch.NeverUsedEnd();
        const long size = 8L << 20;

        var populated = HeapPretouch.Run(size);

        Assert.Equal(size, populated);
        var mapping = Assert.Single(Mappings(), m => m.Start <= start && start < m.End);
        Assert.StartsWith("rw", mapping.Permissions, StringComparison.Ordinal);
        Assert.True(mapping.End >= start + size, mapping.Line);
        var resident = new byte[size / Environment.SystemPageSize];
        Assert.Equal(0, mincore(start, (nuint)size, resident));
        Assert.Equal(resident.Length, resident.Count(page => (page & 1) == 1));
        Assert.NotEqual(start, HeapPretouch.NeverUsedEnd().Start);
    }

    [Fact]
    public void ForArticlesTouchesFiveTimesTheirSizeAndNothingForASmallSite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var before = HeapPretouch.NeverUsedEnd().Start;
        Assert.Equal(0, HeapPretouch.ForArticles(10_000_000));
        Assert.Equal(before, HeapPretouch.NeverUsedEnd().Start);

        var page = Environment.SystemPageSize;
        Assert.Equal((21_000_000L * HeapPretouch.BytesPerInputByte + page - 1) / page * page, HeapPretouch.ForArticles(21_000_000));
    }

    [Fact]
    public void ABuildTellsTheArticleFilesTotalSizeOnce()
    {
        var articles = new DirectoryInfo(Path.Combine(RepositoryPaths.Input, "articles"))
            .EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var told = new List<long>();
        var options = new BuildOptions(RepositoryPaths.Input, Path.Combine(Path.GetTempPath(), "unused"), null, RepositoryPaths.Input,
            new DateOnly(2026, 1, 1))
        {
            ArticlesListed = told.Add,
        };

        var analysis = SiteGenerator.Analyze(options);

        Assert.False(analysis.HasErrors);
        Assert.Equal([articles], told);
        Assert.True(articles > 10_000, $"{articles} bytes");
    }

    private static long ObjectAddress()
    {
        var handle = GCHandle.Alloc(new byte[16], GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    private static List<Mapping> Mappings() =>
    [
        .. File.ReadLines("/proc/self/maps").Select(line =>
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var bounds = fields[0].Split('-');
            return new Mapping(long.Parse(bounds[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                long.Parse(bounds[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), fields[1], fields.Length == 5, line);
        }),
    ];

    private sealed record Mapping(long Start, long End, string Permissions, bool Anonymous, string Line);

    [DllImport("libc", SetLastError = true)]
    private static extern int mincore(nint address, nuint length, byte[] vector);
}
