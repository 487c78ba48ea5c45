using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;

namespace Heal.Cli;

/// <summary>
/// The command table (System.CommandLine): one <see cref="RootCommand"/> holding every command, each defined with its
/// options and their descriptions in its own class (<c>Commands/*Command.Create</c>). The README's command reference is
/// generated from the same definitions (<see cref="CommandReference"/>), so help and documentation cannot disagree.
/// Exit codes are <see cref="ExitCodes"/>; with <c>--json</c>, errors (usage errors included) are JSON too.
/// </summary>
public static class CommandLine
{
    public const string Description = "Heal: self-healing code for .NET teams. Production errors in, validated patches out.";

    public static RootCommand Build()
    {
        var root = new RootCommand(Description)
        {
            Commands.FeedCommand.Create(),
            Commands.ErrorsCommand.Create(),
            Commands.DiagnoseCommand.Create(),
            Commands.FixCommand.Create(),
            Commands.DemoCommand.Create(),
            Commands.LspCommand.Create(),
            Commands.CompletionCommand.Create(),
        };

        // Help names the tool "heal" whatever the host process is called (dotnet heal.dll, a test host, the tool shim).
        root.HelpName = "heal";
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = Build();
        // Heal handles SIGINT/SIGTERM itself (below), so the library's own handler, which would force an exit code, is off.
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (args.Length == 0)
        {
            // A bare `heal` shows what there is to run, and is a usage error for scripts.
            await root.Parse(["--help"]).InvokeAsync(configuration, cancellationToken);
            return ExitCodes.Usage;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return await ReportParseErrorsAsync(parse, args, configuration, cancellationToken);
        }

        // The first Ctrl+C or SIGTERM cancels the command, which then cleans up (the feed commits what is queued, fix removes
        // its worktree, the demo stops its feed); a second one terminates the process as usual.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await parse.InvokeAsync(configuration, stop.Token);

        void Stop(PosixSignalContext signal)
        {
            if (!stop.IsCancellationRequested)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
        }
    }

    private static async Task<int> ReportParseErrorsAsync(ParseResult parse, string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var command = CommandPath(parse);
        if (args.Contains("--json", StringComparer.Ordinal))
        {
            var message = string.Join(" ", parse.Errors.Select(e => e.Message));
            await configuration.Output.WriteLineAsync(CliJson.Error("usage", message));
            await configuration.Error.WriteLineAsync($"{command}: {message}");
            return ExitCodes.Usage;
        }

        if (parse.Action is ParseErrorAction errorAction)
        {
            // The library prints each error and, for a misspelt command or option, the names it probably meant.
            errorAction.ShowHelp = false;
            errorAction.ShowTypoCorrections = true;
        }

        // Errors and suggestions all go to stderr: stdout stays for the command's output.
        await parse.InvokeAsync(new InvocationConfiguration { Output = configuration.Error, Error = configuration.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        await configuration.Error.WriteLineAsync($"Run '{command} --help' for the options.");
        return ExitCodes.Usage;
    }

    /// <summary>"heal fix" for a parse of <c>heal fix …</c>: the command the user was typing.</summary>
    internal static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "heal" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
