using System.Text;

namespace SiteBuilder.Tests;

/// <summary>A throwaway input folder (and a sibling output folder) under the temp directory, deleted on dispose.</summary>
internal sealed class TestInput : IDisposable
{
    public const string SiteYml = "title: Test Archive\ndescription: A test archive.\nbase_url: https://example.org/\nlanguage: en\n";

    public TestInput(IReadOnlyDictionary<string, string>? files = null, bool withSite = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "sb-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(InputDirectory);
        if (withSite)
        {
            Write("site.yml", SiteYml);
        }

        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    public string InputDirectory => Path.Combine(Root, "input");

    public string OutputDirectory => Path.Combine(Root, "_site");

    public void Write(string relativePath, string content) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(content));

    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(InputDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public BuildOptions Options(string? baseUrl = null, bool warningsAsErrors = false) =>
        new(InputDirectory, OutputDirectory, baseUrl is null ? null : new Uri(baseUrl), Root, new DateOnly(2026, 1, 1), warningsAsErrors);

    public static string Entity(string name, string kind = "person", params string[] aliases) =>
        $"name: {name}\nkind: {kind}\n" + (aliases.Length == 0 ? "" : "aliases:\n" + string.Concat(aliases.Select(a => $"  - \"{a}\"\n")));

    public static string Article(string title, string body, string date = "2025-02-28", string source = "Test Wire", string extra = "") =>
        $"---\ntitle: \"{title}\"\ndate: {date}\nsource: {source}\n{extra}---\n{body}";

    /// <summary>Every file of a built site, relative path → SHA-256, for byte-for-byte comparisons of two outputs.</summary>
    public static Dictionary<string, string> Snapshot(string folder) => Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
