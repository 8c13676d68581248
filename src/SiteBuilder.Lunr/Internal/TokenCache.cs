using System.Runtime.CompilerServices;

namespace SiteBuilder.Lunr.Internal;

/// <summary>
/// A per-thread map from a trimmed token to its term id (-1 for a stop word), looked up by span and a hash the
/// scanner computes while it reads the token, so a repeated token costs no allocation and no second pass.
/// </summary>
internal sealed class TokenCache
{
    private const uint Seed = 2166136261;
    private const uint Prime = 16777619;

    private int[] _buckets = new int[1 << 12];
    private Entry[] _entries = new Entry[1 << 12];
    private int _count;

    /// <summary>FNV-1a over UTF-16 code units; <see cref="Step"/> applied to each unit in turn.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        uint h = Seed;
        foreach (char c in key)
        {
            h = Step(h, c);
        }

        return h;
    }

    public static uint Start => Seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<char> key, uint hash, out int value)
    {
        Entry[] entries = _entries;
        for (int i = _buckets[hash & (uint)(_buckets.Length - 1)] - 1; (uint)i < (uint)entries.Length; i = entries[i].Next)
        {
            ref Entry entry = ref entries[i];
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public void Add(string key, uint hash, int value)
    {
        if (_count == _entries.Length)
        {
            Grow();
        }

        ref int bucket = ref _buckets[hash & (uint)(_buckets.Length - 1)];
        _entries[_count] = new Entry { Key = key, Hash = hash, Value = value, Next = bucket - 1 };
        bucket = ++_count;
    }

    private void Grow()
    {
        Array.Resize(ref _entries, _entries.Length * 2);
        _buckets = new int[_entries.Length];
        for (int i = 0; i < _count; i++)
        {
            ref int bucket = ref _buckets[_entries[i].Hash & (uint)(_buckets.Length - 1)];
            _entries[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    private struct Entry
    {
        public string Key;
        public uint Hash;
        public int Value;
        public int Next;
    }
}
