using System.Threading.Channels;

namespace SiteBuilder.Cli.Serve;

/// <summary>
/// Watches a folder tree and hands out changes in bursts: one batch per save, however many events the editor and the file
/// system raise for it. Editor scratch files (hidden, <c>~</c>, <c>.swp</c>) are ignored; the engine ignores them too.
/// </summary>
internal sealed class InputWatcher : IDisposable
{
    /// <summary>What a lost event (the watcher's buffer overflowed) is reported as: anything may have changed.</summary>
    public const string Everything = "*";

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Watches <paramref name="directory"/> and, when given, <paramref name="more"/> folders (the theme's assets); paths are relative to their folder.</summary>
    public InputWatcher(string directory, params string[] more)
    {
        foreach (var folder in more.Prepend(directory))
        {
            Watch(Path.GetFullPath(folder));
        }
    }

    private void Watch(string root)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Add(e.FullPath);
        watcher.Created += (_, e) => Add(e.FullPath);
        watcher.Deleted += (_, e) => Add(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Add(e.OldFullPath);
            Add(e.FullPath);
        };
        watcher.Error += (_, _) => _changes.Writer.TryWrite(Everything);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    /// <summary>
    /// Waits for a change, then until nothing more has changed for <paramref name="quiet"/> (but no longer than
    /// <see cref="LongestBurst"/>: a tool that writes without pause still gets a rebuild); returns the changed paths
    /// (full paths, sorted; <see cref="Everything"/> if events were lost). Changes made meanwhile wait for the next call.
    /// </summary>
    public async Task<IReadOnlyList<string>> NextBatchAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var reader = _changes.Reader;
        var batch = new SortedSet<string>(StringComparer.Ordinal) { await reader.ReadAsync(cancellationToken).ConfigureAwait(false) };
        var burst = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            while (reader.TryRead(out var path))
            {
                batch.Add(path);
            }

            if (burst.Elapsed >= LongestBurst)
            {
                return [.. batch];
            }

            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var more = reader.WaitToReadAsync(window.Token).AsTask();
            var finished = await Task.WhenAny(more, Task.Delay(quiet, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished == more && await more.ConfigureAwait(false))
            {
                continue; // Another event within the quiet period: the burst goes on.
            }

            await window.CancelAsync().ConfigureAwait(false);
            try
            {
                await more.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return [.. batch];
        }
    }

    /// <summary>The longest a burst of changes may delay its rebuild.</summary>
    public static TimeSpan LongestBurst { get; } = TimeSpan.FromSeconds(1);

    private void Add(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
            || name == "4913")
        {
            return;
        }

        _changes.Writer.TryWrite(fullPath);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _changes.Writer.TryComplete();
    }
}
