using System.Globalization;
using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Tests.Parsing;

/// <summary>Renders a parsed event as short readable text, so a test states its whole expectation in a few lines.</summary>
internal static class EventDump
{
    public static string Render(ErrorEvent e, bool withContext = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{e.Id} {e.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z {e.Platform} {e.Level}\n");
        text.Append(CultureInfo.InvariantCulture, $"release={e.Release} env={e.Environment} server={e.ServerName}\n");
        if (e.Message is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"message: {e.Message}\n");
        }

        foreach (var exception in e.Exceptions)
        {
            text.Append(CultureInfo.InvariantCulture, $"exception {exception.Type}: {exception.Value}");
            if (exception.Mechanism is { } mechanism)
            {
                text.Append(CultureInfo.InvariantCulture, $" [{mechanism.Type} handled={Show(mechanism.Handled)}]");
            }

            text.Append('\n');
            RenderFrames(text, exception.Frames, withContext);
        }

        if (!e.Stacktrace.IsEmpty)
        {
            text.Append("stacktrace\n");
            RenderFrames(text, e.Stacktrace, withContext);
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void RenderFrames(StringBuilder text, IEnumerable<StackFrame> frames, bool withContext)
    {
        foreach (var f in frames)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {f.Module} | {f.Function} | {f.File} | {f.AbsolutePath} | {f.Line}:{f.Column} | in_app={Show(f.InApp)}\n");
            if (withContext && f.ContextLine is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"    > {f.ContextLine.TrimEnd('\n')} (pre {f.PreContext.Length}, post {f.PostContext.Length})\n");
            }

            if (withContext)
            {
                foreach (var (name, value) in f.Vars.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    text.Append(CultureInfo.InvariantCulture, $"    {name} = {value}\n");
                }
            }
        }
    }

    private static string Show(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "null",
    };
}
