namespace Heal.Validation;

/// <summary>
/// Deletes a folder Heal made, whatever code ran in it did: symbolic links are removed, never followed, and folders
/// made unreadable (mode 000) are opened again first. Never throws.
/// </summary>
public static class SafeDelete
{
    public static void Directory(string path)
    {
        try
        {
            var root = new DirectoryInfo(path);
            if (!root.Exists)
            {
                return;
            }

            if (root.LinkTarget is not null)
            {
                root.Delete();
                return;
            }

            if (!OperatingSystem.IsWindows())
            {
                OpenUp(root);
            }

            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A process still holds a file; what is left is inside Heal's own work folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void OpenUp(DirectoryInfo folder)
    {
        try
        {
            folder.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            foreach (var child in folder.EnumerateDirectories())
            {
                if (child.LinkTarget is null)
                {
                    OpenUp(child);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
