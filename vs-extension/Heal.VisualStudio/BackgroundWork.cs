using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Shell;

namespace Heal.VisualStudio;

/// <summary>
/// Fire-and-forget work started from an event handler (a button, a server exit): it runs on Visual Studio's joinable
/// task factory, and a fault is filed to Visual Studio's telemetry and activity log instead of being lost.
/// </summary>
public static class BackgroundWork
{
    public static void Run(Func<Task> work, string name)
    {
#pragma warning disable VSSDK007 // Nothing waits for UI work started from an event handler; FileAndForget records a fault.
        ThreadHelper.JoinableTaskFactory.RunAsync(work).FileAndForget("vs/heal/" + name);
#pragma warning restore VSSDK007
    }
}
