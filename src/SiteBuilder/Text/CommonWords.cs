using System.Collections.Frozen;

namespace SiteBuilder.Text;

/// <summary>Lowercase words too common to be an entity alias: matched case-sensitively, they would link ordinary prose.</summary>
internal static class CommonWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at", "back", "be", "because", "been",
        "before", "being", "between", "both", "but", "by", "can", "city", "come", "could", "country", "day", "did", "do", "down", "each",
        "even", "first", "for", "from", "get", "give", "go", "good", "government", "had", "has", "have", "he", "her", "here", "him", "his",
        "house", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "last", "leader", "like", "long", "make", "man", "many",
        "may", "me", "more", "most", "much", "must", "my", "new", "no", "not", "now", "of", "off", "old", "on", "one", "only", "or", "other",
        "our", "out", "over", "party", "people", "place", "president", "say", "see", "she", "so", "some", "state", "still", "such", "take",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "time", "to", "two", "under", "union", "up", "us",
        "war", "was", "way", "we", "well", "were", "what", "when", "where", "which", "while", "who", "will", "with", "world", "would", "year",
        "you", "your",
    ]);

    /// <summary>True for an all-lowercase common word.</summary>
    public static bool Contains(string alias) => Words.Contains(alias);
}
