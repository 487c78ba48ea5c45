using System.Collections.Generic;

namespace Heal.VisualStudio.Core.Errors;

/// <summary>A group row of the Production Errors tree: "NullReferenceException: message", then count, last seen, release.</summary>
public sealed record ErrorGroupNode(string GroupId, string Label, string Description, string Tooltip, bool IsMuted, IReadOnlyList<ErrorFrameNode> Frames);
