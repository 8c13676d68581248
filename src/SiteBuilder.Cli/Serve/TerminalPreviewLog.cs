using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli.Serve;

/// <summary>The terminal of <c>sitebuilder serve</c>: progress on <paramref name="output"/>, diagnostics (human format) on <paramref name="error"/>.</summary>
internal sealed class TerminalPreviewLog(TextWriter output, TextWriter error, string displayRoot, bool color) : IPreviewLog
{
    private readonly Lock _gate = new();

    public void Info(string message)
    {
        lock (_gate)
        {
            output.Write(message + "\n");
            output.Flush();
        }
    }

    public void Build(PreviewBuildResult result, bool serving)
    {
        lock (_gate)
        {
            // Errors and warnings: the informational ones would repeat on every save.
            var shown = result.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
            DiagnosticFormatter.Write(error, shown, DiagnosticFormat.Human, displayRoot, color);
            if (result.Succeeded)
            {
                output.Write(result.Summary + "\n");
            }
            else
            {
                error.Write(result.Summary + (serving
                    ? " Still serving the last good build.\n"
                    : " Nothing to serve until a build succeeds: the browser lists the errors too.\n"));
            }

            output.Flush();
            error.Flush();
        }
    }
}
