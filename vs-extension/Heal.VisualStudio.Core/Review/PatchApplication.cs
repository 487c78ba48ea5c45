using System.Collections.Generic;

namespace Heal.VisualStudio.Core.Review;

/// <summary>
/// What Accept writes, exactly the reported edit: the changes to existing files (one undoable edit in Visual Studio)
/// and the new files. <see cref="Problem"/> is set instead when a file changed since the patch was made.
/// </summary>
public sealed record PatchApplication(IReadOnlyList<FileChange> Changes, IReadOnlyList<NewFile> NewFiles, string? Problem);
