namespace SiteBuilder.Lunr.Internal;

/// <summary>JavaScript property-key ordering, which decides the order of every object lunr serializes.</summary>
internal static class JsKeys
{
    /// <summary>
    /// True when <paramref name="key"/> is a canonical array index ("0".."4294967294": digits only, no sign,
    /// no leading zero). <c>Object.keys</c> lists such keys first, in ascending numeric order.
    /// </summary>
    public static bool IsArrayIndex(string key, out uint value)
    {
        value = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong v = 0;
        foreach (char c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            v = (v * 10) + (ulong)(c - '0');
        }

        if (v > 4294967294UL)
        {
            return false;
        }

        value = (uint)v;
        return true;
    }

    /// <summary>
    /// The <c>Object.keys</c> order of keys given in insertion order: array indices ascending, then the rest
    /// in insertion order. Returns positions into <paramref name="keys"/>.
    /// </summary>
    public static int[] Order(IReadOnlyList<string> keys)
    {
        var indices = new List<(uint Value, int Position)>();
        var others = new List<int>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (IsArrayIndex(keys[i], out uint v))
            {
                indices.Add((v, i));
            }
            else
            {
                others.Add(i);
            }
        }

        indices.Sort((x, y) => x.Value.CompareTo(y.Value));
        var result = new int[keys.Count];
        int k = 0;
        foreach (var (_, position) in indices)
        {
            result[k++] = position;
        }

        foreach (int position in others)
        {
            result[k++] = position;
        }

        return result;
    }
}
