namespace Heal.VisualStudio.Packaging;

/// <summary>The tool's <c>--name value</c> pairs; a name may repeat.</summary>
internal sealed class Options
{
    private readonly List<(string Name, string Value)> _pairs = [];

    public static Options Parse(IReadOnlyList<string> arguments)
    {
        var options = new Options();
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Count)
            {
                throw new ArgumentException($"expected --name value at '{arguments[i]}'");
            }

            options._pairs.Add((arguments[i][2..], arguments[i + 1]));
        }

        return options;
    }

    public IReadOnlyList<string> All(string name) => _pairs.Where(p => p.Name == name).Select(p => p.Value).ToList();

    public string Single(string name) => All(name) is [var value] ? value : throw new ArgumentException($"--{name} is needed once");
}
