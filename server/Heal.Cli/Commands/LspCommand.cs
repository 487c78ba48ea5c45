using System.CommandLine;
using Heal.LanguageServer;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal lsp</c>: the language server over stdio. Console output is redirected to stderr first, so nothing but
/// JSON-RPC can ever reach stdout.
/// </summary>
public static class LspCommand
{
    public static Command Create()
    {
        var command = new Command("lsp", "Run the language server over stdio (editors start it; its options come in initialize).");
        return command.WithAction((context, cancellationToken) => RunAsync(context.Error, cancellationToken));
    }

    private static async Task<int> RunAsync(TextWriter stderr, CancellationToken cancellationToken)
    {
        var output = Console.OpenStandardOutput();
        Console.SetOut(stderr);
        await using var input = Console.OpenStandardInput();
        await using (output)
        {
            return await LanguageServerHost.RunAsync(input, output, stderr, cancellationToken);
        }
    }
}
