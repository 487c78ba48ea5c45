using System.CommandLine;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal completion bash|zsh|pwsh</c>: prints a script that gives the shell tab completion of commands and options. The
/// script asks heal itself through System.CommandLine's <c>[suggest]</c> directive, so completion always matches the
/// installed version.
/// </summary>
public static class CompletionCommand
{
    private static readonly Dictionary<string, string> s_scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            # heal tab completion for bash: add `eval "$(heal completion bash)"` to ~/.bashrc
            _heal_complete() {
              local IFS=$'\n'
              COMPREPLY=($(heal "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
            }
            complete -o default -F _heal_complete heal
            """,
        ["zsh"] = """
            # heal tab completion for zsh: add `eval "$(heal completion zsh)"` to ~/.zshrc
            _heal_complete() {
              local -a completions
              completions=(${(f)"$(heal "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)"})
              compadd -- $completions
            }
            compdef _heal_complete heal
            """,
        ["pwsh"] = """
            # heal tab completion for PowerShell: add `heal completion pwsh | Out-String | Invoke-Expression` to $PROFILE
            Register-ArgumentCompleter -Native -CommandName heal -ScriptBlock {
              param($wordToComplete, $commandAst, $cursorPosition)
              heal "[suggest:$cursorPosition]" "$commandAst" | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
              }
            }
            """,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong([.. s_scripts.Keys]);
        var command = new Command("completion", "Print the tab-completion script for a shell (bash, zsh, pwsh); the script says where to put it.") { shell };
        return command.WithAction(async (context, cancellationToken) =>
        {
            await context.Out.WriteLineAsync(s_scripts[context.Parse.GetValue(shell)!]);
            return ExitCodes.Ok;
        });
    }
}
