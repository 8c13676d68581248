using System.Text;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Cli;

/// <summary>How diagnostics are printed: <c>human</c> (source line and caret), <c>msbuild</c>, <c>github</c> workflow commands, <c>json</c>, or <c>sarif</c> 2.1.0.</summary>
internal enum DiagnosticFormat
{
    Human,
    Msbuild,
    Github,
    Json,
    Sarif,
}

/// <summary>Writes diagnostics in one of the <see cref="DiagnosticFormat"/>s.</summary>
internal static class DiagnosticFormatter
{
    /// <summary>Writes <paramref name="diagnostics"/>; for <c>github</c>, also appends the table to <paramref name="githubSummaryPath"/> (the runner's <c>$GITHUB_STEP_SUMMARY</c>) when given.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string displayRoot, bool color, string? githubSummaryPath = null)
    {
        switch (format)
        {
            case DiagnosticFormat.Msbuild:
                foreach (var diagnostic in diagnostics)
                {
                    // One diagnostic, one line: a line break inside a message (from input text) would split it.
                    writer.Write(diagnostic.ToString().Replace('\r', ' ').Replace('\n', ' '));
                    writer.Write('\n');
                }

                break;
            case DiagnosticFormat.Github:
                GithubFormat.Write(writer, diagnostics, githubSummaryPath);
                break;
            case DiagnosticFormat.Json:
                JsonFormat.Write(writer, diagnostics);
                break;
            case DiagnosticFormat.Sarif:
                SarifFormat.Write(writer, diagnostics);
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
        builder.Append(on).Append(severity).Append(' ').Append(diagnostic.Id).Append(off).Append(": ").Append(Printable(diagnostic.Message)).Append('\n');
        var location = diagnostic.Location;
        builder.Append("  --> ").Append(Printable(location.Path)).Append(':').Append(location.Line).Append(':').Append(location.Column).Append('\n');
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

        builder.Append("  = help: ").Append(DocsLink(diagnostic.Descriptor)).Append('\n');
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>Text for a terminal: control characters other than tab (a NUL, an escape sequence from the input) become U+FFFD.</summary>
    private static string Printable(string text) =>
        text.Any(c => char.IsControl(c) && c != '\t') ? new string(text.Select(c => char.IsControl(c) && c != '\t' ? '\uFFFD' : c).ToArray()) : text;

    /// <summary>Where a diagnostic is explained: its section of docs/diagnostics.md ("## SB3002: Invalid date" → #sb3002-invalid-date).</summary>
    public static string DocsLink(DiagnosticDescriptor descriptor) => "docs/diagnostics.md#" + Anchor($"{descriptor.Id}: {descriptor.Title}");

    /// <summary>GitHub's heading anchor: lowercase, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
    public static string Anchor(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    private static string? SourceLine(string path, int lineNumber)
    {
        try
        {
            // Like the reader, never follow a symbolic link (SB1007): it may point outside the input folder.
            var file = new FileInfo(path);
            if (!file.Exists || file.LinkTarget is not null || file.Length > 16 * 1024 * 1024)
            {
                return null;
            }

            var line = File.ReadLines(path).Skip(lineNumber - 1).FirstOrDefault();
            if (line is null)
            {
                return null;
            }

            // Control characters (a NUL, an escape sequence) are shown as U+FFFD, never sent to the terminal.
            line = Printable(line.TrimEnd('\r'));
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
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, string? summaryPath)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(Command(diagnostic));
            writer.Write('\n');
        }

        if (!string.IsNullOrEmpty(summaryPath))
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
        if (diagnostics.Count == 0)
        {
            return "### SiteBuilder: no problems found\n\n";
        }

        var builder = new StringBuilder();
        builder.Append("### SiteBuilder: ").Append(diagnostics.Count).Append(" diagnostic(s)\n\n| Severity | ID | Location | Message |\n|---|---|---|---|\n");
        foreach (var d in diagnostics)
        {
            builder.Append("| ").Append(Diagnostic.SeverityText(d.Severity)).Append(" | ").Append(d.Id).Append(" | `")
                .Append(Cell(d.Location.ToString()).Replace("`", "'", StringComparison.Ordinal)).Append("` | ").Append(Cell(d.Message)).Append(" |\n");
        }

        return builder.Append('\n').ToString();

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
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

/// <summary>
/// SARIF 2.1.0 (the OASIS static-analysis format GitHub code scanning reads): one run, every descriptor as a rule,
/// one result per diagnostic with its 1-based region. Paths are relative URIs against <c>%SRCROOT%</c>.
/// </summary>
internal static class SarifFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        var rules = DiagnosticDescriptors.All;
        var index = rules.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var version = typeof(SarifFormat).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "SiteBuilder");
            json.WriteString("semanticVersion", version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Title);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", "See " + DiagnosticFormatter.DocsLink(rule) + " for what triggers it and how to fix it.");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Id);
                json.WriteNumber("ruleIndex", index[d.Id]);
                json.WriteString("level", Level(d.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", d.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(d.Location.Path));
                if (!Path.IsPathRooted(d.Location.Path))
                {
                    json.WriteString("uriBaseId", "%SRCROOT%");
                }

                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", d.Location.Line);
                json.WriteNumber("startColumn", d.Location.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal));
        writer.Write('\n');
    }

    /// <summary>SARIF levels: error, warning, note.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A path as a URI reference: each segment percent-encoded, '/' kept; absolute paths become file: URIs.</summary>
    public static string Uri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new System.Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }
}
