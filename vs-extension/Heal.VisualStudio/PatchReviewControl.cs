using System;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using Heal.VisualStudio.Core.Review;

namespace Heal.VisualStudio;

/// <summary>The review panel, built in code: headline, root cause, the validation table, the patch text, and the three buttons.</summary>
public sealed class PatchReviewControl : ScrollViewer
{
    private readonly StackPanel _panel = new() { Margin = new Thickness(8) };
    private readonly TextBlock _message = new() { TextWrapping = TextWrapping.Wrap, Margin = new Thickness(0, 6, 0, 0) };

    public PatchReviewControl()
    {
        Content = _panel;
        VerticalScrollBarVisibility = ScrollBarVisibility.Auto;
    }

    public void Show(PatchReview review, PatchReviewActions actions)
    {
        _panel.Children.Clear();
        _panel.Children.Add(new TextBlock { Text = review.Headline, FontWeight = FontWeights.Bold, TextWrapping = TextWrapping.Wrap });
        _panel.Children.Add(new TextBlock { Text = "Root cause: " + review.RootCause, TextWrapping = TextWrapping.Wrap, Margin = new Thickness(0, 4, 0, 4) });
        var table = new Grid();
        foreach (var width in new[] { GridLength.Auto, GridLength.Auto, GridLength.Auto, new GridLength(1, GridUnitType.Star) })
        {
            table.ColumnDefinitions.Add(new ColumnDefinition { Width = width });
        }

        AddRow(table, "", "Gate", "Status", "Detail", bold: true);
        foreach (var row in review.Rows)
        {
            AddRow(table, row.Mark, row.Gate, row.Status, row.Detail, bold: false);
        }

        _panel.Children.Add(table);
        var buttons = new StackPanel { Orientation = Orientation.Horizontal, Margin = new Thickness(0, 8, 0, 0) };
        buttons.Children.Add(Button("Accept", actions.Accept, enabled: review.HasPatch));
        buttons.Children.Add(Button("Reject", actions.Reject, enabled: true));
        buttons.Children.Add(Button("Open pull request", actions.OpenPullRequest, enabled: review.CanOpenPullRequest));
        _panel.Children.Add(buttons);
        _panel.Children.Add(_message);
        _message.Text = "";
        if (review.Result.Patch is { } patch)
        {
            _panel.Children.Add(new TextBox { Text = patch, IsReadOnly = true, FontFamily = new System.Windows.Media.FontFamily("Consolas"), Margin = new Thickness(0, 8, 0, 0) });
        }
    }

    public void Say(string message) => _message.Text = message;

    private static void AddRow(Grid table, string mark, string gate, string status, string detail, bool bold)
    {
        var row = table.RowDefinitions.Count;
        table.RowDefinitions.Add(new RowDefinition { Height = GridLength.Auto });
        var column = 0;
        foreach (var text in new[] { mark, gate, status, detail })
        {
            var cell = new TextBlock { Text = text, Margin = new Thickness(0, 1, 12, 1), TextWrapping = TextWrapping.Wrap, FontWeight = bold ? FontWeights.Bold : FontWeights.Normal };
            Grid.SetRow(cell, row);
            Grid.SetColumn(cell, column++);
            table.Children.Add(cell);
        }
    }

    private static Button Button(string text, Func<Task> onClick, bool enabled)
    {
        var button = new Button { Content = text, IsEnabled = enabled, Margin = new Thickness(0, 0, 6, 0), Padding = new Thickness(8, 2, 8, 2) };
        button.Click += (_, _) => BackgroundWork.Run(onClick, "review-button");
        return button;
    }
}
