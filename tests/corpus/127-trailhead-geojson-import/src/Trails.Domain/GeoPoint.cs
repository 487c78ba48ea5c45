namespace Trails.Domain;

/// <summary>A WGS 84 position.</summary>
public readonly record struct GeoPoint
{
    private const double EarthRadiusKm = 6371.0;

    /// <param name="latitude">Degrees north of the equator, from -90 to 90.</param>
    /// <param name="longitude">Degrees east of Greenwich, from -180 to 180.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is outside its range.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }
        if (longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public double DistanceKmTo(GeoPoint other)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return EarthRadiusKm * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }
}
