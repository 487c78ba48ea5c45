using System.Globalization;
using System.Text;
using System.Text.Json;
using Trails.Domain;

namespace Trails.Import;

/// <summary>
/// Trailheads to and from GeoJSON (RFC 7946): a FeatureCollection of Point features, with id, name and parking
/// spaces as properties. The conservation department's open-data portal publishes the same shape.
/// </summary>
public sealed class TrailheadGeoJson
{
    public IReadOnlyList<Trailhead> Read(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var trailheads = new List<Trailhead>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            var properties = feature.GetProperty("properties");
            var location = new GeoPoint(coordinates[0].GetDouble(), coordinates[1].GetDouble());
            trailheads.Add(new Trailhead(
                properties.GetProperty("id").GetString()!,
                properties.GetProperty("name").GetString()!,
                location,
                properties.TryGetProperty("parking", out var parking) ? parking.GetInt32() : 0));
        }
        return trailheads;
    }

    public string Write(IEnumerable<Trailhead> trailheads)
    {
        var features = trailheads.Select(t => new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { t.Location.Longitude, t.Location.Latitude } },
            properties = new { id = t.Id, name = t.Name, parking = t.ParkingSpaces },
        });
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }
}
