using System.Diagnostics;
using System.Globalization;
using SiteBuilder.CorpusGenerator;

const string Usage = """
    Generates a deterministic news-archive corpus in SiteBuilder's input format.

    Usage: SiteBuilder.CorpusGenerator --output DIR [--articles N] [--entities M] [--seed S] [--words W] [--zipf X] [--sources K]

      --output DIR    the input folder to write (site.yml, entities/, articles/); its entities/ and articles/ are replaced
      --articles N    number of articles (default 1000)
      --entities M    number of entities (default 300)
      --seed S        seed of the random generator (default 1); the same arguments give the same bytes
      --words W       approximate words per article (default 700)
      --zipf X        exponent of the Zipf distribution of mentions (default 1.0)
      --sources K     number of publications (default 20)
    """;

var options = new CorpusOptions();
string? output = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
        int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--output" or "-o":
                output = Value();
                break;
            case "--articles":
                options = options with { Articles = Int() };
                break;
            case "--entities":
                options = options with { Entities = Int() };
                break;
            case "--seed":
                options = options with { Seed = Int() };
                break;
            case "--words":
                options = options with { WordsPerArticle = Int() };
                break;
            case "--sources":
                options = options with { Sources = Int() };
                break;
            case "--zipf":
                options = options with { ZipfExponent = double.Parse(Value(), CultureInfo.InvariantCulture) };
                break;
            case "--help" or "-h":
                Console.Out.Write(Usage + "\n");
                return 0;
            default:
                throw new FormatException($"unknown argument '{args[i]}'");
        }
    }
}
catch (FormatException ex)
{
    Console.Error.Write($"error: {ex.Message}\n\n{Usage}\n");
    return 2;
}

if (output is null)
{
    Console.Error.Write($"error: --output is required\n\n{Usage}\n");
    return 2;
}

var clock = Stopwatch.StartNew();
var summary = CorpusGenerator.Generate(output, options);
Console.Out.Write(string.Create(CultureInfo.InvariantCulture,
    $"Generated {summary.Articles} articles, {summary.Entities} entities ({summary.Files} files, {summary.Bytes / 1024.0 / 1024.0:0.0} MiB; {summary.Mentions} mentions, {summary.ExternalLinks} external and {summary.InternalLinks} internal links) in {clock.Elapsed.TotalSeconds:0.00} s → {output}\n"));
return 0;
