using System.Globalization;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli.Serve;

/// <summary>Where the preview's messages go: the terminal for <c>sitebuilder serve</c>, nowhere or a buffer in tests.</summary>
internal interface IPreviewLog
{
    void Info(string message);

    /// <summary>A build's diagnostics (human format) and its one-line summary; <paramref name="serving"/>: whether an earlier good build is still served.</summary>
    void Build(PreviewBuildResult result, bool serving);
}

/// <summary>What to preview, and where.</summary>
internal sealed record PreviewOptions(string InputDirectory, int Port, string? ThemeAssets = null)
{
    /// <summary>
    /// How long the input must be quiet before a rebuild: one save often raises several events (an editor's backup, write
    /// and rename come within a few milliseconds), and every millisecond waited here is one before the page reloads.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(30);
}

/// <summary>
/// <c>sitebuilder serve</c> without the command line: builds into a temp folder, serves it, watches the input, rebuilds on
/// change and tells open pages to reload, or to show the diagnostics while the last good site stays served.
/// </summary>
internal sealed class PreviewSession : IAsyncDisposable
{
    private readonly IPreviewBuilder _builder;
    private readonly IPreviewLog _log;
    private readonly string _workDirectory;
    private readonly string _output;
    private readonly string _inputDirectory;
    private readonly string _sessionId = Guid.NewGuid().ToString("N")[..8];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReloadHub _hub;
    private SiteServer? _server;
    private InputWatcher? _watcher;
    private Task _loop = Task.CompletedTask;
    private int _builds;

    // "The folder's search files match the pages served": pending from a successful page build until its search index is
    // written. A newer edit cancels that write and the gate stays closed until a later one completes.
    private TaskCompletionSource _searchReady = CompletedGate();
    private Task _finishing = Task.CompletedTask;
    private CancellationTokenSource? _finishingCancel;
    private ServedSite _site;

    private PreviewSession(IPreviewBuilder builder, IPreviewLog log, string inputDirectory)
    {
        _builder = builder;
        _inputDirectory = Path.GetFullPath(inputDirectory);
        _log = log;
        _workDirectory = Path.Combine(Path.GetTempPath(), "sitebuilder-serve-" + _sessionId);
        _output = Path.Combine(_workDirectory, "_site");
        _site = new ServedSite(null, "/", "");
        _hub = new ReloadHub(new PreviewStatus("", false, "Building…", []));
    }

    /// <summary>The site's home, e.g. <c>http://127.0.0.1:5080/archive/</c>.</summary>
    public Uri SiteAddress => _server?.SiteAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address => _server?.Address ?? throw new InvalidOperationException("Not started.");

    /// <summary>How many pages listen for reloads.</summary>
    public int Listeners => _hub.Clients;

