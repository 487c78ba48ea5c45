using System.Reflection.PortableExecutable;

namespace Heal.VisualStudio.Packaging;

/// <summary>
/// What a .NET assembly was compiled for: IL only, or ReadyToRun native code and for which OS. A ReadyToRun image for
/// Windows x64 keeps the plain AMD64 machine type; for other OSes crossgen2 XORs it with an OS value (Linux 0x7B79,
/// macOS 0x4644, FreeBSD 0xADC4, NetBSD 0x1993).
/// </summary>
public static class ReadyToRun
{
    public static string Describe(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var headers = reader.PEHeaders;
        if (headers.CorHeader is null)
        {
            return "not a .NET assembly";
        }

        if (headers.CorHeader.ManagedNativeHeaderDirectory.Size == 0)
        {
            return "IL only (not ReadyToRun)";
        }

        var machine = (ushort)headers.CoffHeader.Machine;
        var target = machine switch
        {
            0x8664 => "windows-x64",
            0x8664 ^ 0x7B79 => "linux-x64",
            0x8664 ^ 0x4644 => "osx-x64",
            _ => $"machine 0x{machine:x4}",
        };
        return $"ReadyToRun for {target}";
    }
}
