namespace Heal.VisualStudio.Core.Review;

public enum ReviewState
{
    Pending,
    Accepted,
    Rejected,
}
