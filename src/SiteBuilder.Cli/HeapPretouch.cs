using System.Globalization;
using System.Runtime.InteropServices;

namespace SiteBuilder.Cli;

/// <summary>
/// Faults in, as a build starts, the memory the garbage collector will give it: the JVM's <c>AlwaysPreTouch</c>, for
/// .NET on Linux, sized by the input.
/// </summary>
/// <remarks>
/// <para>
/// A process touches each new 4 KiB page of its heap once, and each first touch is a page fault. On the 2-core VM the
/// benchmarks run on, a fault costs up to ~19 µs (a C loop touching 400 MiB: 1.9 s), where
/// <c>madvise(MADV_POPULATE_WRITE)</c> (Linux 5.14) faults in the same 400 MiB in ~90 ms, in one system call. A build of
/// 10,000 articles took ~140,000 faults; with 250 MiB pretouched it takes ~70,000, and 0.8 s less CPU time
/// (bench/RESULTS.md).
/// </para>
/// <para>
/// With regions (the default since .NET 7) the GC reserves one range of address space at start-up, inaccessible, and
/// commits it as it needs it, region by region from the low end (<c>mprotect</c> to read-write); past the regions used
/// so far, the range has never been touched. This makes the first bytes of that never-used part read-write and
/// populates them. The GC commits them later as it would have (its <c>mprotect</c> changes nothing), finds them zeroed
/// as fresh memory is, and decommits them as it would have (replacing the pages). Where no such range is found (not
/// Linux, an older kernel, another GC) nothing is done; pages the GC does not come to use only cost memory.
/// </para>
/// </remarks>
internal static class HeapPretouch
{
    /// <summary>
    /// Bytes touched per byte of article files. A build of 10,000 generated articles (54 MB) peaks at ~385 MiB, of which
    /// ~60 MiB is the runtime before the build (bench/RESULTS.md).
    /// </summary>
    public const int BytesPerInputByte = 5;

    /// <summary>
    /// Below this nothing is done: at 1,000 articles (25 MiB) the build was no faster, and its peak RSS 22 MiB higher,
    /// as the GC still had room in the regions it committed at start-up.
    /// </summary>
    public const long MinimumBytes = 64L << 20;

    /// <summary>The GC's reserved range is gigabytes; nothing smaller is taken for it.</summary>
    private const long MinimumReservation = 1L << 30;

    private const int ProtectionReadWrite = 3;
    private const int AdvicePopulateWrite = 23;

    /// <summary>
    /// Populates memory for a build whose article files take <paramref name="articleBytes"/>: <see cref="BytesPerInputByte"/>
    /// times that, at most a quarter of the memory available; none below <see cref="MinimumBytes"/>.
    /// </summary>
    /// <returns>The number of bytes populated (0 when nothing was done).</returns>
    public static long ForArticles(long articleBytes)
    {
        var bytes = Math.Min(articleBytes * BytesPerInputByte, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        return bytes < MinimumBytes ? 0 : Run(bytes);
    }

    /// <summary>Populates the first <paramref name="bytes"/> (rounded up to pages) of the never-used end of the GC's range.</summary>
    /// <returns>The number of bytes populated (0 when nothing was done).</returns>
    public static long Run(long bytes)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || bytes <= 0)
        {
            return 0;
        }

        try
        {
            return Populate(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /proc to read (a sandbox), or no such C library: the build runs as without the pretouch.
            return 0;
        }
    }

    private static long Populate(long bytes)
    {
        var (start, length) = NeverUsedEnd();
        var size = Math.Min((bytes + Environment.SystemPageSize - 1) & ~(long)(Environment.SystemPageSize - 1), length);
        // An advice the kernel does not know (before Linux 5.14) is refused before the length is looked at.
        if (size <= 0 || madvise(start, 0, AdvicePopulateWrite) != 0 || mprotect(start, (nuint)size, ProtectionReadWrite) != 0)
        {
            return 0;
        }

        // Should this fail half-way, the range stays read-write: the GC would have made it so, and never relies on the
        // opposite. Changing it back could take memory it started to use meanwhile.
        return madvise(start, (nuint)size, AdvicePopulateWrite) == 0 ? size : 0;
    }

    /// <summary>
    /// The never-used end of the GC's range: the first inaccessible anonymous mapping of at least
    /// <see cref="MinimumReservation"/> after the one holding a new object, with only anonymous mappings between them.
    /// </summary>
    internal static (nint Start, long Length) NeverUsedEnd()
    {
        var probe = GCHandle.Alloc(new byte[16], GCHandleType.Pinned);
        long address;
        try
        {
            address = probe.AddrOfPinnedObject();
        }
        finally
        {
            probe.Free();
        }

        var found = false;
        long end = 0;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            // start-end perms offset dev inode [path]: an anonymous mapping has no path.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var bounds = fields.Length >= 5 ? fields[0].Split('-') : [];
            if (bounds.Length != 2)
            {
                break;
            }

            var (from, to) = (long.Parse(bounds[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                long.Parse(bounds[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            var anonymous = fields.Length == 5;
            if (!found)
            {
                (found, end) = (from <= address && address < to && anonymous, to);
                continue;
            }

            if (from != end || !anonymous)
            {
                break;
            }

            if (fields[1] == "---p" && to - from >= MinimumReservation)
            {
                return ((nint)from, to - from);
            }

            end = to;
        }

        return (0, 0);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(nint address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);
}
