namespace Archiving;

public interface IObjectStore
{
    void Put(string bucket, string key, byte[] content);
}

public class InMemoryObjectStore : IObjectStore
{
    public Dictionary<string, byte[]> Objects { get; } = new Dictionary<string, byte[]>();

    public void Put(string bucket, string key, byte[] content) => Objects[bucket + ":" + key] = content;
}
