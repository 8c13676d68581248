namespace SiteBuilder.Diagnostics;

/// <summary>How serious a diagnostic is. <see cref="Hidden"/> is what a <c>none</c> override in site.yml produces.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
