using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace SiteBuilder.Cli;

/// <summary>A command whose <c>--help</c> ends with an "Examples:" section.</summary>
internal interface IHasExamples
{
    IReadOnlyList<string> Examples { get; }
}

/// <summary>A subcommand with examples. The description stays one paragraph, so the parent's command list stays short.</summary>
internal sealed class ExampleCommand(string name, string description, params string[] examples) : Command(name, description), IHasExamples
{
    public IReadOnlyList<string> Examples { get; } = examples;
}

/// <summary>The root command with examples.</summary>
internal sealed class ExampleRootCommand(string description, params string[] examples) : RootCommand(description), IHasExamples
{
    public IReadOnlyList<string> Examples { get; } = examples;
}

/// <summary>The standard help, then the command's examples, written to the invocation's output.</summary>
internal sealed class HelpWithExamplesAction(CommandLineAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
        if (parseResult.CommandResult.Command is IHasExamples { Examples.Count: > 0 } command)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.Write("Examples:\n");
            foreach (var example in command.Examples)
            {
                output.Write("  " + example + "\n");
            }

            output.Write("\n");
        }

        return code;
    }

    /// <summary>Replaces the root's (recursive) help option action, so every command's help gets its examples.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction(help.Action ?? new HelpAction());
    }
}

/// <summary>
/// <c>--version</c>: the informational version of this tool (e.g. 0.1.0+commit), whatever process hosts it. The standard
/// action prints the entry assembly's, which is the test host's when the command runs in-process.
/// </summary>
internal sealed class ToolVersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(ToolVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersionAction).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(Version + "\n");
        return 0;
    }

    public static void Install(RootCommand root) => root.Options.OfType<VersionOption>().Single().Action = new ToolVersionAction();
}
