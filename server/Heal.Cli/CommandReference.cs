using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Heal.Cli;

/// <summary>
/// The README's command reference, rendered from the same <see cref="Command"/> definitions that parse the command line
/// and print <c>--help</c>. A test compares it with the README (and rewrites it when HEAL_UPDATE_README=1), so the two
/// cannot disagree.
/// </summary>
public static class CommandReference
{
    public const string Begin = "<!-- commands:begin (generated from the CLI's definitions; tests/Heal.Cli.Tests checks it) -->";

    public const string End = "<!-- commands:end -->";

    public static string ToMarkdown(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
        {
            text.Append('\n').Append("### `heal ").Append(command.Name).Append("`\n\n");
            text.Append(command.Description).Append('\n');
            var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
            var options = command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h").ToList();
            if (arguments.Count + options.Count == 0)
            {
                continue;
            }

            text.Append("\n| option | description |\n| --- | --- |\n");
            foreach (var argument in arguments)
            {
                text.Append("| `").Append(argument.Name.ToUpperInvariant()).Append("` | ").Append(Cell(argument.Description)).Append(" |\n");
            }

            foreach (var option in options)
            {
                text.Append("| `").Append(option.Name);
                if (option.ValueType != typeof(bool))
                {
                    text.Append(' ').Append(option.HelpName ?? "VALUE");
                }

                text.Append('`').Append(option.Required ? " (required)" : string.Empty).Append(" | ").Append(Cell(option.Description));
                if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value)
                {
                    text.Append(" Default: `").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append("`.");
                }

                text.Append(" |\n");
            }
        }

        text.Append('\n').Append(End);
        return text.ToString();
    }

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal);
}
