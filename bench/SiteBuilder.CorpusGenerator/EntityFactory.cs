using System.Globalization;
using System.Text;
using static SiteBuilder.CorpusGenerator.Vocabulary;

namespace SiteBuilder.CorpusGenerator;

internal enum GeneratedKind
{
    Person,
    Organization,
    Place,
    Event,
}

/// <summary>A generated entity. Its index in the list is its Zipf rank.</summary>
internal sealed class GeneratedEntity(string id, string name, GeneratedKind kind)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public GeneratedKind Kind { get; } = kind;

    public List<string> Aliases { get; } = [];

    public List<(string Label, string Url)> Links { get; } = [];

    public string Description { get; set; } = "";

    /// <summary>For people: the role sentences describe them with.</summary>
    public string Role { get; set; } = "";

    public string ToYaml()
    {
        var yaml = new StringBuilder();
        yaml.Append("name: ").Append(CorpusGenerator.Quote(Name)).Append('\n');
        yaml.Append("kind: ").Append(Kind switch
        {
            GeneratedKind.Person => "person",
            GeneratedKind.Organization => "organization",
            GeneratedKind.Place => "place",
            _ => "event",
        }).Append('\n');
        if (Aliases.Count > 0)
        {
            yaml.Append("aliases:\n");
            foreach (var alias in Aliases)
            {
                yaml.Append("  - ").Append(CorpusGenerator.Quote(alias)).Append('\n');
            }
        }

        yaml.Append("description: ").Append(CorpusGenerator.Quote(Description)).Append('\n');
        if (Links.Count > 0)
        {
            yaml.Append("links:\n");
            foreach (var (label, url) in Links)
            {
                yaml.Append("  ").Append(label).Append(": ").Append(CorpusGenerator.Quote(url)).Append('\n');
            }
        }

        return yaml.ToString();
    }
}

