using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;

namespace SiteBuilder.Stages;

/// <summary>The input folder's files, decoded. Paths are display paths ('/' separators, relative to the display root).</summary>
public sealed record InputFiles(SourceFile? Site, EquatableArray<SourceFile> Entities, EquatableArray<SourceFile> Articles);

/// <summary>
/// Stage 1: finds and decodes every input file. Text is UTF-8 (a BOM is dropped), line endings become '\n',
/// and text is normalised to NFC so that "Zelenskyy" matches however it was typed. Symbolic links are not followed.
/// </summary>
public static class ReadInputFiles
{
    /// <summary>
    /// What the last read decoded, by full path, with the length and modification time it had (for the preview server:
    /// an unchanged file is not read and decoded again). Only files that decoded cleanly are kept. Told which files
    /// changed since (<see cref="Changed"/>, from a file watcher), the next read also skips listing the folders and
    /// looking at every file: it looks at those only.
    /// </summary>
    public sealed class Cache
    {
        // As git does with "racily clean" entries: a file modified within the last two seconds could be written again
        // within the file system's timestamp granularity without its time changing, so it is read again next time.
        private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

        private ConcurrentDictionary<string, (long Length, DateTime Modified, SourceFile File)> _previous = new(StringComparer.Ordinal);
        private ConcurrentDictionary<string, (long Length, DateTime Modified, SourceFile File)> _current = new(StringComparer.Ordinal);
        private int _filesRead;

        // The files changed since the last read, by full path; null when unknown (the first read, or events were lost).
        private HashSet<string>? _changed;

        /// <summary>How many files the last run read from disk (the others were taken from the cache).</summary>
        public int FilesRead => _filesRead;

        /// <summary>Whether the last run listed the input folder (false: it looked at the changed files it was told of only).</summary>
        public bool Listed { get; private set; }

        /// <summary>The last listing of the input folder, and what the read found in it that was not a file's content.</summary>
        internal Listing? LastListing { get; private set; }

        /// <summary>
        /// Adds files (full paths) that changed since the last read, as a watcher reports them; null when any file may have
        /// changed. Changes add up until a read uses them.
        /// </summary>
        public void Changed(IEnumerable<string>? paths)
        {
            if (paths is null)
            {
                LastListing = null;
                _changed = null;
                return;
            }

            if (LastListing is not null)
            {
                (_changed ??= new(StringComparer.Ordinal)).UnionWith(paths.Select(Path.GetFullPath));
            }
        }

        /// <summary>What the last run read from <see cref="LastListing"/>, position by position.</summary>
        internal (Part Entities, Part Articles)? LastParts { get; private set; }

        /// <summary>Starts a run. One that trusts the last listing updates what it knows in place: no file is gone.</summary>
        internal void Begin(bool trusted)
        {
            _current = trusted ? _previous : new(StringComparer.Ordinal);
            _filesRead = 0;
        }

        /// <summary>Whether the file is known as last read (decoded cleanly, and old enough to be trusted by its time).</summary>
        internal bool Settled(FileInfo file) => _current.ContainsKey(file.FullName);

        /// <summary>
        /// The last listing, if it still holds: every changed file was in it and is still a regular file (an edit in place
        /// or an editor's atomic save). A file added, deleted or turned into a folder or a link means listing again.
        /// </summary>
        internal (Listing Listing, HashSet<string> Changed)? Trusted(string inputDirectory, string displayRoot)
        {
            var (listing, changed) = (LastListing, _changed);
            if (listing is null || changed is null || listing.InputDirectory != inputDirectory || listing.DisplayRoot != displayRoot)
            {
                return null;
            }

            foreach (var path in changed)
            {
                if (listing.Find(path) is null)
                {
                    if (path.StartsWith(listing.Root, StringComparison.Ordinal))
                    {
                        return null; // new to the input folder: a file, a folder, anything
                    }

                    continue; // outside it (the theme's assets)
                }

                var file = new FileInfo(path);
                if (!file.Exists || (file.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    return null;
                }
            }

            return (listing, changed);
        }

        /// <summary>The file as the last run read it if its length, time and display path are unchanged; otherwise read now.</summary>
        internal SourceFile? Read(FileInfo file, DisplayPaths display, long limit, ConcurrentBag<Diagnostic> diagnostics)
        {
            var modified = file.LastWriteTimeUtc;
            if (_previous.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Modified == modified
                && known.File.RelativePath == display.Of(file.FullName))
            {
                _current[file.FullName] = known;
                return known.File;
            }

            return ReadNow(file, display, limit, diagnostics);
        }

        private SourceFile? ReadNow(FileInfo file, DisplayPaths display, long limit, ConcurrentBag<Diagnostic> diagnostics)
        {
            Interlocked.Increment(ref _filesRead);
            var modified = file.LastWriteTimeUtc;
            var read = ReadInputFiles.Read(file, display, limit, diagnostics);
            if (read is not null && DateTime.UtcNow - modified > RacyWindow)
            {
                _current[file.FullName] = (file.Length, modified, read);
            }
            else
            {
                _current.TryRemove(file.FullName, out _);
            }

            return read;
        }

        /// <summary>
        /// Keeps what this run read (files gone since are forgotten) and the listing it read them from; the changes it was
        /// told of are used up. (A read that throws does not get here: they then count for the next one.)
        /// </summary>
        internal void End(Listing listing, bool listed, (Part Entities, Part Articles) parts)
        {
            Listed = listed;
            LastParts = parts;
            _previous = _current;
            LastListing = listing;
            _changed = null;
        }
    }

