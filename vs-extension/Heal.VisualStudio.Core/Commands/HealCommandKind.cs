namespace Heal.VisualStudio.Core.Commands;

public enum HealCommandKind
{
    Heal,
    ShowErrorDetails,
    Mute,
}
