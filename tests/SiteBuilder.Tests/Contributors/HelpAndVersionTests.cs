using System.CommandLine;
using System.Reflection;
using SiteBuilder.Cli;

namespace SiteBuilder.Tests.Contributors;

/// <summary>Every command explains itself with <c>--help</c>, examples included, and <c>--version</c> prints the tool's version.</summary>
public class HelpAndVersionTests
{
    /// <summary>Every command of the tree, as the words that name it ("", "build", "new article"…).</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        Walk(SiteBuilderCommand.Create(), "");
        return data;

        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpOfEveryCommandDescribesItsOptionsAndEndsWithExamples(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await Cli.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("Usage:\n  sitebuilder " + command, result.Output);
        var examples = result.Output[(result.Output.LastIndexOf("Examples:\n", StringComparison.Ordinal) + "Examples:\n".Length)..];
        Assert.Contains("sitebuilder " + command, examples);
    }

    [Fact]
    public void EveryCommandAndOptionHasADescription()
    {
        var root = SiteBuilderCommand.Create();
        var missing = new List<string>();
        Walk(root, "sitebuilder");
        Assert.Empty(missing);

        void Walk(Command command, string path)
        {
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(path);
            }

            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path + " " + sub.Name);
            }
        }
    }

    [Fact]
    public async Task VersionPrintsTheToolsVersion()
    {
        var version = typeof(SiteBuilderCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = await Cli.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(version + "\n", result.Output);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output);
    }

    [Fact]
    public async Task AnUnknownCommandFailsWithASuggestion()
    {
        var result = await Cli.RunAsync("chekc");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("chekc", result.Error);
        Assert.Contains("check", result.Output + result.Error);
    }
}
