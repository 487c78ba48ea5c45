namespace Heal.Core.Parsing;

/// <summary>
/// A JSON path such as <c>$.exception.values[0].stacktrace.frames[3].lineno</c>, formatted only when a problem is
/// reported. The parser visits every field of every frame; formatting each path up front cost more than reading the
/// values (most events have no problem at all).
/// </summary>
internal readonly struct JsonLocation(string prefix, int index = -1, string? field = null)
{
    public static implicit operator JsonLocation(string path) => new(path);

    /// <summary>The member <paramref name="name"/> of this value.</summary>
    public JsonLocation Field(string name) =>
        field is null ? new JsonLocation(prefix, index, name) : new JsonLocation(ToString(), -1, name);

    /// <summary>The array element <paramref name="position"/> of this value.</summary>
    public JsonLocation At(int position) =>
        index < 0 && field is null ? new JsonLocation(prefix, position) : new JsonLocation(ToString(), position);

    public override string ToString()
    {
        var text = index >= 0 ? $"{prefix}[{index}]" : prefix;
        return field is null ? text : text + "." + field;
    }
}
