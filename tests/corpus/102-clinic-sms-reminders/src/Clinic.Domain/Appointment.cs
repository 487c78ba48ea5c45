namespace Clinic.Domain;

public sealed record Appointment(
    Guid Id,
    string PatientNumber,
    DateTime StartsAt,
    string ClinicianName,
    string Location);

/// <summary>One SMS to send. <see cref="To"/> is null when the patient has no mobile number.</summary>
public sealed record ReminderMessage(Guid AppointmentId, string? To, string Body);
