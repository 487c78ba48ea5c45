using Bookings;

namespace Bookings.Tests;

public class BookingEndpointTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static BookingForm Form(string date = "2026-06-12", string time = "19:30", string party = "4") =>
        new() { Name = "Lena Park", Email = "lena@example.org", Date = date, Time = time, PartySize = party };

    [Fact]
    public void Submit_ValidForm_TakesBooking()
    {
        var endpoint = new BookingEndpoint(new BookingRequestParser(Today));

        var response = endpoint.Submit(Form());

        Assert.True(response.Accepted);
        Assert.Equal("BK-260612-001", response.Reference);
        Assert.Equal(new TimeOnly(19, 30), Assert.Single(endpoint.Taken).Time);
    }

    [Fact]
    public void Submit_PastDate_IsRejectedOnDate()
    {
        var response = new BookingEndpoint(new BookingRequestParser(Today)).Submit(Form(date: "2026-05-30"));

        Assert.False(response.Accepted);
        Assert.Equal("date", response.Field);
    }

    [Fact]
    public void Submit_BadTime_IsRejectedOnTime()
    {
        Assert.Equal("time", new BookingEndpoint(new BookingRequestParser(Today)).Submit(Form(time: "7pm")).Field);
    }

    [Fact]
    public void Parse_TooManyGuests_Throws()
    {
        var error = Assert.Throws<InvalidBookingException>(() => new BookingRequestParser(Today).Parse(Form(party: "15")));

        Assert.Equal("partySize", error.Field);
    }
}