    /// <summary>
    /// The input folder's files as one read listed them (sorted, links and hidden folders left out), with the diagnostics
    /// the listing gave (a missing site.yml, unexpected files, links).
    /// </summary>
    internal sealed record Listing(string InputDirectory, string DisplayRoot, string Root, FileInfo? Site, List<FileInfo> Entities, List<FileInfo> Articles,
        Diagnostic[] Diagnostics)
    {
        private readonly Dictionary<string, (bool Article, int Index)> _paths = Entities.Select((f, i) => (f.FullName, (false, i)))
            .Concat(Articles.Select((f, i) => (f.FullName, (true, i))))
            .Concat(Site is null ? [] : [(Site.FullName, (false, -1))])
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

        /// <summary>Where a listed file is: in the articles or not (the entities, or site.yml at index -1), and at which index; null when not listed.</summary>
        public (bool Article, int Index)? Find(string fullPath) => _paths.TryGetValue(fullPath, out var at) ? at : null;
    }

    /// <summary>
    /// One list of a listing as read: each file's content (null when it could not be read), whether the cache holds it as
    /// read (so that a later run told it has not changed can take it as it is), and the readable ones' order by path.
    /// </summary>
    internal sealed record Part(SourceFile?[] Files, bool[] Settled, int[] Order)
    {
        public EquatableArray<SourceFile> Sorted() => Order.Select(i => Files[i]!).ToEquatableArray();
    }

    public const long MaxYamlBytes = 1024 * 1024;
    public const long MaxBodyBytes = 1024 * 1024;

    public static (InputFiles Files, IReadOnlyList<Diagnostic> Diagnostics) Run(string inputDirectory, string displayRoot) =>
        Run(inputDirectory, displayRoot, cache: null);

    /// <summary>
    /// Reads the input, taking unchanged files from <paramref name="cache"/> and updating it. Without a cache,
    /// <paramref name="articlesListed"/> is told the total size of the article files once they are listed, before any is
    /// read.
    /// </summary>
    public static (InputFiles Files, IReadOnlyList<Diagnostic> Diagnostics) Run(string inputDirectory, string displayRoot, Cache? cache,
        Action<long>? articlesListed = null)
    {
        if (cache is null)
        {
            var all = List(inputDirectory, displayRoot);
            // Lengths from the entries' lstat, which the listing made to find links: no more system calls.
            articlesListed?.Invoke(all.Articles.Sum(f => f.Length));
            var (files, diagnostics, _) = ReadAll(all, cache: null, changed: null);
            return (files, diagnostics);
        }

        var trusted = cache.Trusted(inputDirectory, displayRoot);
        cache.Begin(trusted is not null);
        var listing = trusted?.Listing ?? List(inputDirectory, displayRoot);
        var result = ReadAll(listing, cache, trusted?.Changed);
        cache.End(listing, listed: trusted is null, result.Parts);
        return (result.Files, result.Diagnostics);
    }

