using Bookings;

namespace Bookings.Behaviour.Tests;

// A date the form cannot read is a validation error on the "date" field, like every other bad field:
// the guest is asked to correct it, nothing is booked, and no other date is guessed.
public class UnreadableDateBehaviour
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static BookingForm Form(string date) =>
        new() { Name = "Lena Park", Email = "lena@example.org", Date = date, Time = "19:30", PartySize = "2" };

    [Theory]
    [InlineData("12/06/2026")]
    [InlineData("next friday")]
    [InlineData("")]
    public void Parse_UnreadableDate_ThrowsInvalidBookingOnDate(string date)
    {
        var error = Assert.Throws<InvalidBookingException>(() => new BookingRequestParser(Today).Parse(Form(date)));

        Assert.Equal("date", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Submit_UnreadableDate_AsksGuestToCorrectDate()
    {
        var endpoint = new BookingEndpoint(new BookingRequestParser(Today));

        var response = endpoint.Submit(Form("12/06/2026"));

        Assert.False(response.Accepted);
        Assert.Equal("date", response.Field);
        Assert.Empty(endpoint.Taken);
    }

    [Fact]
    public void Submit_IsoDate_StillBooks()
    {
        Assert.True(new BookingEndpoint(new BookingRequestParser(Today)).Submit(Form(" 2026-06-12 ")).Accepted);
    }
}
