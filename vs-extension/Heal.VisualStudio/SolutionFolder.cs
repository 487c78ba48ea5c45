using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;

namespace Heal.VisualStudio;

/// <summary>The open solution's folder: the server's working directory (its workspace root comes in initialize).</summary>
public static class SolutionFolder
{
    public static async Task<string?> FindAsync()
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsSolution)) is IVsSolution solution
            && solution.GetSolutionInfo(out var directory, out _, out _) == 0 && Directory.Exists(directory))
        {
            return directory;
        }

        return null;
    }
}
