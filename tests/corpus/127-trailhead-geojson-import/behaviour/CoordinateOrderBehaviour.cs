using Trails.Domain;
using Trails.Import;

public class CoordinateOrderBehaviour
{
    private const string Portal = """
    {"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[170.0936,-43.7195]},"properties":{"id":"th-1","name":"Hooker Valley","parking":120}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[172.8344,-41.0532]},"properties":{"id":"th-2","name":"Marahau","parking":200}}
    ]}
    """;

    [Fact]
    public void Read_PositionsAreLongitudeThenLatitude()
    {
        var trailheads = new TrailheadGeoJson().Read(Portal);

        Assert.Equal(2, trailheads.Count);
        Assert.Equal(new GeoPoint(-43.7195, 170.0936), trailheads[0].Location);
        Assert.Equal(new GeoPoint(-41.0532, 172.8344), trailheads[1].Location);
    }

    [Fact]
    public void Read_WhatWriteWrote_GivesTheSameTrailheads()
    {
        var original = new[] { new Trailhead("th-9", "Glencoe", new GeoPoint(56.6826, -5.1023), 40) };
        var format = new TrailheadGeoJson();

        Assert.Equal(original, format.Read(format.Write(original)));
    }

    [Fact]
    public void GeoPoint_StillRejectsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(170.0936, -43.7195));
    }
}
