namespace Heal.Cli;

/// <summary>
/// The command table. Exit codes: 0 success, 2 usage error, 1 internal error; commands may add their own
/// (e.g. 3 for declined).
/// </summary>
public static class CommandLine
{
    public const int ExitOk = 0;
    public const int ExitInternal = 1;
    public const int ExitUsage = 2;

    private static readonly IReadOnlyDictionary<string, (string Summary, Func<Arguments, TextWriter, TextWriter, CancellationToken, Task<int>> Run)> s_commands =
        new Dictionary<string, (string, Func<Arguments, TextWriter, TextWriter, CancellationToken, Task<int>>)>(StringComparer.Ordinal)
        {
            // One line per command; keep this table the only place commands are registered.
            ["demo"] = (Commands.DemoCommand.Summary, Commands.DemoCommand.RunAsync),
            ["diagnose"] = (Commands.DiagnoseCommand.Summary, Commands.DiagnoseCommand.RunAsync),
            ["errors"] = (Commands.ErrorsCommand.Summary, Commands.ErrorsCommand.RunAsync),
            ["feed"] = (Commands.FeedCommand.Summary, Commands.FeedCommand.RunAsync),
            ["fix"] = (Commands.FixCommand.Summary, Commands.FixCommand.RunAsync),
            ["lsp"] = (Commands.LspCommand.Summary, Commands.LspCommand.RunAsync),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(stdout);
            return args.Length == 0 ? ExitUsage : ExitOk;
        }

        if (!s_commands.TryGetValue(args[0], out var command))
        {
            await stderr.WriteLineAsync($"heal: unknown command '{args[0]}'. Run 'heal --help' for the list.");
            return ExitUsage;
        }

        if (args.AsSpan(1).ContainsAny("-h", "--help"))
        {
            await stdout.WriteLineAsync($"heal {args[0]}: {command.Summary}");
            return ExitOk;
        }

        Arguments arguments;
        try
        {
            arguments = Arguments.Parse(args.AsSpan(1));
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"heal {args[0]}: {e.Message}");
            return ExitUsage;
        }

        try
        {
            return await command.Run(arguments, stdout, stderr, cancellationToken);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"heal {args[0]}: {e.Message}");
            return ExitUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"heal {args[0]}: cancelled");
            return ExitInternal;
        }
    }

    private static void WriteHelp(TextWriter stdout)
    {
        stdout.WriteLine("heal: self-healing code for .NET teams");
        stdout.WriteLine();
        stdout.WriteLine("Commands:");
        foreach (var (name, command) in s_commands.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            stdout.WriteLine($"  {name,-10} {command.Summary}");
        }
    }
}
