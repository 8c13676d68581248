namespace SiteBuilder.Lunr;

/// <summary>Which field vectors a shard written by <see cref="LunrIndex"/> keeps.</summary>
public enum ShardVectors
{
    /// <summary>One vector per (doc, field) of the whole index, even when none of the shard's terms is in it (then <c>[]</c>).</summary>
    All,

    /// <summary>
    /// Only the (doc, field) vectors that the shard's postings name, each reduced to the shard's terms. A query on
    /// the shard scores exactly as on the whole index, except a query whose clauses are all prohibited (<c>-foo</c>):
    /// lunr returns every document that has a vector for it, and the shard only has some.
    /// </summary>
    OnlyPosted,
}
