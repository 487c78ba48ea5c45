using System.Collections.Concurrent;
using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;

namespace Heal.VisualStudio.Tests;

/// <summary>Plays Visual Studio's windows for <see cref="HealController"/>: records what each would have shown.</summary>
internal sealed class RecordingUserInterface : IHealUserInterface
{
    public ConcurrentQueue<string> Progress { get; } = new();

    public ConcurrentQueue<(string Text, MessageKind Kind)> Messages { get; } = new();

    public PatchReview? Review { get; private set; }

    public ErrorDetailsResult? Details { get; private set; }

    public int Refreshes { get; private set; }

    public void ReportProgress(string message) => Progress.Enqueue(message);

    public void EndProgress() => Progress.Enqueue("(end)");

    public Task ShowReviewAsync(PatchReview review)
    {
        Review = review;
        return Task.CompletedTask;
    }

    public void ShowMessage(string message, MessageKind kind) => Messages.Enqueue((message, kind));

    public Task ShowErrorDetailsAsync(ErrorDetailsResult details)
    {
        Details = details;
        return Task.CompletedTask;
    }

    public Task RefreshErrorsAsync()
    {
        Refreshes++;
        return Task.CompletedTask;
    }
}
