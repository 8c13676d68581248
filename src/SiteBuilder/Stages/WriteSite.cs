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
        var output = Full(outputDirectory);
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException("The output folder has no parent.");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var targets = files.Select(f => Target(staging, f.Path)).ToArray();
            foreach (var directory in targets.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(directory!);
            }

            var next = -1;
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { CancellationToken = cancellationToken }, async (i, ct) =>
            {
                beforeWrite?.Invoke(Interlocked.Increment(ref next));
                await File.WriteAllBytesAsync(targets[i], files[i].Content, ct).ConfigureAwait(false);
                SetMode(targets[i], FileMode);
            }).ConfigureAwait(false);

            foreach (var directory in Directory.EnumerateDirectories(staging, "*", SearchOption.AllDirectories).Prepend(staging))
            {
                SetMode(directory, DirectoryMode);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(output))
            {
                Directory.Move(output, retired);
            }

            Directory.Move(staging, output);
        }
        catch
        {
            TryDelete(staging);
            if (!Directory.Exists(output) && Directory.Exists(retired))
            {
                Directory.Move(retired, output);
            }

            throw;
        }

        TryDelete(retired);
    }

    /// <summary>Files 0644 and folders 0755 whatever the umask, so the site can be served (GitHub Pages artifacts need it).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    internal static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
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

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
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
