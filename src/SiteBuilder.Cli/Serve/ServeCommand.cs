using System.CommandLine;
using System.Runtime.InteropServices;
using SiteBuilder.Stages;

namespace SiteBuilder.Cli.Serve;

/// <summary><c>sitebuilder serve</c>: build, serve on 127.0.0.1, rebuild on change, reload open pages.</summary>
internal static class ServeCommand
{
    private static readonly Option<string> Input = new("--input", "-i")
    {
        Description = "The input folder (site.yml, entities/, articles/).",
        DefaultValueFactory = _ => "input",
        HelpName = "dir",
    };

    private static readonly Option<int> Port = new("--port", "-p")
    {
        Description = "The port to listen on, on 127.0.0.1 only (0 picks a free one).",
        DefaultValueFactory = _ => 5080,
    };

    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "The URL the site is published at (overrides base_url in site.yml); the preview serves under its path.",
        HelpName = "url",
    };

    public static Command Create()
    {
        var command = new Command("serve", """
            Build the site, serve it on http://127.0.0.1:<port> under the base path of base_url (as GitHub Pages will),
            and watch the input folder: every change rebuilds the site and reloads the open pages. A build with errors
            prints them here and over the page in the browser, and the last good site keeps being served. Ctrl+C stops.

            Examples:
              sitebuilder serve
              sitebuilder serve --port 8080
              sitebuilder serve --input input --base-url https://owner.github.io/archive/
            """)
        {
            Input, Port, BaseUrl,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var input = result.GetValue(Input)!;
        var port = result.GetValue(Port);
        Uri? baseUrl = null;
        if (result.GetValue(BaseUrl) is { } text && (baseUrl = ParseSiteConfig.ParseBaseUrl(text)) is null)
        {
            await Console.Error.WriteLineAsync($"--base-url '{text}' must be an absolute http(s) URL, e.g. https://owner.github.io/repo/").ConfigureAwait(false);
            return SiteBuilderCommand.Failure;
        }

        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"--port {port} must be between 1 and 65535 (or 0 for any free port).").ConfigureAwait(false);
            return SiteBuilderCommand.Failure;
        }

        if (!Directory.Exists(input))
        {
            await Console.Error.WriteLineAsync($"The input folder '{input}' does not exist; choose one with --input.").ConfigureAwait(false);
            return SiteBuilderCommand.Failure;
        }

        // Closing the terminal (SIGHUP) stops the preview as cleanly as Ctrl+C and SIGTERM, which the command line handles.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        cancellationToken = stop.Token;
        var log = new TerminalPreviewLog(Console.Out, Console.Error, Environment.CurrentDirectory,
            color: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
        // Run from a clone of the repository, the preview also watches the theme's CSS and scripts and serves them from disk.
        var themeAssets = Path.Combine(Environment.CurrentDirectory, "theme", "wwwroot");
        var watchTheme = Directory.Exists(themeAssets) && File.Exists(Path.Combine(Environment.CurrentDirectory, "theme", "SiteBuilder.Theme.csproj"));
        await using var builder = new EnginePreviewBuilder(input, baseUrl, Environment.CurrentDirectory, watchTheme ? themeAssets : null);
        PreviewSession session;
        try
        {
            log.Info($"Building {input}…");
            session = await PreviewSession.StartAsync(new PreviewOptions(input, port, watchTheme ? themeAssets : null), builder, log, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return SiteBuilderCommand.Success;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{port}: {ex.Message} Choose another port with --port.").ConfigureAwait(false);
            return SiteBuilderCommand.Failure;
        }

        await using (session.ConfigureAwait(false))
        {
            log.Info($"Serving {session.SiteAddress} (127.0.0.1 only). Watching {input} for changes; Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                log.Info("Stopping…");
            }
        }

        log.Info("Stopped.");
        return SiteBuilderCommand.Success;
    }
}
