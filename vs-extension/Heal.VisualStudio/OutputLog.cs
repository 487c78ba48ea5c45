using System;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;

namespace Heal.VisualStudio;

/// <summary>The "Heal" pane of the Output window: the server's stderr (secrets masked by the core) and what the extension did.</summary>
public static class OutputLog
{
    private static readonly Guid s_pane = new("8a1d2b3c-4d5e-4f60-8172-93a4b5c6d7e8");

    public static void Write(string line)
    {
        BackgroundWork.Run(async () =>
        {
            await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
            if (await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsOutputWindow)) is not IVsOutputWindow output)
            {
                return;
            }

            var id = s_pane;
            if (output.GetPane(ref id, out var pane) != 0 || pane is null)
            {
                output.CreatePane(ref id, "Heal", 1, 1);
                output.GetPane(ref id, out pane);
            }

            pane?.OutputStringThreadSafe(line + Environment.NewLine);
        }, "output");
    }
}
