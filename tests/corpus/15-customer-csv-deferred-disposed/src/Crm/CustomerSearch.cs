namespace Crm;

public static class CustomerSearch
{
    public static List<Customer> ByName(CustomerFile file, string term) =>
        file.All().Where(c => c.Name.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();

    public static Customer? ByEmail(CustomerFile file, string email) =>
        file.All().FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));

    public static Dictionary<string, int> CountBySegment(CustomerFile file) =>
        file.All().GroupBy(c => c.Segment).ToDictionary(g => g.Key, g => g.Count());
}
