namespace Heal.Pipeline;

/// <summary>
/// The request cannot start: the repository is not usable as given (not a git repository, bare, no commits, a detached
/// HEAD when pushing), or a heal branch for this group already exists. <see cref="Code"/> is stable for scripts and UIs.
/// </summary>
public sealed class HealPreconditionException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
