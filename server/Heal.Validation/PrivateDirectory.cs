using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Heal.Validation;

/// <summary>
/// Heal's own folder for worktrees, the build cache and test results. By default it is <c>$TMPDIR/heal-&lt;user&gt;</c>
/// (one per user, not a fixed shared name), created with mode 0700. A folder that already exists is used only when it
/// is a real folder (not a symbolic link), owned by the current user and closed to everyone else: another user of a
/// shared temporary folder could otherwise have created it first and read or replace what Heal builds there.
/// </summary>
public static class PrivateDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OpenToOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary><c>$TMPDIR/heal-&lt;user&gt;</c>; on Windows <c>%TEMP%\heal</c> (already a per-user folder there).</summary>
    public static string DefaultWorkRoot { get; } = Path.Combine(Path.GetTempPath(), OperatingSystem.IsWindows() ? "heal" : "heal-" + UserTag());

    /// <summary>Creates <paramref name="path"/> with mode 0700, or checks the folder that is there. Throws <see cref="IOException"/> saying what is wrong.</summary>
    public static string Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Path.Exists(full))
        {
            var parent = Path.GetDirectoryName(full);
            if (parent is not null)
            {
                Directory.CreateDirectory(parent);
            }

            try
            {
                Directory.CreateDirectory(full, OwnerOnly);
            }
            catch (IOException)
            {
                // Someone made it in the meantime; the checks below decide whether it can be used.
            }
        }

        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null)
        {
            throw new IOException($"{full} is a symbolic link; Heal works only in a folder it created itself (remove the link)");
        }

        if (!info.Exists)
        {
            throw new IOException($"{full} is not a folder; Heal needs it for its worktrees and build cache (remove it)");
        }

        if (OperatingSystem.IsLinux() && OwnerOf(full) is { } owner && owner != geteuid())
        {
            throw new IOException($"{full} belongs to user {owner.ToString(CultureInfo.InvariantCulture)}, not to you (user {geteuid().ToString(CultureInfo.InvariantCulture)}); Heal works only in a folder of its own (remove it, or set TMPDIR)");
        }

        if ((info.UnixFileMode & OpenToOthers) != 0)
        {
            throw new IOException($"{full} is open to other users (mode {Convert.ToString((int)info.UnixFileMode, 8)}); Heal keeps its worktrees and build cache where only you can read them (chmod 700 it, or remove it)");
        }

        return full;
    }

    /// <summary>The user name as a file-name part; the numeric user id when the name has other characters.</summary>
    private static string UserTag()
    {
        var name = Environment.UserName;
        if (name.Length > 0 && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return name;
        }

        return OperatingSystem.IsWindows() ? "user" : geteuid().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The owner's user id through <c>statx</c> (its layout is the same on every Linux architecture); null when it cannot be read.</summary>
    private static uint? OwnerOf(string path)
    {
        const int AtFdCwd = -100;
        const int AtSymlinkNoFollow = 0x100;
        const uint StatxUid = 0x8;
        var buffer = new byte[256];
        try
        {
            return statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), AtSymlinkNoFollow, StatxUid, buffer) == 0
                ? BitConverter.ToUInt32(buffer, 20)
                : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
}
