using Heal.Core.Model;

namespace Heal.Validation.Dotnet;

/// <param name="Output">Build or test output worth giving the diagnoser for a second attempt; empty on success.</param>
/// <param name="Report">Every test project's results; null for a build, or when a test project gave no results.</param>
public sealed record StepResult(GateResult Gate, string Output, TrxReport? Report);
