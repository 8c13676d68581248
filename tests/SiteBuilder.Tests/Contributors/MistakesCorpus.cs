using System.Text;

namespace SiteBuilder.Tests.Contributors;

/// <summary>One diagnostic the mistakes corpus must produce: where (relative to its input folder), which ID, how severe, and the mistake.</summary>
public sealed record ExpectedDiagnostic(string Path, int Line, int Column, string Id, string Severity, string Mistake);

/// <summary>
/// Fixtures/mistakes/input copied to a temporary folder, plus the three mistakes that are not worth committing
/// (two files over 1 MB and a symbolic link). One of every mistake a contributor can make; <see cref="Expected"/>
/// lists what <c>check</c> must report, positions worked out by reading the fixture files.
/// </summary>
public sealed class MistakesCorpus : IDisposable
{
    public static string FixtureInput => Path.Combine(Repo.Root, "tests", "SiteBuilder.Tests", "Contributors", "Fixtures", "mistakes", "input");

    /// <summary>1-based lines and columns, counted in the fixture files (front matter starts at line 1 with '---').</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Committed { get; } =
    [
        // site.yml
        new("site.yml", 4, 1, "SB1006", "warning", "unknown field 'langauge' (did you mean 'language'?)"),
        new("site.yml", 5, 11, "SB1014", "error", "language: en_GB (a tag uses '-')"),
        new("site.yml", 8, 11, "SB1010", "warning", "override for an ID that does not exist: the value 'none' of SB9999"),

        // entities/ (line 1 of each is the yaml-language-server comment)
        new("entities/Bad_Id.yml", 1, 1, "SB2003", "error", "file name is not a valid id"),
        new("entities/bad-kind.yml", 3, 7, "SB2002", "error", "kind: planet"),
        new("entities/bad-link.yml", 5, 12, "SB2009", "error", "links: website: javascript:… (the value)"),
        new("entities/broken-yaml.yml", 2, 13, "SB1001", "error", "name: Broken: Yaml (the second ': ')"),
        new("entities/donald-tusk.yml", 6, 5, "SB2005", "warning", "alias 'Donald' also claimed by donald-trump (reported at the later entity's alias)"),
        new("entities/duplicate-key.yml", 4, 1, "SB1021", "error", "'name' written twice"),
        new("entities/empty-alias.yml", 5, 5, "SB2010", "warning", "aliases: - \"\""),
        new("entities/empty-name.yml", 2, 7, "SB1020", "error", "name: \"\" (the opening quote)"),
        new("entities/never-mentioned.yml", 1, 1, "SB2007", "info", "no article mentions Atlantis"),
        new("entities/no-name.yml", 2, 1, "SB2001", "error", "no 'name' (the mapping starts at line 2)"),
        new("entities/organizations/nato.yml", 1, 1, "SB2004", "error", "id 'nato' again, in a subfolder"),
        new("entities/readme.txt", 1, 1, "SB1009", "warning", "not a .yml file"),
        new("entities/typo-field.yml", 4, 1, "SB2008", "warning", "'descripton' (did you mean 'description'?)"),
        new("entities/white-house.yml", 5, 5, "SB2006", "warning", "alias 'house'"),
        new("entities/wrong-type.yml", 5, 3, "SB1011", "error", "aliases is a map, not a list"),

        // articles/: metadata
        new("articles/2025/Bad_Slug.md", 1, 1, "SB3006", "error", "file name is not a valid slug"),
        new("articles/2025/bad-source-url.md", 5, 13, "SB3009", "error", "source_url: ftp://…"),
        new("articles/2025/empty-source.md", 4, 8, "SB1020", "error", "source: with nothing after the colon"),
        new("articles/2025/future-date.md", 3, 7, "SB3003", "warning", "date: 2999-01-01"),
        new("articles/2025/invalid-date.md", 3, 7, "SB3002", "error", "date: 2025-02-30 (no such day)"),
        new("articles/2025/missing-date.md", 2, 1, "SB3001", "error", "no 'date' (the mapping starts at line 2)"),
        new("articles/2025/no-metadata.md", 1, 1, "SB3008", "error", "no front matter and no sidecar"),
        new("articles/2025/orphan.yml", 1, 1, "SB3012", "error", "sidecar without a body file"),
        new("articles/2025/same-slug.md", 1, 1, "SB3007", "error", "slug also used by articles/2024/same-slug.md: two files, one URL"),
        new("articles/2025/sidecar-date.yml", 2, 7, "SB3002", "error", "date: 2025-13-01, in a sidecar"),
        new("articles/2025/title-too-long.md", 2, 8, "SB3014", "error", "a 505-character title"),
        new("articles/2025/twice.yml", 1, 1, "SB3013", "error", "twice.md has front matter and this sidecar"),
        new("articles/2025/two-bodies.txt", 1, 1, "SB3011", "error", "two-bodies.md and two-bodies.txt share two-bodies.yml"),
        new("articles/2025/typo-title.md", 2, 1, "SB3001", "error", "no 'title' (because it is spelt 'tittle')"),
        new("articles/2025/typo-title.md", 2, 1, "SB3005", "warning", "'tittle' (did you mean 'title'?)"),
        new("articles/2025/unclosed-front-matter.md", 1, 1, "SB3010", "error", "no closing '---'"),
        new("articles/2025/unknown-entity.md", 6, 5, "SB3004", "error", "entities: - donald-trumb (did you mean 'donald-trump'?)"),
        new("articles/2025/wrong-type.md", 3, 3, "SB1011", "error", "title is a list"),
        new("articles/2025/yaml-syntax.md", 2, 8, "SB1001", "error", "unterminated double quote (at the opening quote)"),

        // articles/: bodies and links (metadata valid)
        new("articles/2025/broken-link.md", 6, 17, "SB5001", "error", "[covered elsewhere](/articles/does-not-exist/)"),
        new("articles/2025/empty-body.md", 6, 1, "SB4005", "error", "nothing after the front matter"),
        new("articles/2025/no-entity.md", 6, 1, "SB4003", "warning", "text names no entity"),
        new("articles/2025/placeholder.md", 6, 1, "SB4003", "warning", "the placeholder names no entity either"),
        new("articles/2025/placeholder.md", 6, 1, "SB4010", "warning", "body is the placeholder 'new article' writes"),
        new("articles/2025/raw-html.md", 8, 1, "SB4001", "warning", "<div class=\"quote\">"),
        new("articles/2025/unsafe-link.md", 6, 14, "SB4004", "warning", "[posted](javascript:alert(1))"),

        // articles/: files that cannot be read
        new("articles/2025/not-utf8.md", 2, 1, "SB1002", "error", "Latin-1 'é' (byte 0xE9) on line 2"),
        new("articles/2025/nul-character.md", 6, 1, "SB1013", "error", "a NUL byte on line 6"),
    ];

