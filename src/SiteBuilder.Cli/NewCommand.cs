using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Text;
using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Stages;
using SiteBuilder.Text;

namespace SiteBuilder.Cli;

/// <summary>
/// <c>sitebuilder new article</c> and <c>sitebuilder new entity</c>: write a correctly named input file with its metadata
/// filled in and YAML-escaped, so that it passes <c>check</c>. Never overwrites a file.
/// </summary>
internal static class NewCommand
{
    private static readonly string[] Kinds = ["person", "organization", "place", "event"];
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static Command Create()
    {
        var command = new ExampleCommand(
            "new",
            "Create a new input file with its metadata filled in: an article (new article) or an entity (new entity). Never overwrites a file.",
            "sitebuilder new article --title \"Trump halts talks\" --source \"NBC News\" --from ~/Downloads/article.txt",
            "sitebuilder new entity --name \"Keir Starmer\" --kind person --alias Starmer");
        command.Subcommands.Add(ArticleCommand());
        command.Subcommands.Add(EntityCommand());
        return command;
    }

    private static Command ArticleCommand()
    {
        var title = new Option<string>("--title") { Description = "The headline.", Required = true, HelpName = "text" };
        var source = new Option<string>("--source") { Description = "The publication's name, e.g. \"NBC News\".", Required = true, HelpName = "name" };
        var date = new Option<string?>("--date") { Description = "The publication date, YYYY-MM-DD (default: today, UTC).", HelpName = "YYYY-MM-DD" };
        var url = new Option<string?>("--url") { Description = "The article's address at the publication (source_url).", HelpName = "url" };
        var author = new Option<string?>("--author") { Description = "The author's name.", HelpName = "name" };
        var from = new Option<string?>("--from")
        {
            Description = "A text or Markdown file with the article text, used as the body ('-' reads standard input). The entities it mentions are listed.",
            HelpName = "file",
        };
        var slug = new Option<string?>("--slug") { Description = "The file name (and URL) without extension; default: made from the title.", HelpName = "slug" };
        var input = SiteBuilderCommand.InputOption();
        var command = new ExampleCommand(
            "article",
            "Write input/articles/<year>/<slug>.md with front matter (title, date, source, source_url, author) and the text of --from as its body, and list the entities found in it.",
            "sitebuilder new article --title \"Trump halts talks to call Putin\" --source \"NBC News\" --date 2025-03-18 --url https://www.nbcnews.com/… --from article.txt",
            "sitebuilder new article --title \"A headline: with a colon\" --source \"The Asia Live\"   # placeholder body to replace",
            "pbpaste | sitebuilder new article --title \"…\" --source \"…\" --from -")
        {
            title, source, date, url, author, from, slug, input,
        };
        command.SetAction((result, _) => SiteBuilderCommand.Guard(result, terminal => Task.FromResult(NewArticle(terminal, new ArticleRequest(
            result.GetValue(title)!, result.GetValue(source)!, result.GetValue(date), result.GetValue(url), result.GetValue(author),
            result.GetValue(from), result.GetValue(slug), result.GetValue(input)!)))));
        return command;
    }

    private static Command EntityCommand()
    {
        var name = new Option<string>("--name") { Description = "The entity's name as articles most often write it in full, e.g. \"Keir Starmer\".", Required = true, HelpName = "text" };
        var kind = new Option<string>("--kind") { Description = "What it is.", Required = true, HelpName = string.Join('|', Kinds) };
        kind.AcceptOnlyFromAmong(Kinds);
        var alias = new Option<string[]>("--alias")
        {
            Description = "Another name articles use for it, matched case-sensitively (repeat for several), e.g. --alias Starmer --alias \"Prime Minister Keir Starmer\".",
            HelpName = "text",
            AllowMultipleArgumentsPerToken = false,
        };
        var description = new Option<string?>("--description") { Description = "One line saying who or what it is.", HelpName = "text" };
        var id = new Option<string?>("--id") { Description = "The id (and file name); default: made from the name.", HelpName = "id" };
        var input = SiteBuilderCommand.InputOption();
        var command = new ExampleCommand(
            "entity",
            "Write input/entities/<id>.yml with name, kind, aliases and description, and the schema comment editors use.",
            "sitebuilder new entity --name \"Keir Starmer\" --kind person --alias Starmer --description \"Prime Minister of the United Kingdom.\"",
            "sitebuilder new entity --name \"European Union\" --kind organization --alias EU --alias \"the EU\"")
        {
            name, kind, alias, description, id, input,
        };
        command.SetAction((result, _) => SiteBuilderCommand.Guard(result, terminal => Task.FromResult(NewEntity(terminal, new EntityRequest(
            result.GetValue(name)!, result.GetValue(kind)!, result.GetValue(alias) ?? [], result.GetValue(description), result.GetValue(id), result.GetValue(input)!)))));
        return command;
    }

