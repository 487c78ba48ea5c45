using System.Runtime.InteropServices;
using Heal.VisualStudio.Core.Review;
using Microsoft.VisualStudio.Shell;

namespace Heal.VisualStudio;

/// <summary>"Heal: patch review", beside the diff: the validation table, the confidence, Accept / Reject / Open pull request.</summary>
[Guid(HealGuids.PatchReviewToolWindow)]
public sealed class PatchReviewToolWindow : ToolWindowPane
{
    private readonly PatchReviewControl _control = new();

    public PatchReviewToolWindow()
        : base(null)
    {
        Caption = "Heal: patch review";
        Content = _control;
    }

    public void Show(PatchReview review, PatchReviewActions actions) => _control.Show(review, actions);

    public void Say(string message) => _control.Say(message);
}
