namespace SiteBuilder.Text;

/// <summary>Finds sentence boundaries in prose, for mention context and default summaries.</summary>
internal static class Sentences
{
    private static readonly string[] Abbreviations = ["Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Prof", "Lt", "Col", "Capt", "vs", "No", "Inc", "Ltd", "Co", "Corp", "Dept", "Mt", "Ft", "e.g", "i.e", "etc"];

    /// <summary>The [start, end) of the sentence that contains [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static (int Start, int End) Around(ReadOnlySpan<char> text, int start, int end)
    {
        var sentenceStart = 0;
        for (var i = start - 1; i > 0; i--)
        {
            if (IsBoundaryAfter(text, i))
            {
                sentenceStart = i;
                break;
            }
        }

        var sentenceEnd = text.Length;
        for (var i = end; i < text.Length; i++)
        {
            if (IsBoundaryAfter(text, i))
            {
                sentenceEnd = i;
                break;
            }
        }

        while (sentenceStart < start && char.IsWhiteSpace(text[sentenceStart]))
        {
            sentenceStart++;
        }

        while (sentenceEnd > end && char.IsWhiteSpace(text[sentenceEnd - 1]))
        {
            sentenceEnd--;
        }

        return (sentenceStart, sentenceEnd);
    }

    /// <summary>The text up to the last sentence end at or before <paramref name="maxLength"/>; cut at a word with "…" when no sentence fits.</summary>
    public static string Truncate(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        for (var i = maxLength; i > maxLength / 3; i--)
        {
            if (IsBoundaryAfter(text, i))
            {
                return text[..i].TrimEnd();
            }
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return (cut > maxLength / 2 ? text[..cut] : text[..(maxLength - 1)]).TrimEnd(',', ';', ':', ' ', '-') + "…";
    }

    /// <summary>True when position <paramref name="i"/> is whitespace that ends a sentence (after . ! ? and closing quotes).</summary>
    private static bool IsBoundaryAfter(ReadOnlySpan<char> text, int i)
    {
        if (i <= 0 || i >= text.Length || !char.IsWhiteSpace(text[i]))
        {
            return false;
        }

        var j = i - 1;
        while (j >= 0 && text[j] is '"' or '\'' or '”' or '’' or ')' or ']')
        {
            j--;
        }

        if (j < 0 || text[j] is not ('.' or '!' or '?' or '…'))
        {
            return false;
        }

        if (text[j] != '.')
        {
            return true;
        }

        // "U.S. President", "J. Smith", "Mr. Smith": a period after a lone capital or a known abbreviation ends nothing.
        var wordStart = j;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }

        var word = text.Slice(wordStart, j - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (word.Length >= 2 && word[^2] == '.' && char.IsUpper(word[^1]))
        {
            return false;
        }

        foreach (var abbreviation in Abbreviations)
        {
            if (word.SequenceEqual(abbreviation))
            {
                return false;
            }
        }

        return true;
    }
}
