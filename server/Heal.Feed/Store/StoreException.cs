namespace Heal.Feed.Store;

/// <summary>The store cannot be opened or used as asked; the message says why in words a user can act on.</summary>
public sealed class StoreException(string message, Exception? inner = null, StoreProblem problem = StoreProblem.Unusable) : Exception(message, inner)
{
    /// <summary>What kind of problem, so a command can give each its own code and exit status.</summary>
    public StoreProblem Problem { get; } = problem;
}