    /// <summary>Lists the input folder: site.yml, and every file below entities/ and articles/ that is neither a link nor hidden.</summary>
    private static Listing List(string inputDirectory, string displayRoot)
    {
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var root = new DirectoryInfo(inputDirectory);
        var display = new DisplayPaths(displayRoot);
        if (!root.Exists)
        {
            diagnostics.Add(DiagnosticDescriptors.SiteConfigMissing.Create(SourceLocation.File(display.Of(root.FullName)), display.Of(root.FullName)));
            return new Listing(inputDirectory, displayRoot, root.FullName + Path.DirectorySeparatorChar, null, [], [], [.. diagnostics]);
        }

        var site = new FileInfo(Path.Combine(root.FullName, "site.yml"));
        if (!site.Exists)
        {
            diagnostics.Add(DiagnosticDescriptors.SiteConfigMissing.Create(SourceLocation.File(display.Of(site.FullName)), display.Of(root.FullName)));
        }

        var entityFiles = Enumerate(Path.Combine(root.FullName, "entities"), display, diagnostics)
            .Where(f => IsYaml(f.Name) || Ignore(f, display, diagnostics))
            .ToList();
        var articleFiles = Enumerate(Path.Combine(root.FullName, "articles"), display, diagnostics)
            .Where(f => IsYaml(f.Name) || IsBody(f.Name) || Ignore(f, display, diagnostics))
            .ToList();
        return new Listing(inputDirectory, displayRoot, root.FullName + Path.DirectorySeparatorChar, site.Exists ? site : null, entityFiles, articleFiles, [.. diagnostics]);
    }

    /// <summary>
    /// Reads the listed files: every one, or, told which changed since the last run (<paramref name="changed"/>), those and
    /// the ones the cache did not keep (they could not be read, or were too new to be trusted by their time).
    /// </summary>
    private static (InputFiles Files, IReadOnlyList<Diagnostic> Diagnostics, (Part Entities, Part Articles) Parts) ReadAll(Listing listing, Cache? cache,
        HashSet<string>? changed)
    {
        var diagnostics = new ConcurrentBag<Diagnostic>(listing.Diagnostics);
        var display = new DisplayPaths(listing.DisplayRoot);
        Func<FileInfo, DisplayPaths, long, ConcurrentBag<Diagnostic>, SourceFile?> read = cache is null ? Read : cache.Read;
        var last = changed is null ? null : cache!.LastParts;
        var again = (Entities: new HashSet<int>(), Articles: new HashSet<int>());
        foreach (var path in changed ?? [])
        {
            if (listing.Find(path) is var (article, index) && index >= 0)
            {
                (article ? again.Articles : again.Entities).Add(index);
            }
        }

        var site = listing.Site is null ? null : read(listing.Site, display, MaxYamlBytes, diagnostics);
        var entities = ReadEach(listing.Entities, display, _ => MaxYamlBytes, diagnostics, read, cache, last?.Entities, again.Entities);
        var articles = ReadEach(listing.Articles, display, f => IsBody(f.Name) ? MaxBodyBytes : MaxYamlBytes, diagnostics, read, cache, last?.Articles, again.Articles);
        return (new InputFiles(site, entities.Sorted(), articles.Sorted()), diagnostics.ToList(), (entities, articles));
    }

    internal static bool IsYaml(string name) => name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);

