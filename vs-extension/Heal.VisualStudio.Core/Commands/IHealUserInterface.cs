using System.Threading.Tasks;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;

namespace Heal.VisualStudio.Core.Commands;

/// <summary>What an editor shows for <see cref="HealController"/>; Visual Studio's is the status bar, the diff view and tool windows.</summary>
public interface IHealUserInterface
{
    /// <summary>A heal run's progress line (status bar / task center).</summary>
    void ReportProgress(string message);

    void EndProgress();

    /// <summary>Shows the diffs and the validation table with Accept / Reject / Open pull request.</summary>
    Task ShowReviewAsync(PatchReview review);

    void ShowMessage(string message, MessageKind kind);

    Task ShowErrorDetailsAsync(ErrorDetailsResult details);

    Task RefreshErrorsAsync();
}
