using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Heal.VisualStudio.Core.Settings;

namespace Heal.VisualStudio.Core.Server;

/// <summary>
/// Finds the <c>heal</c> to run as the language server, in this order: the Server path setting (a <c>heal</c>
/// executable, or a <c>heal.dll</c> run with <c>dotnet</c>), the build bundled in the extension's <c>server</c>
/// folder, then <c>heal</c> on PATH. Never throws: a missing server is a message naming the setting to change.
/// </summary>
public static class ServerLocator
{
    public const string SettingName = "Tools › Options › Heal › Server path";

    public static (ServerLaunch? Launch, string? Problem) Locate(string extensionDirectory, HealSettings settings, string? workingDirectory,
        string? pathVariable, bool isWindows, Func<string, bool> fileExists)
    {
        var empty = new Dictionary<string, string>();
        var configured = settings.Normalized().ServerPath;
        if (configured.Length > 0)
        {
            return fileExists(configured)
                ? (LaunchOf(configured, workingDirectory, empty), null)
                : (null, $"Heal language server not found at {configured}. Set {SettingName} to a heal executable or heal.dll.");
        }

        var bundled = Path.Combine(extensionDirectory, "server");
        foreach (var candidate in new[] { Path.Combine(bundled, isWindows ? "heal.exe" : "heal"), Path.Combine(bundled, "heal.dll") })
        {
            if (fileExists(candidate))
            {
                return (LaunchOf(candidate, workingDirectory, empty), null);
            }
        }

        var separator = isWindows ? ';' : ':';
        var name = isWindows ? "heal.exe" : "heal";
        foreach (var directory in (pathVariable ?? "").Split([separator], StringSplitOptions.RemoveEmptyEntries).Select(d => d.Trim('"')))
        {
            var candidate = Path.Combine(directory, name);
            if (fileExists(candidate))
            {
                return (LaunchOf(candidate, workingDirectory, empty), null);
            }
        }

        return (null, $"No Heal language server: none bundled in {bundled} and no {name} on PATH. Set {SettingName} to a heal executable or heal.dll.");
    }

    private static ServerLaunch LaunchOf(string program, string? workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ServerLaunch("dotnet", [program, "lsp"], workingDirectory, environment)
            : new ServerLaunch(program, ["lsp"], workingDirectory, environment);
}
