using System.Text;
using SiteBuilder.Theme;

namespace SiteBuilder.Tests.Hostile;

/// <summary>
/// 1,000 seeded random corpora mixing valid and broken files. The builder never throws; every run either succeeds or
/// reports at least one error; a successful site always passes the link check and the safety check.
/// </summary>
public class GeneratedInputTests
{
    private static readonly string[] Names = ["Donald Trump", "Trump", "NATO", "Kyiv", "Zelenskyy", "Ada", "Ünïcödé Name", "O'Brien", "A-B", "Σίσυφος", "İstanbul", "x"];
    private static readonly string[] Words = ["the", "meeting", "Trump", "NATO", "Kyiv's", "<b>", "*", "[link](/articles/a0/)", "[js](javascript:x)", "`code`", "##", "\u00A0", "–", "Zelenskyy", "\"quote\"", "&amp;", "{#id}", "\u202E"];

    [Fact]
    public async Task RandomCorporaNeverCrashAndSucceedOnlyWithACleanSite()
    {
        await using var renderer = ThemeRenderer.Create();
        var succeeded = 0;
        var failed = 0;
        for (var seed = 0; seed < 1000; seed++)
        {
            var random = new Random(seed);
            using var input = new TestInput(withSite: random.Next(50) != 0);
            var entityIds = new List<string>();
            for (var e = 0; e < random.Next(0, 5); e++)
            {
                var id = random.Next(20) == 0 ? "Bad Id" : $"e{e}";
                entityIds.Add(id);
                input.WriteBytes($"entities/{id}.yml", Mutate(random, $"name: \"{Pick(random, Names)}\"\nkind: {Pick(random, ["person", "place", "organization", "event", "planet"])}\naliases: [\"{Pick(random, Names)}\"]\n"));
            }

            for (var a = 0; a < random.Next(1, 6); a++)
            {
                var body = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pick(random, Words)))
                    + (random.Next(20) == 0 ? " [broken](/articles/nowhere/)" : "");
                var date = random.Next(15) == 0 ? "2025-02-30" : $"20{random.Next(10, 26)}-0{random.Next(1, 10)}-1{random.Next(0, 9)}";
                var entities = random.Next(4) == 0 && entityIds.Count > 0 ? $"entities: [{Pick(random, [.. entityIds, "unknown"])}]\n" : "";
                var slug = random.Next(25) == 0 ? "a0" : $"a{a}";
                var folder = random.Next(2) == 0 ? "" : "2024/";
                if (random.Next(3) == 0)
                {
                    input.WriteBytes($"articles/{folder}{slug}.txt", Mutate(random, body));
                    input.WriteBytes($"articles/{folder}{slug}.yml", Mutate(random, $"title: T{a}\ndate: {date}\nsource: S\n{entities}"));
                }
                else
                {
                    input.WriteBytes($"articles/{folder}{slug}.md", Mutate(random, $"---\ntitle: \"T{a}\"\ndate: {date}\nsource: S{random.Next(3)}\n{entities}---\n{body}\n"));
                }
            }

            BuildResult result;
            try
            {
                result = await SiteGenerator.BuildAsync(input.Options(), renderer);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}: the builder threw {ex}");
                throw;
            }

            if (result.Succeeded)
            {
                succeeded++;
                Assert.Empty(LinkChecker.BrokenLinks(input.OutputDirectory, "/"));
                Assert.Empty(SiteSafety.Problems(input.OutputDirectory));
            }
            else
            {
                failed++;
                Assert.True(result.Diagnostics.Any(d => d.IsError), $"seed {seed}: failed without an error diagnostic");
                Assert.False(Directory.Exists(input.OutputDirectory), $"seed {seed}: a failed build wrote output");
            }
        }

        // The generator must exercise both outcomes, or the test proves little.
        Assert.InRange(succeeded, 100, 900);
        Assert.InRange(failed, 100, 900);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>Usually the text as it is; sometimes broken: truncated YAML, invalid UTF-8, a NUL, CRLF, a BOM, a tab.</summary>
    private static byte[] Mutate(Random random, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        switch (random.Next(40))
        {
            case 0:
                return [.. bytes.Take(random.Next(bytes.Count + 1))];
            case 1:
                bytes.Insert(random.Next(bytes.Count + 1), 0xFF);
                break;
            case 2:
                bytes.Insert(random.Next(bytes.Count + 1), 0x00);
                break;
            case 3:
                return Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));
            case 4:
                bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                break;
            case 5:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)'\t');
                break;
            case 6:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)':');
                break;
        }

        return [.. bytes];
    }
}