    /// <summary>Mistakes made at test time: too big to commit, or a link git checkouts may not keep.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Generated { get; } =
    [
        new("articles/2025/huge.md", 1, 1, "SB4002", "error", "a body of 1 MB + 1 byte"),
        new("entities/huge.yml", 1, 1, "SB1008", "error", "an entity file of 1 MB + 1 byte"),
        .. OperatingSystem.IsWindows() ? [] : new[] { new ExpectedDiagnostic("articles/2025/symlink.md", 1, 1, "SB1007", "warning", "a symbolic link") },
    ];

    public static IReadOnlyList<ExpectedDiagnostic> Expected { get; } = [.. Committed, .. Generated];

    private readonly TestInput _input = new(withSite: false);

    public MistakesCorpus()
    {
        Cli.CopyDirectory(FixtureInput, Input);
        var big = new byte[Stages.ReadInputFiles.MaxBodyBytes + 1];
        Array.Fill(big, (byte)'x');
        Encoding.ASCII.GetBytes("---\ntitle: Huge\ndate: 2025-01-22\nsource: Fixture Wire\n---\nDonald Trump.\n").CopyTo(big, 0);
        File.WriteAllBytes(Path.Combine(Input, "articles", "2025", "huge.md"), big);
        Array.Fill(big, (byte)'#');
        File.WriteAllBytes(Path.Combine(Input, "entities", "huge.yml"), big);
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(Input, "articles", "2025", "symlink.md"), "all-entities.md");
        }
    }

    /// <summary>The copy's input folder.</summary>
    public string Input => _input.InputDirectory;

    /// <summary>A path as diagnostics print it when the working directory is elsewhere: absolute, '/' separators.</summary>
    public string Shown(string relativePath) => Path.Combine(Input, relativePath).Replace('\\', '/');

    public void Dispose() => _input.Dispose();
}
