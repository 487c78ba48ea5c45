namespace Crm;

/// <summary>The nightly customer export from the CRM, one CSV file with a header line.</summary>
public sealed class CustomerFile(string path)
{
    public List<Customer> All()
    {
        using var reader = new StreamReader(path);
        return ReadRecords(reader).ToList();
    }

    public List<Customer> InSegment(string segment)
    {
        using var reader = new StreamReader(path);
        return ReadRecords(reader).Where(c => c.Segment == segment).ToList();
    }

    public IEnumerable<Customer> Active()
    {
        using var reader = new StreamReader(path);
        return ReadRecords(reader).Where(c => c.Active);
    }

    private static IEnumerable<Customer> ReadRecords(TextReader reader)
    {
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
                continue;
            var f = line.Split(';');
            yield return new Customer(f[0], f[1], f[2], f[3] == "1", f[4]);
        }
    }
}
