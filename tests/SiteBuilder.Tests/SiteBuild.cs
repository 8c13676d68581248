using SiteBuilder.Theme;

namespace SiteBuilder.Tests;

/// <summary>Builds a site with the real theme into a temp folder.</summary>
internal static class SiteBuild
{
    public static async Task<BuildResult> RunAsync(BuildOptions options)
    {
        await using var renderer = ThemeRenderer.Create();
        return await SiteGenerator.BuildAsync(options, renderer);
    }

    /// <summary>Builds the repository's own input/ into a fresh temp folder; returns the output folder.</summary>
    public static async Task<string> BuildRealCorpusAsync(string baseUrl)
    {
        var output = Path.Combine(Path.GetTempPath(), "sb-real-" + Guid.NewGuid().ToString("N"), "_site");
        var options = new BuildOptions(RepositoryPaths.Input, output, new Uri(baseUrl), RepositoryPaths.Root, new DateOnly(2026, 1, 1));
        var result = await RunAsync(options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return output;
    }
}
