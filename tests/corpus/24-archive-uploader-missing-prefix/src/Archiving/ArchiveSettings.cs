namespace Archiving;

public class ArchiveSettings
{
    public string Bucket { get; set; }
    public string Prefix { get; set; }

    public static ArchiveSettings FromEnvironment(IReadOnlyDictionary<string, string> environment) => new ArchiveSettings
    {
        Bucket = environment.GetValueOrDefault("ARCHIVE_BUCKET"),
        Prefix = environment.GetValueOrDefault("ARCHIVE_PREFIX"),
    };
}
