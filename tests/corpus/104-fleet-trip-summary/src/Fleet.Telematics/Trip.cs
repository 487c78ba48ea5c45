using System;
using System.Collections.Generic;

namespace Fleet.Telematics
{
    public class Driver
    {
        public string Id { get; set; }
        public string Name { get; set; }
    }

    public class GpsPing
    {
        public DateTime Time { get; set; }
        public double Lat { get; set; }
        public double Lon { get; set; }
        public double SpeedKmh { get; set; }
    }

    public class Trip
    {
        public string VehicleReg { get; set; }
        // Pool vans are booked by the day and nobody badges in, so the unit sends no driver.
        public Driver Driver { get; set; }
        public List<GpsPing> Pings { get; set; }
    }

    public class TripSummary
    {
        public string VehicleReg { get; set; }
        public string DriverName { get; set; }
        public double DistanceKm { get; set; }
        public double MaxSpeedKmh { get; set; }
        public TimeSpan Duration { get; set; }
    }
}
