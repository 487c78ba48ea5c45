using System.CommandLine;

namespace Heal.Cli;

/// <summary>What a command's body receives: the parsed command line and where to write.</summary>
public sealed record CommandContext(ParseResult Parse, TextWriter Out, TextWriter Error, string Name, bool Json)
{
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);
}

/// <summary>
/// Binds a command's body to its <see cref="Command"/> so every command reports errors the same way: a
/// <see cref="CliException"/> becomes <c>heal &lt;command&gt;: message</c> on stderr (and the JSON error object on
/// stdout with <c>--json</c>) with its exit code; a cancellation is exit 1 with "cancelled".
/// </summary>
public static class CommandAction
{
    public static Command WithAction(this Command command, Func<CommandContext, CancellationToken, Task<int>> run, Option<bool>? json = null)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = parse.InvocationConfiguration;
            var context = new CommandContext(parse, configuration.Output, configuration.Error, "heal " + command.Name, json is not null && parse.GetValue(json));
            try
            {
                return await run(context, cancellationToken);
            }
            catch (CliException e)
            {
                await WriteErrorAsync(context, e.Code, e.Message);
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await WriteErrorAsync(context, "cancelled", "cancelled");
                return ExitCodes.Internal;
            }
        });
        return command;
    }

    public static async Task WriteErrorAsync(CommandContext context, string code, string message)
    {
        if (context.Json)
        {
            await context.Out.WriteLineAsync(CliJson.Error(code, message));
        }

        await context.Error.WriteLineAsync($"{context.Name}: {message}");
    }
}
