using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SiteBuilder.Cli.Serve;

/// <summary>
/// What the server serves: a built site folder (null before the first good build) under its base path ("/" or "/sub/").
/// <see cref="Version"/> names this build of the site; a page remembers it so it can tell when to reload.
/// </summary>
internal sealed record ServedSite(string? Folder, string BasePath, string Version)
{
    /// <summary>Completes when the folder's search files match its pages; until then requests for them wait.</summary>
    public Task SearchReady { get; init; } = Task.CompletedTask;

    /// <summary>The search data (<c>search/*.json</c>, not the search page), which a preview build writes after the pages.</summary>
    public static bool IsSearchData(string relative) =>
        relative.StartsWith("search/", StringComparison.Ordinal) && relative.EndsWith(".json", StringComparison.Ordinal);
}

/// <summary>
/// A static server for a built site on 127.0.0.1, the way GitHub Pages serves it: under the base path (<c>/</c> redirects
/// there), <c>index.html</c> for folders, <c>404.html</c> with status 404 for misses, explicit content types, and no caching.
/// With a <see cref="ReloadHub"/> it is the preview server: it also answers <c>/__sitebuilder/*</c> and adds the reload
/// script to every HTML response (the files on disk, the <c>build</c> output, never contain it).
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    public const string InternalPrefix = "/__sitebuilder/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
    };

    private readonly WebApplication _app;
    private readonly ReloadHub? _reload;
    private ServedSite _site;

    private SiteServer(WebApplication app, ServedSite site, ReloadHub? reload)
    {
        _app = app;
        _site = site;
        _reload = reload;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The site's home under its base path, e.g. <c>http://127.0.0.1:5080/archive/</c>.</summary>
    public Uri SiteAddress => new(Address, Volatile.Read(ref _site).BasePath);

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port). Throws <see cref="IOException"/> when the port is taken.</summary>
    public static async Task<SiteServer> StartAsync(ServedSite site, int port, ReloadHub? reload, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "SiteBuilder.Preview",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        // The command owns Ctrl+C; the host must not install its own handler.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        var server = new SiteServer(app, site, reload);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Serves <paramref name="site"/> from the next request on.</summary>
    public void Publish(ServedSite site) => Volatile.Write(ref _site, site);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var path = request.Path.Value is { Length: > 0 } p ? p : "/";

        if (_reload is not null && path.StartsWith(InternalPrefix, StringComparison.Ordinal))
        {
            await _reload.HandleAsync(context, path[InternalPrefix.Length..]).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var site = Volatile.Read(ref _site);
        if (!path.StartsWith(site.BasePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == site.BasePath)
            {
                Redirect(context, site.BasePath, permanent: false);
                return;
            }

            await NotFoundAsync(context, site).ConfigureAwait(false);
            return;
        }

        if (site.Folder is null)
        {
            await NoSiteYetAsync(context, site).ConfigureAwait(false);
            return;
        }

        var relative = path[site.BasePath.Length..];
        if (!site.SearchReady.IsCompleted && ServedSite.IsSearchData(relative))
        {
            // The pages of this build are out, its search index not yet: the old index would not match the new pages.
            await site.SearchReady.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        switch (await ResolveAsync(site.Folder, relative).ConfigureAwait(false))
        {
            case (Resolution.File, var file):
                await SendAsync(context, site, file!, StatusCodes.Status200OK).ConfigureAwait(false);
                break;
            case (Resolution.Folder, _):
                // Like GitHub Pages: /sub/articles/x → /sub/articles/x/.
                Redirect(context, path + "/", permanent: true);
                break;
            default:
                await NotFoundAsync(context, site).ConfigureAwait(false);
                break;
        }
    }

    private enum Resolution
    {
        Missing,
        File,
        Folder,
    }

    /// <summary>The file a site-relative path names: itself, or a folder's index.html. Nothing outside the folder, nothing hidden.</summary>
    private static async Task<(Resolution, string?)> ResolveAsync(string folder, string relative)
    {
        var segments = relative.Split('/');
        if (relative.Contains('\\') || relative.Contains('\0') || segments.Any(s => s is "." or ".." || s.StartsWith('.')))
        {
            return (Resolution.Missing, null);
        }

        var root = Path.GetFullPath(folder);
        var target = Path.GetFullPath(Path.Combine(root, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (Resolution.Missing, null);
        }

        // The engine swaps a new build in by renaming folders: for a moment there is none. Wait for it rather than 404.
        for (var attempt = 0; attempt < 20 && !Directory.Exists(root); attempt++)
        {
            await Task.Delay(25).ConfigureAwait(false);
        }

        if (File.Exists(target))
        {
            return (Resolution.File, target);
        }

        return !relative.EndsWith('/') && relative.Length > 0 && File.Exists(Path.Combine(target, "index.html"))
            ? (Resolution.Folder, null)
            : (Resolution.Missing, null);
    }

    private async Task NotFoundAsync(HttpContext context, ServedSite site)
    {
        var page = site.Folder is null ? null : Path.Combine(site.Folder, "404.html");
        if (page is not null && File.Exists(page))
        {
            await SendAsync(context, site, page, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = ContentTypes[".txt"];
        await context.Response.WriteAsync("404 Not Found\n").ConfigureAwait(false);
    }

    /// <summary>Before the first good build there is no site: a page that says so, and that shows the overlay and reloads once there is.</summary>
    private async Task NoSiteYetAsync(HttpContext context, ServedSite site)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = ContentTypes[".html"];
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Building… · SiteBuilder preview</title>\n</head>\n"
            + "<body>\n<main>\n<h1>The site has not built yet</h1>\n<p>The preview shows it as soon as a build succeeds; the terminal lists what to fix.</p>\n</main>\n</body>\n</html>\n";
        await context.Response.WriteAsync(_reload is null ? html : Inject(html, site.Version)).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpContext context, ServedSite site, string file, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        var extension = Path.GetExtension(file);
        response.ContentType = ContentTypes.TryGetValue(extension, out var type) ? type : "application/octet-stream";
        if (_reload is not null && extension.Equals(".html", StringComparison.OrdinalIgnoreCase))
        {
            var html = await File.ReadAllTextAsync(file, context.RequestAborted).ConfigureAwait(false);
            var bytes = Encoding.UTF8.GetBytes(Inject(html, site.Version));
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            response.ContentLength = new FileInfo(file).Length;
            await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            // Replaced by a rebuild between the check and the read: the browser will be told to reload anyway.
            response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Adds the reload script (an external file: the pages' CSP allows script from 'self' only) before &lt;/head&gt;.</summary>
    internal static string Inject(string html, string version)
    {
        var tag = $"<script src=\"{InternalPrefix}reload.js?site={Uri.EscapeDataString(version)}\" defer></script>\n";
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head, tag) : html + tag;
    }

    private static void Redirect(HttpContext context, string location, bool permanent)
    {
        context.Response.StatusCode = permanent ? StatusCodes.Status301MovedPermanently : StatusCodes.Status302Found;
        context.Response.Headers.Location = location + context.Request.QueryString.Value;
    }

    public async ValueTask DisposeAsync()
    {
        _reload?.Close();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
