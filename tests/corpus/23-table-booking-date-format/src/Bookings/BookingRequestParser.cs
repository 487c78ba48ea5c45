using System.Globalization;

namespace Bookings;

public sealed class BookingRequestParser(DateOnly today)
{
    public const int MaxPartySize = 12;

    public BookingRequest Parse(BookingForm form)
    {
        var name = form.Name.Trim();
        if (name.Length == 0)
            throw new InvalidBookingException("name", "Please tell us your name.");

        var email = form.Email.Trim();
        if (!email.Contains('@'))
            throw new InvalidBookingException("email", "Please enter an e-mail address so we can confirm.");

        var date = DateOnly.ParseExact(form.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date < today)
            throw new InvalidBookingException("date", "Bookings can't be made for a past date.");

        if (!TimeOnly.TryParseExact(form.Time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw new InvalidBookingException("time", "Please choose a time like 19:30.");

        if (!int.TryParse(form.PartySize, NumberStyles.None, CultureInfo.InvariantCulture, out var party) || party is < 1 or > MaxPartySize)
            throw new InvalidBookingException("partySize", $"We take bookings for 1 to {MaxPartySize} guests.");

        return new BookingRequest(name, email, date, time, party);
    }
}
