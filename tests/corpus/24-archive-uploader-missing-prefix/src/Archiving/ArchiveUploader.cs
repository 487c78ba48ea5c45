namespace Archiving;

public class Document
{
    public string Id { get; set; }
    public string Tenant { get; set; }
    public DateTime IssuedAt { get; set; }
    public byte[] Pdf { get; set; }
}

public class ArchiveUploader
{
    private readonly ArchiveSettings _settings;
    private readonly IObjectStore _store;

    public ArchiveUploader(ArchiveSettings settings, IObjectStore store)
    {
        _settings = settings;
        _store = store;
    }

    public string KeyFor(Document document)
    {
        var folder = _settings.Prefix.TrimEnd('/');
        return $"{folder}/{document.Tenant.ToLowerInvariant()}/{document.IssuedAt:yyyy}/{document.IssuedAt:MM}/{document.Id}.pdf";
    }

    public string Upload(Document document)
    {
        var key = KeyFor(document);
        _store.Put(_settings.Bucket, key, document.Pdf);
        return key;
    }

    public IReadOnlyList<string> UploadAll(IEnumerable<Document> documents)
    {
        var keys = new List<string>();
        foreach (var document in documents.OrderBy(d => d.IssuedAt))
            keys.Add(Upload(document));
        return keys;
    }
}
