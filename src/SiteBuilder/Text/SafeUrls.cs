namespace SiteBuilder.Text;

/// <summary>URL rules for anything that comes from input: only http, https, mailto and relative URLs are links.</summary>
public static class SafeUrls
{
    public static bool IsAbsoluteHttp(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !url.Any(char.IsControl);

    /// <summary>
    /// True when a link destination is safe: http(s), mailto, or relative (no scheme). Control characters and
    /// whitespace are ignored when looking for the scheme, as browsers do (so "java\tscript:" is caught).
    /// </summary>
    public static bool IsSafeLink(string url)
    {
        var scheme = new System.Text.StringBuilder();
        foreach (var c in url)
        {
            if (c <= ' ' || char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u00AD' or '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (c == ':')
            {
                var name = scheme.ToString().ToLowerInvariant();
                return name.Length == 0 || !char.IsAsciiLetter(name[0]) || name is "http" or "https" or "mailto";
            }

            if (c is '/' or '?' or '#' || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                // No scheme before the first path, query or fragment delimiter: a relative URL.
                return true;
            }

            scheme.Append(c);
        }

        return true;
    }
}
