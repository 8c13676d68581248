using System.Text.Json.Nodes;
using SiteBuilder.Stages;
using SiteBuilder.Tests.Contributors;

namespace SiteBuilder.Tests.Search;

/// <summary>Given the real input/ corpus, when the site's search documents are indexed by lunr.js itself, then its JSON equals the site's search/index.json byte for byte.</summary>
public class RealCorpusIndexDifferentialTests
{
    [Fact]
    public async Task TheSitesIndexOfTheRealCorpusIsWhatLunrJsWritesForTheSameDocuments()
    {
        var output = await SiteBuild.BuildRealCorpusAsync("https://example.org/");
        var options = new BuildOptions(Repo.Input, output, null, Repo.Root, new DateOnly(2026, 1, 1));
        var documents = BuildSearchIndex.Documents(SiteGenerator.Analyze(options).Graph!);

        var corpus = new JsonObject
        {
            ["ref"] = "id",
            ["fields"] = new JsonArray(
                new JsonObject { ["name"] = "title", ["boost"] = 10 },
                new JsonObject { ["name"] = "entities", ["boost"] = 5 },
                new JsonObject { ["name"] = "aliases", ["boost"] = 1 },
                new JsonObject { ["name"] = "summary", ["boost"] = 1 },
                new JsonObject { ["name"] = "body", ["boost"] = 1 }),
            ["metadataWhitelist"] = new JsonArray(),
            ["docs"] = new JsonArray([.. documents.Select((d, i) => (JsonNode)new JsonObject
            {
                ["doc"] = new JsonObject
                {
                    ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["title"] = d.Title,
                    ["entities"] = d.Entities,
                    ["aliases"] = d.Aliases,
                    ["summary"] = d.Summary,
                    ["body"] = d.BodyString(),
                },
                ["boost"] = 1,
            })]),
        };
        var lunrJson = JsonNode.Parse(SearchIndexScript.RunNode(Repo.PathOf("tests/lunr-oracle.js"), new JsonArray(corpus).ToJsonString(), "build"))!.AsArray()[0]!.GetValue<string>();

        var ours = File.ReadAllText(Path.Combine(output, "search", "index.json"));
        Assert.True(documents.Count > 60, "the real corpus has 5 articles and 60 entities");
        Assert.Equal(lunrJson, ours);
    }
}
