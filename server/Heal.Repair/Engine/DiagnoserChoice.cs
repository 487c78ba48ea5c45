namespace Heal.Repair.Engine;

/// <summary>The diagnoser to use and why it was chosen (shown to the user).</summary>
public sealed record DiagnoserChoice(IDiagnoser Diagnoser, string Why);
