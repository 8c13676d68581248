using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SiteBuilder.Diagnostics;
using SiteBuilder.Stages;
using SiteBuilder.Theme;

namespace SiteBuilder.Cli;

/// <summary>The <c>sitebuilder</c> command line: build, check, new, serve.</summary>
internal static class SiteBuilderCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InternalError = 70;

    private static readonly Option<string> Input = new("--input", "-i")
    {
        Description = "The input folder (site.yml, entities/, articles/).",
        DefaultValueFactory = _ => "input",
        HelpName = "dir",
    };

    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "The output folder; replaced atomically when the build succeeds.",
        DefaultValueFactory = _ => "_site",
        HelpName = "dir",
    };

    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "The absolute URL the site is published at (overrides base_url in site.yml), e.g. https://owner.github.io/repo/.",
        HelpName = "url",
    };

    private static readonly Option<DiagnosticFormat> Format = new("--format")
    {
        Description = "How to print diagnostics: human, msbuild, github or json.",
        DefaultValueFactory = _ => DiagnosticFormat.Human,
    };

    private static readonly Option<bool> WarnAsError = new("--warnaserror")
    {
        Description = "Treat warnings as errors.",
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            SiteBuilder turns a folder of news articles (Markdown or text with YAML metadata) and an entity catalog
            into a cross-linked, searchable static site.

            Examples:
              sitebuilder build
              sitebuilder build --base-url https://owner.github.io/archive/
              sitebuilder check --format github
            """);
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(CheckCommand());
        return root;
    }

    private static Command BuildCommand()
    {
        var command = new Command("build", """
            Build the site from the input folder into the output folder. Every problem in the input is reported;
            on any error nothing is written and the previous output stays as it was.

            Examples:
              sitebuilder build
              sitebuilder build --input input --output _site --base-url https://example.org/sub/
            """)
        {
            Input, Output, BaseUrl, Format, WarnAsError,
        };
        command.SetAction((result, cancellationToken) => Guard(async () =>
        {
            var options = Options(result, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return Failure;
            }

            var clock = Stopwatch.StartNew();
            await using var renderer = ThemeRenderer.Create();
            var build = await SiteGenerator.BuildAsync(options, renderer, cancellationToken).ConfigureAwait(false);
            Report(build.Diagnostics, result.GetValue(Format), options.DisplayRoot);
            if (!build.Succeeded)
            {
                await Console.Error.WriteLineAsync(Summary(build.Diagnostics, "Build failed; nothing was written.")).ConfigureAwait(false);
                return Failure;
            }

            var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            Console.Out.Write($"Built {build.Articles} articles, {build.Entities} entities, {build.Pages} pages ({build.Files} files) in {seconds} s → {options.OutputDirectory}\n");
            return Success;
        }));
        return command;
    }

    private static Command CheckCommand()
    {
        var command = new Command("check", """
            Check the input folder and report every problem, writing nothing. Exit code 1 when there are errors.

            Examples:
              sitebuilder check
              sitebuilder check --format github --warnaserror
            """)
        {
            Input, Format, WarnAsError,
        };
        command.SetAction((result, _) => Guard(() =>
        {
            var options = Options(result, out var error);
            if (options is null)
            {
                Console.Error.WriteLine(error);
                return Task.FromResult(Failure);
            }

            var analysis = SiteGenerator.Analyze(options);
            Report(analysis.Diagnostics, result.GetValue(Format), options.DisplayRoot);
            Console.Error.WriteLine(Summary(analysis.Diagnostics, analysis.HasErrors ? "Check failed." : "Check passed."));
            return Task.FromResult(analysis.HasErrors ? Failure : Success);
        }));
        return command;
    }

    private static BuildOptions? Options(ParseResult result, out string? error)
    {
        error = null;
        Uri? baseUrl = null;
        if (result.GetValue(BaseUrl) is { } text)
        {
            baseUrl = ParseSiteConfig.ParseBaseUrl(text);
            if (baseUrl is null)
            {
                error = $"--base-url '{text}' must be an absolute http(s) URL, e.g. https://owner.github.io/repo/";
                return null;
            }
        }

        var output = result.CommandResult.Command.Options.Contains(Output) ? result.GetValue(Output)! : "_site";
        return new BuildOptions(result.GetValue(Input)!, output, baseUrl, Environment.CurrentDirectory,
            DateOnly.FromDateTime(DateTime.UtcNow), result.GetValue(WarnAsError));
    }

    private static void Report(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string displayRoot)
    {
        var writer = format is DiagnosticFormat.Human ? Console.Error : Console.Out;
        var color = format is DiagnosticFormat.Human && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        DiagnosticFormatter.Write(writer, diagnostics, format, displayRoot, color);
    }

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics, string verdict)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        return $"{verdict} {errors} error(s), {warnings} warning(s).";
    }

    /// <summary>Runs a command; an unexpected exception is a bug in SiteBuilder, reported in one line, never as a stack trace (set SITEBUILDER_DEBUG=1 for it).</summary>
    private static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
#pragma warning disable CA1031 // The top level turns every unexpected failure into one line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var detail = Environment.GetEnvironmentVariable("SITEBUILDER_DEBUG") is null ? ex.Message : ex.ToString();
            await Console.Error.WriteLineAsync($"sitebuilder: internal error: {detail}\nThis is a bug in SiteBuilder; please report it with the input that caused it.").ConfigureAwait(false);
            return InternalError;
        }
    }
}
