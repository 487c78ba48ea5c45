namespace Bookings;

/// <summary>Handles POST /book: validates the form and takes the booking, or tells the guest what to correct.</summary>
public sealed class BookingEndpoint(BookingRequestParser parser)
{
    private readonly List<BookingRequest> _taken = [];

    public IReadOnlyList<BookingRequest> Taken => _taken;

    public BookingResponse Submit(BookingForm form)
    {
        try
        {
            var request = parser.Parse(form);
            _taken.Add(request);
            return BookingResponse.Ok($"BK-{request.Date:yyMMdd}-{_taken.Count:D3}");
        }
        catch (InvalidBookingException invalid)
        {
            return BookingResponse.Invalid(invalid.Field, invalid.Message);
        }
    }
}
