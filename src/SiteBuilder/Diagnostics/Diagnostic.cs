namespace SiteBuilder.Diagnostics;

/// <summary>A problem found in the input, at a location, with its effective severity.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message, DiagnosticSeverity Severity)
{
    public string Id => Descriptor.Id;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The MSBuild/compiler form: <c>path(line,col): error SB1001: message</c>.</summary>
    public override string ToString() => $"{Location}: {SeverityText(Severity)} {Id}: {Message}";

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
