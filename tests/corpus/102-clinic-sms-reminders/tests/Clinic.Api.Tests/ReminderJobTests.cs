using Clinic.Api;
using Clinic.Domain;
using Clinic.Infrastructure;

public class ReminderJobTests
{
    private static readonly DateOnly Tuesday = new(2025, 6, 10);

    private static ReminderJob Job(AppointmentBook book, params Patient[] patients) =>
        new(book, new PatientDirectory(patients), new ReminderComposer("Harbour Street Surgery"));

    [Fact]
    public void BuildBatch_TextsPatientsWithAMobile()
    {
        var book = new AppointmentBook();
        var id = Guid.NewGuid();
        book.Add(new Appointment(id, "485 777 3456", new DateTime(2025, 6, 10, 9, 20, 0), "Dr Okafor", "Room 3"));

        var batch = Job(book, new Patient("4857773456", "Margaret", "Hale", "Peggy", "+447700900123")).BuildBatch(Tuesday);

        var message = Assert.Single(batch.Messages);
        Assert.Equal("+447700900123", message.To);
        Assert.StartsWith("Hi Peggy, a reminder of your appointment with Dr Okafor at 09:20", message.Body);
    }

    [Fact]
    public void BuildBatch_PatientWithoutMobile_GoesToReception()
    {
        var book = new AppointmentBook();
        var id = Guid.NewGuid();
        book.Add(new Appointment(id, "9434765919", new DateTime(2025, 6, 10, 11, 0, 0), "Nurse Patel", "Room 1"));

        var batch = Job(book, new Patient("9434765919", "Tom", "Ashby", null, null)).BuildBatch(Tuesday);

        Assert.Empty(batch.Messages);
        Assert.Equal([id], batch.NoMobile);
        Assert.Empty(batch.Unmatched);
    }
}
