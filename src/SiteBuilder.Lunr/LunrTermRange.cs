namespace SiteBuilder.Lunr;

/// <summary>
/// A contiguous run of an index's sorted terms, from <see cref="LunrIndex.PartitionTerms"/>: the terms at sorted
/// positions <see cref="Start"/> to <see cref="Start"/> + <see cref="Count"/> − 1, which are exactly the terms
/// <c>t</c> with <c>From ≤ t &lt; next.From</c> in UTF-16 code-unit order (the last range has no upper bound).
/// </summary>
/// <param name="From">The range's lower bound: <c>""</c> for the first range, otherwise the shortest prefix of
/// its first term that sorts after the previous range's last term (so usually the prefix the cut was made at).</param>
/// <param name="Start">The sorted position of the first term.</param>
/// <param name="Count">The number of terms.</param>
/// <param name="Length">The exact length in bytes of the range's shard as <see cref="LunrIndex.WriteShardTo(Stream, LunrTermRange)"/> writes it.</param>
public sealed record LunrTermRange(string From, int Start, int Count, long Length);
