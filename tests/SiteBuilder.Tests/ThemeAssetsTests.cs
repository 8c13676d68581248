using SiteBuilder.Theme;

namespace SiteBuilder.Tests;

/// <summary>The preview reads the theme's assets from disk on every build, falling back to the built-in ones.</summary>
public class ThemeAssetsTests
{
    [Fact]
    public async Task AssetsFromAFolderOverrideTheBuiltInOnesAndAreReadAgainOnEveryBuild()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sb-assets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "css"));
        File.WriteAllText(Path.Combine(folder, "css", "site.css"), "body { color: red; }");
        await using var renderer = ThemeRenderer.Create(1, folder);

        var first = renderer.Assets.ToDictionary(a => a.Path, a => System.Text.Encoding.UTF8.GetString(a.Content));
        File.WriteAllText(Path.Combine(folder, "css", "site.css"), "body { color: blue; }");
        var second = renderer.Assets.ToDictionary(a => a.Path, a => System.Text.Encoding.UTF8.GetString(a.Content));

        Assert.Equal("body { color: red; }", first["assets/css/site.css"]);
        Assert.Equal("body { color: blue; }", second["assets/css/site.css"]);
        Assert.Contains("lunr", second["assets/js/lunr.min.js"], StringComparison.Ordinal);
        Assert.Equal(second.Keys.Order(StringComparer.Ordinal), second.Keys);
        Directory.Delete(folder, recursive: true);
    }
}
