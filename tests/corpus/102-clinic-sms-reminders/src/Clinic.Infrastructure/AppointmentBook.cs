using Clinic.Domain;

namespace Clinic.Infrastructure;

public sealed class AppointmentBook
{
    private readonly List<Appointment> _appointments = new();

    public void Add(Appointment appointment) => _appointments.Add(appointment);

    /// <summary>The day's appointments in start order.</summary>
    public IReadOnlyList<Appointment> On(DateOnly day) =>
        _appointments
            .Where(a => DateOnly.FromDateTime(a.StartsAt) == day)
            .OrderBy(a => a.StartsAt)
            .ToList();
}
