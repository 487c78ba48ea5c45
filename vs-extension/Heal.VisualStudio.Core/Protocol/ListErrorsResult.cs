using System.Collections.Generic;
using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Result of heal/listErrors: groups most recently seen first, muted ones included with their status.</summary>
public sealed class ListErrorsResult
{
    [JsonProperty("errors")]
    public List<ErrorSummary> Errors { get; set; } = [];
}
