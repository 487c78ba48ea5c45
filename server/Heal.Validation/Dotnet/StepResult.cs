using Heal.Core.Model;

namespace Heal.Validation.Dotnet;

/// <param name="Output">Build or test output worth giving the diagnoser for a second attempt; empty on success.</param>
public sealed record StepResult(GateResult Gate, string Output, TrxReport? Report);
