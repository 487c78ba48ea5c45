namespace Publishing;

/// <summary>A batch of rendered reports that is published atomically by <see cref="CommitAsync"/>.</summary>
public sealed class ReportBatch
{
    private readonly Dictionary<string, byte[]> _pending = new();
    private readonly Dictionary<string, byte[]> _published;
    private bool _committed;

    public ReportBatch(Dictionary<string, byte[]> published) => _published = published;

    public void Save(string reportId, byte[] content)
    {
        if (_committed)
            throw new InvalidOperationException("The batch was already committed; open a new batch to save more reports.");
        lock (_pending)
            _pending[reportId] = content;
    }

    public Task CommitAsync()
    {
        _committed = true;
        lock (_pending)
            foreach (var (id, content) in _pending)
                _published[id] = content;
        return Task.CompletedTask;
    }
}
