using System.Globalization;
using SiteBuilder.Model;

namespace SiteBuilder.Theme.Components;

/// <summary>How the theme writes dates, numbers and kinds: always with the invariant culture, never the machine's.</summary>
internal static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // A page lists dozens of dates, a build writes hundreds of thousands, and an archive has a few thousand days: each
    // day's three texts are formatted once (custom date formats are slow). Bounded for the preview server's sake.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string[]> Dates = new();

    /// <summary>"2025-02-28", for <c>datetime</c> attributes.</summary>
    public static string IsoDate(DateOnly date) => DateTexts(date)[0];

    /// <summary>"28 February 2025".</summary>
    public static string LongDate(DateOnly date) => DateTexts(date)[1];

    /// <summary>"28 Feb 2025".</summary>
    public static string ShortDate(DateOnly date) => DateTexts(date)[2];

    private static string[] DateTexts(DateOnly date)
    {
        if (Dates.TryGetValue(date.DayNumber, out var texts))
        {
            return texts;
        }

        if (Dates.Count >= 65_536)
        {
            Dates.Clear();
        }

        return Dates[date.DayNumber] = [date.ToString("yyyy-MM-dd", Invariant), date.ToString("d MMMM yyyy", Invariant), date.ToString("d MMM yyyy", Invariant)];
    }

    /// <summary>"2025-02", for <c>datetime</c> attributes of a month.</summary>
    public static string IsoMonth(int year, int month) => string.Create(Invariant, $"{year:D4}-{month:D2}");

    /// <summary>"February".</summary>
    public static string MonthName(int month) => Invariant.DateTimeFormat.GetMonthName(month);

    /// <summary>"Feb".</summary>
    public static string MonthAbbreviation(int month) => Invariant.DateTimeFormat.GetAbbreviatedMonthName(month);

    /// <summary>"February 2025".</summary>
    public static string MonthYear(int year, int month) => MonthName(month) + " " + Number(year, grouping: false);

    /// <summary>"1,234" (or "2025" without grouping).</summary>
    public static string Number(int value, bool grouping = true) =>
        value is >= 0 and < 1000 ? value.ToString(Invariant) : value.ToString(grouping ? "N0" : "D", Invariant); // no separator below 1,000: the plain (fast) format

    /// <summary>"1 article", "3 articles".</summary>
    public static string Count(int value, string singular, string plural) => Number(value) + " " + (value == 1 ? singular : plural);

    /// <summary>"person", "organization": CSS classes and anchors.</summary>
    public static string KindSlug(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Organization => "organization",
        EntityKind.Place => "place",
        EntityKind.Event => "event",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"Person".</summary>
    public static string KindLabel(EntityKind kind) => kind switch
    {
        EntityKind.Person => "Person",
        EntityKind.Organization => "Organization",
        EntityKind.Place => "Place",
        EntityKind.Event => "Event",
        _ => kind.ToString(),
    };

    /// <summary>"People".</summary>
    public static string KindPlural(EntityKind kind) => kind switch
    {
        EntityKind.Person => "People",
        EntityKind.Organization => "Organizations",
        EntityKind.Place => "Places",
        EntityKind.Event => "Events",
        _ => kind.ToString(),
    };

    /// <summary>The document title: "Page — Site", or just the site's title for the home page.</summary>
    public static string DocumentTitle(string pageTitle, string siteTitle) =>
        string.IsNullOrWhiteSpace(pageTitle) || string.Equals(pageTitle, siteTitle, StringComparison.Ordinal)
            ? siteTitle
            : pageTitle + " \u2014 " + siteTitle;

    /// <summary>Only http(s) URLs become external links, so a stray "javascript:" in the input can never be clicked.</summary>
    public static bool IsWebUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Escapes a value for a double-quoted attribute written as literal markup.</summary>
    public static string Attribute(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
