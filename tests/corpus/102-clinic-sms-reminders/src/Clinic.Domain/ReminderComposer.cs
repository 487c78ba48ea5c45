namespace Clinic.Domain;

/// <summary>Writes the text of appointment reminders in the practice's house style.</summary>
public sealed class ReminderComposer
{
    private readonly string _practiceName;

    public ReminderComposer(string practiceName)
    {
        _practiceName = practiceName;
    }

    /// <summary>Builds the SMS for one appointment, addressed to the patient's mobile number.</summary>
    public ReminderMessage Compose(Appointment appointment, Patient patient)
    {
        var name = patient.PreferredName ?? patient.GivenName;
        var body =
            $"Hi {name}, a reminder of your appointment with {appointment.ClinicianName} " +
            $"at {appointment.StartsAt:HH:mm} on {appointment.StartsAt:dddd d MMMM} ({appointment.Location}). " +
            $"Reply C to cancel. {_practiceName}";
        return new ReminderMessage(appointment.Id, patient.MobileNumber, body);
    }
}
