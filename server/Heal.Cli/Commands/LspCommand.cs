using Heal.LanguageServer;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal lsp</c>: the language server over stdio. Console output is redirected to stderr first, so nothing but
/// JSON-RPC can ever reach stdout.
/// </summary>
public static class LspCommand
{
    public const string Summary = "run the language server over stdio (editors start it; options come in initialize)";

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown();
        var output = Console.OpenStandardOutput();
        Console.SetOut(stderr);
        await using var input = Console.OpenStandardInput();
        await using (output)
        {
            return await LanguageServerHost.RunAsync(input, output, stderr, cancellationToken);
        }
    }
}
