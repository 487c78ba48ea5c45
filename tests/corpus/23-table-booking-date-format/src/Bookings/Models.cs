namespace Bookings;

/// <summary>The raw fields of the public "book a table" form, exactly as the browser posted them.</summary>
public sealed class BookingForm
{
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string Date { get; init; } = "";
    public string Time { get; init; } = "";
    public string PartySize { get; init; } = "";
}

public sealed record BookingRequest(string Name, string Email, DateOnly Date, TimeOnly Time, int PartySize);

public sealed class InvalidBookingException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public sealed record BookingResponse(bool Accepted, string? Reference, string? Field, string? Error)
{
    public static BookingResponse Ok(string reference) => new(true, reference, null, null);

    public static BookingResponse Invalid(string field, string error) => new(false, null, field, error);
}
