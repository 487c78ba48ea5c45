using System.Collections.Generic;
using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Result of heal/heal.</summary>
public sealed class HealResult
{
    /// <summary>validated, declined, rejected or error.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = "";

    [JsonProperty("message")]
    public string Message { get; set; } = "";

    [JsonProperty("rootCause")]
    public string? RootCause { get; set; }

    /// <summary>0..1.</summary>
    [JsonProperty("confidence")]
    public double Confidence { get; set; }

    [JsonProperty("gates")]
    public List<Gate> Gates { get; set; } = [];

    /// <summary>Unified diff of the patch.</summary>
    [JsonProperty("patch")]
    public string? Patch { get; set; }

    /// <summary>The patch as edits against the files' current text (changes form), to preview before applying.</summary>
    [JsonProperty("edit")]
    public LspWorkspaceEdit? Edit { get; set; }

    /// <summary>The test that reproduced the crash, offered as a new file; only when proven.</summary>
    [JsonProperty("regressionTest")]
    public RegressionTest? RegressionTest { get; set; }

    /// <summary>What the repository says should happen, then the frames and lines relied on (newer servers).</summary>
    [JsonProperty("evidence")]
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>On a decline: the fixes the evidence supported, best first, none applied (newer servers).</summary>
    [JsonProperty("candidates")]
    public List<Candidate> Candidates { get; set; } = [];
}
