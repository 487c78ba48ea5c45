using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Heal.VisualStudio.Core.Errors;
using Microsoft.VisualStudio.Shell;

namespace Heal.VisualStudio;

/// <summary>The "Production Errors" tool window: groups → frames from heal/listErrors; double-clicking a frame opens its line.</summary>
[Guid(HealGuids.ProductionErrorsToolWindow)]
public sealed class ProductionErrorsToolWindow : ToolWindowPane
{
    private readonly ProductionErrorsControl _control = new();

    public ProductionErrorsToolWindow()
        : base(null)
    {
        Caption = "Production Errors";
        Content = _control;
    }

    /// <summary>Raised when the user asks for a refresh, a heal or a mute from the tree.</summary>
    public ProductionErrorsControl Control => _control;

    public void Show(IReadOnlyList<ErrorGroupNode> groups, string status) => _control.Show(groups, status);

    public void ShowDetails(string text) => _control.ShowDetails(text);
}
