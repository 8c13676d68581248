namespace SiteBuilder.Tests.Contributors;

/// <summary>
/// Mistakes in site.yml, which stop a check before articles are linked (so they cannot share the mistakes corpus's run):
/// each is still reported at its line and column, all in one run.
/// </summary>
public class SiteConfigTests
{
    [Fact]
    public async Task MissingSiteYmlIsReportedAtTheFileItShouldBe()
    {
        using var input = new TestInput(withSite: false);

        var result = await Cli.RunAsync("check", "--input", input.InputDirectory, "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        var shown = input.InputDirectory.Replace('\\', '/');
        Assert.Equal($"{shown}/site.yml(1,1): error SB1003: No site.yml in the input folder '{shown}'\n", result.Output);
    }

    [Fact]
    public async Task MissingTitleAndRelativeBaseUrlAreReportedTogether()
    {
        using var input = new TestInput(withSite: false);
        input.Write("site.yml", "description: No title, and a base_url that is not absolute.\nbase_url: /archive/\n");

        var result = await Cli.RunAsync("check", "--input", input.InputDirectory, "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        var site = input.InputDirectory.Replace('\\', '/') + "/site.yml";
        Assert.Equal(
            $"{site}(1,1): error SB1004: site.yml needs a 'title' field\n"
            + $"{site}(2,11): error SB1005: base_url '/archive/' must be an absolute http(s) URL, e.g. https://owner.github.io/archive/\n",
            result.Output);
    }

    [Fact]
    public async Task EmptyRequiredSiteFieldIsReportedAtItsValue()
    {
        using var input = new TestInput(withSite: false);
        input.Write("site.yml", "title: \"  \"\nbase_url: https://example.org/\n");

        var result = await Cli.RunAsync("check", "--input", input.InputDirectory, "--format", "msbuild");

        Assert.Equal($"{input.InputDirectory.Replace('\\', '/')}/site.yml(1,8): error SB1020: 'title' is required and must not be empty\n", result.Output);
    }
}
