namespace SiteBuilder.Diagnostics;

/// <summary>A 1-based position in an input file. <see cref="Path"/> is relative to the input folder's parent, with '/' separators.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
