using System.CommandLine;
using SiteBuilder.Cli;

return await SiteBuilderCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
