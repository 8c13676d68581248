using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli.Serve;

/// <summary>
/// The state of the preview as the browser sees it: which build of the site is served (<see cref="Site"/>, empty before the
/// first good build), whether the latest build succeeded, and the diagnostics of the latest failed build.
/// </summary>
internal sealed record PreviewStatus(string Site, bool Ok, string Summary, IReadOnlyList<PreviewDiagnostic> Diagnostics);

/// <summary>One diagnostic for the browser's overlay.</summary>
internal sealed record PreviewDiagnostic(string Severity, string Id, string Message, string Path, int Line, int Column)
{
    public static PreviewDiagnostic From(Diagnostic d) =>
        new(Diagnostic.SeverityText(d.Severity), d.Id, d.Message, d.Location.Path, d.Location.Line, d.Location.Column);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreviewStatus))]
internal sealed partial class PreviewJsonContext : JsonSerializerContext;

/// <summary>
/// Server-sent events at <c>/__sitebuilder/events</c>: every open page gets the current <see cref="PreviewStatus"/> when it
/// connects and each new one after a build. The page reloads when the served site changed, and shows or clears the overlay.
/// Also serves the page-side script and its stylesheet.
/// </summary>
internal sealed class ReloadHub : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _clients = [];
    private readonly CancellationTokenSource _closed = new();
    private string _current;

    public ReloadHub(PreviewStatus initial) => _current = Serialize(initial);

    /// <summary>How many pages are listening (tests wait for the page to connect before they edit a file).</summary>
    public int Clients
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    public void Publish(PreviewStatus status)
    {
        var message = Serialize(status);
        lock (_gate)
        {
            _current = message;
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Ends every open event stream, so the server can stop at once.</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryComplete();
            }

            _clients.Clear();
        }

        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }
    }

    public Task HandleAsync(HttpContext context, string name) => name switch
    {
        "events" => StreamAsync(context),
        "reload.js" => WriteAsync(context, "text/javascript; charset=utf-8", PreviewAssets.ReloadScript),
        "overlay.css" => WriteAsync(context, "text/css; charset=utf-8", PreviewAssets.OverlayStyles),
        _ => NotFound(context),
    };

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Task WriteAsync(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text);
    }

    private async Task StreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_closed.IsCancellationRequested)
            {
                return;
            }

            channel.Writer.TryWrite(_current);
            _clients.Add(channel);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closed.Token);
        try
        {
            // Reconnect quickly after a restart of the server.
            await response.WriteAsync("retry: 500\n\n", stop.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            await foreach (var message in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await response.WriteAsync("event: status\ndata: " + message + "\n\n", stop.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the server is stopping.
        }
        catch (IOException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _clients.Remove(channel);
            }
        }
    }

    public void Dispose()
    {
        Close();
        _closed.Dispose();
    }

    private static string Serialize(PreviewStatus status) => JsonSerializer.Serialize(status, PreviewJsonContext.Default.PreviewStatus);
}
