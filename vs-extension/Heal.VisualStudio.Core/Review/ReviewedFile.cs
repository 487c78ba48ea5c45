namespace Heal.VisualStudio.Core.Review;

/// <summary>One side-by-side diff of the review: the file as it is (empty for a new file) and as Accept would leave it.</summary>
public sealed record ReviewedFile(string Path, string Uri, string Title, string OriginalText, string PatchedText, bool IsNew);
