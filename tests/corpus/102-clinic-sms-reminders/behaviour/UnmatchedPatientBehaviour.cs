using Clinic.Api;
using Clinic.Domain;
using Clinic.Infrastructure;

public class UnmatchedPatientBehaviour
{
    private static readonly DateOnly Tuesday = new(2025, 6, 10);

    [Fact]
    public void BuildBatch_PatientNoLongerRegistered_IsListedAsUnmatchedAndNotTexted()
    {
        var book = new AppointmentBook();
        var gone = Guid.NewGuid();
        var kept = Guid.NewGuid();
        book.Add(new Appointment(gone, "6001234567", new DateTime(2025, 6, 10, 8, 40, 0), "Dr Okafor", "Room 3"));
        book.Add(new Appointment(kept, "4857773456", new DateTime(2025, 6, 10, 9, 20, 0), "Dr Okafor", "Room 3"));
        var patients = new PatientDirectory([new Patient("4857773456", "Margaret", "Hale", null, "+447700900123")]);

        var batch = new ReminderJob(book, patients, new ReminderComposer("Harbour Street Surgery")).BuildBatch(Tuesday);

        Assert.Equal([gone], batch.Unmatched);
        Assert.Empty(batch.NoMobile);
        Assert.Equal([kept], batch.Messages.Select(m => m.AppointmentId));
    }
}