    internal static bool IsBody(string name) => name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal);

    private static bool Ignore(FileInfo file, DisplayPaths display, ConcurrentBag<Diagnostic> diagnostics)
    {
        if (!file.Name.StartsWith('.'))
        {
            var path = display.Of(file.FullName);
            diagnostics.Add(DiagnosticDescriptors.UnexpectedFile.Create(SourceLocation.File(path), path));
        }

        return false;
    }

    /// <summary>
    /// Reads a list of files; with <paramref name="last"/> (the same list, as the last run read it), only those at
    /// <paramref name="again"/> and those the cache did not keep, taking the others as they were.
    /// </summary>
    private static Part ReadEach(List<FileInfo> files, DisplayPaths display, Func<FileInfo, long> limit, ConcurrentBag<Diagnostic> diagnostics,
        Func<FileInfo, DisplayPaths, long, ConcurrentBag<Diagnostic>, SourceFile?> read, Cache? cache, Part? last, HashSet<int> again)
    {
        if (last is null)
        {
            var results = new SourceFile?[files.Count];
            Parallel.For(0, files.Count, i => results[i] = read(files[i], display, limit(files[i]), diagnostics));
            var settled = cache is null ? new bool[files.Count] : files.Select(cache.Settled).ToArray();
            return new Part(results, settled, ByPath(results));
        }

        var (current, known) = ((SourceFile?[])last.Files.Clone(), (bool[])last.Settled.Clone());
        var sameOrder = true;
        for (var i = 0; i < files.Count; i++)
        {
            if (known[i] && !again.Contains(i))
            {
                continue;
            }

            // Looked at again: its length and time say whether it changed (a fresh FileInfo: the listing's is as it was then).
            var file = new FileInfo(files[i].FullName);
            var result = read(file, display, limit(file), diagnostics);
            sameOrder &= (result is null) == (current[i] is null);
            (current[i], known[i]) = (result, cache!.Settled(file));
        }

        return new Part(current, known, sameOrder ? last.Order : ByPath(current));
    }

    /// <summary>The indexes of the files that could be read, in ordinal order of their paths.</summary>
    private static int[] ByPath(SourceFile?[] files) =>
        [.. Enumerable.Range(0, files.Length).Where(i => files[i] is not null).OrderBy(i => files[i]!.RelativePath, StringComparer.Ordinal)];

    /// <summary>Every regular file below <paramref name="directory"/>, not descending into links or hidden folders.</summary>
    private static IEnumerable<FileInfo> Enumerate(string directory, DisplayPaths display, ConcurrentBag<Diagnostic> diagnostics)
    {
        var pending = new Stack<DirectoryInfo>();
        var start = new DirectoryInfo(directory);
        if (!start.Exists)
        {
            yield break;
        }

        if (IsLink(start))
        {
            Report(start);
            yield break;
        }

        pending.Push(start);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in current.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (IsLink(entry))
                {
                    Report(entry);
                }
                else if (entry is DirectoryInfo sub)
                {
                    if (!sub.Name.StartsWith('.'))
                    {
                        pending.Push(sub);
                    }
                }
                else if (entry is FileInfo file)
                {
                    yield return file;
                }
            }
        }

        // From the entry's lstat, which its length and time need anyway (LinkTarget would cost a readlink per file).
        static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

        void Report(FileSystemInfo entry)
        {
            var path = display.Of(entry.FullName);
            diagnostics.Add(DiagnosticDescriptors.SymlinkSkipped.Create(SourceLocation.File(path), path));
        }
    }

    private static SourceFile? Read(FileInfo file, DisplayPaths display, long limit, ConcurrentBag<Diagnostic> diagnostics)
    {
        var path = display.Of(file.FullName);
        if (file.Length > limit)
        {
            var descriptor = IsBody(file.Name) ? DiagnosticDescriptors.BodyTooLarge : DiagnosticDescriptors.FileTooLarge;
            diagnostics.Add(descriptor.Create(SourceLocation.File(path), file.Length, limit));
            return null;
        }

        // Into a pooled buffer: only the decoded text is kept, so the bytes need no array of their own.
        using var handle = File.OpenHandle(file.FullName);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(RandomAccess.GetLength(handle), limit) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    // The file grew since its length was read.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var text = Decode(buffer.AsSpan(0, length), path, diagnostics);
            return text is null ? null : new SourceFile(path, text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Strict UTF-8 decoding; '\r\n' and '\r' become '\n'; NFC. Returns null (with a diagnostic) for invalid UTF-8 or NUL.</summary>
    internal static string? Decode(ReadOnlySpan<byte> bytes, string path, ConcurrentBag<Diagnostic> diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = 1 + bytes[..read].Count((byte)'\n');
                diagnostics.Add(DiagnosticDescriptors.InvalidUtf8.Create(new SourceLocation(path, line, 1), read));
                return null;
            }

            var span = chars.AsSpan(0, written);
            var nul = span.IndexOf('\0');
            if (nul >= 0)
            {
                var line = 1 + span[..nul].Count('\n');
                diagnostics.Add(DiagnosticDescriptors.NulCharacter.Create(new SourceLocation(path, line, 1), line));
                return null;
            }

            var text = span.Contains('\r') ? NormalizeNewlines(span) : new string(span);
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string NormalizeNewlines(ReadOnlySpan<char> span)
    {
        var builder = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '\r')
            {
                builder.Append('\n');
                if (i + 1 < span.Length && span[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(span[i]);
            }
        }

        return builder.ToString();
    }
}

/// <summary>Turns absolute paths into the paths diagnostics print: relative to a root when inside it, '/' separators.</summary>
internal sealed class DisplayPaths(string root)
{
    private readonly string _root = Path.GetFullPath(root);

    public string Of(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
