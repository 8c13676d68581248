namespace SiteBuilder.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root (also found when the tests were built with --artifacts-path elsewhere).</summary>
    public static string Root => Contributors.Repo.Root;

    public static string Input => Path.Combine(Root, "input");
}