    /// <summary>Builds once, starts the server and the watcher. A failed first build still starts them: the browser shows why.</summary>
    public static async Task<PreviewSession> StartAsync(PreviewOptions options, IPreviewBuilder builder, IPreviewLog log, CancellationToken cancellationToken)
    {
        var session = new PreviewSession(builder, log, options.InputDirectory);
        try
        {
            Directory.CreateDirectory(session._workDirectory);
            await session.BuildAsync(cancellationToken).ConfigureAwait(false);
            session._server = await SiteServer.StartAsync(session._site, options.Port, session._hub, cancellationToken).ConfigureAwait(false);
            session._watcher = options.ThemeAssets is null ? new InputWatcher(options.InputDirectory) : new InputWatcher(options.InputDirectory, options.ThemeAssets);
            session._loop = session.WatchAsync(options.Debounce, session._stopping.Token);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WatchAsync(TimeSpan debounce, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<string> changes;
            try
            {
                changes = await _watcher!.NextBatchAsync(debounce, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                return;
            }

            _log.Info(Describe(changes, _inputDirectory));
            // The engine then looks at the changed files only, not at every file of the input.
            _builder.InputsChanged(changes.Contains(InputWatcher.Everything) ? null : changes);
            try
            {
                // The search index of the last build is not worth finishing: this build writes a newer one.
                await StopFinishingAsync().ConfigureAwait(false);
                await BuildAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static string Describe(IReadOnlyList<string> changes, string inputDirectory)
    {
        if (changes.Contains(InputWatcher.Everything))
        {
            return "Input changed; rebuilding…";
        }

        // Only the files the engine reads: editors and tools (sed -i, atomic saves) leave short-lived files of their own.
        var inputs = changes
            .Select(c => Path.GetRelativePath(inputDirectory, c).Replace('\\', '/'))
            .Where(c => c == "site.yml" || c.EndsWith(".md", StringComparison.Ordinal) || c.EndsWith(".txt", StringComparison.Ordinal)
            || c.EndsWith(".yml", StringComparison.Ordinal) || c.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        if (inputs.Count == 0)
        {
            return "Input changed; rebuilding…";
        }

        var shown = string.Join(", ", inputs.Take(3));
        return inputs.Count > 3
            ? string.Create(CultureInfo.InvariantCulture, $"Changed: {shown} and {inputs.Count - 3} more; rebuilding…")
            : $"Changed: {shown}; rebuilding…";
    }

    /// <summary>One build: on success the new site is served and pages reload; on failure the old one stays and pages show why.</summary>
    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        PreviewBuildResult result;
        try
        {
            result = await _builder.BuildAsync(_output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A bug in a build must not stop the preview: it is reported like a failed build.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = new PreviewBuildResult(false, null, [], $"sitebuilder: internal error: {ex.Message} This is a bug in SiteBuilder; please report it.");
        }

        _log.Build(result, serving: result.Succeeded || _site.Folder is not null);
        var basePath = result.BasePath ?? _site.BasePath;
        if (result.Succeeded)
        {
            _builds++;
            if (_searchReady.Task.IsCompleted)
            {
                _searchReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _site = new ServedSite(_output, basePath, _sessionId + "-" + _builds.ToString(CultureInfo.InvariantCulture)) { SearchReady = _searchReady.Task };
        }
        else
        {
            _site = _site with { BasePath = _site.Folder is null ? basePath : _site.BasePath };
        }

        _server?.Publish(_site);
        var shown = result.Succeeded ? [] : result.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).Select(PreviewDiagnostic.From).ToList();
        _hub.Publish(new PreviewStatus(_site.Version, result.Succeeded, result.Summary, shown));

        // After a failed build too, if the last good build's index was cancelled: the builder still holds that build's.
        if (!_searchReady.Task.IsCompleted)
        {
            _finishingCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _finishing = FinishAsync(_searchReady, _finishingCancel.Token);
        }
    }

    /// <summary>The second half of a build, in the background: the search index. Opens the gate unless cancelled.</summary>
    private async Task FinishAsync(TaskCompletionSource searchReady, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            if (await _builder.FinishAsync(cancellationToken).ConfigureAwait(false) is { } finished)
            {
                _log.Info(finished);
            }

            searchReady.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A newer edit: its build writes the index; requests keep waiting for that.
        }
#pragma warning disable CA1031 // As for a build: reported, and the pages stay served.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Info($"sitebuilder: the search index could not be written: {ex.Message}");
            // Waiting requests get what the folder holds rather than hang.
            searchReady.TrySetResult();
        }
    }

    private async Task StopFinishingAsync()
    {
        if (_finishingCancel is null)
        {
            return;
        }

        await _finishingCancel.CancelAsync().ConfigureAwait(false);
        await _finishing.ConfigureAwait(false);
        _finishingCancel.Dispose();
        _finishingCancel = null;
    }

    /// <summary>Completes once the search files match the pages served (for tests).</summary>
    internal Task SearchIndexWritten => _searchReady.Task;

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await StopFinishingAsync().ConfigureAwait(false);
        _watcher?.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _hub.Dispose();

        try
        {
            if (Directory.Exists(_workDirectory))
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _stopping.Dispose();
    }
}
