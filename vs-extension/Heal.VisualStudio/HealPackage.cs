using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Review;
using Microsoft.VisualStudio;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;
using Task = System.Threading.Tasks.Task;

namespace Heal.VisualStudio;

/// <summary>
/// The package: registers the Production Errors and patch-review tool windows and Tools › Options › Heal, and shows
/// them for the language client. It holds no logic; <see cref="HealLanguageClient"/> and the core do the work.
/// </summary>
[PackageRegistration(UseManagedResourcesOnly = true, AllowsBackgroundLoading = true)]
[Guid(HealGuids.Package)]
[ProvideToolWindow(typeof(ProductionErrorsToolWindow), Style = VsDockStyle.Tabbed, Window = ToolWindowGuids80.ErrorList)]
[ProvideToolWindowVisibility(typeof(ProductionErrorsToolWindow), VSConstants.UICONTEXT.SolutionExists_string)]
[ProvideToolWindow(typeof(PatchReviewToolWindow), Style = VsDockStyle.Tabbed, Window = ToolWindowGuids80.ErrorList)]
[ProvideOptionPage(typeof(HealOptionsPage), "Heal", "General", 0, 0, true)]
[ProvideAutoLoad(VSConstants.UICONTEXT.SolutionExists_string, PackageAutoLoadFlags.BackgroundLoad)]
[ProvideBindingPath]
public sealed class HealPackage : AsyncPackage
{
    public HealOptionsPage Options => (HealOptionsPage)GetDialogPage(typeof(HealOptionsPage));

    /// <summary>Loads the package (the language client is created by MEF, which does not load it).</summary>
    public static async Task<HealPackage?> LoadAsync()
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        if (await AsyncServiceProvider.GlobalProvider.GetServiceAsync(typeof(SVsShell)) is not IVsShell shell)
        {
            return null;
        }

        var id = new Guid(HealGuids.Package);
        return shell.LoadPackage(ref id, out var package) == VSConstants.S_OK ? package as HealPackage : null;
    }

    public async Task<ProductionErrorsToolWindow?> ShowProductionErrorsAsync(CancellationToken cancellationToken)
    {
        var window = await ShowToolWindowAsync(typeof(ProductionErrorsToolWindow), 0, create: true, cancellationToken);
        return window as ProductionErrorsToolWindow;
    }

    public async Task ShowReviewAsync(PatchReview review, PatchReviewActions actions, CancellationToken cancellationToken)
    {
        if (await ShowToolWindowAsync(typeof(PatchReviewToolWindow), 0, create: true, cancellationToken) is PatchReviewToolWindow window)
        {
            window.Show(review, actions);
        }
    }

    protected override async Task InitializeAsync(CancellationToken cancellationToken, IProgress<ServiceProgressData> progress)
    {
        await base.InitializeAsync(cancellationToken, progress);
    }
}
