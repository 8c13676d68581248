using System.Text;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli;

/// <summary>How diagnostics are printed: <c>human</c> (source line and caret), <c>msbuild</c>, <c>github</c> workflow commands, or <c>json</c>.</summary>
internal enum DiagnosticFormat
{
    Human,
    Msbuild,
    Github,
    Json,
}

/// <summary>Writes diagnostics in one of the <see cref="DiagnosticFormat"/>s.</summary>
internal static class DiagnosticFormatter
{
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string displayRoot, bool color)
    {
        switch (format)
        {
            case DiagnosticFormat.Msbuild:
                foreach (var diagnostic in diagnostics)
                {
                    writer.Write(diagnostic.ToString());
                    writer.Write('\n');
                }

                break;
            case DiagnosticFormat.Github:
                GithubFormat.Write(writer, diagnostics);
                break;
            case DiagnosticFormat.Json:
                JsonFormat.Write(writer, diagnostics);
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    writer.Write(Human(diagnostic, displayRoot, color));
                }

                break;
        }
    }

    /// <summary>The compiler-style block: "error SB3002: message", the location, the source line and a caret.</summary>
    public static string Human(Diagnostic diagnostic, string displayRoot, bool color)
    {
        var builder = new StringBuilder();
        var severity = Diagnostic.SeverityText(diagnostic.Severity);
        var (on, off) = color ? (diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "\u001b[1;31m",
            DiagnosticSeverity.Warning => "\u001b[1;33m",
            _ => "\u001b[1;36m",
        }, "\u001b[0m") : ("", "");
        builder.Append(on).Append(severity).Append(' ').Append(diagnostic.Id).Append(off).Append(": ").Append(diagnostic.Message).Append('\n');
        var location = diagnostic.Location;
        builder.Append("  --> ").Append(location.Path).Append(':').Append(location.Line).Append(':').Append(location.Column).Append('\n');
        var line = SourceLine(Path.Combine(displayRoot, location.Path), location.Line);
        if (line is not null)
        {
            var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gutter = new string(' ', number.Length);
            var caretColumn = Math.Clamp(location.Column - 1, 0, line.Length);
            var padding = new string(line[..caretColumn].Select(c => c == '\t' ? '\t' : ' ').ToArray());
            builder.Append(' ').Append(gutter).Append(" |\n");
            builder.Append(' ').Append(number).Append(" | ").Append(line).Append('\n');
            builder.Append(' ').Append(gutter).Append(" | ").Append(padding).Append(on).Append('^').Append(off).Append('\n');
        }

        builder.Append('\n');
        return builder.ToString();
    }

    private static string? SourceLine(string path, int lineNumber)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 16 * 1024 * 1024)
            {
                return null;
            }

            var line = File.ReadLines(path).Skip(lineNumber - 1).FirstOrDefault();
            if (line is null)
            {
                return null;
            }

            line = line.TrimEnd('\r');
            return line.Length > 200 ? line[..200] + "…" : line;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=SB1001::message</c>) and the step summary table.</summary>
internal static class GithubFormat
{
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(Command(diagnostic));
            writer.Write('\n');
        }

        var summaryPath = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summaryPath) && diagnostics.Count > 0)
        {
            File.AppendAllText(summaryPath, SummaryTable(diagnostics), new UTF8Encoding(false));
        }
    }

    public static string Command(Diagnostic diagnostic)
    {
        var level = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var l = diagnostic.Location;
        return $"::{level} file={EscapeProperty(l.Path)},line={l.Line},col={l.Column},title={EscapeProperty(diagnostic.Id + ": " + diagnostic.Descriptor.Title)}::{EscapeData(diagnostic.Message)}";
    }

    /// <summary>Message escaping of the runner: %, CR and LF.</summary>
    public static string EscapeData(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Property escaping: also ':' and ','.</summary>
    public static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>A Markdown table of every diagnostic: GitHub shows only the first ten annotations of a step.</summary>
    public static string SummaryTable(IReadOnlyList<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        builder.Append("### SiteBuilder: ").Append(diagnostics.Count).Append(" diagnostic(s)\n\n| Severity | ID | Location | Message |\n|---|---|---|---|\n");
        foreach (var d in diagnostics)
        {
            builder.Append("| ").Append(Diagnostic.SeverityText(d.Severity)).Append(" | ").Append(d.Id).Append(" | `")
                .Append(Cell(d.Location.ToString()).Replace("`", "'", StringComparison.Ordinal)).Append("` | ").Append(Cell(d.Message)).Append(" |\n");
        }

        return builder.Append('\n').ToString();

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
    }
}

/// <summary>Machine-readable output: a JSON object with a summary and the diagnostics.</summary>
internal static class JsonFormat
{
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", Diagnostic.SeverityText(d.Severity));
                json.WriteString("title", d.Descriptor.Title);
                json.WriteString("message", d.Message);
                json.WriteString("path", d.Location.Path);
                json.WriteNumber("line", d.Location.Line);
                json.WriteNumber("column", d.Location.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal));
        writer.Write('\n');
    }
}
