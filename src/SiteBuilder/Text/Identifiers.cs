namespace SiteBuilder;

/// <summary>Rules for slugs and entity ids: <c>[a-z0-9]+(-[a-z0-9]+)*</c>, at most 100 characters.</summary>
public static class Identifiers
{
    public const int MaxLength = 100;

    public static bool IsValid(string value)
    {
        if (value.Length is 0 or > MaxLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '-')
            {
                if (value[i - 1] == '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Makes a valid identifier from free text ("Fox News" → "fox-news"); empty when nothing is left.</summary>
    public static string Slugify(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
            {
                continue;
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }
}
