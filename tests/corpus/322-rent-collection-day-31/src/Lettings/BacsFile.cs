using System.Text;

namespace Lettings;

/// <summary>Writes the bureau's submission file: one "ref,yyyyMMdd,pence" line per collection.</summary>
public static class BacsFile
{
    public static string Write(IEnumerable<Collection> collections)
    {
        var text = new StringBuilder();
        foreach (var c in collections)
            text.Append(c.TenancyRef).Append(',').Append(c.Date.ToString("yyyyMMdd")).Append(',').Append((long)(c.Amount * 100)).Append('\n');
        return text.ToString();
    }
}
