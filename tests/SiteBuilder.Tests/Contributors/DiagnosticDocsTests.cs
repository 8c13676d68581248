using System.Text.RegularExpressions;
using SiteBuilder.Cli;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// docs/diagnostics.md has one section per ID of the catalogue ("## SB1001: YAML syntax error") and none for IDs that do
/// not exist; each gives the default severity, what triggers it, an example with the message the tool really prints, and the fix.
/// </summary>
public sealed partial class DiagnosticDocsTests
{
    private static readonly string Docs = File.ReadAllText(Repo.PathOf("docs/diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Each "## SBnnnn: Title" heading with the text up to the next "## ".</summary>
    private static readonly (string Id, string Title, string Body)[] Sections = ReadSections();

    private static (string Id, string Title, string Body)[] ReadSections()
    {
        var sections = new List<(string, string, string)>();
        foreach (var chunk in ("\n" + Docs).Split("\n## ").Skip(1))
        {
            var heading = Regex.Match(chunk, @"^(?<id>SB\d{4}): (?<title>[^\n]+)\n");
            if (heading.Success)
            {
                sections.Add((heading.Groups["id"].Value, heading.Groups["title"].Value.Trim(), chunk[heading.Length..]));
            }
        }

        return [.. sections];
    }

    [Fact]
    public void EveryDiagnosticIdHasASection()
    {
        var documented = Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        var missing = DiagnosticDescriptors.All.Where(d => !documented.Contains(d.Id)).Select(d => $"## {d.Id}: {d.Title}").ToArray();

        Assert.True(missing.Length == 0, "docs/diagnostics.md needs a section for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EverySectionNamesAnExistingIdOnceWithItsTitle()
    {
        var ids = DiagnosticDescriptors.All.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var headings = Regex.Matches(Docs, @"^## (SB\S*)", RegexOptions.Multiline).Select(m => m.Groups[1].Value.TrimEnd(':')).ToArray();

        Assert.All(headings, id => Assert.True(ids.ContainsKey(id), $"docs/diagnostics.md has a section for {id}, which is not in DiagnosticDescriptors"));
        Assert.Equal(headings.Length, headings.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(headings.Length, Sections.Length);
        Assert.All(Sections, s => Assert.Equal(ids[s.Id].Title, s.Title));
        Assert.Equal(Sections.Select(s => s.Id).Order(StringComparer.Ordinal), Sections.Select(s => s.Id));
    }

    [Fact]
    public void EverySectionGivesSeverityTriggerExampleMessageAndFix()
    {
        var problems = new List<string>();
        foreach (var (id, _, body) in Sections)
        {
            var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
            var severity = Diagnostic.SeverityText(descriptor.DefaultSeverity);
            if (!body.Contains($"**Severity:** {severity}", StringComparison.Ordinal))
            {
                problems.Add($"{id}: no '**Severity:** {severity}'");
            }

            foreach (var part in new[] { "**Triggered by:**", "**Example**", "**Fix:**" })
            {
                if (!body.Contains(part, StringComparison.Ordinal))
                {
                    problems.Add($"{id}: no {part}");
                }
            }

            var message = MessagePattern(descriptor);
            var examples = ExampleLines().Matches(body).Where(m => m.Groups["id"].Value == id).ToArray();
            if (examples.Length == 0)
            {
                problems.Add($"{id}: no example line 'path(line,col): {severity} {id}: message' in a text block");
            }

            foreach (var example in examples)
            {
                if (example.Groups["severity"].Value != severity)
                {
                    problems.Add($"{id}: example says {example.Groups["severity"].Value}, the default is {severity}");
                }

                if (!message.IsMatch(example.Groups["message"].Value))
                {
                    problems.Add($"{id}: example message '{example.Groups["message"].Value}' is not what the tool prints ('{descriptor.MessageFormat}')");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheHelpLinkOfEveryDiagnosticPointsAtItsSection()
    {
        var anchors = Regex.Matches(Docs, @"^#+ (.+)$", RegexOptions.Multiline).Select(m => DiagnosticFormatter.Anchor(m.Groups[1].Value.Trim())).ToHashSet(StringComparer.Ordinal);

        Assert.All(DiagnosticDescriptors.All, d =>
        {
            var link = DiagnosticFormatter.DocsLink(d);
            Assert.StartsWith("docs/diagnostics.md#", link);
            Assert.Contains(link["docs/diagnostics.md#".Length..], anchors);
        });
        Assert.Equal("docs/diagnostics.md#sb1003-siteyml-is-missing", DiagnosticFormatter.DocsLink(DiagnosticDescriptors.SiteConfigMissing));
    }

    /// <summary>The message format as a pattern: literal text exact, each {n} (or {n:N0}) any text.</summary>
    private static Regex MessagePattern(DiagnosticDescriptor descriptor) =>
        new("^" + string.Join(".*", Placeholder().Split(descriptor.MessageFormat).Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\S.*\(\d+,\d+\): (?<severity>error|warning|info) (?<id>SB\d{4}): (?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex ExampleLines();
}
