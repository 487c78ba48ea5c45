namespace Heal.Core.Diffs;

/// <summary>Myers' O(ND) line diff: the shortest edit script between two sequences of interned lines.</summary>
internal static class LineDiff
{
    /// <summary>
    /// Past this many differences the middle is reported as one replacement: still a correct diff, and memory
    /// stays bounded (the trace grows with the square of the distance).
    /// </summary>
    public const int MaxDistance = 2000;

    public enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    public static List<Op> Compute(int[] a, int[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Length + b.Length);
        ops.AddRange(Enumerable.Repeat(Op.Equal, prefix));
        ops.AddRange(Middle(a.AsSpan(prefix, a.Length - prefix - suffix), b.AsSpan(prefix, b.Length - prefix - suffix)));
        ops.AddRange(Enumerable.Repeat(Op.Equal, suffix));
        return ops;
    }

    private static List<Op> Middle(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int n = a.Length, m = b.Length;
        var max = n + m;
        if (max == 0)
        {
            return [];
        }

        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= Math.Min(max, MaxDistance) && found < 0; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }

            trace.Add(v.AsSpan(offset - d, 2 * d + 1).ToArray());
        }

        if (found < 0)
        {
            var replace = new List<Op>(n + m);
            replace.AddRange(Enumerable.Repeat(Op.Delete, n));
            replace.AddRange(Enumerable.Repeat(Op.Insert, m));
            return replace;
        }

        var ops = new List<Op>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var previous = trace[d - 1];
            var k = cx - cy;
            int At(int index) => previous[index + (d - 1)];
            var down = k == -d || (k != d && At(k - 1) < At(k + 1));
            var previousK = down ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (cx > previousX && cy > previousY)
            {
                ops.Add(Op.Equal);
                cx--;
                cy--;
            }

            ops.Add(down ? Op.Insert : Op.Delete);
            cx = previousX;
            cy = previousY;
        }

        while (cx > 0 && cy > 0)
        {
            ops.Add(Op.Equal);
            cx--;
            cy--;
        }

        ops.Reverse();
        return ops;
    }
}
