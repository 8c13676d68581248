using System.Text;
using SiteBuilder.Yaml;

namespace SiteBuilder.Tests;

/// <summary>
/// The fast reader for plain front matter must read exactly what YamlDotNet reads (values, styles and positions), and
/// leave everything it does not fully understand to YamlDotNet.
/// </summary>
public class SimpleYamlTests
{
    /// <summary>A node tree as text, positions included, so two readings compare as strings.</summary>
    private static string Show(YamlNode? node) => node switch
    {
        null => "null",
        YamlScalar s => $"{(s.IsPlain ? "plain" : "quoted")}({s.Value})@{s.Line}:{s.Column}",
        YamlSequence q => $"seq@{q.Line}:{q.Column}[{string.Join(", ", q.Items.Select(Show))}]",
        YamlMapping m => $"map@{m.Line}:{m.Column}{{{string.Join(", ", m.Entries.Select(e => Show(e.Key) + ": " + Show(e.Value)))}}}",
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static void AssertSameAsYamlDotNet(string yaml, int lineOffset)
    {
        YamlReadResult full;
        try
        {
            full = YamlReader.ReadWithYamlDotNet(yaml, lineOffset);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("YamlDotNet failed on: " + System.Text.Json.JsonSerializer.Serialize(yaml), ex);
        }

        if (SimpleYaml.TryRead(yaml, lineOffset, out var fast))
        {
            Assert.True(full.Error is null, $"YamlDotNet rejects what the fast reader took ({full.Error}):\n{yaml}");
            Assert.Equal(Show(full.Root), Show(fast));
        }
    }

    [Theory]
    [InlineData("title: \"Marta Brännström signals shift\"\ndate: 2019-05-20\nsource: The Evening Sentinel\nsummary: \"A: b # c\"\ntags:\n  - trade\n  - eu policy\n")]
    [InlineData("# yaml-language-server: $schema=x.json\nname: Kremlin\nkind: organization\n\nlinks:\n  wikipedia: https://en.wikipedia.org/wiki/Moscow_Kremlin\n  official: \"http://kremlin.ru\"\naliases:\n- Moscow\n- \"the Kremlin\"\n")]
    [InlineData("title: x\nentities:\n    - a-b\n    # a comment\n    - c\nauthor: Sara Hollis\n")]
    [InlineData("base_url: https://example.org/archive/\nlanguage: en\ntitle: It’s 100% C# — déjà vu, (really)?\n")]
    public void ReadsPlainFrontMatterAsYamlDotNetDoes(string yaml)
    {
        Assert.True(SimpleYaml.TryRead(yaml, 3, out var fast), "the fast reader should take this");
        var full = YamlReader.ReadWithYamlDotNet(yaml, 3);
        Assert.Null(full.Error);
        Assert.Equal(Show(full.Root), Show(fast));
    }

    [Theory]
    [InlineData("title: a: b\n")]
    [InlineData("title: 'single'\n")]
    [InlineData("title: \"esc \\\" aped\"\n")]
    [InlineData("title: [a, b]\n")]
    [InlineData("title: &a x\nother: *a\n")]
    [InlineData("title: x # comment\n")]
    [InlineData("title: |\n  block\n")]
    [InlineData("title: a\n  continued\n")]
    [InlineData("title:\n")]
    [InlineData("title: \"open\n")]
    [InlineData("\ttitle: x\n")]
    [InlineData("title: x \n")]
    [InlineData("links:\n  a:\n    b: c\n")]
    [InlineData("---\ntitle: x\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("title: -5\n")]
    [InlineData("\"title\": x\n")]
    public void LeavesEverythingElseToYamlDotNet(string yaml)
    {
        Assert.False(SimpleYaml.TryRead(yaml, 0, out _));
    }

    [Fact]
    public void RandomFrontMatterReadsAsYamlDotNetReadsItWheneverTheFastReaderAnswers()
    {
        var random = new Random(11);
        string[] keys = ["title", "date", "source_url", "tags", "links", "x-y", "_k", "a1"];
        string[] pieces = ["word", " ", "é", "’", ":", ": ", "#", " #", "\"", "'", "-", "- ", "?", "[", "{", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\\", "https://x.org/a?b=c", "100%", "—", "~", "null", "\u0085", "\u2028", "\t"];
        // Half the values from ordinary pieces only, so that the fast reader answers often enough to be tested.
        string[] ordinary = ["word", " word", "é", "’", "https://x.org/a?b=c", "100%", "—", "~", "null", "#", "'", "-", "C#", "a:b"];
        string Value()
        {
            var value = new StringBuilder();
            var from = random.Next(2) == 0 ? ordinary : pieces;
            for (var i = random.Next(0, 5); i >= 0; i--)
            {
                value.Append(from[random.Next(from.Length)]);
            }

            return random.Next(3) == 0 ? "\"" + value + "\"" : value.ToString();
        }

        var taken = 0;
        for (var round = 0; round < 3000; round++)
        {
            var yaml = new StringBuilder();
            for (var line = random.Next(1, 6); line > 0; line--)
            {
                var key = keys[random.Next(keys.Length)];
                switch (random.Next(6))
                {
                    case 0:
                        yaml.Append(key).Append(":\n");
                        var indent = new string(' ', random.Next(0, 3) * 2);
                        for (var i = random.Next(1, 4); i > 0; i--)
                        {
                            yaml.Append(indent).Append("- ").Append(Value()).Append('\n');
                        }

                        break;
                    case 1:
                        yaml.Append(key).Append(":\n");
                        for (var i = random.Next(1, 3); i > 0; i--)
                        {
                            yaml.Append("  ").Append(keys[random.Next(keys.Length)]).Append(": ").Append(Value()).Append('\n');
                        }

                        break;
                    case 2:
                        yaml.Append(random.Next(2) == 0 ? "\n" : "# note\n");
                        break;
                    default:
                        yaml.Append(key).Append(": ").Append(Value()).Append('\n');
                        break;
                }
            }

            var text = yaml.ToString();
            AssertSameAsYamlDotNet(text, lineOffset: random.Next(0, 3));
            if (SimpleYaml.TryRead(text, 0, out _))
            {
                taken++;
            }
        }

        // The generator must exercise the fast reader, not only the fallback.
        Assert.InRange(taken, 600, 3000);
    }
}