    internal sealed record ArticleRequest(string Title, string Source, string? Date, string? Url, string? Author, string? From, string? Slug, string Input);

    internal sealed record EntityRequest(string Name, string Kind, IReadOnlyList<string> Aliases, string? Description, string? Id, string Input);

    /// <summary>What a new article says when no --from text was given; check warns while it is still there (SB4010).</summary>
    internal static string PlaceholderBody => ParseArticles.PlaceholderBody;

    private static int NewArticle(Terminal terminal, ArticleRequest request)
    {
        var errors = new List<string>();
        var title = OneLine(request.Title, "--title", errors, required: true);
        var source = OneLine(request.Source, "--source", errors, required: true);
        var author = request.Author is null ? null : OneLine(request.Author, "--author", errors, required: false);
        if (title is { Length: > ParseArticles.MaxTitleLength })
        {
            errors.Add($"--title is {title.Length:N0} characters; the limit is {ParseArticles.MaxTitleLength:N0}.");
        }

        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        if (request.Date is not null && !DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add($"--date '{request.Date}' is not a valid date; write it as YYYY-MM-DD, e.g. 2025-03-18.");
        }

        var url = request.Url?.Trim();
        if (url is not null && !SafeUrls.IsAbsoluteHttp(url))
        {
            errors.Add($"--url '{request.Url}' must be an absolute http(s) URL, e.g. https://www.example.com/news/article.");
        }

        var slug = request.Slug?.Trim() ?? (title is null ? null : Identifiers.Slugify(title));
        if (slug is not null && !Identifiers.IsValid(slug))
        {
            errors.Add(request.Slug is null
                ? $"The title gives no usable file name ('{slug}'); pass one with --slug, e.g. --slug trump-halts-talks."
                : $"--slug '{request.Slug}' must match [a-z0-9]+(-[a-z0-9]+)* (lowercase letters, digits, single hyphens), at most {Identifiers.MaxLength} characters.");
        }

        string? body = null;
        if (request.From is not null)
        {
            body = ReadBody(request.From, errors);
        }

        if (!CheckInputFolder(request.Input, errors) || errors.Count > 0 || title is null || source is null || slug is null)
        {
            return Fail(terminal, errors);
        }

        var articles = Path.Combine(request.Input, "articles");
        var existing = Directory.Exists(articles)
            ? Directory.EnumerateFiles(articles, "*", SearchOption.AllDirectories)
                .Where(f => ReadInputFiles.IsBody(f) || ReadInputFiles.IsYaml(f))
                .Where(f => string.Equals(Path.GetFileNameWithoutExtension(f), slug, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        var path = Path.Combine(articles, date.Year.ToString(CultureInfo.InvariantCulture), slug + ".md");
        if (existing is not null)
        {
            return Fail(terminal, [File.Exists(path)
                ? $"{Display(path)} already exists; nothing was written. Edit that file, or choose another --slug."
                : $"An article with the slug '{slug}' already exists: {Display(existing)}. Slugs are URLs (articles/{slug}/) and must be unique; choose another --slug. Nothing was written."]);
        }

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(YamlText.Quote(title)).Append('\n');
        text.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("source: ").Append(YamlText.Quote(source)).Append('\n');
        if (url is not null)
        {
            text.Append("source_url: ").Append(YamlText.Quote(url)).Append('\n');
        }

        if (!string.IsNullOrEmpty(author))
        {
            text.Append("author: ").Append(YamlText.Quote(author)).Append('\n');
        }

        text.Append("---\n");
        text.Append(body ?? PlaceholderBody + "\n");
        if (!TryCreate(terminal, path, text.ToString()))
        {
            return SiteBuilderCommand.Failure;
        }

        terminal.Out.Write($"Created {Display(path)}\n");
        if (date > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            terminal.Out.Write($"Note: {date:yyyy-MM-dd} is in the future; check will warn (SB3003) until it is past.\n");
        }

        if (body is null)
        {
            terminal.Out.Write("The body is a placeholder: replace it with the article text (Markdown; paragraphs separated by blank lines). check warns (SB4010) until you do.\n");
        }
        else
        {
            ReportMentions(terminal, request.Input, body);
        }

        terminal.Out.Write($"Next: sitebuilder check{InputArgument(request.Input)}\n");
        return SiteBuilderCommand.Success;
    }

    private static int NewEntity(Terminal terminal, EntityRequest request)
    {
        var errors = new List<string>();
        var name = OneLine(request.Name, "--name", errors, required: true);
        var description = request.Description is null ? null : OneLine(request.Description, "--description", errors, required: false);
        if (!Kinds.Contains(request.Kind, StringComparer.Ordinal))
        {
            errors.Add($"--kind '{request.Kind}' must be one of {string.Join(", ", Kinds)}.");
        }

        var aliases = new List<string>();
        foreach (var alias in request.Aliases)
        {
            var value = OneLine(alias, "--alias", errors, required: true);
            if (value is not null && value != name && !aliases.Contains(value, StringComparer.Ordinal))
            {
                aliases.Add(value);
            }
        }

        var id = request.Id?.Trim() ?? (name is null ? null : Identifiers.Slugify(name));
        if (id is not null && !Identifiers.IsValid(id))
        {
            errors.Add(request.Id is null
                ? $"The name gives no usable id ('{id}'); pass one with --id, e.g. --id keir-starmer."
                : $"--id '{request.Id}' must match [a-z0-9]+(-[a-z0-9]+)* (lowercase letters, digits, single hyphens), at most {Identifiers.MaxLength} characters.");
        }

        if (!CheckInputFolder(request.Input, errors) || errors.Count > 0 || name is null || id is null)
        {
            return Fail(terminal, errors);
        }

        var folder = Path.Combine(request.Input, "entities");
        var path = Path.Combine(folder, id + ".yml");
        var existing = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => ReadInputFiles.IsYaml(f) && string.Equals(Path.GetFileNameWithoutExtension(f), id, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (existing is not null)
        {
            return Fail(terminal, [$"An entity with the id '{id}' already exists: {Display(existing)}; nothing was written. Edit that file, or choose another --id."]);
        }

        var catalog = ReadCatalog(request.Input);
        var text = new StringBuilder();
        text.Append("# yaml-language-server: $schema=").Append(SchemaReference(folder)).Append('\n');
        text.Append("name: ").Append(YamlText.Quote(name)).Append('\n');
        text.Append("kind: ").Append(request.Kind).Append('\n');
        if (aliases.Count > 0)
        {
            text.Append("aliases:\n");
            foreach (var alias in aliases)
            {
                text.Append("  - ").Append(YamlText.Quote(alias)).Append('\n');
            }
        }

        if (!string.IsNullOrEmpty(description))
        {
            text.Append("description: ").Append(YamlText.Quote(description)).Append('\n');
        }

        if (!TryCreate(terminal, path, text.ToString()))
        {
            return SiteBuilderCommand.Failure;
        }

        terminal.Out.Write($"Created {Display(path)}\n");
        foreach (var candidate in aliases.Prepend(name))
        {
            var owner = catalog.FirstOrDefault(e => e.Name == candidate || e.Aliases.Contains(candidate));
            if (owner is not null)
            {
                terminal.Out.Write($"Warning: '{candidate}' is also a name of '{owner.Id}'; it will be ambiguous and link to neither (SB2005).\n");
            }

            if (CommonWords.Contains(candidate))
            {
                terminal.Out.Write($"Warning: '{candidate}' is a common lowercase word and would match ordinary text (SB2006).\n");
            }
        }

        terminal.Out.Write($"Next: sitebuilder check{InputArgument(request.Input)}\n");
        return SiteBuilderCommand.Success;
    }

    /// <summary>Lists the entities of the catalog the text names, in order of first mention, as the build will find them.</summary>
    private static void ReportMentions(Terminal terminal, string input, string body)
    {
        var entities = ReadCatalog(input);
        var matches = MentionMatcher.Create(entities).Find(body);
        var found = matches.Where(m => !m.IsAmbiguous).GroupBy(m => m.Entity).Select(g => (Entity: entities[g.Key], Count: g.Count())).ToList();
        var ambiguous = matches.Where(m => m.IsAmbiguous).Select(m => body.Substring(m.Start, m.Length)).Distinct(StringComparer.Ordinal).ToList();
        if (found.Count == 0)
        {
            terminal.Out.Write("No entity of the catalog is mentioned in the text; check will warn (SB4003). Add entities with 'sitebuilder new entity', or list ids under 'entities:'.\n");
        }
        else
        {
            terminal.Out.Write($"Detected {found.Count} {(found.Count == 1 ? "entity" : "entities")} in the text (linked automatically when the site is built):\n");
            var width = found.Max(f => f.Entity.Id.Length);
            foreach (var (entity, count) in found)
            {
                var kind = entity.Kind.ToString().ToLowerInvariant();
                terminal.Out.Write($"  {entity.Id.PadRight(width)}  {entity.Name} ({kind}), {count} {(count == 1 ? "mention" : "mentions")}\n");
            }
        }

        if (ambiguous.Count > 0)
        {
            terminal.Out.Write($"Ambiguous (claimed by two entities, not linked): {string.Join(", ", ambiguous.Select(a => $"'{a}'"))}\n");
        }
    }

    /// <summary>The entities of the input folder, read as check reads them (symbolic links not followed); problems are left to check.</summary>
    private static EquatableArray<Entity> ReadCatalog(string input) =>
        ParseEntities.Run(ReadInputFiles.Run(input, Environment.CurrentDirectory).Files.Entities).Entities;

    private static string? ReadBody(string from, List<string> errors)
    {
        byte[] bytes;
        try
        {
            if (from == "-")
            {
                using var stdin = Console.OpenStandardInput();
                using var memory = new MemoryStream();
                stdin.CopyTo(memory);
                bytes = memory.ToArray();
            }
            else if (!File.Exists(from))
            {
                errors.Add($"--from '{from}': no such file.");
                return null;
            }
            else
            {
                bytes = File.ReadAllBytes(from);
            }
        }
        catch (IOException ex)
        {
            errors.Add($"--from '{from}' could not be read: {ex.Message}");
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add($"--from '{from}' could not be read: {ex.Message}");
            return null;
        }

        if (bytes.Length > ReadInputFiles.MaxBodyBytes)
        {
            errors.Add($"--from '{from}' is {bytes.Length:N0} bytes; an article body may be at most {ReadInputFiles.MaxBodyBytes:N0} bytes.");
            return null;
        }

        var diagnostics = new ConcurrentBag<Diagnostic>();
        var text = ReadInputFiles.Decode(bytes, from, diagnostics);
        if (text is null)
        {
            errors.AddRange(diagnostics.Select(d => $"--from {d.Location}: {d.Message}"));
            return null;
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            errors.Add($"--from '{from}' has no text.");
            return null;
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A trimmed single-line value: no control characters or unpaired surrogates, non-empty when required.</summary>
    private static string? OneLine(string value, string option, List<string> errors, bool required)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                errors.Add($"{option} must not be empty.");
            }

            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            errors.Add($"{option} must be one line of text, without control characters.");
            return null;
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsSurrogate(trimmed[i]) && !(char.IsHighSurrogate(trimmed[i]) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[++i])))
            {
                errors.Add($"{option} contains an invalid character.");
                return null;
            }
        }

        return trimmed.Normalize(NormalizationForm.FormC);
    }

