using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Grouping;

/// <summary>
/// What makes two events the same bug. <see cref="Basis"/> is the readable text that was hashed, so a surprising
/// grouping can be explained by reading it.
/// </summary>
/// <param name="Hash">SHA-256 of <see cref="Basis"/> (UTF-8), 64 lowercase hex digits.</param>
/// <param name="GroupId">The first 16 hex digits of <see cref="Hash"/>: the <see cref="ErrorGroup"/> id.</param>
/// <param name="Basis">One line per ingredient, e.g. <c>type: System.NullReferenceException</c>, <c>frame: Demo.Worker.Helper (Worker.cs)</c>.</param>
public sealed record Fingerprint(string Hash, string GroupId, string Basis)
{
    /// <summary>How many app frames nearest the crash identify the bug; deeper callers vary without it being another bug.</summary>
    public const int InAppFrameCount = 5;

    /// <summary>How many frames nearest the crash identify the bug when none is known to be app code.</summary>
    public const int AnyFrameCount = 30;

    private const int MaxPartLength = 256;

    public static Fingerprint Compute(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        var basis = errorEvent.SdkFingerprint.IsDefaultOrEmpty
            ? DefaultBasis(errorEvent)
            : CustomBasis(errorEvent);
        return FromBasis(basis);
    }

    public static Fingerprint FromBasis(string basis)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
        return new Fingerprint(hash, hash[..16], basis);
    }

    /// <summary>The SDK's own fingerprint; each <c>{{ default }}</c> stands for what Heal would have used.</summary>
    private static string CustomBasis(ErrorEvent errorEvent)
    {
        var lines = new List<string>();
        foreach (var part in errorEvent.SdkFingerprint)
        {
            if (IsDefaultPlaceholder(part))
            {
                lines.Add(DefaultBasis(errorEvent));
            }
            else
            {
                lines.Add("part: " + OneLine(part));
            }
        }

        return string.Join("\n", lines);
    }

    private static bool IsDefaultPlaceholder(string part)
    {
        var trimmed = part.Trim();
        return trimmed.StartsWith("{{", StringComparison.Ordinal)
            && trimmed.EndsWith("}}", StringComparison.Ordinal)
            && trimmed[2..^2].Trim() == "default";
    }

    private static string DefaultBasis(ErrorEvent errorEvent)
    {
        var lines = new List<string>();
        var culprit = errorEvent.Culprit;
        ImmutableArray<StackFrame> frames;
        if (culprit is not null)
        {
            lines.Add("type: " + OneLine(QualifiedType(culprit)));
            frames = culprit.Frames;
        }
        else
        {
            lines.Add("type: (message)");
            frames = errorEvent.Stacktrace;
        }

        var chosen = ChooseFrames(frames);
        if (chosen.Count > 0)
        {
            lines.AddRange(chosen.Select(f => "frame: " + FrameIdentity(f)));
        }
        else
        {
            var message = culprit is not null ? culprit.Value : errorEvent.Message;
            lines.Add("message: " + OneLine(MessageNormalizer.Normalize(message)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>App frames nearest the crash; else frames of unknown origin (pasted traces); else any frames.</summary>
    private static List<StackFrame> ChooseFrames(ImmutableArray<StackFrame> frames)
    {
        if (frames.IsDefaultOrEmpty)
        {
            return [];
        }

        var inApp = frames.Where(f => f.InApp == true).ToList();
        if (inApp.Count == 0)
        {
            inApp = frames.Where(f => f.InApp is null).ToList();
        }

        return inApp.Count > 0
            ? inApp.TakeLast(InAppFrameCount).ToList()
            : frames.TakeLast(AnyFrameCount).ToList();
    }

    /// <summary>The type with its module when the SDK sends them apart (Python <c>myapp.errors</c> + <c>OrderError</c>).</summary>
    private static string QualifiedType(ExceptionInfo exception)
    {
        var module = exception.Module;
        // .NET sends an assembly name ("Demo, Version=…") as the module; builtins carry no information.
        if (string.IsNullOrWhiteSpace(module) || module.Contains(',', StringComparison.Ordinal)
            || module is "builtins" or "exceptions" || exception.Type.StartsWith(module + ".", StringComparison.Ordinal))
        {
            return exception.Type;
        }

        return module + "." + exception.Type;
    }

    private static string FrameIdentity(StackFrame frame)
    {
        var identity = FunctionIdentity.Of(frame.Module, frame.Function);
        var file = FileName(frame.File ?? frame.AbsolutePath);
        var text = file.Length > 0 ? $"{identity} ({file})" : identity;
        return OneLine(text.Length > 0 ? text : "?");
    }

    private static string FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    private static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Event data must not be able to forge extra basis lines.
        var single = text.ReplaceLineEndings(" ");
        return single.Length > MaxPartLength ? single[..MaxPartLength] : single;
    }
}
