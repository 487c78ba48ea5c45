namespace Heal.Repair.Rules;

/// <summary>The new full text of one repository-relative file.</summary>
public sealed record FileEdit(string RelativePath, string NewText);
