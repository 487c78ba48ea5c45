namespace Heal.Testing;

/// <summary>What the loopback API answers to one request.</summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static ScriptedResponse Json(string body, params (string Name, string Value)[] headers) =>
        new(200, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static ScriptedResponse Fixture(string name, params (string Name, string Value)[] headers) =>
        Json(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Fixtures", name)), headers);

    public static ScriptedResponse WithStatus(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));
}
