using Clinic.Domain;

namespace Clinic.Api;

/// <summary>What the nightly reminder job hands to the SMS gateway and to reception.</summary>
public sealed class ReminderBatch
{
    public ReminderBatch(DateOnly day)
    {
        Day = day;
    }

    public DateOnly Day { get; }

    /// <summary>Messages for the SMS gateway.</summary>
    public List<ReminderMessage> Messages { get; } = new();

    /// <summary>Appointments whose patient gave no mobile number; reception phones them instead.</summary>
    public List<Guid> NoMobile { get; } = new();

    /// <summary>
    /// Appointments whose patient record could not be found. Reception checks them by hand; they are never texted.
    /// </summary>
    public List<Guid> Unmatched { get; } = new();
}
