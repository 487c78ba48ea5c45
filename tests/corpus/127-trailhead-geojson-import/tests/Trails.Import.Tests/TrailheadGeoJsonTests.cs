using Trails.Domain;
using Trails.Import;

public class TrailheadGeoJsonTests
{
    [Fact]
    public void Write_PointFeatures()
    {
        var json = new TrailheadGeoJson().Write([new Trailhead("th-1", "Hooker Valley", new GeoPoint(-43.7195, 170.0936), 120)]);

        Assert.Equal(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[170.0936,-43.7195]},\"properties\":{\"id\":\"th-1\",\"name\":\"Hooker Valley\",\"parking\":120}}]}",
            json);
    }

    [Fact]
    public void GeoPoint_OutOfRange_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(91, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(0, 181));
    }

    [Fact]
    public void DistanceKmTo_AboutRight()
    {
        var hooker = new GeoPoint(-43.7195, 170.0936);
        var tasman = new GeoPoint(-43.7360, 170.1190);
        Assert.InRange(hooker.DistanceKmTo(tasman), 2.5, 3.0);
    }
}
