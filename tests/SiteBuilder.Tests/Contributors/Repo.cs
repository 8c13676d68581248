using System.Runtime.CompilerServices;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// The repository root: the nearest folder holding SiteBuilder.sln above the test binaries or, when they were built
/// elsewhere (<c>dotnet test --artifacts-path /tmp/…</c>), above this source file.
/// </summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Input => Path.Combine(Root, "input");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SiteBuilder.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"SiteBuilder.sln not found above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
