using Archiving;

namespace Archiving.Behaviour.Tests;

// The owner's decision (not inferable from the code): the prefix separates the archive from other data in a
// shared bucket, so a deployment without ARCHIVE_PREFIX must stop with an InvalidOperationException naming the
// variable, before anything is written. Writing at the bucket root (an empty prefix) or skipping is wrong.
public class MissingPrefixBehaviour
{
    private static readonly Dictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["ARCHIVE_BUCKET"] = "acct-archive",
    };

    private static Document Invoice() => new Document
    {
        Id = "INV-9", Tenant = "Acme", IssuedAt = new DateTime(2026, 3, 14), Pdf = new byte[] { 1 },
    };

    [Fact]
    public void Upload_WithoutPrefix_FailsLoudlyAndWritesNothing()
    {
        var store = new InMemoryObjectStore();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ArchiveUploader(ArchiveSettings.FromEnvironment(Environment), store).UploadAll(new[] { Invoice() }));

        Assert.Contains("ARCHIVE_PREFIX", error.Message);
        Assert.Empty(store.Objects);
    }

    [Fact]
    public void Upload_WithPrefix_Unchanged()
    {
        var store = new InMemoryObjectStore();
        var environment = new Dictionary<string, string>(Environment) { ["ARCHIVE_PREFIX"] = "finance" };

        var key = new ArchiveUploader(ArchiveSettings.FromEnvironment(environment), store).Upload(Invoice());

        Assert.Equal("finance/acme/2026/03/INV-9.pdf", key);
        Assert.Single(store.Objects);
    }
}
