using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SiteBuilder.Diagnostics;
using SiteBuilder.Stages;
using SiteBuilder.Theme;

namespace SiteBuilder.Cli;

/// <summary>Where a command writes: the invocation's output and error writers (the console unless a caller, e.g. a test, supplies others).</summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, bool Color)
{
    public static Terminal Of(ParseResult result)
    {
        var configuration = result.InvocationConfiguration;
        var error = configuration.Error;
        var color = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        return new Terminal(configuration.Output, error, color);
    }
}

/// <summary>The <c>sitebuilder</c> command line: build, check, new, serve.</summary>
internal static class SiteBuilderCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InternalError = 70;

    public static RootCommand Create()
    {
        var root = new ExampleRootCommand(
            "SiteBuilder turns a folder of news articles (Markdown or text with YAML metadata) and an entity catalog into a cross-linked, searchable static site.",
            "sitebuilder check                      # report every problem in input/, write nothing",
            "sitebuilder build                      # build input/ into _site/",
            "sitebuilder build --base-url https://owner.github.io/archive/",
            "sitebuilder new article --title \"…\" --source \"…\" --from article.txt",
            "sitebuilder new entity --name \"Keir Starmer\" --kind person --alias Starmer",
            "sitebuilder <command> --help           # the options and examples of one command");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(Serve.ServeCommand.Create());
        root.HelpName = "sitebuilder";
        HelpWithExamplesAction.Install(root);
        ToolVersionAction.Install(root);
        return root;
    }

    internal static Option<string> InputOption() => new("--input", "-i")
    {
        Description = "The input folder (site.yml, entities/, articles/).",
        DefaultValueFactory = _ => "input",
        HelpName = "dir",
    };

    private static Option<DiagnosticFormat> FormatOption() => new("--format")
    {
        Description = "How to print diagnostics: human (source line and caret; the default), msbuild (path(line,col): error SB0000: message), "
            + "github (workflow annotations and a step summary), json, or sarif (SARIF 2.1.0, for code scanning).",
        HelpName = "human|msbuild|github|json|sarif",
    };

    private static Option<bool> WarnAsErrorOption() => new("--warnaserror")
    {
        Description = "Treat warnings as errors (exit code 1 when there is any warning).",
    };

    private static Command BuildCommand()
    {
        var input = InputOption();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The output folder; replaced atomically when the build succeeds.",
            DefaultValueFactory = _ => "_site",
            HelpName = "dir",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The absolute URL the site is published at (overrides base_url in site.yml), e.g. https://owner.github.io/repo/.",
            HelpName = "url",
        };
        var format = FormatOption();
        var warnAsError = WarnAsErrorOption();
        var checkLinks = new Option<bool>("--check-links")
        {
            Description = "After building, check that every link of the written site that stays on it (pages, assets, sitemap) names a file of the output folder; exit code 1 if not (SB6004). CI uses it.",
        };
        var command = new ExampleCommand(
            "build",
            "Build the site from the input folder into the output folder. Every problem in the input is reported; on any error nothing is written and the previous output stays as it was.",
            "sitebuilder build",
            "sitebuilder build --input input --output _site --base-url https://example.org/sub/",
            "sitebuilder build --format github --warnaserror --check-links")
        {
            input, output, baseUrl, format, warnAsError, checkLinks,
        };
        command.SetAction((result, cancellationToken) => Guard(result, async terminal =>
        {
            var options = Options(result, input, output, baseUrl, warnAsError, out var error);
            if (options is null)
            {
                terminal.Error.Write(error + "\n");
                return Failure;
            }

            var clock = Stopwatch.StartNew();
            options = options with { ArticlesListed = bytes => HeapPretouch.ForArticles(bytes) };
            await using var renderer = ThemeRenderer.Create();
            if (!Console.IsErrorRedirected && !Console.IsOutputRedirected)
            {
                // Progress on an interactive terminal only: one line, rewritten as stages start, cleared at the end.
                options = options with { Progress = new StageLine() };
            }

            var build = await SiteGenerator.BuildAsync(options, renderer, cancellationToken).ConfigureAwait(false);
            if (options.Progress is not null)
            {
                Console.Error.Write("\r\u001b[2K");
            }

            Report(terminal, build.Diagnostics, result.GetValue(format), options.DisplayRoot);
            if (!build.Succeeded)
            {
                terminal.Error.Write(Summary(build.Diagnostics, "Build failed; nothing was written.") + "\n");
                return Failure;
            }

            var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            terminal.Out.Write($"Built {build.Articles} articles, {build.Entities} entities, {build.Pages} pages ({build.Files} files) in {seconds} s → {options.OutputDirectory}\n");
            if (result.GetValue(checkLinks))
            {
                var broken = BuiltSiteLinks.Check(options.OutputDirectory, options.BaseUrl ?? SiteBaseUrl(options.InputDirectory), options.DisplayRoot);
                Report(terminal, broken, result.GetValue(format), options.DisplayRoot);
                terminal.Error.Write(broken.Count == 0 ? "Links checked: none broken.\n" : $"Link check failed: {broken.Count} broken link(s) in {options.OutputDirectory}.\n");
                return broken.Count == 0 ? Success : Failure;
            }

            return Success;
        }));
        return command;
    }

    private static Command CheckCommand()
    {
        var input = InputOption();
        var format = FormatOption();
        var warnAsError = WarnAsErrorOption();
        var command = new ExampleCommand(
            "check",
            "Check the input folder and report every problem, writing nothing. Exit code 1 when there are errors. Every diagnostic ID is explained in docs/diagnostics.md.",
            "sitebuilder check",
            "sitebuilder check --input tests/SiteBuilder.Tests/Contributors/Fixtures/mistakes/input",
            "sitebuilder check --format github --warnaserror",
            "sitebuilder check --format sarif > sitebuilder.sarif")
        {
            input, format, warnAsError,
        };
        command.SetAction((result, _) => Guard(result, terminal =>
        {
            var options = Options(result, input, null, null, warnAsError, out var error);
            if (options is null)
            {
                terminal.Error.Write(error + "\n");
                return Task.FromResult(Failure);
            }

            var analysis = SiteGenerator.Analyze(options);
            Report(terminal, analysis.Diagnostics, result.GetValue(format), options.DisplayRoot);
            terminal.Error.Write(Summary(analysis.Diagnostics, analysis.HasErrors ? "Check failed." : "Check passed.") + "\n");
            return Task.FromResult(analysis.HasErrors ? Failure : Success);
        }));
        return command;
    }

    private static BuildOptions? Options(ParseResult result, Option<string> input, Option<string>? output, Option<string?>? baseUrlOption, Option<bool> warnAsError, out string? error)
    {
        error = null;
        Uri? baseUrl = null;
        if (baseUrlOption is not null && result.GetValue(baseUrlOption) is { } text)
        {
            baseUrl = ParseSiteConfig.ParseBaseUrl(text);
            if (baseUrl is null)
            {
                error = $"--base-url '{text}' must be an absolute http(s) URL, e.g. https://owner.github.io/repo/";
                return null;
            }
        }

        var outputDirectory = output is null ? "_site" : result.GetValue(output)!;
        return new BuildOptions(result.GetValue(input)!, outputDirectory, baseUrl, Environment.CurrentDirectory,
            DateOnly.FromDateTime(DateTime.UtcNow), result.GetValue(warnAsError));
    }

    /// <summary>The base_url of site.yml (the build has just read it without error).</summary>
    private static Uri SiteBaseUrl(string inputDirectory)
    {
        var path = Path.Combine(inputDirectory, "site.yml");
        var text = ReadInputFiles.Decode(File.ReadAllBytes(path), path, new System.Collections.Concurrent.ConcurrentBag<Diagnostic>()) ?? "";
        return ParseSiteConfig.Run(new Model.SourceFile(path, text)).Site?.BaseUrl
            ?? throw new InvalidOperationException("site.yml has no valid base_url after a successful build");
    }

    /// <summary>Human output goes to the error writer (it is for people); the machine formats go to the output writer.</summary>
    private static void Report(Terminal terminal, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string displayRoot)
    {
        var writer = format is DiagnosticFormat.Human ? terminal.Error : terminal.Out;
        var summaryPath = format is DiagnosticFormat.Github ? Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") : null;
        DiagnosticFormatter.Write(writer, diagnostics, format, displayRoot, terminal.Color && format is DiagnosticFormat.Human, summaryPath);
    }

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics, string verdict)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var text = $"{verdict} {errors} error(s), {warnings} warning(s)";
        return (infos > 0 ? text + $", {infos} info" : text) + ".";
    }

    /// <summary>Runs a command; an unexpected exception is a bug in SiteBuilder, reported in one line, never as a stack trace (set SITEBUILDER_DEBUG=1 for it).</summary>
    internal static async Task<int> Guard(ParseResult result, Func<Terminal, Task<int>> action)
    {
        var terminal = Terminal.Of(result);
        try
        {
            return await action(terminal).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            terminal.Error.Write("Cancelled.\n");
            return 130;
        }
#pragma warning disable CA1031 // The top level turns every unexpected failure into one line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var detail = Environment.GetEnvironmentVariable("SITEBUILDER_DEBUG") is null ? ex.Message : ex.ToString();
            terminal.Error.Write($"sitebuilder: internal error: {detail}\nThis is a bug in SiteBuilder; please report it with the input that caused it.\n");
            return InternalError;
        }
    }
}

/// <summary>Shows the current build stage on one terminal line, synchronously (System.Progress would post it later).</summary>
internal sealed class StageLine : IProgress<string>
{
    public void Report(string value) => Console.Error.Write($"\r\u001b[2K  {value}…");
}
