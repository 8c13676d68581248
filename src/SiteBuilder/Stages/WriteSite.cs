using SiteBuilder.Diagnostics;

namespace SiteBuilder.Stages;

/// <summary>
/// Stage 8: writes every file into a new folder beside the output and swaps it in only when all of it is written, so a
/// failed or interrupted build leaves the previous site as it was. Every path is proven to stay inside the output folder.
/// </summary>
public static class WriteSite
{
    /// <summary>Checks the output folder before anything is built: it must not be, or contain, the input folder, the repository root, or a file-system root.</summary>
    public static Diagnostic? CheckOutputFolder(string outputDirectory, string inputDirectory)
    {
        var output = Full(outputDirectory);
        var input = Full(inputDirectory);
        string? reason = null;
        if (Path.GetPathRoot(output) == output || output == Full(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
        {
            reason = "it is a root or home folder";
        }
        else if (output == input || IsInside(input, output))
        {
            reason = "it is or contains the input folder";
        }
        else if (IsInside(output, input))
        {
            reason = "it is inside the input folder";
        }
        else if (Directory.Exists(Path.Combine(output, ".git")) || File.Exists(Path.Combine(output, "SiteBuilder.sln")))
        {
            reason = "it is a repository root";
        }
        else if (File.Exists(output))
        {
            reason = "it is a file";
        }

        return reason is null ? null : DiagnosticDescriptors.InvalidOutputFolder.Create(SourceLocation.File(outputDirectory.Replace('\\', '/')), outputDirectory, reason);
    }

    /// <summary>
    /// Writes <paramref name="files"/> as the new content of <paramref name="outputDirectory"/>, atomically.
    /// <paramref name="beforeWrite"/> (tests only) is called with the index of each file before it is written.
    /// </summary>
    public static async Task RunAsync(string outputDirectory, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken, Action<int>? beforeWrite = null)
    {
        using var staged = StagedOutput.Begin(outputDirectory, beforeWrite);
        await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken }, (file, _) =>
        {
            staged.Write(file.Path, file.Content);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        staged.Commit();
    }

    /// <summary>Files 0644 and folders 0755 whatever the umask, so the site can be served (GitHub Pages artifacts need it).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// Whether new files and folders already get <see cref="FileMode"/> and <see cref="DirectoryMode"/>: .NET creates
    /// them 0666 and 0777 less the umask, so with the usual umask 022 setting the mode again is a wasted system call per
    /// file and folder (26,000 of them for 10,000 articles).
    /// </summary>
    internal static readonly bool ModesNeedSetting = !OperatingSystem.IsWindows() && ReadUmask() != 0x12; // 0x12 is octal 022

    internal static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && ModesNeedSetting)
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    /// <summary>The process's umask from /proc/self/status (Linux), or -1 where it cannot be read.</summary>
    private static int ReadUmask()
    {
        try
        {
            var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Umask:", StringComparison.Ordinal)) : null;
            return line is null ? -1 : Convert.ToInt32(line["Umask:".Length..].Trim(), 8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }

    /// <summary>The full path of a site file inside <paramref name="root"/>; throws for any path that would leave it.</summary>
    public static string Target(string root, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Contains('\\') || relativePath.Contains('\0') || relativePath.StartsWith('/')
            || Path.IsPathRooted(relativePath) || relativePath.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"Refusing to write outside the output folder: '{relativePath}'.");
        }

        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!IsInside(full, Full(root)))
        {
            throw new InvalidOperationException($"Refusing to write outside the output folder: '{relativePath}'.");
        }

        return full;
    }


    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    internal static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}

/// <summary>
/// A new site being written into a hidden folder beside the output: files can be written from many threads as they are
/// produced (so pages need not be held in memory), and <see cref="Commit"/> swaps the folder in. Disposed without a commit
/// (an error, a cancellation, a crash of the build), it deletes the folder and the previous output stays untouched.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly Action<int>? _beforeWrite;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private int _written = -1;
    private bool _committed;

    private StagedOutput(string output, Action<int>? beforeWrite)
    {
        _output = output;
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException("The output folder has no parent.");
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(output)}.new-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
        _beforeWrite = beforeWrite;
    }

    public static StagedOutput Begin(string outputDirectory, Action<int>? beforeWrite = null) => new(WriteSite.Full(outputDirectory), beforeWrite);

    /// <summary>How many files have been written (or begun) so far.</summary>
    public int Files => Volatile.Read(ref _written) + 1;

    /// <summary>Writes one file of the new site (thread-safe). The path is checked to stay inside the folder.</summary>
    public void Write(string path, ReadOnlySpan<byte> content)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var target = WriteSite.Target(_staging, path);
        var directory = Path.GetDirectoryName(target)!;
        if (!_directories.ContainsKey(directory))
        {
            // Remembered only once it exists, so a second thread never writes into a folder still being made.
            Directory.CreateDirectory(directory);
            _directories.TryAdd(directory, true);
        }

        var written = Interlocked.Increment(ref _written);
        _beforeWrite?.Invoke(written);
        using (var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, content, 0);
        }

        WriteSite.SetMode(target, WriteSite.FileMode);
    }

    /// <summary>Makes the written folder the output: the previous output is moved aside, the new one moved in, the old one deleted.</summary>
    public void Commit()
    {
        if (WriteSite.ModesNeedSetting)
        {
            foreach (var directory in Directory.EnumerateDirectories(_staging, "*", SearchOption.AllDirectories).Prepend(_staging))
            {
                WriteSite.SetMode(directory, WriteSite.DirectoryMode);
            }
        }

        var retired = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Guid.NewGuid():N}");
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, retired);
        }

        try
        {
            Directory.Move(_staging, _output);
        }
        catch
        {
            if (!Directory.Exists(_output) && Directory.Exists(retired))
            {
                Directory.Move(retired, _output);
            }

            throw;
        }

        _committed = true;
        TryDelete(retired);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(_staging);
            _committed = true;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                // The folders two levels down (one per page) first, in parallel: a site has thousands, and deleting a
                // previous output is otherwise a build's longest single-threaded step. Links are left to the last pass.
                var folders = new DirectoryInfo(directory).EnumerateDirectories()
                    .Where(d => (d.Attributes & FileAttributes.ReparsePoint) == 0)
                    .SelectMany(d => d.EnumerateDirectories())
                    .Where(d => (d.Attributes & FileAttributes.ReparsePoint) == 0)
                    .ToList();
                Parallel.ForEach(folders, folder =>
                {
                    try
                    {
                        folder.Delete(recursive: true);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // Left for the last pass, which reports nothing either.
                    }
                });
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover hidden folder beside the output is harmless; the next build makes its own.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
