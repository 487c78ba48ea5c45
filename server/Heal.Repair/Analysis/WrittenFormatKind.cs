namespace Heal.Repair.Analysis;

/// <summary>Where a <see cref="WrittenFormat"/> was read.</summary>
public enum WrittenFormatKind
{
    Writer,
    Constant,
    Documentation,
    Test,
}
