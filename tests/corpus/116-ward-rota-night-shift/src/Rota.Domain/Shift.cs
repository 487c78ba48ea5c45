namespace Rota.Domain;

/// <summary>A block of work on a ward.</summary>
public sealed class Shift
{
    /// <summary>Longest shift the working-time policy allows, in hours.</summary>
    public const double MaxHours = 13;

    /// <param name="staffId">Payroll number.</param>
    /// <param name="ward">Ward code.</param>
    /// <param name="start">Local start time.</param>
    /// <param name="hours">Length of the shift: more than 0 and at most <see cref="MaxHours"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is outside that range.</exception>
    public Shift(string staffId, string ward, DateTime start, double hours)
    {
        if (hours <= 0 || hours > MaxHours)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, $"A shift lasts more than 0 and at most {MaxHours} hours.");
        }
        StaffId = staffId;
        Ward = ward;
        Start = start;
        Hours = hours;
    }

    public string StaffId { get; }

    public string Ward { get; }

    public DateTime Start { get; }

    public double Hours { get; }

    public DateTime End => Start.AddHours(Hours);

    /// <summary>Hours worked between 20:00 and 06:00, which attract the night premium.</summary>
    public double NightHours()
    {
        double night = 0;
        for (var t = Start; t < End; t = t.AddMinutes(30))
        {
            if (t.Hour >= 20 || t.Hour < 6)
            {
                night += 0.5;
            }
        }
        return night;
    }
}
