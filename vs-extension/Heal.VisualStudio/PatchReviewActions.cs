using System;
using System.Threading.Tasks;

namespace Heal.VisualStudio;

/// <summary>What the review's three buttons do (the language client supplies them).</summary>
public sealed class PatchReviewActions(Func<Task> accept, Func<Task> reject, Func<Task> openPullRequest)
{
    public Func<Task> Accept => accept;

    public Func<Task> Reject => reject;

    public Func<Task> OpenPullRequest => openPullRequest;
}
