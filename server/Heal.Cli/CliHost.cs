using Heal.Pipeline.Hosting;

namespace Heal.Cli;

/// <summary>The CLI's door to the composition root: options from the command line, the current folder, the process environment.</summary>
public static class CliHost
{
    public static HealHost Create(string? store = null, bool offline = false) => new(new HealOptions
    {
        Folder = Directory.GetCurrentDirectory(),
        Store = store,
        Offline = offline,
    });

    /// <summary>Tells the user on stderr when the store in use is not where they would look for it.</summary>
    public static async Task WriteNoticeAsync(HealHost host, CommandContext context)
    {
        if (host.Store.Notice is { } notice)
        {
            await context.Error.WriteLineAsync($"{context.Name}: {notice}");
        }
    }
}
