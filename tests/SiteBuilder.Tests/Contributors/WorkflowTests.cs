using System.Text;
using SiteBuilder.Cli;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// The GitHub workflows cannot run here, so their shape is checked instead: the triggers (pull_request, never
/// pull_request_target), the permissions, the Pages deployment chain, and that every command they run exists:
/// the program is dotnet or npm, the project, solution and package lock they name are in the repository, and every
/// <c>dotnet run … -- &lt;command&gt;</c> parses as a real sitebuilder command whose options a test exercises.
/// </summary>
public class WorkflowTests
{
    /// <summary>Each sitebuilder option a workflow uses, and the test that runs the command with it.</summary>
    private static readonly Dictionary<string, string> TestedOptions = new(StringComparer.Ordinal)
    {
        ["check --format"] = nameof(MistakesFixtureTests),
        ["check --warnaserror"] = "BadInputTests.WarningsBecomeErrorsWithWarnAsErrorAndOverridesApply, .ci/run",
        ["build --output"] = nameof(BuiltSiteLinksTests),
        ["build --format"] = nameof(BuiltSiteLinksTests),
        ["build --check-links"] = nameof(BuiltSiteLinksTests),
        ["build --base-url"] = nameof(BuiltSiteLinksTests),
    };

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Repo.PathOf(".github/workflows/" + name))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    [Fact]
    public void CiRunsOnPullRequestsAndPushesToMainNeverOnPullRequestTarget()
    {
        var ci = Load("ci.yml");

        var on = Map(ci, "on");
        Assert.Equal(["pull_request", "push"], on.Children.Keys.Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal(["main"], Seq(Map(on, "push"), "branches"));
        Assert.All(Directory.GetFiles(Repo.PathOf(".github/workflows"), "*.yml"), file => Assert.DoesNotContain("pull_request_target", Triggers(Path.GetFileName(file))));
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, Pairs(Map(ci, "permissions")));
    }

    [Fact]
    public void CiSetsUpDotnetTenAndNodeTwentyRunsTheTestsTheCheckTheBuildAndUploadsTheSite()
    {
        var steps = Steps(Load("ci.yml"), "ci");

        Assert.Equal("10.0.x", With(Step(steps, "actions/setup-dotnet@"), "dotnet-version"));
        Assert.Equal("20", With(Step(steps, "actions/setup-node@"), "node-version"));
        var runs = steps.Select(s => Scalar(s, "run")).OfType<string>().ToArray();
        Assert.Equal(
        [
            "npm ci --prefix tests --no-audit --no-fund",
            "npm ci --prefix theme --no-audit --no-fund",
            "dotnet test SiteBuilder.sln -c Release",
            "dotnet run --project src/SiteBuilder.Cli -c Release -- check --format github --warnaserror",
            "dotnet run --project src/SiteBuilder.Cli -c Release -- build --output _site --format github --check-links",
        ], runs);
        Assert.Equal("_site", With(Step(steps, "actions/upload-artifact@"), "path"));
        Assert.Contains("dotnet test SiteBuilder.sln -c Release", File.ReadAllText(Repo.PathOf(".ci/run")));
    }

    [Fact]
    public void PagesDeploysPushesToMainThroughConfigureUploadAndDeploy()
    {
        var pages = Load("pages.yml");

        var on = Map(pages, "on");
        Assert.Equal(["main"], Seq(Map(on, "push"), "branches"));
        Assert.DoesNotContain(on.Children.Keys.Select(Text), k => k.StartsWith("pull_request", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read", ["pages"] = "write", ["id-token"] = "write" }, Pairs(Map(pages, "permissions")));
        Assert.Equal(new Dictionary<string, string> { ["group"] = "pages", ["cancel-in-progress"] = "false" }, Pairs(Map(pages, "concurrency")));

        var build = Steps(pages, "build");
        var configure = Step(build, "actions/configure-pages@");
        Assert.Equal("pages", Scalar(configure, "id"));
        var buildStep = build.Single(s => Scalar(s, "run")?.Contains("-- build", StringComparison.Ordinal) == true);
        Assert.Equal("${{ steps.pages.outputs.base_url }}", Pairs(Map(buildStep, "env"))["BASE_URL"]);
        Assert.Contains("--base-url \"$BASE_URL/\"", Scalar(buildStep, "run"));
        Assert.True(build.IndexOf(configure) < build.IndexOf(buildStep));
        var upload = Step(build, "actions/upload-pages-artifact@");
        Assert.Equal("_site", With(upload, "path"));
        Assert.True(build.IndexOf(buildStep) < build.IndexOf(upload));

        var deploy = Map(Map(pages, "jobs"), "deploy");
        Assert.Equal("build", Scalar(deploy, "needs"));
        Assert.Equal("github-pages", Scalar(Map(deploy, "environment"), "name"));
        Assert.Equal("deployment", Scalar(Step(Steps(pages, "deploy"), "actions/deploy-pages@"), "id"));
    }

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("pages.yml")]
    public void EveryCommandAWorkflowRunsExistsAndParses(string workflow)
    {
        var jobs = Map(Load(workflow), "jobs");
        var commands = jobs.Children.Values.OfType<YamlMappingNode>()
            .SelectMany(job => job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) ? ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>() : [])
            .Where(step => Scalar(step, "run") is not null)
            .SelectMany(step => Scalar(step, "run")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(line => line.Split("&&", StringSplitOptions.TrimEntries))
                .Select(command => Expand(command, step)))
            .ToArray();

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var words = ShellWords(command);
            switch (words[0])
            {
                case "npm":
                    Assert.Equal("ci", words[1]);
                    var prefix = words[words.IndexOf("--prefix") + 1];
                    Assert.True(File.Exists(Repo.PathOf(prefix + "/package-lock.json")), $"{command}: no {prefix}/package-lock.json");
                    break;
                case "dotnet" when words[1] == "test":
                    Assert.True(File.Exists(Repo.PathOf(words[2])), $"{command}: no {words[2]}");
                    break;
                case "dotnet" when words[1] == "run":
                    var project = words[words.IndexOf("--project") + 1];
                    Assert.True(File.Exists(Repo.PathOf($"{project}/{Path.GetFileName(project)}.csproj")), $"{command}: no project {project}");
                    var args = words.Skip(words.IndexOf("--") + 1).ToArray();
                    var parse = SiteBuilderCommand.Create().Parse(args);
                    Assert.True(parse.Errors.Count == 0, $"{command}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
                    Assert.NotSame(parse.RootCommandResult.Command, parse.CommandResult.Command);
                    foreach (var option in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                    {
                        Assert.True(TestedOptions.ContainsKey($"{args[0]} {option}"), $"{command}: no test runs '{args[0]} {option}'");
                    }

                    break;
                default:
                    Assert.Fail($"{workflow} runs '{command}': only dotnet and npm are set up by the workflow");
                    break;
            }
        }
    }

    /// <summary>The events of a workflow's <c>on:</c>, written as one name, a list or a map.</summary>
    private static string[] Triggers(string workflow) => Load(workflow).Children[new YamlScalarNode("on")] switch
    {
        YamlScalarNode one => [Text(one)],
        YamlSequenceNode list => list.Children.Select(Text).ToArray(),
        YamlMappingNode map => map.Children.Keys.Select(Text).ToArray(),
        _ => [],
    };

    /// <summary>$NAME from the step's env, as the shell would expand it (the value a workflow expression gives is a sample).</summary>
    private static string Expand(string command, YamlMappingNode step)
    {
        if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            foreach (var (name, _) in Pairs((YamlMappingNode)env))
            {
                command = command.Replace("$" + name, "https://owner.github.io/repo", StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("$", command);
        return command;
    }

    /// <summary>Splits a command line into words: whitespace separates, double quotes group.</summary>
    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        Assert.False(quoted, $"unbalanced quotes in: {command}");
        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)Map(Map(workflow, "jobs"), job).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();

    private static YamlMappingNode Step(List<YamlMappingNode> steps, string uses) =>
        steps.Single(s => Scalar(s, "uses")?.StartsWith(uses, StringComparison.Ordinal) == true);

    private static string? With(YamlMappingNode step, string key) => Scalar(Map(step, "with"), key);

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string[] Seq(YamlMappingNode node, string key) => ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(Text).ToArray();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> Pairs(YamlMappingNode node) => node.Children.ToDictionary(p => Text(p.Key), p => Text(p.Value), StringComparer.Ordinal);

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
