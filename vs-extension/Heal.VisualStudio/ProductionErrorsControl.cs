using System;
using System.Collections.Generic;
using System.Windows;
using System.Windows.Controls;
using System.Windows.Input;
using Heal.VisualStudio.Core.Errors;

namespace Heal.VisualStudio;

/// <summary>
/// The tree of the Production Errors window, built in code (no XAML: the build runs on Linux). Event text is shown as
/// plain text only. Buttons: Refresh, and Heal / Mute for the selected group.
/// </summary>
public sealed class ProductionErrorsControl : DockPanel
{
    private readonly TreeView _tree = new();
    private readonly TextBlock _status = new() { Margin = new Thickness(4) };
    private readonly TextBox _details = new() { IsReadOnly = true, TextWrapping = TextWrapping.Wrap, VerticalScrollBarVisibility = ScrollBarVisibility.Auto, MaxHeight = 240, Visibility = Visibility.Collapsed };

    public ProductionErrorsControl()
    {
        var bar = new StackPanel { Orientation = Orientation.Horizontal };
        bar.Children.Add(Button("Refresh", () => RefreshRequested?.Invoke()));
        bar.Children.Add(Button("Heal this error", () => Selected(id => HealRequested?.Invoke(id))));
        bar.Children.Add(Button("Mute this error", () => Selected(id => MuteRequested?.Invoke(id))));
        bar.Children.Add(_status);
        SetDock(bar, Dock.Top);
        SetDock(_details, Dock.Bottom);
        Children.Add(bar);
        Children.Add(_details);
        Children.Add(_tree);
        _tree.MouseDoubleClick += OnDoubleClick;
    }

    public event Action? RefreshRequested;

    public event Action<string>? HealRequested;

    public event Action<string>? MuteRequested;

    /// <summary>A frame that links to the workspace was double-clicked: its file and zero-based line and character.</summary>
    public event Action<ErrorFrameNode>? FrameOpened;

    public void Show(IReadOnlyList<ErrorGroupNode> groups, string status)
    {
        _status.Text = status;
        _tree.Items.Clear();
        foreach (var group in groups)
        {
            var item = new TreeViewItem { Header = $"{group.Label}    {group.Description}", ToolTip = group.Tooltip, Tag = group };
            foreach (var frame in group.Frames)
            {
                item.Items.Add(new TreeViewItem { Header = $"{frame.Label}    {frame.Description}", Tag = frame, IsEnabled = true });
            }

            _tree.Items.Add(item);
        }
    }

    public void ShowDetails(string text)
    {
        _details.Text = text;
        _details.Visibility = Visibility.Visible;
    }

    private static Button Button(string text, Action onClick)
    {
        var button = new Button { Content = text, Margin = new Thickness(2), Padding = new Thickness(6, 1, 6, 1) };
        button.Click += (_, _) => onClick();
        return button;
    }

    private void Selected(Action<string> act)
    {
        if (_tree.SelectedItem is TreeViewItem { Tag: ErrorGroupNode group })
        {
            act(group.GroupId);
        }
        else if (_tree.SelectedItem is TreeViewItem { Parent: TreeViewItem { Tag: ErrorGroupNode parent } })
        {
            act(parent.GroupId);
        }
    }

    private void OnDoubleClick(object sender, MouseButtonEventArgs e)
    {
        if (_tree.SelectedItem is TreeViewItem { Tag: ErrorFrameNode { CanOpen: true } frame })
        {
            FrameOpened?.Invoke(frame);
            e.Handled = true;
        }
    }
}
