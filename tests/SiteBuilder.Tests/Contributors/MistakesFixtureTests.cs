using System.Text.Json;
using System.Text.RegularExpressions;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// Given the mistakes corpus (one of every mistake), when <c>sitebuilder check</c> runs once in each output format,
/// then every expected ID is reported at its path, line and column, with its severity, and nothing else is.
/// </summary>
public sealed partial class MistakesFixtureTests(MistakesCorpus corpus) : IClassFixture<MistakesCorpus>
{
    /// <summary>(path, line, column, ID, severity) as the table says, with the path as the tool prints it.</summary>
    private string[] ExpectedRows(Func<string, string>? severityName = null) => MistakesCorpus.Expected
        .Select(e => Row(corpus.Shown(e.Path), e.Line, e.Column, e.Id, severityName is null ? e.Severity : severityName(e.Severity)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string Row(string path, int line, int column, string id, string severity) => $"{path}({line},{column}) {id} {severity}";

    [Fact]
    public async Task MsbuildFormatReportsEveryMistakeAtItsLineAndColumn()
    {
        var result = await Cli.RunAsync("check", "--input", corpus.Input, "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Select(line =>
        {
            var match = MsbuildLine().Match(line);
            Assert.True(match.Success, $"not an msbuild line: {line}");
            return Row(match.Groups["path"].Value, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value), match.Groups["id"].Value, match.Groups["severity"].Value);
        }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedRows(), rows);
        Assert.Contains($"{corpus.Shown("articles/2025/invalid-date.md")}(3,7): error SB3002: '2025-02-30' is not a valid date; write it as YYYY-MM-DD", lines);
        Assert.Contains($"{corpus.Shown("articles/2025/typo-title.md")}(2,1): warning SB3005: Unknown field 'tittle'; did you mean 'title'?", lines);
        Assert.Contains($"{corpus.Shown("articles/2025/unknown-entity.md")}(6,5): error SB3004: No entity has the id 'donald-trumb'; did you mean 'donald-trump'?", lines);
        var errors = MistakesCorpus.Expected.Count(e => e.Severity == "error");
        var warnings = MistakesCorpus.Expected.Count(e => e.Severity == "warning");
        Assert.Equal($"Check failed. {errors} error(s), {warnings} warning(s), 1 info.\n", result.Error);
    }

    [Fact]
    public async Task GithubFormatAnnotatesEveryMistakeWithEscapedProperties()
    {
        var result = await Cli.RunAsync("check", "--input", corpus.Input, "--format", "github");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Select(line =>
        {
            var match = GithubLine().Match(line);
            Assert.True(match.Success, $"not a workflow command: {line}");
            var id = match.Groups["title"].Value.Split("%3A ")[0];
            var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
            Assert.Equal($"{id}%3A {GithubEscapeProperty(descriptor.Title)}", match.Groups["title"].Value);
            return Row(GithubUnescape(match.Groups["file"].Value), int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value), id, match.Groups["level"].Value);
        }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedRows(s => s == "info" ? "notice" : s), rows);
        Assert.Contains($"::error file={GithubEscapeProperty(corpus.Shown("articles/2025/invalid-date.md"))},line=3,col=7,title=SB3002%3A Invalid date::'2025-02-30' is not a valid date; write it as YYYY-MM-DD", lines);
    }

