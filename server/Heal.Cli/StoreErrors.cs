using Heal.Feed.Store;
using Heal.Pipeline.Hosting;

namespace Heal.Cli;

/// <summary>The one translation of store problems into the CLI's error codes, so every command reports them alike.</summary>
public static class StoreErrors
{
    public static CliException ToCliException(StoreException e) => e.Problem switch
    {
        StoreProblem.NotFound => new UsageException(e.Message, "store-not-found"),
        StoreProblem.NewerVersion => new UsageException(e.Message, "store-version"),
        _ => new CliException("store-unusable", e.Message),
    };

    /// <summary>Opens the host's store for reading; a missing or foreign store is a <see cref="CliException"/>.</summary>
    public static IErrorStore OpenExisting(HealHost host)
    {
        try
        {
            return host.OpenExistingStore();
        }
        catch (StoreException e)
        {
            throw ToCliException(e);
        }
    }
}
