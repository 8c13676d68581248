using System.Globalization;

namespace SiteBuilder.Diagnostics;

/// <summary>One entry of the catalogue: a stable ID, a title, a message format and a default severity.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, DiagnosticSeverity DefaultSeverity, string Category)
{
    public Diagnostic Create(SourceLocation location, params object?[] args) =>
        new(this, location, string.Format(CultureInfo.InvariantCulture, MessageFormat, args), DefaultSeverity);
}
