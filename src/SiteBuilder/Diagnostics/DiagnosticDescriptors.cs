namespace SiteBuilder.Diagnostics;

/// <summary>
/// The one catalogue of diagnostics. IDs are stable and never reused; each range belongs to one area:
/// SB1xxx input files and site.yml, SB2xxx entities, SB3xxx article metadata, SB4xxx article bodies,
/// SB5xxx links, SB6xxx output. Every ID has a section in docs/diagnostics.md.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Input = "Input";
    private const string Site = "Site";
    private const string Entities = "Entities";
    private const string Metadata = "Metadata";
    private const string Body = "Body";
    private const string Links = "Links";
    private const string Output = "Output";

    // SB1xxx: input files and site configuration
    public static readonly DiagnosticDescriptor YamlSyntax = new("SB1001", "YAML syntax error", "YAML syntax error: {0}", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor InvalidUtf8 = new("SB1002", "File is not valid UTF-8", "The file is not valid UTF-8 (first invalid byte at offset {0}); save it as UTF-8", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor SiteConfigMissing = new("SB1003", "site.yml is missing", "No site.yml in the input folder '{0}'", DiagnosticSeverity.Error, Site);
    public static readonly DiagnosticDescriptor SiteFieldMissing = new("SB1004", "Required site field missing", "site.yml needs a '{0}' field", DiagnosticSeverity.Error, Site);
    public static readonly DiagnosticDescriptor InvalidBaseUrl = new("SB1005", "Invalid base_url", "base_url '{0}' must be an absolute http(s) URL, e.g. https://owner.github.io/archive/", DiagnosticSeverity.Error, Site);
    public static readonly DiagnosticDescriptor UnknownSiteField = new("SB1006", "Unknown site field", "Unknown field '{0}' in site.yml{1}", DiagnosticSeverity.Warning, Site);
    public static readonly DiagnosticDescriptor SymlinkSkipped = new("SB1007", "Symbolic link not followed", "'{0}' is a symbolic link; links in the input are not followed", DiagnosticSeverity.Warning, Input);
    public static readonly DiagnosticDescriptor FileTooLarge = new("SB1008", "File too large", "The file is {0:N0} bytes; the limit for this kind of file is {1:N0} bytes", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor UnexpectedFile = new("SB1009", "File ignored", "'{0}' is not an article, a sidecar or an entity file and is ignored", DiagnosticSeverity.Warning, Input);
    public static readonly DiagnosticDescriptor InvalidDiagnosticOverride = new("SB1010", "Invalid diagnostic override", "Diagnostic override '{0}: {1}' is invalid: use an SB#### id and one of error, warning, info, none", DiagnosticSeverity.Warning, Site);
    public static readonly DiagnosticDescriptor WrongFieldType = new("SB1011", "Field has the wrong type", "'{0}' must be {1}", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor YamlTooComplex = new("SB1012", "YAML too deep or too large", "YAML document is too complex: {0}", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor NulCharacter = new("SB1013", "NUL character in file", "The file contains a NUL character at line {0}; text files must not contain NUL", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor InvalidLanguage = new("SB1014", "Invalid language", "language '{0}' is not a language tag such as en or en-GB", DiagnosticSeverity.Error, Site);
    public static readonly DiagnosticDescriptor EmptyRequiredField = new("SB1020", "Required field is empty", "'{0}' is required and must not be empty", DiagnosticSeverity.Error, Input);
    public static readonly DiagnosticDescriptor DuplicateField = new("SB1021", "Field given twice", "'{0}' is given twice (first on line {1}); YAML allows each field once, so keep one", DiagnosticSeverity.Error, Input);

    // SB2xxx: entities
    public static readonly DiagnosticDescriptor EntityFieldMissing = new("SB2001", "Required entity field missing", "Entity '{0}' needs a '{1}' field", DiagnosticSeverity.Error, Entities);
    public static readonly DiagnosticDescriptor InvalidEntityKind = new("SB2002", "Unknown entity kind", "'{0}' is not an entity kind; use person, organization, place or event", DiagnosticSeverity.Error, Entities);
    public static readonly DiagnosticDescriptor InvalidEntityId = new("SB2003", "Invalid entity id", "Entity id '{0}' (the file name) must match [a-z0-9]+(-[a-z0-9]+)*", DiagnosticSeverity.Error, Entities);
    public static readonly DiagnosticDescriptor DuplicateEntityId = new("SB2004", "Duplicate entity id", "Entity id '{0}' is also defined by '{1}'", DiagnosticSeverity.Error, Entities);
    public static readonly DiagnosticDescriptor AmbiguousAlias = new("SB2005", "Alias claimed by two entities", "'{0}' is a name or alias of both '{1}' and '{2}'; it is ambiguous and links to neither", DiagnosticSeverity.Warning, Entities);
    public static readonly DiagnosticDescriptor CommonWordAlias = new("SB2006", "Alias is a common word", "Alias '{0}' is a common lowercase word and will match ordinary text", DiagnosticSeverity.Warning, Entities);
    public static readonly DiagnosticDescriptor EntityNeverMentioned = new("SB2007", "Entity not mentioned", "No article mentions entity '{0}'", DiagnosticSeverity.Info, Entities);
    public static readonly DiagnosticDescriptor UnknownEntityField = new("SB2008", "Unknown entity field", "Unknown field '{0}' in entity file{1}", DiagnosticSeverity.Warning, Entities);
    public static readonly DiagnosticDescriptor InvalidEntityLink = new("SB2009", "Invalid entity link", "Link '{0}' must be an absolute http(s) URL", DiagnosticSeverity.Error, Entities);
    public static readonly DiagnosticDescriptor EmptyAlias = new("SB2010", "Empty alias", "An alias must not be empty", DiagnosticSeverity.Warning, Entities);

    // SB3xxx: article metadata
    public static readonly DiagnosticDescriptor ArticleFieldMissing = new("SB3001", "Required article field missing", "The article needs a '{0}' field", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor InvalidDate = new("SB3002", "Invalid date", "'{0}' is not a valid date; write it as YYYY-MM-DD", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor FutureDate = new("SB3003", "Date in the future", "Date {0} is in the future", DiagnosticSeverity.Warning, Metadata);
    public static readonly DiagnosticDescriptor UnknownEntityId = new("SB3004", "Unknown entity id", "No entity has the id '{0}'{1}", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor UnknownArticleField = new("SB3005", "Unknown article field", "Unknown field '{0}'{1}", DiagnosticSeverity.Warning, Metadata);
    public static readonly DiagnosticDescriptor InvalidSlug = new("SB3006", "Invalid slug", "Slug '{0}' (the file name) must match [a-z0-9]+(-[a-z0-9]+)*", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor DuplicateSlug = new("SB3007", "Duplicate slug", "Slug '{0}' is also used by '{1}'; both would be published at articles/{0}/, so rename one file", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor MissingMetadata = new("SB3008", "Article has no metadata", "'{0}' has neither front matter nor a sidecar .yml file", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor InvalidSourceUrl = new("SB3009", "Invalid source_url", "source_url '{0}' must be an absolute http(s) URL", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor UnterminatedFrontMatter = new("SB3010", "Front matter not closed", "Front matter starts with '---' but has no closing '---' line", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor TwoBodies = new("SB3011", "Two body files for one sidecar", "The sidecar belongs to both '{0}' and '{1}'; keep one body file", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor OrphanSidecar = new("SB3012", "Sidecar without body", "'{0}' has no body file (.md or .txt) of the same name", DiagnosticSeverity.Error, Metadata);

    public static readonly DiagnosticDescriptor MetadataTwice = new("SB3013", "Metadata given twice", "'{0}' has front matter and a sidecar '{1}'; keep one", DiagnosticSeverity.Error, Metadata);
    public static readonly DiagnosticDescriptor TitleTooLong = new("SB3014", "Title too long", "The title is {0:N0} characters; the limit is {1:N0}", DiagnosticSeverity.Error, Metadata);

    // SB4xxx: article bodies
    public static readonly DiagnosticDescriptor RawHtml = new("SB4001", "Raw HTML is not rendered", "Raw HTML '{0}' is not rendered; use Markdown instead", DiagnosticSeverity.Warning, Body);
    public static readonly DiagnosticDescriptor BodyTooLarge = new("SB4002", "Body too large", "The body is {0:N0} bytes; the limit is {1:N0} bytes", DiagnosticSeverity.Error, Body);
    public static readonly DiagnosticDescriptor NoEntityMentioned = new("SB4003", "Article mentions no entity", "The article mentions no known entity; add entities to input/entities/ or list ids under 'entities'", DiagnosticSeverity.Warning, Body);
    public static readonly DiagnosticDescriptor UnsafeLink = new("SB4004", "Unsafe link removed", "Link to '{0}' uses a scheme other than http, https or mailto and is not rendered as a link", DiagnosticSeverity.Warning, Body);
    public static readonly DiagnosticDescriptor EmptyBody = new("SB4005", "Empty body", "The article has no body text", DiagnosticSeverity.Error, Body);
    public static readonly DiagnosticDescriptor PlaceholderBody = new("SB4010", "Placeholder body", "The body is still the placeholder 'sitebuilder new article' wrote; replace it with the article text", DiagnosticSeverity.Warning, Body);

    // SB5xxx: links
    public static readonly DiagnosticDescriptor BrokenInternalLink = new("SB5001", "Internal link points nowhere", "Link '{0}' points to no page of the site", DiagnosticSeverity.Error, Links);

    // SB6xxx: output
    public static readonly DiagnosticDescriptor UrlCollision = new("SB6001", "Two inputs map to one URL", "'{0}' is produced by both '{1}' and '{2}'", DiagnosticSeverity.Error, Output);
    public static readonly DiagnosticDescriptor InvalidOutputFolder = new("SB6002", "Invalid output folder", "Output folder '{0}' is not allowed: {1}", DiagnosticSeverity.Error, Output);
    public static readonly DiagnosticDescriptor WriteFailed = new("SB6003", "Output could not be written", "Writing the site failed: {0}", DiagnosticSeverity.Error, Output);
    public static readonly DiagnosticDescriptor BrokenSiteLink = new("SB6004", "Broken link in the built site", "Link '{0}' points to no file of the built site", DiagnosticSeverity.Error, Output);

    /// <summary>Every descriptor, ordered by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();
}
