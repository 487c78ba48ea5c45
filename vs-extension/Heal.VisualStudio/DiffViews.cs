using System;
using System.IO;
using Heal.VisualStudio.Core.Review;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;

namespace Heal.VisualStudio;

/// <summary>
/// Opens Visual Studio's diff view for each file of a review. Both sides are temporary copies under the temp folder
/// (the text as reviewed and as Accept would leave it), so the diff never edits the user's files.
/// </summary>
public static class DiffViews
{
    public static void Open(PatchReview review)
    {
        ThreadHelper.ThrowIfNotOnUIThread();
        if (ServiceProvider.GlobalProvider.GetService(typeof(SVsDifferenceService)) is not IVsDifferenceService diff)
        {
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "heal-review", review.GroupId, Guid.NewGuid().ToString("N").Substring(0, 8));
        for (var i = 0; i < review.Files.Count; i++)
        {
            var file = review.Files[i];
            var name = Path.GetFileName(file.Path);
            var left = Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "before", name);
            var right = Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "after", name);
            Directory.CreateDirectory(Path.GetDirectoryName(left)!);
            Directory.CreateDirectory(Path.GetDirectoryName(right)!);
            File.WriteAllText(left, file.OriginalText);
            File.WriteAllText(right, file.PatchedText);
            var options = (uint)(__VSDIFFSERVICEOPTIONS.VSDIFFOPT_LeftFileIsTemporary | __VSDIFFSERVICEOPTIONS.VSDIFFOPT_RightFileIsTemporary);
            diff.OpenComparisonWindow2(left, right, file.Title, file.Path, file.IsNew ? "(new file)" : name, "Heal patch", file.Title, null, options);
        }
    }
}
