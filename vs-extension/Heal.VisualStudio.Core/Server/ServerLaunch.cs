using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Heal.VisualStudio.Core.Server;

/// <summary>
/// How to run <c>heal lsp</c>: the program, its arguments, the folder and the variables added to its environment (the
/// tokens). <see cref="ToString"/> leaves the environment out, so a launch can be logged without leaking a token.
/// </summary>
public sealed record ServerLaunch(string Program, IReadOnlyList<string> Arguments, string? WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>This launch with these variables added to the environment (later ones win).</summary>
    public ServerLaunch WithEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        var merged = Environment.ToDictionary(p => p.Key, p => p.Value);
        foreach (var pair in variables)
        {
            merged[pair.Key] = pair.Value;
        }

        return this with { Environment = merged };
    }

    public ProcessStartInfo ToStartInfo()
    {
        var start = new ProcessStartInfo(Program, string.Join(" ", Arguments.Select(Quote)))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = null,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (WorkingDirectory is { Length: > 0 } directory)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var pair in Environment)
        {
            start.EnvironmentVariables[pair.Key] = pair.Value;
        }

        return start;
    }

    /// <summary>The command line, without the environment.</summary>
    public override string ToString() => string.Join(" ", new[] { Program }.Concat(Arguments).Select(Quote));

    /// <summary>Quotes one argument the way both the Windows C runtime and .NET's argument parser split it back.</summary>
    internal static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"'))
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        quoted.Append('\\', backslashes * 2).Append('"');
        return quoted.ToString();
    }
}