    private static bool CheckInputFolder(string input, List<string> errors)
    {
        if (Directory.Exists(input))
        {
            return true;
        }

        errors.Add($"The input folder '{input}' does not exist; run from the repository root or pass --input.");
        return false;
    }

    /// <summary>Creates the file, refusing to replace one that appeared meanwhile.</summary>
    private static bool TryCreate(Terminal terminal, string path, string text)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Utf8NoBom.GetBytes(text));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            terminal.Error.Write($"{Display(path)} already exists; nothing was written.\n");
            return false;
        }
    }

    /// <summary>The $schema path from <paramref name="folder"/> to schema/entity.schema.json of the repository holding it (or the usual ../../schema/…).</summary>
    private static string SchemaReference(string folder)
    {
        var full = Path.GetFullPath(folder);
        for (var directory = new DirectoryInfo(full).Parent; directory is not null; directory = directory.Parent)
        {
            var schema = Path.Combine(directory.FullName, "schema", "entity.schema.json");
            if (File.Exists(schema))
            {
                return Path.GetRelativePath(full, schema).Replace('\\', '/');
            }
        }

        return "../../schema/entity.schema.json";
    }

    private static int Fail(Terminal terminal, IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            terminal.Error.Write("error: " + error + "\n");
        }

        return SiteBuilderCommand.Failure;
    }

    private static string InputArgument(string input) =>
        string.Equals(Path.GetFullPath(input), Path.GetFullPath("input"), StringComparison.Ordinal) ? "" : $" --input {input}";

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
