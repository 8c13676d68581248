namespace SiteBuilder.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds SiteBuilder.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SiteBuilder.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SiteBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}
