using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Result of heal/errorDetails: the hover's Markdown (event text escaped by the server) and the structured group.</summary>
public sealed class ErrorDetailsResult
{
    [JsonProperty("markdown")]
    public MarkupContent Markdown { get; set; } = new();

    [JsonProperty("error")]
    public ErrorSummary Error { get; set; } = new();
}
