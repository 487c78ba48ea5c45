using System.Collections.Generic;
using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP WorkspaceEdit in the <c>changes</c> form (uri → edits), the form heal/heal returns.</summary>
public sealed class LspWorkspaceEdit
{
    [JsonProperty("changes")]
    public Dictionary<string, List<LspTextEdit>> Changes { get; set; } = [];
}
