namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// The <c>heal/*</c> requests and the commands of the server's code actions and code lenses, named once (mirrors
/// docs/lsp-extensions.md and vscode-extension/src/lspExt.ts).
/// </summary>
public static class HealMethods
{
    public const string Heal = "heal/heal";

    public const string OpenPullRequest = "heal/openPullRequest";

    public const string Mute = "heal/mute";

    public const string ErrorDetails = "heal/errorDetails";

    public const string ListErrors = "heal/listErrors";

    public const string ExecuteCommand = "workspace/executeCommand";

    public const string PublishDiagnostics = "textDocument/publishDiagnostics";

    public const string Progress = "$/progress";

    public const string HealCommand = "heal.heal";

    public const string ShowErrorDetailsCommand = "heal.showErrorDetails";

    public const string MuteCommand = "heal.mute";

    /// <summary>The diagnostics' <c>source</c>; their <c>code</c> is the group id.</summary>
    public const string DiagnosticSource = "heal";
}
