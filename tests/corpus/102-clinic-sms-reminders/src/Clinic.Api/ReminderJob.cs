using Clinic.Domain;
using Clinic.Infrastructure;

namespace Clinic.Api;

/// <summary>Runs at 18:00 and prepares the reminders for the next day's appointments.</summary>
public sealed class ReminderJob
{
    private readonly AppointmentBook _book;
    private readonly PatientDirectory _patients;
    private readonly ReminderComposer _composer;

    public ReminderJob(AppointmentBook book, PatientDirectory patients, ReminderComposer composer)
    {
        _book = book;
        _patients = patients;
        _composer = composer;
    }

    public ReminderBatch BuildBatch(DateOnly day)
    {
        var batch = new ReminderBatch(day);
        foreach (var appointment in _book.On(day))
        {
            var patient = _patients.Find(appointment.PatientNumber);
            var message = _composer.Compose(appointment, patient);
            if (message.To is null)
            {
                batch.NoMobile.Add(appointment.Id);
                continue;
            }
            batch.Messages.Add(message);
        }
        return batch;
    }
}
