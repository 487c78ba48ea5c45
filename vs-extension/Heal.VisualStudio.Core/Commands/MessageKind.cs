namespace Heal.VisualStudio.Core.Commands;

public enum MessageKind
{
    Information,
    Warning,
    Error,
}
