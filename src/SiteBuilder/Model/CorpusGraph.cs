namespace SiteBuilder.Model;

/// <summary>Mentions per month, for the entity page's bar chart.</summary>
public sealed record MonthCount(int Year, int Month, int Count);

/// <summary>An article with its rendered body and the entities it is about (mentioned or listed), in order of first mention.</summary>
public sealed record LinkedArticle(Article Article, RenderedBody Body, EquatableArray<string> EntityIds, EquatableArray<string> RelatedSlugs);

/// <summary>What the corpus says about one entity: the articles that mention it (newest first) and who it is mentioned with.</summary>
public sealed record EntityNode(
    Entity Entity,
    int MentionCount,
    EquatableArray<string> ArticleSlugs,
    EquatableArray<(string EntityId, int SharedArticles)> MentionedWith,
    EquatableArray<MonthCount> MentionsPerMonth);

/// <summary>The linked corpus: articles newest first, entities by id.</summary>
public sealed record CorpusGraph(SiteConfig Site, EquatableArray<LinkedArticle> Articles, EquatableArray<EntityNode> Entities);
