namespace SiteBuilder.BrowserTests;

/// <summary>
/// Debian's Chromium, which the tests drive (Playwright never downloads a browser here). Without it the tests are skipped
/// with a reason, except in CI (<c>CI=true</c>), where they run and fail saying what is missing.
/// </summary>
internal static class Chromium
{
    /// <summary>Debian's <c>/usr/bin/chromium</c>, or the browser SITEBUILDER_CHROMIUM names (another distribution's path).</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("SITEBUILDER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static string? SkipReason => IsInstalled || IsCi
        ? null
        : $"Chromium is not installed at {ExecutablePath} (Debian: apt-get install chromium). Browser tests are skipped outside CI; with CI=true they are required.";

    public static string MissingInCi =>
        $"CI=true and Chromium is missing at {ExecutablePath}: the browser tests are required in CI. Install Debian's chromium package (.ci/run does: apt-get install chromium).";
}

/// <summary>A fact that needs Chromium: skipped with a clear reason when it is absent outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs Chromium: skipped with a clear reason when it is absent outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
