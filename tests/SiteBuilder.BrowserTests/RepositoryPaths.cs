using System.Reflection;

namespace SiteBuilder.BrowserTests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds SiteBuilder.sln (or the one the tests were built from).</summary>
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");

    /// <summary>axe-core from tests/package.json (restored by npm ci; tests/npm.targets runs it before the build).</summary>
    public static string AxeScript => Path.Combine(Root, "tests", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        var built = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, built ?? "", Environment.CurrentDirectory }.Where(s => s.Length > 0))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SiteBuilder.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"SiteBuilder.sln not found above {AppContext.BaseDirectory}, {Environment.CurrentDirectory} or {built}.");
    }
}
