namespace Heal.Cli;

/// <summary>
/// Parsed <c>--name value</c> options, <c>--flag</c> switches and positional words. A command declares
/// what it reads with <see cref="Required"/>, <see cref="Optional"/> and <see cref="Flag"/>, then calls
/// <see cref="RejectUnknown"/> so a typo is a usage error, not a silent default.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string?>> _options;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private readonly List<string> _positional;

    private Arguments(Dictionary<string, List<string?>> options, List<string> positional)
    {
        _options = options;
        _positional = positional;
    }

    public IReadOnlyList<string> Positional => _positional;

    public static Arguments Parse(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                string name;
                string? value = null;
                var eq = arg.IndexOf('=');
                if (eq > 0)
                {
                    name = arg[2..eq];
                    value = arg[(eq + 1)..];
                }
                else
                {
                    name = arg[2..];
                    if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }
                }

                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new Arguments(options, positional);
    }

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"--{name} is required.");

    public string? Optional(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var values))
        {
            return null;
        }

        var value = values[^1];
        if (value is null)
        {
            throw new UsageException($"--{name} needs a value.");
        }

        return value;
    }

    /// <summary>Every value of an option that may be given several times (<c>--allow-origin A --allow-origin B</c>).</summary>
    public IReadOnlyList<string> Repeated(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var values))
        {
            return [];
        }

        return values.Select(v => v ?? throw new UsageException($"--{name} needs a value.")).ToList();
    }

    public int? OptionalInt(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a whole number, not '{text}'.");
    }

    /// <summary>A switch. A following word that is not an option is treated as positional, not as its value.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var values))
        {
            return false;
        }

        foreach (var value in values.Where(v => v is not null))
        {
            _positional.Add(value!);
        }

        values.RemoveAll(v => v is not null);
        return true;
    }

    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