    [Fact]
    public async Task JsonFormatListsEveryMistakeWithItsLocation()
    {
        var result = await Cli.RunAsync("check", "--input", corpus.Input, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(MistakesCorpus.Expected.Count(e => e.Severity == "error"), root.GetProperty("errors").GetInt32());
        Assert.Equal(MistakesCorpus.Expected.Count(e => e.Severity == "warning"), root.GetProperty("warnings").GetInt32());
        var rows = root.GetProperty("diagnostics").EnumerateArray().Select(d => Row(
            d.GetProperty("path").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(),
            d.GetProperty("id").GetString()!, d.GetProperty("severity").GetString()!)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedRows(), rows);
        var date = root.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "SB3002" && d.GetProperty("line").GetInt32() == 3);
        Assert.Equal("Invalid date", date.GetProperty("title").GetString());
        Assert.Equal("'2025-02-30' is not a valid date; write it as YYYY-MM-DD", date.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SarifFormatIsSarif210WithEveryMistakeAsAResult()
    {
        var result = await Cli.RunAsync("check", "--input", corpus.Input, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), rules);
        var rows = run.GetProperty("results").EnumerateArray().Select(r =>
        {
            var id = r.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, rules[r.GetProperty("ruleIndex").GetInt32()]);
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var path = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath.Replace('\\', '/');
            var region = location.GetProperty("region");
            return Row(path, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), id, r.GetProperty("level").GetString()!);
        }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedRows(s => s == "info" ? "note" : s), rows);
    }

    [Fact]
    public async Task HumanFormatShowsEveryMistakeAndTheSourceLineWithACaret()
    {
        var result = await Cli.RunAsync("check", "--input", corpus.Input);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        var blocks = result.Error.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(b => b.StartsWith("error ", StringComparison.Ordinal)
            || b.StartsWith("warning ", StringComparison.Ordinal) || b.StartsWith("info ", StringComparison.Ordinal)).ToArray();
        var rows = blocks.Select(block =>
        {
            var lines = block.Split('\n');
            var header = HumanHeader().Match(lines[0]);
            var location = HumanLocation().Match(lines[1]);
            Assert.True(header.Success && location.Success, block);
            return Row(location.Groups["path"].Value, int.Parse(location.Groups["line"].Value), int.Parse(location.Groups["col"].Value), header.Groups["id"].Value, header.Groups["severity"].Value);
        }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedRows(), rows);

        var invalidDate = $"""
            error SB3002: '2025-02-30' is not a valid date; write it as YYYY-MM-DD
              --> {corpus.Shown("articles/2025/invalid-date.md")}:3:7
               |
             3 | date: 2025-02-30
               |       ^
              = help: docs/diagnostics.md#sb3002-invalid-date
            """;
        Assert.Contains(invalidDate.Replace("\r\n", "\n", StringComparison.Ordinal), blocks);
        var alias = blocks.Single(b => b.Contains("SB2005", StringComparison.Ordinal));
        Assert.EndsWith(" 6 |   - Donald\n   |     ^\n  = help: docs/diagnostics.md#sb2005-alias-claimed-by-two-entities", alias);
    }

    [Fact]
    public void TheTableCoversEveryDescriptorExceptThoseThatCannotShareOneRun()
    {
        // Each of these has a reason it is not in the mistakes corpus, and a test elsewhere.
        var elsewhere = new Dictionary<string, string>
        {
            ["SB1003"] = "no site.yml stops the check before anything else: SiteConfigTests",
            ["SB1004"] = "a broken site.yml stops the check before articles are linked: SiteConfigTests",
            ["SB1005"] = "a broken site.yml stops the check before articles are linked: SiteConfigTests",
            ["SB1012"] = "an alias bomb: BadInputTests.BillionLaughsIsRefusedQuickly",
            ["SB6001"] = "cannot come from input: SB3007, SB2004 and SB3011 catch two files with one URL first; a planner self-check",
            ["SB6002"] = "build only (the output folder): OutputTests",
            ["SB6003"] = "build only (a failed write)",
            ["SB6004"] = "build --check-links only, on the written site: BuiltSiteLinksTests",
        };

        var covered = MistakesCorpus.Expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => !covered.Contains(id) && !elsewhere.ContainsKey(id)).ToArray();
        Assert.True(missing.Length == 0, $"No mistake in Fixtures/mistakes produces {string.Join(", ", missing)}: add one (and a row to MistakesCorpus), or say here why it cannot be.");
        Assert.All(MistakesCorpus.Expected, e => Assert.Contains(DiagnosticDescriptors.All, d => d.Id == e.Id && Diagnostic.SeverityText(d.DefaultSeverity) == e.Severity));
    }

    private static string GithubEscapeProperty(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").Replace(":", "%3A").Replace(",", "%2C");

    private static string GithubUnescape(string value) => value.Replace("%3A", ":").Replace("%2C", ",").Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");

    [GeneratedRegex(@"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|info) (?<id>SB\d{4}): .+$")]
    private static partial Regex MsbuildLine();

    [GeneratedRegex(@"^::(?<level>error|warning|notice) file=(?<file>[^,:]+),line=(?<line>\d+),col=(?<col>\d+),title=(?<title>[^,:]+)::.+$")]
    private static partial Regex GithubLine();

    [GeneratedRegex(@"^(?<severity>error|warning|info) (?<id>SB\d{4}): .+$")]
    private static partial Regex HumanHeader();

    [GeneratedRegex(@"^  --> (?<path>.+):(?<line>\d+):(?<col>\d+)$")]
    private static partial Regex HumanLocation();
}
