using System.IO;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;
using Microsoft.VisualStudio.TextManager.Interop;

namespace Heal.VisualStudio;

/// <summary>A file's current text: the open document's buffer when it is open (unsaved edits included), else the file on disk.</summary>
public static class DocumentText
{
    public static string? Read(string path) =>
        ThreadHelper.JoinableTaskFactory.Run(async () =>
        {
            await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
            if (await OpenBufferAsync(path) is { } buffer)
            {
                return TextOf(buffer);
            }

            return File.Exists(path) ? File.ReadAllText(path) : null;
        });

    /// <summary>The open document's text buffer, or null when the file is not open.</summary>
    public static async System.Threading.Tasks.Task<IVsTextLines?> OpenBufferAsync(string path)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsRunningDocumentTable)) is not IVsRunningDocumentTable table)
        {
            return null;
        }

        var result = table.FindAndLockDocument((uint)_VSRDTFLAGS.RDT_NoLock, path, out _, out _, out var data, out _);
        try
        {
            return result == 0 && data != System.IntPtr.Zero ? System.Runtime.InteropServices.Marshal.GetObjectForIUnknown(data) as IVsTextLines : null;
        }
        finally
        {
            if (data != System.IntPtr.Zero)
            {
                System.Runtime.InteropServices.Marshal.Release(data);
            }
        }
    }

    public static string TextOf(IVsTextLines buffer)
    {
        ThreadHelper.ThrowIfNotOnUIThread();
        buffer.GetLastLineIndex(out var lastLine, out var lastIndex);
        buffer.GetLineText(0, 0, lastLine, lastIndex, out var text);
        return text;
    }
}
