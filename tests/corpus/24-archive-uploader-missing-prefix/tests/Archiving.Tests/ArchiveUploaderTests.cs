using Archiving;

namespace Archiving.Tests;

public class ArchiveUploaderTests
{
    private static readonly Dictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["ARCHIVE_BUCKET"] = "acct-archive",
        ["ARCHIVE_PREFIX"] = "invoices/",
    };

    private static Document Invoice(string id) => new Document
    {
        Id = id, Tenant = "Acme", IssuedAt = new DateTime(2026, 3, 14), Pdf = new byte[] { 37, 80, 68, 70 },
    };

    [Fact]
    public void KeyFor_GroupsByTenantAndMonth()
    {
        var uploader = new ArchiveUploader(ArchiveSettings.FromEnvironment(Environment), new InMemoryObjectStore());

        Assert.Equal("invoices/acme/2026/03/INV-1.pdf", uploader.KeyFor(Invoice("INV-1")));
    }

    [Fact]
    public void UploadAll_StoresEveryDocumentInBucket()
    {
        var store = new InMemoryObjectStore();

        new ArchiveUploader(ArchiveSettings.FromEnvironment(Environment), store).UploadAll(new[] { Invoice("INV-2"), Invoice("INV-3") });

        Assert.Equal(new[] { "acct-archive:invoices/acme/2026/03/INV-2.pdf", "acct-archive:invoices/acme/2026/03/INV-3.pdf" }, store.Objects.Keys.OrderBy(k => k));
    }
}
