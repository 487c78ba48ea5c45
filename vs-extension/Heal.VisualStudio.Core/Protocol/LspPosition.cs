using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP Position: zero-based line and UTF-16 character, the same unit as a .NET string index.</summary>
public sealed class LspPosition
{
    [JsonProperty("line")]
    public int Line { get; set; }

    [JsonProperty("character")]
    public int Character { get; set; }
}
