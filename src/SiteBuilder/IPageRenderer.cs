using SiteBuilder.Model;

namespace SiteBuilder;

/// <summary>A static file the theme ships in every site (CSS, scripts, icons), at a path relative to the output root.</summary>
public sealed record ThemeAsset(string Path, byte[] Content);

/// <summary>
/// Turns planned pages into HTML. The engine knows nothing of the theme; the CLI passes the theme's implementation in.
/// Implementations must be deterministic: the same page gives the same HTML.
/// </summary>
public interface IPageRenderer
{
    /// <summary>
    /// Renders every page of <paramref name="site"/>, handing each page and its HTML (UTF-8, no BOM) to <paramref name="sink"/>,
    /// possibly concurrently. The bytes are only valid until the sink's task completes: copy them to keep them.
    /// </summary>
    Task RenderAsync(Site site, Func<Page, ReadOnlyMemory<byte>, ValueTask> sink, CancellationToken cancellationToken);

    /// <summary>The theme's static files, copied into the output as they are.</summary>
    IReadOnlyList<ThemeAsset> Assets { get; }
}
