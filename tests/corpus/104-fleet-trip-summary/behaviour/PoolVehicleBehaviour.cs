using System;
using System.Collections.Generic;
using Fleet.Telematics;

public class PoolVehicleBehaviour
{
    static readonly DateTime T0 = new DateTime(2025, 2, 3, 8, 0, 0);

    [Fact]
    public void Summarise_PoolVanThatDrove_KeepsTheTripAndShowsPoolVehicle()
    {
        var trip = new Trip
        {
            VehicleReg = "LN19 WZP",
            Pings = new List<GpsPing>
            {
                new GpsPing { Time = T0, Lat = 51.5007, Lon = -0.1246, SpeedKmh = 0 },
                new GpsPing { Time = T0.AddMinutes(20), Lat = 51.5033, Lon = -0.1196, SpeedKmh = 44 },
            },
        };

        var s = new TripReport().Summarise(trip);

        Assert.Equal(TripReport.PoolVehicle, s.DriverName);
        Assert.Equal(0.5, s.DistanceKm);
        Assert.Equal(44, s.MaxSpeedKmh);
        Assert.Equal(TimeSpan.FromMinutes(20), s.Duration);
    }
}
