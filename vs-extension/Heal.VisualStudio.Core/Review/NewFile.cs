namespace Heal.VisualStudio.Core.Review;

/// <summary>A file Accept creates (the regression test): it must not exist yet.</summary>
public sealed record NewFile(string Path, string Uri, string RelativePath, string Text);
