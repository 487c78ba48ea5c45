using System.Text;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// Bytes from the client made safe for a log line: printable ASCII kept, everything else (control characters, escape
/// sequences, invalid UTF-8) written as <c>\xNN</c>, and cut to a few dozen bytes.
/// </summary>
public static class LogText
{
    public const int MaxBytes = 48;

    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, MaxBytes)])
        {
            if (b is >= 0x20 and < 0x7f and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return bytes.Length > MaxBytes ? text.Append("...").ToString() : text.ToString();
    }
}