/// <summary>Makes entities with unique names and aliases: a name or alias is claimed once, and later candidates that would repeat it are skipped.</summary>
internal sealed class EntityFactory(Random random)
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _nextPlace;

    public List<GeneratedEntity> Create(int count)
    {
        var entities = new List<GeneratedEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var entity = roll switch
            {
                < 0.45 => Person(),
                < 0.75 => Organization(),
                < 0.93 => Place(),
                _ => Event(),
            };
            Describe(entity);
            entities.Add(entity);
        }

        return entities;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private GeneratedEntity New(string name, GeneratedKind kind)
    {
        _claimed.Add(name);
        var baseId = CorpusGenerator.Slugify(name);
        var id = baseId;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = baseId + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return new GeneratedEntity(id, name, kind);
    }

    /// <summary>Adds the candidates in order, skipping any already claimed, until <paramref name="count"/> are added.</summary>
    private void AddAliases(GeneratedEntity entity, int count, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (entity.Aliases.Count >= count)
            {
                return;
            }

            if (candidate.Length >= 3 && _claimed.Add(candidate))
            {
                entity.Aliases.Add(candidate);
            }
        }
    }

    private string Unique(Func<string> make, Func<string, string> fallback)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var name = make();
            if (!_claimed.Contains(name))
            {
                return name;
            }
        }

        while (true)
        {
            var name = fallback(make());
            if (!_claimed.Contains(name))
            {
                return name;
            }
        }
    }

    private int AliasCount() => Pick([0, 1, 1, 2, 2, 3]);

    private GeneratedEntity Person()
    {
        var first = Pick(FirstNames);
        var last = Pick(LastNames);
        var name = Unique(() => $"{first = Pick(FirstNames)} {last = Pick(LastNames)}", n => $"{first} {(char)('A' + random.Next(26))}. {last}");
        var entity = New(name, GeneratedKind.Person);
        entity.Role = Pick(Roles);
        AddAliases(entity, AliasCount(), [last, $"{first[0]}. {last}", $"{Title(entity.Role)} {last}"]);
        return entity;
    }

    private static string Title(string role) => role switch
    {
        _ when role.Contains("minister", StringComparison.Ordinal) => "Minister",
        _ when role.Contains("governor", StringComparison.Ordinal) => "Governor",
        _ when role.Contains("mayor", StringComparison.Ordinal) => "Mayor",
        _ when role.Contains("lawmaker", StringComparison.Ordinal) || role.Contains("committee", StringComparison.Ordinal) => "Senator",
        _ when role.Contains("economist", StringComparison.Ordinal) => "Professor",
        _ => "Dr",
    };

    private GeneratedEntity Organization()
    {
        var name = Unique(
            () => random.Next(4) switch
            {
                0 => $"{Pick(OrgAdjectives)} {Pick(OrgSectors)} {Pick(OrgTypes)}",
                1 => $"{Pick(Places)} {Pick(OrgSectors)} {Pick(OrgTypes)}",
                2 => $"{Pick(OrgSectors)} {Pick(OrgTypes)} of {Pick(Places)}",
                _ => $"{Pick(LastNames)} {Pick(["Institute", "Foundation", "Group", "Holdings"])}",
            },
            n => $"{n} {Pick(["International", "Europe", "Global", "Network"])}");
        var entity = New(name, GeneratedKind.Organization);
        var parts = name.Split(' ');
        var acronym = string.Concat(parts.Where(p => char.IsUpper(p[0])).Select(p => p[0]));
        var shortForm = parts.Length == 3 && OrgAdjectives.Contains(parts[0]) ? $"{parts[0]} {parts[1]}" : "";
        AddAliases(entity, AliasCount(), [acronym, shortForm]);
        return entity;
    }

    private GeneratedEntity Place()
    {
        string name;
        if (_nextPlace < Places.Length && !_claimed.Contains(Places[_nextPlace]))
        {
            name = Places[_nextPlace++];
        }
        else
        {
            _nextPlace++;
            name = Unique(() => $"{Pick(Places)} {Pick(PlaceSuffixes)}", n => $"North {n}");
        }

        var entity = New(name, GeneratedKind.Place);
        AddAliases(entity, random.Next(3) == 0 ? 1 : 0, [$"Greater {name}"]);
        return entity;
    }

    private GeneratedEntity Event()
    {
        var place = "";
        var type = "";
        var name = Unique(
            () =>
            {
                place = Pick(Places);
                type = Pick(EventTypes);
                return type is "Summit" or "Conference" or "Forum" or "Expo" ? $"{place} {Pick(OrgSectors)} {type}" : $"{place} {type}";
            },
            n => $"Second {n}");
        var entity = New(name, GeneratedKind.Event);
        AddAliases(entity, random.Next(2), [$"{place} {type.ToLowerInvariant()}"]);
        return entity;
    }

    private static string StripArticle(string role) =>
        role.StartsWith("the ", StringComparison.Ordinal) ? role[4..] : role.StartsWith("an ", StringComparison.Ordinal) ? role[3..] : role.StartsWith("a ", StringComparison.Ordinal) ? role[2..] : role;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private void Describe(GeneratedEntity entity)
    {
        var topic = Pick(Topics);
        var other = Pick(Topics);
        entity.Description = entity.Kind switch
        {
            GeneratedKind.Person => $"{Capitalise(StripArticle(entity.Role))}, often quoted on {topic.Name} and {other.Name}.",
            GeneratedKind.Organization => $"Organisation active in {topic.Name} and {other.Name}, frequently cited in regional reporting.",
            GeneratedKind.Place => $"City whose disputes over {topic.Name} and {other.Name} feature in the archive.",
            _ => $"Gathering that shaped the debate on {topic.Name}.",
        };
        var linkCount = random.Next(3);
        if (linkCount >= 1)
        {
            entity.Links.Add(("wikipedia", "https://en.wikipedia.org/wiki/" + Uri.EscapeDataString(entity.Name.Replace(' ', '_'))));
        }

        if (linkCount >= 2)
        {
            entity.Links.Add(("wikidata", "https://www.wikidata.org/wiki/Q" + random.Next(1000, 9_999_999).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
