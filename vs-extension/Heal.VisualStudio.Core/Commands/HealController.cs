using System;
using System.Threading;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;
using Heal.VisualStudio.Core.Settings;

namespace Heal.VisualStudio.Core.Commands;

/// <summary>
/// The editor features over the heal/* requests, as vscode-extension/src/healCommand.ts, errorActions.ts and
/// patchReview.ts implement them: heal with progress then review, error details, mute, open a pull request.
/// <paramref name="requests"/> is the current connection (null while the server is not running);
/// <paramref name="readText"/> reads a file's current text (the open document's when open), null when it is missing.
/// </summary>
public sealed class HealController(Func<HealRequests?> requests, IHealUserInterface ui, Func<HealSettings> settings, Func<string, string?> readText)
{
    public const string NotRunning = "the Heal language server is not running";

    public Task RunAsync(HealCommand command, CancellationToken cancellationToken) => command.Kind switch
    {
        HealCommandKind.Heal => HealAsync(command.GroupId, command.Uri, cancellationToken),
        HealCommandKind.ShowErrorDetails => ShowErrorDetailsAsync(command.GroupId, cancellationToken),
        _ => MuteAsync(command.GroupId, cancellationToken),
    };

    /// <summary>Runs heal/heal with progress, then shows the review, or the decline. Returns the review (null when the request failed).</summary>
    public async Task<PatchReview?> HealAsync(string groupId, string? uri, CancellationToken cancellationToken)
    {
        if (requests() is not { } current)
        {
            ui.ShowMessage($"Heal: {NotRunning}.", MessageKind.Error);
            return null;
        }

        HealResult result;
        ui.ReportProgress("Heal: diagnosing and validating…");
        try
        {
            result = await current.HealAsync(new GroupParams { GroupId = groupId }, uri, new Progress(ui), cancellationToken).ConfigureAwait(false);
        }
        catch (HealRequestException e)
        {
            ui.ShowMessage($"Heal failed: {e.Reason}.", MessageKind.Error);
            return null;
        }
        finally
        {
            ui.EndProgress();
        }

        var review = PatchReview.Create(groupId, uri, result, readText);
        if (review.HasPatch)
        {
            await ui.ShowReviewAsync(review).ConfigureAwait(false);
        }
        else
        {
            ui.ShowMessage(review.NoPatchMessage, MessageKind.Warning);
        }

        return review;
    }

    /// <summary>
    /// Asks the server to deliver: it diagnoses and validates again (stateless), pushes a branch and opens the pull request.
    /// Never throws for a refusal: the outcome says why nothing was opened.
    /// </summary>
    public async Task<PullRequestOutcome> OpenPullRequestAsync(string groupId, string? uri, CancellationToken cancellationToken)
    {
        // The server's only source for the repository is this setting (initializationOptions.codeHost): say what to set
        // instead of a round trip that can only fail.
        if (settings().Normalized().CodeHostRepository.Length == 0)
        {
            return PullRequestOutcome.Failed("no repository is set for pull requests; set Tools › Options › Heal › Code host repository (owner/name) and a GitHub token");
        }

        if (requests() is not { } current)
        {
            return PullRequestOutcome.Failed(NotRunning);
        }

        ui.ReportProgress("Heal: opening a pull request…");
        try
        {
            var opened = await current.OpenPullRequestAsync(new OpenPullRequestParams { GroupId = groupId, Uri = uri }, new Progress(ui), cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(opened.Url) ? PullRequestOutcome.Failed("the server opened none") : new PullRequestOutcome(opened.Number, opened.Url, opened.Branch, null);
        }
        catch (HealRequestException e)
        {
            return PullRequestOutcome.Failed(e.Reason);
        }
        finally
        {
            ui.EndProgress();
        }
    }

    public async Task ShowErrorDetailsAsync(string groupId, CancellationToken cancellationToken)
    {
        if (requests() is not { } current)
        {
            ui.ShowMessage($"Heal: {NotRunning}.", MessageKind.Error);
            return;
        }

        try
        {
            if (await current.ErrorDetailsAsync(groupId, cancellationToken).ConfigureAwait(false) is { } details)
            {
                await ui.ShowErrorDetailsAsync(details).ConfigureAwait(false);
            }
        }
        catch (HealRequestException e)
        {
            ui.ShowMessage($"Heal: {e.Reason}.", MessageKind.Error);
        }
    }

    public async Task MuteAsync(string groupId, CancellationToken cancellationToken)
    {
        if (requests() is not { } current)
        {
            ui.ShowMessage($"Heal: {NotRunning}.", MessageKind.Error);
            return;
        }

        try
        {
            var result = await current.MuteAsync(groupId, cancellationToken).ConfigureAwait(false);
            ui.ShowMessage(result.Muted ? $"Heal: muted group {groupId}." : $"Heal: group {groupId} was not muted (unknown to the store).", MessageKind.Information);
        }
        catch (HealRequestException e)
        {
            ui.ShowMessage($"Heal: {e.Reason}.", MessageKind.Error);
        }

        await ui.RefreshErrorsAsync().ConfigureAwait(false);
    }

    /// <summary>Reports synchronously: the UI marshals to its own thread, and messages keep their order.</summary>
    private sealed class Progress(IHealUserInterface ui) : IProgress<string>
    {
        public void Report(string value) => ui.ReportProgress(value);
    }
}
