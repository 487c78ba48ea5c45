using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Review;
using Microsoft.VisualStudio;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;
using Microsoft.VisualStudio.TextManager.Interop;

namespace Heal.VisualStudio;

/// <summary>
/// Accept: exactly the reported edits, through the documents' text buffers inside one linked undo transaction, so
/// Edit › Undo reverts the whole fix at once; then the regression test is written as a new file and opened. The core
/// decides what to write (<see cref="PatchReview.Accept"/>), including refusing when a file changed since the review.
/// </summary>
public static class PatchApplier
{
    /// <summary>Null when applied; otherwise why nothing was written.</summary>
    public static async Task<string?> ApplyAsync(PatchReview review)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        var application = review.Accept(DocumentText.Read);
        if (application.Problem is { } problem)
        {
            return problem;
        }

        var undo = await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsLinkedUndoTransactionManager)) as IVsLinkedUndoTransactionManager;
        undo?.OpenLinkedUndo((uint)LinkedTransactionFlags2.mdtGlobal, "Heal: apply patch");
        try
        {
            foreach (var change in application.Changes)
            {
                VsShellUtilities.OpenDocument(ServiceProvider.GlobalProvider, change.Path);
                var buffer = await DocumentText.OpenBufferAsync(change.Path) ?? throw new InvalidOperationException($"{change.Path} could not be opened");
                foreach (var edit in change.Edits)
                {
                    var text = Marshal.StringToCoTaskMemUni(edit.NewText);
                    try
                    {
                        ErrorHandler.ThrowOnFailure(buffer.ReplaceLines(edit.StartLine, edit.StartCharacter, edit.EndLine, edit.EndCharacter, text, edit.NewText.Length, null));
                    }
                    finally
                    {
                        Marshal.FreeCoTaskMem(text);
                    }
                }
            }

            undo?.CloseLinkedUndo();
        }
        catch (Exception e) when (e is COMException or InvalidOperationException)
        {
            undo?.AbortLinkedUndo();
            return e.Message;
        }

        foreach (var file in application.NewFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, file.Text);
            VsShellUtilities.OpenDocument(ServiceProvider.GlobalProvider, file.Path);
        }

        return null;
    }
}
