using System;
using System.Collections.Generic;
using Fleet.Telematics;

public class TripReportTests
{
    static readonly DateTime T0 = new DateTime(2025, 2, 3, 8, 0, 0);

    [Fact]
    public void Summarise_TwoPings_MeasuresDistanceAndDuration()
    {
        var trip = new Trip
        {
            VehicleReg = "KX71 ODF",
            Driver = new Driver { Id = "D-17", Name = "Sam Ortiz" },
            Pings = new List<GpsPing>
            {
                new GpsPing { Time = T0, Lat = 51.5007, Lon = -0.1246, SpeedKmh = 0 },
                new GpsPing { Time = T0.AddMinutes(30), Lat = 51.5033, Lon = -0.1196, SpeedKmh = 38 },
            },
        };

        var s = new TripReport().Summarise(trip);

        Assert.Equal("Sam Ortiz", s.DriverName);
        Assert.Equal(0.5, s.DistanceKm);
        Assert.Equal(TimeSpan.FromMinutes(30), s.Duration);
    }

    [Fact]
    public void Summarise_PoolVanThatNeverMoved_ShowsPoolVehicle()
    {
        var trip = new Trip { VehicleReg = "LN19 WZP", Pings = new List<GpsPing>() };

        var s = new TripReport().Summarise(trip);

        Assert.Equal(TripReport.PoolVehicle, s.DriverName);
        Assert.Equal(0, s.DistanceKm);
    }

    [Fact]
    public void ToCsv_OneRowPerTrip()
    {
        var csv = new TripReport().ToCsv(new[] { new TripSummary { VehicleReg = "KX71 ODF", DriverName = "Sam Ortiz", DistanceKm = 12.5, MaxSpeedKmh = 71, Duration = TimeSpan.FromMinutes(42) } });
        Assert.Equal("vehicle,driver,km,max_kmh,minutes\nKX71 ODF,Sam Ortiz,12.5,71,42\n", csv);
    }
}
