namespace Crm;

public static class MailingList
{
    public static IReadOnlyList<string> Recipients(CustomerFile file) =>
        file.Active().Select(c => $"{c.Name} <{c.Email}>").ToList();

    public static int SegmentSize(CustomerFile file, string segment) => file.InSegment(segment).Count;
}
