using System.Runtime.InteropServices;

namespace Heal.Feed.Receiver;

/// <summary>
/// glibc's malloc, which SQLite and zlib allocate from. By default glibc raises its mmap threshold to the size of the
/// largest block freed, so after one 20 MiB event SQLite's copy of every later large event comes from an arena that is
/// never returned: the feed measured 4 arenas of ~20 MiB each staying resident after three bursts. Fixing the threshold
/// keeps large blocks in their own mappings (returned as soon as they are freed); trimming returns what the arenas free.
/// Elsewhere (musl, macOS, Windows) both are no-ops.
/// </summary>
internal static class NativeHeap
{
    private const int MmapThreshold = -3;

    private static int s_configured;

    /// <summary>Blocks of 128 KiB and more get their own mapping, whatever was freed before (once per process).</summary>
    public static void KeepLargeBlocksMapped()
    {
        if (OperatingSystem.IsLinux() && Interlocked.Exchange(ref s_configured, 1) == 0)
        {
            Call(() => MallOpt(MmapThreshold, 128 * 1024));
        }
    }

    /// <summary>Returns the free memory of every arena to the operating system.</summary>
    public static void Trim()
    {
        if (OperatingSystem.IsLinux())
        {
            Call(() => MallocTrim(0));
        }
    }

    private static void Call(Func<int> call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: its allocator has neither knob.
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
