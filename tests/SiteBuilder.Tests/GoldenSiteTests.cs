namespace SiteBuilder.Tests;

/// <summary>
/// The whole output of a small fixture corpus (Golden/input), compared file by file with Golden/expected, which a person
/// reviews whenever it changes. To regenerate after an intended change: SITEBUILDER_UPDATE_GOLDEN=1 dotnet test --filter GoldenSiteTests,
/// then read the diff before committing it. Theme assets (assets/) are left out: they are not generated.
/// </summary>
public class GoldenSiteTests
{
    private static string GoldenDirectory => Path.Combine(RepositoryPaths.Root, "tests", "SiteBuilder.Tests", "Golden");

    [Fact]
    public async Task TheFixtureSiteMatchesTheReviewedOutput()
    {
        var output = Path.Combine(Path.GetTempPath(), "sb-golden-" + Guid.NewGuid().ToString("N"), "_site");
        var options = new BuildOptions(Path.Combine(GoldenDirectory, "input"), output, null, GoldenDirectory, new DateOnly(2026, 1, 1));

        var result = await SiteBuild.RunAsync(options);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["input/articles/2024/society-meeting.txt(3,54): warning SB4001: Raw HTML '<script>' is not rendered; use Markdown instead"],
            result.Diagnostics.Select(d => d.ToString()).ToArray());
        var expected = Path.Combine(GoldenDirectory, "expected");
        var actualFiles = Files(output);
        if (Environment.GetEnvironmentVariable("SITEBUILDER_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(expected))
            {
                Directory.Delete(expected, recursive: true);
            }

            foreach (var file in actualFiles)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(expected, file))!);
                File.Copy(Path.Combine(output, file), Path.Combine(expected, file));
            }
        }

        Assert.Equal(Files(expected), actualFiles);
        foreach (var file in actualFiles)
        {
            var want = File.ReadAllText(Path.Combine(expected, file));
            var got = File.ReadAllText(Path.Combine(output, file));
            if (want != got)
            {
                var line = FirstDifferentLine(want, got);
                Assert.Fail($"{file} differs from the reviewed output at line {line.Number}:\n  expected: {line.Expected}\n  actual:   {line.Actual}");
            }
        }
    }

    private static string[] Files(string root) => Directory.Exists(root)
        ? Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("assets/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray()
        : [];

    private static (int Number, string Expected, string Actual) FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return (i + 1, x, y);
            }
        }

        return (0, "", "");
    }
}
