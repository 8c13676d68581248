using SiteBuilder.Diagnostics;
using SiteBuilder.Model;
using SiteBuilder.Text;
using SiteBuilder.Yaml;

namespace SiteBuilder.Stages;

/// <summary>Stage 2b: input/entities/*.yml → <see cref="Entity"/> records, plus catalog-wide checks (duplicate ids, shared and common-word aliases).</summary>
public static class ParseEntities
{
    internal static readonly string[] KnownFields = ["name", "kind", "aliases", "description", "links"];

    /// <summary>
    /// What one run can hand to the next (the preview server): the catalog parsed from the same file objects (the read
    /// stage returns the same object for an unchanged file) comes back as the same entities, so the stages after this
    /// one compare them by reference.
    /// </summary>
    public sealed class Cache
    {
        internal (EquatableArray<SourceFile> Files, EquatableArray<Entity> Entities, IReadOnlyList<Diagnostic> Diagnostics)? Last { get; set; }
    }

    public static (EquatableArray<Entity> Entities, IReadOnlyList<Diagnostic> Diagnostics) Run(EquatableArray<SourceFile> files) => Run(files, cache: null);

    public static (EquatableArray<Entity> Entities, IReadOnlyList<Diagnostic> Diagnostics) Run(EquatableArray<SourceFile> files, Cache? cache)
    {
        if (cache?.Last is { } last && last.Files.AsImmutableArray().AsSpan().SequenceEqual(files.AsImmutableArray().AsSpan(), ReferenceEqualityComparer.Instance))
        {
            return (last.Entities, last.Diagnostics);
        }

        var result = Parse(files);
        if (cache is not null)
        {
            cache.Last = (files, result.Entities, result.Diagnostics);
        }

        return result;
    }

    private static (EquatableArray<Entity> Entities, IReadOnlyList<Diagnostic> Diagnostics) Parse(EquatableArray<SourceFile> files)
    {
        var parsed = new (Entity? Entity, List<Diagnostic> Diagnostics)[files.Count];
        Parallel.For(0, files.Count, i => parsed[i] = ParseOne(files[i]));
        var diagnostics = parsed.SelectMany(p => p.Diagnostics).ToList();

        var byId = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var entity in parsed.Select(p => p.Entity).OfType<Entity>())
        {
            if (byId.TryGetValue(entity.Id, out var first))
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateEntityId.Create(entity.Location, entity.Id, first.Location.Path));
            }
            else
            {
                byId.Add(entity.Id, entity);
            }
        }

        var entities = byId.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToEquatableArray();
        diagnostics.AddRange(CheckAliases(entities));
        return (entities, diagnostics);
    }

    private static (Entity?, List<Diagnostic>) ParseOne(SourceFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var id = Path.GetFileNameWithoutExtension(file.RelativePath);
        var fileLocation = SourceLocation.File(file.RelativePath);
        var idValid = Identifiers.IsValid(id);
        if (!idValid)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEntityId.Create(fileLocation, id));
        }

        var fields = YamlDocuments.ReadMapping(file.Text, file.RelativePath, 0, diagnostics);
        if (fields is null)
        {
            return (null, diagnostics);
        }

        fields.ReportUnknown(KnownFields, DiagnosticDescriptors.UnknownEntityField);
        var name = fields.RequiredString("name", DiagnosticDescriptors.EntityFieldMissing, id, "name");
        var kindText = fields.RequiredString("kind", DiagnosticDescriptors.EntityFieldMissing, id, "kind");
        EntityKind? kind = kindText switch
        {
            null => null,
            "person" => EntityKind.Person,
            "organization" or "organisation" => EntityKind.Organization,
            "place" => EntityKind.Place,
            "event" => EntityKind.Event,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEntityKind.Create(fields.At(fields.Find("kind")!), kindText));
        }

        var aliases = new List<string>();
        var aliasLocations = new List<SourceLocation>();
        foreach (var (alias, node) in fields.StringList("aliases"))
        {
            var trimmed = alias.Trim();
            if (trimmed.Length == 0)
            {
                diagnostics.Add(DiagnosticDescriptors.EmptyAlias.Create(fields.At(node)));
                continue;
            }

            if (!aliases.Contains(trimmed, StringComparer.Ordinal) && trimmed != name)
            {
                aliases.Add(trimmed);
                aliasLocations.Add(fields.At(node));
            }
        }

        var links = new List<EntityLink>();
        foreach (var (label, url, node) in fields.StringMap("links"))
        {
            if (!SafeUrls.IsAbsoluteHttp(url))
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEntityLink.Create(fields.At(node), url));
                continue;
            }

            links.Add(new EntityLink(label, url.Trim()));
        }

        var description = fields.String("description", out _)?.Trim();
        if (name is null || kind is null || !idValid)
        {
            return (null, diagnostics);
        }

        var nameLocation = fields.At(fields.Find("name")!);
        var entity = new Entity(id, name, kind.Value, aliases.ToEquatableArray(), aliasLocations.Prepend(nameLocation).ToEquatableArray(),
            string.IsNullOrEmpty(description) ? null : description, links.ToEquatableArray(), fileLocation);
        return (entity, diagnostics);
    }

    /// <summary>Names and aliases claimed by two entities, and aliases that are ordinary words.</summary>
    private static IEnumerable<Diagnostic> CheckAliases(EquatableArray<Entity> entities)
    {
        var owners = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var names = entity.Aliases.Prepend(entity.Name).ToArray();
            for (var i = 0; i < names.Length; i++)
            {
                var location = entity.AliasLocations[i];
                if (owners.TryGetValue(names[i], out var owner) && owner.Id != entity.Id)
                {
                    yield return DiagnosticDescriptors.AmbiguousAlias.Create(location, names[i], owner.Id, entity.Id);
                }
                else
                {
                    owners.TryAdd(names[i], entity);
                }

                if (CommonWords.Contains(names[i]))
                {
                    yield return DiagnosticDescriptors.CommonWordAlias.Create(location, names[i]);
                }
            }
        }
    }
}
