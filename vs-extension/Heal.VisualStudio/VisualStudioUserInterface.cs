using System;
using System.Threading;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Errors;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;
using Task = System.Threading.Tasks.Task;

namespace Heal.VisualStudio;

/// <summary>
/// Visual Studio's side of <see cref="IHealUserInterface"/>: progress in the status bar, the review in diff windows with
/// the patch-review tool window beside them, messages in the Output window and message boxes, the Production Errors
/// tool window. It decides nothing; the core does.
/// </summary>
public sealed class VisualStudioUserInterface(Func<HealRequests?> requests) : IHealUserInterface
{
    private int _refreshScheduled;

    public HealController? Controller { get; set; }

    public void ReportProgress(string message) => BackgroundWork.Run(() => SetStatusAsync(message, busy: true), "progress");

    public void EndProgress() => BackgroundWork.Run(() => SetStatusAsync(null, busy: false), "progress-end");

    public async Task ShowReviewAsync(PatchReview review)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        DiffViews.Open(review);
        if (await HealPackage.LoadAsync() is { } package)
        {
            await package.ShowReviewAsync(review, new PatchReviewActions(() => AcceptAsync(review), () => RejectAsync(review), () => OpenPullRequestAsync(review)), CancellationToken.None);
        }
    }

    public void ShowMessage(string message, MessageKind kind)
    {
        OutputLog.Write(message);
        if (kind == MessageKind.Information)
        {
            ReportProgress(message);
            return;
        }

        BackgroundWork.Run(() => ShowMessageBoxAsync(message, kind), "message");
    }

    public async Task ShowErrorDetailsAsync(ErrorDetailsResult details)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await HealPackage.LoadAsync() is { } package && await package.ShowProductionErrorsAsync(CancellationToken.None) is { } window)
        {
            // The server's Markdown escapes event text; shown here as plain text, so nothing in it is rendered or run.
            window.ShowDetails(details.Markdown.Value);
        }
    }

    public async Task RefreshErrorsAsync()
    {
        if (requests() is not { } current)
        {
            return;
        }

        var result = await current.ListErrorsAsync(CancellationToken.None);
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        var root = await SolutionFolder.FindAsync();
        var status = ErrorTree.StatusText(ErrorTree.OpenCount(result));
        if (await HealPackage.LoadAsync() is { } package && await package.ShowProductionErrorsAsync(CancellationToken.None) is { } window)
        {
            window.Show(ErrorTree.Build(result, root), status);
            Wire(window.Control);
        }
    }

    /// <summary>Each publishDiagnostics is a cue to re-read the groups; bursts coalesce into one heal/listErrors.</summary>
    public void OnDiagnostics(DiagnosticsNotice notice)
    {
        if (Interlocked.Exchange(ref _refreshScheduled, 1) == 1)
        {
            return;
        }

        BackgroundWork.Run(async () =>
        {
            await Task.Delay(300);
            Interlocked.Exchange(ref _refreshScheduled, 0);
            await RefreshErrorsAsync();
        }, "refresh-errors");
    }

    private async Task AcceptAsync(PatchReview review)
    {
        var problem = await PatchApplier.ApplyAsync(review);
        await SayAsync(problem is null ? "Patch applied (Edit › Undo reverts it)." : $"The patch was not applied: {problem}.");
        OutputLog.Write(problem is null ? $"Accepted the patch for group {review.GroupId}." : $"Accept failed for group {review.GroupId}: {problem}");
    }

    private async Task RejectAsync(PatchReview review)
    {
        review.Reject();
        await SayAsync("Patch rejected; nothing was changed.");
        OutputLog.Write($"Rejected the patch for group {review.GroupId}.");
    }

    private async Task OpenPullRequestAsync(PatchReview review)
    {
        if (Controller is null)
        {
            return;
        }

        await SayAsync("Opening a pull request (the server validates the patch again first)…");
        var outcome = await Controller.OpenPullRequestAsync(review.GroupId, review.Uri, CancellationToken.None);
        await SayAsync(outcome.Opened
            ? $"Pull request #{outcome.Number} opened: {outcome.Url}"
            : $"Heal could not open a pull request: {outcome.Reason}. The patch is not applied; Accept applies it here.");
        if (outcome.Opened)
        {
            VsShellUtilities.OpenSystemBrowser(outcome.Url);
        }
    }

    private static async Task SayAsync(string message)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await HealPackage.LoadAsync() is { } package && package.FindToolWindow(typeof(PatchReviewToolWindow), 0, false) is PatchReviewToolWindow window)
        {
            window.Say(message);
        }
    }

    private void Wire(ProductionErrorsControl control)
    {
        if (control.Tag is not null)
        {
            return;
        }

        control.Tag = this;
        control.RefreshRequested += () => BackgroundWork.Run(RefreshErrorsAsync, "refresh");
        control.HealRequested += id => BackgroundWork.Run(() => Controller!.HealAsync(id, null, CancellationToken.None), "heal");
        control.MuteRequested += id => BackgroundWork.Run(() => Controller!.MuteAsync(id, CancellationToken.None), "mute");
        control.FrameOpened += frame => BackgroundWork.Run(() => OpenFrameAsync(frame), "open-frame");
    }

    private static async Task SetStatusAsync(string? message, bool busy)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsStatusbar)) is IVsStatusbar bar)
        {
            object icon = (short)Constants.SBAI_Build;
            bar.Animation(busy ? 1 : 0, ref icon);
            if (message is null)
            {
                bar.Clear();
            }
            else
            {
                bar.SetText(message);
            }
        }
    }

    private static async Task ShowMessageBoxAsync(string message, MessageKind kind)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        VsShellUtilities.ShowMessageBox(ServiceProvider.GlobalProvider, message, "Heal",
            kind == MessageKind.Error ? OLEMSGICON.OLEMSGICON_CRITICAL : OLEMSGICON.OLEMSGICON_WARNING,
            OLEMSGBUTTON.OLEMSGBUTTON_OK, OLEMSGDEFBUTTON.OLEMSGDEFBUTTON_FIRST);
    }

    private static async Task OpenFrameAsync(ErrorFrameNode frame)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        VsShellUtilities.OpenDocument(ServiceProvider.GlobalProvider, frame.FilePath!, Guid.Empty, out _, out _, out _, out var view);
        view?.SetCaretPos(frame.Line, frame.Character);
        view?.CenterLines(frame.Line, 1);
    }
}
