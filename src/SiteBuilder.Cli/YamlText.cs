using System.Globalization;
using System.Text;

namespace SiteBuilder.Cli;

/// <summary>Writes YAML scalars that read back as exactly the string given, whatever it contains.</summary>
internal static class YamlText
{
    /// <summary>
    /// A double-quoted YAML scalar: the only style in which every string can be written on one line.
    /// '\' and '"' are escaped, and so is every character YAML does not allow raw (C0/C1 controls, DEL, NEL,
    /// the line and paragraph separators, a BOM), using the escapes of YAML 1.2 §5.7.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\0': builder.Append(@"\0"); break;
                case '\a': builder.Append(@"\a"); break;
                case '\b': builder.Append(@"\b"); break;
                case '\t': builder.Append(@"\t"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\v': builder.Append(@"\v"); break;
                case '\f': builder.Append(@"\f"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\u001b': builder.Append(@"\e"); break;
                case '\u0085': builder.Append(@"\N"); break;
                case '\u2028': builder.Append(@"\L"); break;
                case '\u2029': builder.Append(@"\P"); break;
                case '\uFEFF': builder.Append(@"\uFEFF"); break;
                default:
                    if (c < ' ' || c is >= '\u007f' and <= '\u009f')
                    {
                        builder.Append(@"\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
